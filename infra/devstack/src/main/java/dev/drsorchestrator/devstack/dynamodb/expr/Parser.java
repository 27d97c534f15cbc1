package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Kind;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Token;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Parses DynamoDB's expression languages by recursive descent: conditions (OR below AND below NOT below comparisons,
 * BETWEEN, IN and functions), update expressions (SET, REMOVE, ADD, DELETE) and projections. It checks what AWS checks
 * before it reads any item: syntax, placeholders, reserved words, function names and arity, the types of literal
 * operands, and overlapping paths. Errors are AWS's ValidationException messages, prefixed with the expression's name.
 */
public final class Parser {
    private static final Set<String> RESERVED = loadReservedWords();
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final int MAX_IN = 100;
    /** AWS's quotas: any expression string is at most 4 KB; an update has at most 300 operators and functions. */
    private static final int MAX_EXPRESSION_BYTES = 4096;

    private static final int MAX_UPDATE_OPERATORS = 300;

    private final String source;
    private final String kind;
    private final Placeholders placeholders;
    private final List<Token> tokens;
    private int pos;
    private int operators;

    private Parser(String source, String kind, Placeholders placeholders) {
        if (source.isBlank()) {
            throw DynamoErrors.invalidExpression(kind, "The expression can not be empty;");
        }
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw DynamoErrors.invalidExpression(
                    kind,
                    "Expression size has exceeded the maximum allowed size;" + " expression size: " + bytes
                            + " bytes, maximum: " + MAX_EXPRESSION_BYTES);
        }
        this.source = source;
        this.kind = kind;
        this.placeholders = placeholders;
        this.tokens = Lexer.tokens(source, kind);
    }

    /** A ConditionExpression, FilterExpression or KeyConditionExpression ({@code kind} names it in errors). */
    public static Condition condition(String source, String kind, Placeholders placeholders) {
        Parser p = new Parser(source, kind, placeholders);
        Condition c = p.orCondition();
        p.expectEnd();
        return c;
    }

    public static Update update(String source, Placeholders placeholders) {
        Parser p = new Parser(source, "UpdateExpression", placeholders);
        Update u = p.updateExpression();
        p.expectEnd();
        return u;
    }

    public static Projection projection(String source, Placeholders placeholders) {
        Parser p = new Parser(source, "ProjectionExpression", placeholders);
        List<Path> paths = new ArrayList<>();
        paths.add(p.path());
        while (p.peek().is(",")) {
            p.pos++;
            paths.add(p.path());
        }
        p.expectEnd();
        p.checkNoOverlap(paths);
        return new Projection(paths);
    }

    // ---- conditions

    private Condition orCondition() {
        Condition c = andCondition();
        while (peek().isKeyword("OR")) {
            pos++;
            c = new Condition.Or(c, andCondition());
        }
        return c;
    }

    private Condition andCondition() {
        Condition c = notCondition();
        while (peek().isKeyword("AND")) {
            pos++;
            c = new Condition.And(c, notCondition());
        }
        return c;
    }

    private Condition notCondition() {
        if (peek().isKeyword("NOT")) {
            pos++;
            return new Condition.Not(notCondition());
        }
        return predicate();
    }

    private Condition predicate() {
        Token t = peek();
        if (t.is("(")) {
            pos++;
            Condition inner = orCondition();
            expect(")");
            return inner;
        }
        if (t.kind() == Kind.IDENT && peekAt(1).is("(") && !t.text().equals("size")) {
            return function();
        }
        Operand left = operand();
        Token op = peek();
        Condition.Comparator comparator = op.kind() == Kind.SYMBOL ? Condition.Comparator.of(op.text()) : null;
        if (comparator != null) {
            pos++;
            Operand right = operand();
            if (comparator != Condition.Comparator.EQ && comparator != Condition.Comparator.NE) {
                checkScalar(left, op.text());
                checkScalar(right, op.text());
            }
            return new Condition.Compare(left, comparator, right);
        }
        if (op.isKeyword("BETWEEN")) {
            pos++;
            Operand low = operand();
            expectKeyword("AND");
            Operand high = operand();
            checkScalar(left, "BETWEEN");
            checkScalar(low, "BETWEEN");
            checkScalar(high, "BETWEEN");
            if (low instanceof Operand.Literal l && high instanceof Operand.Literal h) {
                Integer order = Value.compare(l.value(), h.value());
                if (order == null || order > 0) {
                    throw error("The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
                            + " lower bound operand: AttributeValue: "
                            + dev.drsorchestrator.devstack.dynamodb.Values.describe(l.value())
                            + ", upper bound operand: AttributeValue: "
                            + dev.drsorchestrator.devstack.dynamodb.Values.describe(h.value()));
                }
            }
            return new Condition.Between(left, low, high);
        }
        if (op.isKeyword("IN")) {
            pos++;
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                pos++;
                candidates.add(operand());
            }
            expect(")");
            if (candidates.size() > MAX_IN) {
                throw error(
                        "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw syntaxError(op);
    }

    private Condition function() {
        Token name = next();
        String fn = name.text();
        if (!CONDITION_FUNCTIONS.contains(fn)) {
            if (fn.equals("if_not_exists") || fn.equals("list_append")) {
                throw error("The function is not allowed to be used this way in an expression; function: " + fn);
            }
            throw error("Invalid function name; function: " + fn);
        }
        expect("(");
        List<Operand> args = new ArrayList<>();
        args.add(operand());
        while (peek().is(",")) {
            pos++;
            args.add(operand());
        }
        expect(")");
        int arity = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
        if (args.size() != arity) {
            throw error("Incorrect number of operands for operator or function; operator or function: " + fn
                    + ", number of operands: " + args.size());
        }
        Condition c =
                switch (fn) {
                    case "attribute_exists" -> new Condition.AttributeExists(pathArg(fn, args.get(0)), true);
                    case "attribute_not_exists" -> new Condition.AttributeExists(pathArg(fn, args.get(0)), false);
                    case "attribute_type" -> {
                        Path path = pathArg(fn, args.get(0));
                        if (!(args.get(1) instanceof Operand.Literal lit) || !(lit.value() instanceof Value.S type)) {
                            throw error("Incorrect operand type for operator or function; operator or function: " + fn
                                    + ", operand type: " + typeName(args.get(1)));
                        }
                        if (!TYPES.contains(type.value())) {
                            throw error("Invalid attribute type name found; type: " + type.value() + ", access path: "
                                    + path);
                        }
                        yield new Condition.AttributeType(path, type.value());
                    }
                    case "begins_with" -> {
                        for (Operand arg : args) {
                            if (arg instanceof Operand.Literal lit
                                    && !(lit.value() instanceof Value.S || lit.value() instanceof Value.B)) {
                                throw error("Incorrect operand type for operator or function; operator or function: "
                                        + fn + ", operand type: " + typeName(arg));
                            }
                        }
                        yield new Condition.BeginsWith(args.get(0), args.get(1));
                    }
                    default -> new Condition.Contains(args.get(0), args.get(1));
                };
        Token after = peek();
        if (after.kind() == Kind.SYMBOL && Condition.Comparator.of(after.text()) != null) {
            throw syntaxError(after);
        }
        return c;
    }

    private Path pathArg(String fn, Operand arg) {
        if (arg instanceof Operand.PathOperand p) {
            return p.path();
        }
        throw error("Operator or function requires a document path; operator or function: " + fn);
    }

    private void checkScalar(Operand operand, String operator) {
        if (operand instanceof Operand.Literal lit) {
            Value v = lit.value();
            if (!(v instanceof Value.S || v instanceof Value.N || v instanceof Value.B)) {
                throw error("Incorrect operand type for operator or function; operator or function: " + operator
                        + ", operand type: " + typeName(operand));
            }
        }
    }

    private static String typeName(Operand operand) {
        return operand instanceof Operand.Literal lit ? lit.value().type() : "PATH";
    }

    /** A condition operand: a path, a :value or size(path). */
    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE_REF) {
            pos++;
            return new Operand.Literal(t.text(), placeholders.value(t.text(), kind));
        }
        if (t.kind() == Kind.IDENT && peekAt(1).is("(")) {
            if (!t.text().equals("size")) {
                if (CONDITION_FUNCTIONS.contains(t.text())) {
                    throw syntaxError(t);
                }
                throw error("Invalid function name; function: " + t.text());
            }
            pos += 2;
            Operand arg = operand();
            expect(")");
            return new Operand.Size(pathArg("size", arg));
        }
        return new Operand.PathOperand(path());
    }

    // ---- update expressions

    private Update updateExpression() {
        List<Update.Action> actions = new ArrayList<>();
        Set<Update.Kind> seen = EnumSet.noneOf(Update.Kind.class);
        do {
            Token t = next();
            Update.Kind section = sectionOf(t);
            if (section == null) {
                throw syntaxError(t);
            }
            if (!seen.add(section)) {
                throw error("The \"" + section + "\" section can only be used once in an update expression;");
            }
            actions.add(action(section));
            while (peek().is(",")) {
                pos++;
                actions.add(action(section));
            }
        } while (peek().kind() != Kind.END);
        if (operators > MAX_UPDATE_OPERATORS) {
            throw error("The expression contains too many operators and functions; count: " + operators + ", maximum: "
                    + MAX_UPDATE_OPERATORS);
        }
        checkNoOverlap(actions.stream().map(Update.Action::path).toList());
        return new Update(actions);
    }

    private static Update.Kind sectionOf(Token t) {
        if (t.kind() != Kind.IDENT) {
            return null;
        }
        for (Update.Kind k : Update.Kind.values()) {
            if (t.text().equalsIgnoreCase(k.name())) {
                return k;
            }
        }
        return null;
    }

    private Update.Action action(Update.Kind section) {
        Path path = path();
        switch (section) {
            case SET -> {
                expect("=");
                Operand value = setOperand();
                if (peek().is("+") || peek().is("-")) {
                    operators++;
                    boolean plus = next().is("+");
                    value = new Operand.Arithmetic(value, plus, setOperand());
                }
                return new Update.Action(section, path, value);
            }
            case REMOVE -> {
                return new Update.Action(section, path, null);
            }
            default -> {
                Token t = peek();
                if (t.kind() != Kind.VALUE_REF) {
                    throw syntaxError(t);
                }
                pos++;
                Value v = placeholders.value(t.text(), kind);
                boolean set = v instanceof Value.SS || v instanceof Value.NS || v instanceof Value.BS;
                if (!(set || (section == Update.Kind.ADD && v instanceof Value.N))) {
                    throw error("Incorrect operand type for operator or function; operator: " + section
                            + ", operand type: " + v.type());
                }
                return new Update.Action(section, path, new Operand.Literal(t.text(), v));
            }
        }
    }

    private Operand setOperand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE_REF) {
            pos++;
            return new Operand.Literal(t.text(), placeholders.value(t.text(), kind));
        }
        if (t.kind() == Kind.IDENT && peekAt(1).is("(")) {
            pos += 2;
            operators++;
            Operand result;
            switch (t.text()) {
                case "if_not_exists" -> {
                    Path path = path();
                    expect(",");
                    result = new Operand.IfNotExists(path, setOperand());
                }
                case "list_append" -> {
                    Operand first = setOperand();
                    expect(",");
                    result = new Operand.ListAppend(first, setOperand());
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(t.text()) || t.text().equals("size")) {
                        throw error("The function is not allowed in an update expression; function: " + t.text());
                    }
                    throw error("Invalid function name; function: " + t.text());
                }
            }
            expect(")");
            return result;
        }
        return new Operand.PathOperand(path());
    }

    // ---- paths

    private Path path() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(name(next())));
        while (true) {
            Token t = peek();
            if (t.is(".")) {
                pos++;
                elements.add(new Path.Name(name(next())));
            } else if (t.is("[")) {
                pos++;
                Token index = next();
                if (index.kind() != Kind.NUMBER) {
                    throw syntaxError(index);
                }
                expect("]");
                try {
                    elements.add(new Path.Index(Integer.parseInt(index.text())));
                } catch (NumberFormatException e) {
                    throw syntaxError(index);
                }
            } else {
                return new Path(elements);
            }
        }
    }

    private String name(Token t) {
        if (t.kind() == Kind.NAME_REF) {
            return placeholders.name(t.text(), kind);
        }
        if (t.kind() != Kind.IDENT) {
            throw syntaxError(t);
        }
        if (RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw error("Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        return t.text();
    }

    private void checkNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    boolean same = Objects.equals(paths.get(i), paths.get(j));
                    throw error("Two document paths " + (same ? "conflict" : "overlap")
                            + " with each other; must remove or rewrite one of these paths; path one: " + paths.get(i)
                            + ", path two: " + paths.get(j));
                }
            }
        }
    }

    // ---- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private void expect(String symbol) {
        Token t = next();
        if (!t.is(symbol)) {
            throw syntaxError(t);
        }
    }

    private void expectKeyword(String keyword) {
        Token t = next();
        if (!t.isKeyword(keyword)) {
            throw syntaxError(t);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw syntaxError(peek());
        }
    }

    private AwsServiceException error(String message) {
        return DynamoErrors.invalidExpression(kind, message);
    }

    private AwsServiceException syntaxError(Token t) {
        int index = tokens.indexOf(t);
        int from = index > 0 ? tokens.get(index - 1).start() : t.start();
        return syntaxError(kind, source, t.text(), from, t.end());
    }

    static AwsServiceException syntaxError(String kind, String source, String token, int from, int to) {
        String near = source.substring(Math.max(0, from), Math.min(source.length(), Math.max(to, from)));
        return DynamoErrors.invalidExpression(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    private static Set<String> loadReservedWords() {
        Set<String> words = new HashSet<>();
        try (var in = Parser.class.getResourceAsStream("/dev/drsorchestrator/devstack/dynamodb/reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the devstack jar");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toUpperCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
