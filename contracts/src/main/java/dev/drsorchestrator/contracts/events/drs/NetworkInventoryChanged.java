package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.time.Instant;
import java.util.List;

/**
 * The EC2 network of one account and Region where servers recover, from an inventory sync: every subnet, security
 * group and the instance types the Region offers. Published when any of it changed; the whole picture, not a diff.
 * catalog-service and plan-service check launch settings and drill networks against it.
 */
public record NetworkInventoryChanged(
        AccountId accountId,
        String region,
        Instant syncedAt,
        List<SubnetInfo> subnets,
        List<SecurityGroupInfo> securityGroups,
        List<String> instanceTypes)
        implements DrsAdapterEvent {

    public NetworkInventoryChanged {
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.nonNull(syncedAt, "syncedAt");
        subnets = Require.list(subnets, "subnets");
        securityGroups = Require.list(securityGroups, "securityGroups");
        instanceTypes = Require.list(instanceTypes, "instanceTypes");
    }

    /** What to tell a user whose request needs the network of an account and Region no sync has reported yet. */
    public static String notSynced(AccountId accountId, String region) {
        return "drs-adapter has not synced the network of " + accountId.value() + "/" + region
                + " yet; check drs-adapter can reach the account, then retry";
    }
}
