package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An account and region of DRS: quotas, jobs and source servers all live in one. */
public record Scope(AccountId accountId, String region) {

    public static Scope of(String accountId, String region) {
        return new Scope(AccountId.of(accountId), region);
    }

    /** Servers by the account and region they live in, in the order first seen. */
    public static Map<Scope, List<ServerSnapshot>> group(List<ServerSnapshot> servers) {
        Map<Scope, List<ServerSnapshot>> out = new LinkedHashMap<>();
        for (ServerSnapshot s : servers) {
            out.computeIfAbsent(new Scope(s.accountId(), s.region()), k -> new ArrayList<>())
                    .add(s);
        }
        return out;
    }

    /** {@code 111122223333/us-east-1}. */
    public String key() {
        return accountId.value() + "/" + region;
    }

    @Override
    public String toString() {
        return key();
    }
}
