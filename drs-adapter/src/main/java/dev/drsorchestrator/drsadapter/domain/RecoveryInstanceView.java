package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A recovery instance as {@code DescribeRecoveryInstances} shows it. */
public record RecoveryInstanceView(
        RecoveryInstanceId recoveryInstanceId,
        @Nullable Ec2InstanceId ec2InstanceId,
        SourceServerId sourceServerId,
        @Nullable DrsJobId jobId,
        boolean drill,
        Map<String, String> tags,
        @Nullable String failbackState) {}
