package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Protocol;
import java.util.function.Function;

/**
 * DRS's REST-JSON protocol ({@code POST /StartRecovery} …) over the simulator. The account comes from the caller's
 * credentials (an assumed role's keys belong to that role's account), the region from the SigV4 scope.
 */
public final class DrsApi implements AwsService {
    private final DrsSimulator simulator;
    private final Function<AwsRequest, String> accountOf;

    public DrsApi(DrsSimulator simulator, Function<AwsRequest, String> accountOf) {
        this.simulator = simulator;
        this.accountOf = accountOf;
    }

    @Override
    public String signingName() {
        return "drs";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        if (!request.method().equals("POST")
                || request.path().length() < 2
                || request.path().indexOf('/', 1) >= 0) {
            throw AwsServiceException.validation(
                            "devstack DRS serves POST /<Operation>, not " + request.method() + " " + request.path())
                    .with("reason", "unknownOperation");
        }
        String operation = request.path().substring(1);
        String region = request.region() == null ? simulator.defaultRegion() : request.region();
        DrsSimulator.Scope scope = new DrsSimulator.Scope(accountOf.apply(request), region);
        ObjectNode out = simulator.call(operation, scope, request.json());
        return HttpResult.json(operation.equals("StartRecovery") ? 202 : 200, out, "application/json");
    }
}
