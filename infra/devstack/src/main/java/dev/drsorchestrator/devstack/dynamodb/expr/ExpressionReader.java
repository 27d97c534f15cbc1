package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Kind;
import dev.drsorchestrator.devstack.dynamodb.expr.Lexer.Token;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the expression parsers share: the tokens of one expression and a cursor over them, document paths (with
 * {@code #name} placeholders resolved and reserved words refused), the check that paths do not overlap, and AWS's
 * error messages, prefixed with the expression's name. An expression longer than AWS's 4 KB is refused up front.
 */
abstract class ExpressionReader {
    private static final Set<String> RESERVED = loadReservedWords();
    /** AWS's quota: any expression string is at most 4 KB. */
    private static final int MAX_EXPRESSION_BYTES = 4096;

    final String source;
    final String kind;
    final Placeholders placeholders;
    final List<Token> tokens;
    int pos;

    ExpressionReader(String source, String kind, Placeholders placeholders) {
        if (source.isBlank()) {
            throw DynamoErrors.invalidExpression(kind, "The expression can not be empty;");
        }
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw DynamoErrors.invalidExpression(
                    kind,
                    "Expression size has exceeded the maximum allowed size; expression size: " + bytes
                            + " bytes, maximum: " + MAX_EXPRESSION_BYTES);
        }
        this.source = source;
        this.kind = kind;
        this.placeholders = placeholders;
        this.tokens = Lexer.tokens(source, kind);
    }

    // ---- paths

    Path path() {
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

    String name(Token t) {
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

    void checkNoOverlap(List<Path> paths) {
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

    Token peek() {
        return tokens.get(pos);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    void expect(String symbol) {
        Token t = next();
        if (!t.is(symbol)) {
            throw syntaxError(t);
        }
    }

    void expectKeyword(String keyword) {
        Token t = next();
        if (!t.isKeyword(keyword)) {
            throw syntaxError(t);
        }
    }

    void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw syntaxError(peek());
        }
    }

    AwsServiceException error(String message) {
        return DynamoErrors.invalidExpression(kind, message);
    }

    AwsServiceException syntaxError(Token t) {
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
        try (var in = ExpressionReader.class.getResourceAsStream(
                "/dev/drsorchestrator/devstack/dynamodb/reserved-words.txt")) {
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
