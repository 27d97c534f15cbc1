package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Kind;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses DynamoDB's expression languages by recursive descent: the entry points for conditions, update expressions
 * ({@link UpdateParser}) and projections, and the condition grammar itself (OR below AND below NOT below comparisons,
 * BETWEEN, IN and functions). It checks what AWS checks before it reads any item: syntax, placeholders, reserved
 * words, function names and arity, the types of literal operands, and overlapping paths. Errors are AWS's
 * ValidationException messages, prefixed with the expression's name.
 */
public final class Parser extends ExpressionReader {
    static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final int MAX_IN = 100;

    private Parser(String source, String kind, Placeholders placeholders) {
        super(source, kind, placeholders);
    }

    /** A ConditionExpression, FilterExpression or KeyConditionExpression ({@code kind} names it in errors). */
    public static Condition condition(String source, String kind, Placeholders placeholders) {
        Parser p = new Parser(source, kind, placeholders);
        Condition c = p.orCondition();
        p.expectEnd();
        return c;
    }

    public static Update update(String source, Placeholders placeholders) {
        UpdateParser p = new UpdateParser(source, placeholders);
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
                            + Values.describe(l.value())
                            + ", upper bound operand: AttributeValue: "
                            + Values.describe(h.value()));
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
}
