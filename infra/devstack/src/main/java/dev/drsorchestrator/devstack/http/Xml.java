package dev.drsorchestrator.devstack.http;

/** The little XML the query-protocol services (SNS, STS) need: escaping and the response envelope. */
public final class Xml {
    private Xml() {}

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    /** {@code <ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>…} as AWS writes it. */
    public static HttpResult response(String action, String namespace, String resultXml, String requestId) {
        return HttpResult.text(
                200,
                "text/xml",
                "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + resultXml + "</"
                        + action + "Result><ResponseMetadata><RequestId>" + requestId
                        + "</RequestId></ResponseMetadata></" + action + "Response>");
    }
}
