package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * Where a source server runs when it is not failed over, from DRS's {@code sourceCloudProperties} (an EC2 instance in
 * an account, Region and AZ) or its absence (on premises or another cloud, replicated by the DRS agent). It decides
 * how the server fails back: an EC2 origin by {@code ReverseReplication} and a launch in the origin Region, an
 * on-premises one with the DRS Failback Client and {@code StartFailbackLaunch}.
 */
public record ServerOrigin(
        Type type,
        @Nullable AccountId accountId,
        @Nullable String region,
        @Nullable String availabilityZone,
        @Nullable String ec2InstanceId) {

    public enum Type {
        /** An EC2 instance (cross-Region or cross-AZ DR). */
        EC2,
        /** On premises or another cloud. */
        ON_PREMISES
    }

    public static final ServerOrigin ON_PREMISES = new ServerOrigin(Type.ON_PREMISES, null, null, null, null);

    public ServerOrigin {
        Require.nonNull(type, "type");
        if (type == Type.EC2) {
            Require.region(region, "region");
        }
    }

    /** For people: {@code EC2 in 111122223333/us-west-2 (us-west-2a)} or {@code on premises}. */
    public String describe() {
        if (type == Type.ON_PREMISES) {
            return "on premises";
        }
        return "EC2 " + (ec2InstanceId == null ? "" : ec2InstanceId + " ") + "in "
                + (accountId == null ? "" : accountId + "/") + region
                + (availabilityZone == null ? "" : " (" + availabilityZone + ")");
    }
}
