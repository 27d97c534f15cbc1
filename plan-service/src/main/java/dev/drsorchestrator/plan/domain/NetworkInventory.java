package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The EC2 network of an account and Region as drs-adapter's latest sync saw it: its subnets and security groups. */
public record NetworkInventory(
        NetworkScope scope, Instant syncedAt, List<SubnetInfo> subnets, List<SecurityGroupInfo> securityGroups) {

    public NetworkInventory {
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    public Optional<SubnetInfo> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.subnetId().equals(subnetId)).findFirst();
    }

    public Optional<SecurityGroupInfo> securityGroup(String groupId) {
        return securityGroups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }
}
