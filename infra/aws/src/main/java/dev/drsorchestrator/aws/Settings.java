package dev.drsorchestrator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's choices, read from CDK context ({@code cdk.json}, or {@code -c name=value}). Every problem is
 * reported at once, each naming the context key and what to give it.
 *
 * @param prefix starts every resource name; two deployments in one account need two prefixes
 * @param domainName the host name people and machines use (a DNS name pointed at the load balancer)
 * @param certificateArn the ACM certificate for {@code domainName}, in the deployment's Region
 * @param cognitoDomainPrefix the Cognito hosted domain's prefix (globally unique)
 * @param memberAccounts accounts, besides the recovery account, whose DRS source servers drs-adapter works with
 * @param memberRegion the Region DRS runs in in the member accounts (the deployment's own by default)
 * @param externalId the ExternalId drs-adapter gives when it assumes a member account's role
 * @param memberRoleName the role each member account creates for drs-adapter
 * @param organizationId lets every account of this AWS Organization forward DRS events to the bus
 * @param alarmEmail subscribed to the operations topic, which every alarm notifies
 * @param natGateways NAT gateways for the services' private subnets (one per AZ for production resilience)
 * @param maxTasks most tasks a service scales to on its inbox depth (at least one always runs)
 * @param logRetentionDays how long the services' logs are kept
 * @param wafRateLimit requests per five minutes one client address may send before WAF blocks it
 * @param imageTag use images already pushed to ECR ({@code <prefix>/<service>:<tag>}, {@code <prefix>/console:<tag>})
 *     instead of building them
 * @param retainData keep tables, the key and the user pool when the stacks are deleted
 * @param tracing run an AWS Distro for OpenTelemetry collector beside each service, which sends its spans to X-Ray
 */
public record Settings(
        String prefix,
        String domainName,
        String certificateArn,
        String cognitoDomainPrefix,
        List<String> memberAccounts,
        @Nullable String memberRegion,
        @Nullable String externalId,
        String memberRoleName,
        @Nullable String organizationId,
        @Nullable String alarmEmail,
        int natGateways,
        int maxTasks,
        int logRetentionDays,
        int wafRateLimit,
        @Nullable String imageTag,
        boolean retainData,
        boolean tracing) {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,19}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern CERTIFICATE = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");
    private static final Pattern COGNITO_DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** The values CloudWatch Logs accepts. */
    private static final Set<Integer> RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /**
     * Reads the settings.
     *
     * @param context a context value by key, or null when it is not set
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public static Settings from(Function<String, @Nullable Object> context) {
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(context, problems);
        String prefix = r.text("prefix", Deployment.DEFAULT_PREFIX);
        if (!PREFIX.matcher(prefix).matches()) {
            problems.add("prefix: '" + prefix + "' must be 2-20 lower-case letters, digits and '-', starting with a "
                    + "letter (it starts every resource name, and rule names must stay within 64 characters)");
        }
        String domain = r.required("domainName", "the host name of the console and APIs, such as dr.example.com");
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            problems.add("domainName: '" + domain + "' is not a lower-case DNS name such as dr.example.com");
        }
        String certificate = r.required(
                "certificateArn",
                "the ARN of an ACM certificate for domainName in this Region (docs/deploy.md shows how to get one)");
        if (certificate != null && !CERTIFICATE.matcher(certificate).matches()) {
            problems.add("certificateArn: '" + certificate + "' is not an ACM certificate ARN "
                    + "(arn:aws:acm:<region>:<account>:certificate/<id>)");
        }
        String cognitoDomain = r.required(
                "cognitoDomainPrefix",
                "a globally unique prefix for the sign-in domain <prefix>.auth.<region>.amazoncognito.com");
        if (cognitoDomain != null
                && (!COGNITO_DOMAIN.matcher(cognitoDomain).matches()
                        || cognitoDomain.contains("aws")
                        || cognitoDomain.contains("amazon")
                        || cognitoDomain.contains("cognito"))) {
            problems.add("cognitoDomainPrefix: '" + cognitoDomain + "' must be lower-case letters, digits and '-' "
                    + "(at most 63), and Cognito refuses any containing 'aws', 'amazon' or 'cognito'");
        }
        List<String> members = r.list("memberAccounts");
        for (String account : members) {
            if (!ACCOUNT.matcher(account).matches()) {
                problems.add("memberAccounts: '" + account + "' is not a 12-digit AWS account id");
            }
        }
        String memberRegion = r.text("memberRegion", null);
        if (memberRegion != null && !REGION.matcher(memberRegion).matches()) {
            problems.add("memberRegion: '" + memberRegion + "' is not a Region name such as eu-west-1");
        }
        String externalId = r.text("externalId", null);
        if (!members.isEmpty() && externalId == null) {
            problems.add("externalId: missing; member accounts are reached through a role that requires it "
                    + "(choose a random string of 2-1224 characters and give the same to the member stack)");
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            problems.add("externalId: must be 2-1224 characters of letters, digits and +=,.@:/-");
        }
        String organization = r.text("organizationId", null);
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            problems.add("organizationId: '" + organization + "' is not an AWS Organizations id (o-…)");
        }
        String alarmEmail = r.text("alarmEmail", null);
        if (alarmEmail != null && !alarmEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("alarmEmail: '" + alarmEmail + "' is not an e-mail address");
        }
        // At least one: the tasks reach ECR, SQS, EventBridge, CloudWatch and DRS through it (only DynamoDB has an
        // endpoint in the VPC).
        int nat = r.number("natGateways", 1, 1, 3);
        int maxTasks = r.number("maxTasks", 4, 1, 50);
        int retention = r.number("logRetentionDays", 90, 1, 3653);
        if (!RETENTION_DAYS.contains(retention)) {
            problems.add("logRetentionDays: " + retention + " is not one CloudWatch Logs accepts "
                    + "(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, …, 3653)");
        }
        int rate = r.number("wafRateLimit", 2000, 100, 2_000_000_000);
        String imageTag = r.text("imageTag", null);
        if (imageTag != null && !imageTag.matches("[\\w][\\w.-]{0,127}")) {
            problems.add("imageTag: '" + imageTag + "' is not a container image tag");
        }
        boolean retain = r.flag("retainData", true);
        boolean tracing = r.flag("tracing", false);
        String roleName = r.text("memberRoleName", prefix + "-member");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the deployment's settings (CDK context) have " + problems.size()
                    + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
        return new Settings(
                prefix,
                domain,
                certificate,
                cognitoDomain,
                List.copyOf(members),
                memberRegion,
                externalId,
                roleName,
                organization,
                alarmEmail,
                nat,
                maxTasks,
                retention,
                rate,
                imageTag,
                retain,
                tracing);
    }

    public Deployment deployment() {
        return new Deployment(prefix);
    }

    public String publicUrl() {
        return "https://" + domainName;
    }

    /** Reads context values, adding a problem for each one that is there but unusable. */
    private record Reader(Function<String, @Nullable Object> context, List<String> problems) {

        @Nullable
        String text(String key, @Nullable String fallback) {
            Object value = context.apply(key);
            if (value == null || value.toString().isBlank()) {
                return fallback;
            }
            return value.toString().trim();
        }

        @Nullable
        String required(String key, String what) {
            String value = text(key, null);
            if (value == null) {
                problems.add(key + ": missing; give " + what + " (-c " + key + "=… or in cdk.json)");
            }
            return value;
        }

        List<String> list(String key) {
            Object value = context.apply(key);
            List<String> out = new ArrayList<>();
            if (value instanceof List<?> items) {
                items.forEach(i -> out.add(String.valueOf(i).trim()));
            } else if (value != null) {
                for (String item : value.toString().split(",")) {
                    if (!item.isBlank()) {
                        out.add(item.trim());
                    }
                }
            }
            return out;
        }

        int number(String key, int fallback, int min, int max) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    problems.add(key + ": " + n + " is outside " + min + "-" + max);
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(key + ": '" + value + "' is not a whole number");
                return fallback;
            }
        }

        boolean flag(String key, boolean fallback) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(key + ": '" + value + "' must be true or false");
                return fallback;
            }
            return Boolean.parseBoolean(value);
        }
    }
}
