package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drsorchestrator.contracts.Require;
import java.util.regex.Pattern;

/** EC2 instance id of a launched recovery instance. */
public record Ec2InstanceId(String value) implements TypedId {

    public static final Pattern PATTERN = Pattern.compile("^i-[0-9a-f]{8,17}$");

    public Ec2InstanceId {
        Require.matches(value, PATTERN, "ec2InstanceId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Ec2InstanceId of(String value) {
        return new Ec2InstanceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
