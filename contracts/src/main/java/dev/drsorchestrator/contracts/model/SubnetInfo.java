package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import org.jspecify.annotations.Nullable;

/** A subnet of an account and Region, as an inventory sync saw it ({@code name} is its Name tag). */
public record SubnetInfo(
        String subnetId,
        String vpcId,
        String cidrBlock,
        @Nullable String availabilityZone,
        @Nullable String name) {

    public SubnetInfo {
        Require.text(subnetId, "subnetId");
        Require.text(vpcId, "vpcId");
        Require.text(cidrBlock, "cidrBlock");
    }

    /** Whether the IPv4 address {@code ip} lies in this subnet's CIDR block; false for anything unparseable. */
    public boolean contains(String ip) {
        long[] net = Ipv4.cidr(cidrBlock);
        long addr = Ipv4.parse(ip);
        return net != null && addr >= 0 && (addr & net[1]) == (net[0] & net[1]);
    }
}
