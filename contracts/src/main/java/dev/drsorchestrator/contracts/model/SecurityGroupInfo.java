package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import org.jspecify.annotations.Nullable;

/** A security group of an account and Region, as an inventory sync saw it. */
public record SecurityGroupInfo(
        String groupId, String vpcId, @Nullable String groupName) {

    public SecurityGroupInfo {
        Require.text(groupId, "groupId");
        Require.text(vpcId, "vpcId");
    }
}
