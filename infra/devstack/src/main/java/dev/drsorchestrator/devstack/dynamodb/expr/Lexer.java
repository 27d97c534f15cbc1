package dev.drsorchestrator.devstack.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: identifiers (attribute names, keywords, function names), {@code #name} and
 * {@code :value} placeholders, list indexes, and the symbols {@code ( ) [ ] , . = <> < <= > >= + -}.
 */
final class Lexer {
    enum Kind {
        IDENT,
        NAME_REF,
        VALUE_REF,
        NUMBER,
        SYMBOL,
        END
    }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }
    }

    private Lexer() {}

    /** Tokens, ending with an END token; a character that starts no token is a syntax error. */
    static List<Token> tokens(String source, String expressionKind) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isNameChar(source.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw ExpressionReader.syntaxError(expressionKind, source, String.valueOf(c), start, i);
                }
                out.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, source.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && isNameChar(source.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, source.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, source.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && source.charAt(i + 1) == '=') {
                i += 2;
                out.add(new Token(Kind.SYMBOL, source.substring(start, i), start, i));
            } else if (c == '<' && i + 1 < n && source.charAt(i + 1) == '>') {
                i += 2;
                out.add(new Token(Kind.SYMBOL, "<>", start, i));
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                throw ExpressionReader.syntaxError(expressionKind, source, String.valueOf(c), start, start + 1);
            }
        }
        out.add(new Token(Kind.END, "<EOF>", n, n));
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
