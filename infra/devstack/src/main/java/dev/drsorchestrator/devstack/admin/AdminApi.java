package dev.drsorchestrator.devstack.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.cognito.UserPool;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.misc.LambdaService;
import dev.drsorchestrator.devstack.misc.SsmService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /_devstack/…}: what AWS has no API for. Seed the DRS fleet, inject faults, read the DRS call log, fire a
 * schedule or schedule rule now, set an alarm's state, read the metric data points published to CloudWatch, configure
 * SSM outcomes and fake Lambda results, rotate a user pool's signing keys, reset. JSON in
 * and out; bad input is a 400 whose {@code error} names the field and the reason. {@code docs/devstack.md} lists
 * every route.
 */
public final class AdminApi {
    private final Devstack devstack;

    public AdminApi(Devstack devstack) {
        this.devstack = devstack;
    }

    public HttpResult handle(AwsRequest r) {
        try {
            return route(r);
        } catch (AwsServiceException e) {
            return problem(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        } catch (IOException e) {
            return problem(400, "the body is not valid JSON for this route: " + e.getMessage());
        }
    }

    private static HttpResult problem(int status, String message) {
        return HttpResult.json(status, Json.object().put("error", message), "application/json");
    }

    private HttpResult route(AwsRequest r) throws IOException {
        String[] p = r.path().substring("/_devstack".length()).split("/");
        List<String> parts = java.util.Arrays.stream(p)
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
        String m = r.method();
        String path = String.join("/", parts);
        DrsSimulator drs = devstack.drs();
        if (parts.isEmpty() || path.equals("health")) {
            return HttpResult.json(Json.object()
                    .put("status", "UP")
                    .put("endpoint", devstack.endpoint().toString())
                    .put("account", devstack.account())
                    .put("region", devstack.region())
                    .put("seed", drs.seed())
                    .put("startupMillis", devstack.startupTime().toMillis()));
        }
        if (path.equals("reset") && m.equals("POST")) {
            devstack.reset();
            return HttpResult.json(Json.object().put("reset", true));
        }
        if (parts.get(0).equals("drs")) {
            return drs(r, parts, m, drs);
        }
        if (parts.size() == 4 && parts.get(0).equals("ec2") && m.equals("GET")) {
            String account = parts.get(1);
            String region = parts.get(2);
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("account: must be 12 digits, got '" + account + "'");
            }
            if (parts.get(3).equals("network")) {
                return HttpResult.json(Ec2.seededNetwork(account, region).json());
            }
            if (parts.get(3).equals("instances")) {
                return HttpResult.json(Json.MAPPER.valueToTree(devstack.ec2().instances(account, region)));
            }
        }
        if (path.equals("events/recent") && m.equals("GET")) {
            ArrayNode out = Json.array();
            devstack.events().recentEvents().forEach(out::add);
            return HttpResult.json(out);
        }
        if (parts.size() == 5
                && parts.get(0).equals("events")
                && parts.get(1).equals("rules")
                && parts.get(4).equals("fire")
                && m.equals("POST")) {
            devstack.events().fireRuleNow(parts.get(2), parts.get(3));
            return HttpResult.json(Json.object().put("fired", parts.get(2) + "/" + parts.get(3)));
        }
        if (path.equals("deliveries/failed") && m.equals("GET")) {
            return HttpResult.json(devstack.deliveries().failures());
        }
        if (parts.size() == 5
                && parts.get(0).equals("scheduler")
                && parts.get(1).equals("schedules")
                && parts.get(4).equals("fire")
                && m.equals("POST")) {
            String times = r.query().get("deliveries");
            int deliveries;
            try {
                deliveries = times == null ? 1 : Integer.parseInt(times);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("deliveries: a number between 1 and 10, got '" + times + "'");
            }
            devstack.scheduler().fireNow(parts.get(2), parts.get(3), deliveries);
            return HttpResult.json(Json.object()
                    .put("fired", parts.get(2) + "/" + parts.get(3))
                    .put("deliveries", deliveries));
        }
        if (path.equals("scheduler/firings") && m.equals("GET")) {
            return HttpResult.json(devstack.scheduler().firings());
        }
        if (parts.size() == 4
                && parts.get(0).equals("cloudwatch")
                && parts.get(1).equals("alarms")
                && parts.get(3).equals("state")
                && m.equals("PUT")) {
            JsonNode in = body(r);
            String state = Json.text(in, "state");
            if (state == null) {
                throw new IllegalArgumentException("state: required (OK, ALARM or INSUFFICIENT_DATA)");
            }
            ObjectNode detail =
                    devstack.alarms().setState(parts.get(2), state, Json.text(in, "reason"), in.get("configuration"));
            ObjectNode out = Json.object().put("changed", detail != null);
            if (detail != null) {
                out.set("detail", detail);
            }
            return HttpResult.json(out);
        }
        if (path.equals("cloudwatch/metrics") && m.equals("GET")) {
            ArrayNode out = Json.array();
            devstack.metrics()
                    .dataPoints(r.query().get("namespace"), r.query().get("metricName"))
                    .forEach(point -> out.add(point.json()));
            return HttpResult.json(out);
        }
        if (parts.size() >= 3
                && parts.size() <= 4
                && parts.get(0).equals("ssm")
                && parts.get(1).equals("outcomes")
                && m.equals("PUT")) {
            SsmService.Outcome o = Json.MAPPER.readValue(r.body(), SsmService.Outcome.class);
            devstack.ssm().outcome(parts.get(2), parts.size() == 4 ? parts.get(3) : null, o);
            return HttpResult.json(Json.MAPPER.valueToTree(o));
        }
        if (path.equals("ssm/commands") && m.equals("GET")) {
            return HttpResult.json(devstack.ssm().commands());
        }
        if (parts.size() == 3 && parts.get(0).equals("lambda") && parts.get(1).equals("functions") && m.equals("PUT")) {
            LambdaService.FakeFunction f = Json.MAPPER.readValue(r.body(), LambdaService.FakeFunction.class);
            devstack.lambda().register(parts.get(2), f);
            return HttpResult.json(Json.MAPPER.valueToTree(f));
        }
        if (parts.size() == 3
                && parts.get(0).equals("cognito")
                && parts.get(2).equals("rotate-keys")
                && m.equals("POST")) {
            UserPool pool = devstack.cognito().find(parts.get(1));
            if (pool == null) {
                return problem(404, "no user pool " + parts.get(1));
            }
            pool.rotateKeys();
            return HttpResult.json(Json.object().put("userPoolId", pool.id()).put("kid", pool.currentKeyId()));
        }
        if (path.equals("lambda/invocations") && m.equals("GET")) {
            return HttpResult.json(devstack.lambda().invocations());
        }
        return problem(404, "no admin route " + m + " /_devstack/" + path + "; docs/devstack.md lists them");
    }

