package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import java.util.List;

/**
 * Where a plan's drills launch in one account and Region: a subnet (typically in an isolated VPC) and its security
 * groups. Used for that drill's launches only; recoveries never use it.
 */
public record DrillNetwork(AccountId accountId, String region, String subnetId, List<String> securityGroupIds) {

    public DrillNetwork {
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        Require.text(subnetId, "subnetId");
        securityGroupIds = Require.list(securityGroupIds, "securityGroupIds");
    }

    public boolean covers(AccountId account, String region) {
        return accountId.equals(account) && this.region.equals(region);
    }
}
