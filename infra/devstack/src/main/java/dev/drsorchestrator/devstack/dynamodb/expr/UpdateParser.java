package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Kind;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an UpdateExpression: SET (with {@code +}, {@code -}, {@code if_not_exists} and {@code list_append}), REMOVE,
 * ADD and DELETE, each section at most once, with AWS's checks: operand types of ADD and DELETE, at most 300
 * operators and functions, no two paths that overlap.
 */
final class UpdateParser extends ExpressionReader {
    /** AWS's quota: an update has at most 300 operators and functions. */
    private static final int MAX_UPDATE_OPERATORS = 300;

    private int operators;

    UpdateParser(String source, Placeholders placeholders) {
        super(source, "UpdateExpression", placeholders);
    }

    Update updateExpression() {
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
                    if (Parser.CONDITION_FUNCTIONS.contains(t.text())
                            || t.text().equals("size")) {
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
}