    private HttpResult drs(AwsRequest r, List<String> parts, String m, DrsSimulator drs) throws IOException {
        String path = String.join("/", parts);
        switch (path) {
            case "drs/servers" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.allServers());
                }
                if (m.equals("POST")) {
                    JsonNode in = body(r);
                    JsonNode list = in.isArray() ? in : in.path("servers");
                    List<DrsSimulator.ServerSpec> specs =
                            Json.MAPPER.convertValue(list, new TypeReference<List<DrsSimulator.ServerSpec>>() {});
                    return HttpResult.json(201, drs.addServers(specs), "application/json");
                }
            }
            case "drs/fleet" -> {
                if (m.equals("POST")) {
                    DrsSimulator.FleetSpec spec = Json.MAPPER.readValue(r.body(), DrsSimulator.FleetSpec.class);
                    return HttpResult.json(201, drs.generateFleet(spec), "application/json");
                }
            }
            case "drs/jobs" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.allJobs());
                }
            }
            case "drs/recovery-instances" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.allRecoveryInstances());
                }
            }
            case "drs/calls" -> {
                if (m.equals("GET")) {
                    String after = r.query().get("after");
                    return HttpResult.json(drs.calls()
                            .since(
                                    after == null ? 0 : Long.parseLong(after),
                                    r.query().get("operation")));
                }
            }
            case "drs/faults" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.faults());
                }
                if (m.equals("PUT")) {
                    drs.faults(Json.MAPPER.readValue(r.body(), DrsSettings.Faults.class));
                    return HttpResult.json(drs.faults());
                }
            }
            case "drs/timings" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.timings());
                }
                if (m.equals("PUT")) {
                    drs.timings(Json.MAPPER.readValue(r.body(), DrsSettings.Timings.class));
                    return HttpResult.json(drs.timings());
                }
            }
            case "drs/quotas" -> {
                if (m.equals("GET")) {
                    return HttpResult.json(drs.quotas());
                }
                if (m.equals("PUT")) {
                    drs.quotas(Json.MAPPER.readValue(r.body(), DrsSettings.Quotas.class));
                    return HttpResult.json(drs.quotas());
                }
            }
            default -> {
                if (parts.size() == 4
                        && parts.get(1).equals("servers")
                        && parts.get(3).equals("replication")
                        && m.equals("PUT")) {
                    JsonNode in = body(r);
                    String state = Json.text(in, "state");
                    if (state == null) {
                        throw new IllegalArgumentException(
                                "state: required (a DRS data replication state such as STALLED)");
                    }
                    drs.setReplication(parts.get(2), state, Json.text(in, "lagDuration"));
                    return HttpResult.json(
                            Json.object().put("sourceServerID", parts.get(2)).put("state", state));
                }
                if (parts.size() == 4
                        && parts.get(1).equals("recovery-instances")
                        && parts.get(3).equals("failback-client")
                        && m.equals("POST")) {
                    JsonNode in = body(r);
                    JsonNode connected = in.path("connected");
                    if (!connected.isMissingNode() && !connected.isNull() && !connected.isBoolean()) {
                        throw new IllegalArgumentException("connected: true or false, got " + connected);
                    }
                    return HttpResult.json(drs.failbackClient(parts.get(2), connected.asBoolean(true)));
                }
            }
        }
        return problem(404, "no admin route " + m + " /_devstack/" + path + "; docs/devstack.md lists them");
    }

    private static JsonNode body(AwsRequest r) {
        try {
            return Json.parse(r.bodyText().isBlank() ? "{}" : r.bodyText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the body is " + e.getMessage());
        }
    }
}
