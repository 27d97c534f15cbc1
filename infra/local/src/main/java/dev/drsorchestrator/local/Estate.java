package dev.drsorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Sets up what a DR engineer sets up, through the services' REST APIs only: the inventory synced from DRS,
 * protection groups, recovery plans, and executions started on request. Each call is made by the local user whose
 * role it needs (a planner plans, a drill-operator drills, an approver approves), or by the one {@link #as} names.
 */
public final class Estate {

    private final LocalSystem system;
    private final Users users;
    private final @Nullable String as;

    public Estate(LocalSystem system, Users users) {
        this(system, users, null);
    }

    private Estate(LocalSystem system, Users users, @Nullable String as) {
        this.system = system;
        this.users = users;
        this.as = as;
    }

    /** The same calls, all made by {@code username}. */
    public Estate as(String username) {
        users.password(username);
        return new Estate(system, users, username);
    }

    private Rest rest(String role) {
        return users.rest(as != null ? as : role);
    }

    public String url(Component c, String path) {
        return system.url(c) + path;
    }

    /**
     * Has drs-adapter sync every account's inventory ({@code POST /drs/accounts/sync}) and waits until
     * catalog-service lists each of these servers (it learns them from {@code SourceServerInventoryChanged}).
     */
    public void syncInventory(Collection<Server> servers, Duration timeout) {
        for (JsonNode result : rest("admin")
                .post(url(Component.DRS_ADAPTER, "/drs/accounts/sync"), null)
                .expect(200)
                .json()) {
            if (!result.path("reachable").asBoolean()) {
                throw new IllegalStateException("drs-adapter could not read DRS in account "
                        + result.path("scope").path("accountId").asText() + ": "
                        + result.path("error").asText()
                        + " (see its log)");
            }
        }
        Map<String, Set<String>> byAccount = servers.stream()
                .collect(Collectors.groupingBy(Server::account, Collectors.mapping(Server::id, Collectors.toSet())));
        Poll.until(
                "catalog-service to list the " + servers.size() + " servers synced from DRS",
                timeout,
                Duration.ofMillis(250),
                () -> byAccount.entrySet().stream()
                                .allMatch(e -> catalogued(e.getKey()).containsAll(e.getValue()))
                        ? Optional.of(true)
                        : Optional.empty());
    }

    /** The ids catalog-service lists in an account (every page). */
    public Set<String> catalogued(String account) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = rest("viewer")
                    .get(url(
                            Component.CATALOG,
                            "/source-servers?limit=500&accountId=" + account
                                    + (cursor == null ? "" : "&cursor=" + encode(cursor))))
                    .expect(200)
                    .json();
            page.path("items").forEach(s -> ids.add(s.path("sourceServerId").asText()));
            cursor = page.path("nextCursor").isTextual()
                    ? page.path("nextCursor").asText()
                    : null;
        } while (cursor != null);
        return ids;
    }

    /** A protection group of these servers in one account; its id. */
    public String group(String name, String account, List<String> serverIds) {
        ObjectNode body = Rest.object()
                .put("name", name)
                .put("accountId", account)
                .put("region", LocalSystem.REGION)
                .put("owner", "dr-team");
        serverIds.forEach(body.putArray("sourceServerIds")::add);
        return rest("planner")
                .post(url(Component.CATALOG, "/protection-groups"), body)
                .expect(201)
                .text("id");
    }

    /** A protection group of every server in an account with a tag's value (a selector: new servers join). */
    public String taggedGroup(String name, String description, String account, String tag, String value) {
        ObjectNode body = Rest.object()
                .put("name", name)
                .put("description", description)
                .put("accountId", account)
                .put("region", LocalSystem.REGION)
                .put("owner", "dr-team");
        body.putObject("tagSelector").putArray(tag).add(value);
        return rest("planner")
                .post(url(Component.CATALOG, "/protection-groups"), body)
                .expect(201)
                .text("id");
    }

    /**
     * Creates a recovery plan; its id. plan-service learns of new groups from catalog-service's events, so a plan
     * naming a group it has not heard of yet is retried until it has (or {@code timeout}).
     */
    public String plan(ObjectNode plan, Duration timeout) {
        return Poll.until(
                "plan-service to accept plan '" + plan.path("name").asText() + "'",
                timeout,
                Duration.ofMillis(250),
                () -> {
                    Rest.Response answer = rest("planner").post(url(Component.PLAN, "/recovery-plans"), plan);
                    if (answer.status() == 400 && answer.body().contains("unknown protection group")) {
                        return Optional.empty();
                    }
                    return Optional.of(answer.expect(201).text("id"));
                });
    }

    /** Starts an execution of a plan ({@code DRILL}, {@code RECOVERY} or {@code FAILBACK}); its id. */
    public String execute(String planId, String type, @Nullable String comment) {
        return request(planId, type, comment).expect(202).text("executionId");
    }

    /** The answer to a request to start an execution, whatever it is (a refusal included). */
    public Rest.Response request(String planId, String type, @Nullable String comment) {
        ObjectNode body = Rest.object().put("type", type);
        if (comment != null) {
            body.put("comment", comment);
        }
        return rest("DRILL".equals(type) ? "drill-operator" : "recovery-operator")
                .post(url(Component.PLAN, "/recovery-plans/" + planId + "/executions"), body);
    }

    /**
     * An operator's control of an execution ({@code approve}, {@code cancel}, {@code pause}, {@code resume},
     * {@code cleanup}) with a reason; the execution after it.
     */
    public JsonNode control(String executionId, String control, String reason) {
        return controlAnswer(executionId, control, reason).expect(200).json();
    }

    /** The answer to a control, whatever it is (a refusal included). */
    public Rest.Response controlAnswer(String executionId, String control, String reason) {
        return rest("approve".equals(control) ? "approver" : "recovery-operator")
                .post(
                        url(Component.EXECUTION, "/executions/" + executionId + "/" + control),
                        Rest.object().put("reason", reason));
    }

    /** The execution as execution-service shows it, or empty until it has heard of it. */
    public Optional<JsonNode> execution(String executionId) {
        Rest.Response answer = rest("viewer").get(url(Component.EXECUTION, "/executions/" + executionId));
        return answer.status() == 404
                ? Optional.empty()
                : Optional.of(answer.expect(200).json());
    }

    /** A wave of a plan: {@code {"name", "order", "protectionGroupIds", "failurePolicy"}}. */
    public static ObjectNode wave(String name, int order, String failurePolicy, List<String> groupIds) {
        ObjectNode wave = Rest.object().put("name", name).put("order", order).put("failurePolicy", failurePolicy);
        groupIds.forEach(wave.putArray("protectionGroupIds")::add);
        return wave;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
