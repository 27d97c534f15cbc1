package dev.drsorchestrator.devstack.misc;

import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Protocol;
import dev.drsorchestrator.devstack.http.Xml;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (awsQuery): GetCallerIdentity and AssumeRole. The keys AssumeRole hands out belong to the role's account:
 * a DRS call signed with them sees that account's fleet, which is how cross-account paths are tested.
 */
public final class StsService implements AwsService {
    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@\\-]+/)*([\\w+=,.@\\-]{1,64})");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private record Session(String account, String roleName, String sessionName) {}

    private final String account;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public StsService(String account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    /** The account a request acts in: its assumed role's, or the configured account for any other keys. */
    public String accountOf(AwsRequest request) {
        String key = request.accessKey();
        Session s = key == null ? null : sessions.get(key);
        return s == null ? account : s.account();
    }

    public void reset() {
        sessions.clear();
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        Map<String, String> p = request.form();
        String action = p.get("Action");
        String requestId = UUID.randomUUID().toString();
        if ("GetCallerIdentity".equals(action)) {
            String key = request.accessKey();
            Session s = key == null ? null : sessions.get(key);
            String arn = s == null
                    ? "arn:aws:iam::" + account + ":root"
                    : "arn:aws:sts::" + s.account() + ":assumed-role/" + s.roleName() + "/" + s.sessionName();
            return Xml.response(
                    action,
                    NS,
                    Xml.element("Arn", arn)
                            + Xml.element("UserId", key == null ? "AIDADEVSTACK" : key)
                            + Xml.element("Account", s == null ? account : s.account()),
                    requestId);
        }
        if ("AssumeRole".equals(action)) {
            return Xml.response(action, NS, assumeRole(p), requestId);
        }
        throw AwsServiceException.badRequest(
                "InvalidAction", "devstack STS does not implement the action " + action + ".");
    }

    private String assumeRole(Map<String, String> p) {
        String roleArn = p.get("RoleArn");
        String sessionName = p.get("RoleSessionName");
        Matcher m = roleArn == null ? null : ROLE_ARN.matcher(roleArn);
        if (m == null || !m.matches()) {
            throw AwsServiceException.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + roleArn
                            + "' at 'roleArn' failed to satisfy constraint: Member must be a role ARN"
                            + " (arn:aws:iam::<12-digit account>:role/<name>).");
        }
        if (sessionName == null || !sessionName.matches("[\\w+=,.@\\-]{2,64}")) {
            throw AwsServiceException.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + sessionName
                            + "' at 'roleSessionName' failed to satisfy constraint: 2-64 characters of [\\w+=,.@-]");
        }
        int seconds = p.containsKey("DurationSeconds") ? Integer.parseInt(p.get("DurationSeconds")) : 3600;
        if (seconds < 900 || seconds > 43200) {
            throw AwsServiceException.badRequest("ValidationError", "DurationSeconds must be between 900 and 43200.");
        }
        String keyId = "ASIA" + token(16);
        sessions.put(keyId, new Session(m.group(1), m.group(2), sessionName));
        Instant expiration = Instant.now(clock).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        String roleId = "AROA" + token(17);
        return "<Credentials>" + Xml.element("AccessKeyId", keyId)
                + Xml.element("SecretAccessKey", token(40))
                + Xml.element("SessionToken", "devstack-" + token(64))
                + Xml.element("Expiration", expiration.toString()) + "</Credentials>"
                + "<AssumedRoleUser>" + Xml.element("AssumedRoleId", roleId + ":" + sessionName)
                + Xml.element("Arn", "arn:aws:sts::" + m.group(1) + ":assumed-role/" + m.group(2) + "/" + sessionName)
                + "</AssumedRoleUser>";
    }

    private String token(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
