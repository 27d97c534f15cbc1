package dev.drsorchestrator.devstack.ec2;

import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Xml;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * EC2's XML answers: {@code <ActionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">} with a
 * {@code requestId} and the members in lower camel case (no Result wrapper, unlike awsQuery); a list is
 * {@code <xxxSet><item>…</item></xxxSet>}.
 */
final class Ec2Xml {
    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final StringBuilder b = new StringBuilder();

    static HttpResult response(String action, Ec2Xml body, String requestId) {
        return HttpResult.text(
                200,
                "text/xml;charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + NS + "\"><requestId>"
                        + requestId + "</requestId>" + body.b + "</" + action + "Response>");
    }

    /** An element with text, left out when the value is null. */
    Ec2Xml el(String name, @Nullable Object value) {
        if (value != null) {
            String text = value instanceof Instant t
                    ? t.truncatedTo(ChronoUnit.MILLIS).toString()
                    : value.toString();
            b.append('<')
                    .append(name)
                    .append('>')
                    .append(Xml.escape(text))
                    .append("</")
                    .append(name)
                    .append('>');
        }
        return this;
    }

    Ec2Xml open(String name) {
        b.append('<').append(name).append('>');
        return this;
    }

    Ec2Xml close(String name) {
        b.append("</").append(name).append('>');
        return this;
    }

    /** {@code <tagSet><item><key/><value/></item>…</tagSet>}, left out when there are none. */
    Ec2Xml tags(Map<String, String> tags) {
        return tags("tagSet", tags);
    }

    Ec2Xml tags(String set, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            open(set);
            tags.forEach((k, v) -> open("item").el("key", k).el("value", v).close("item"));
            close(set);
        }
        return this;
    }

    /** {@code <set><item>v</item>…</set>} (or another item name), left out when empty. */
    Ec2Xml strings(String set, String item, List<String> values) {
        if (!values.isEmpty()) {
            open(set);
            values.forEach(v -> el(item, v));
            close(set);
        }
        return this;
    }

    Ec2Xml raw(Ec2Xml other) {
        b.append(other.b);
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
