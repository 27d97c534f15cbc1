package dev.drsorchestrator.contracts.model;

import org.jspecify.annotations.Nullable;

/**
 * The DRS launch configuration of a source server ({@code GetLaunchConfiguration}/{@code UpdateLaunchConfiguration}).
 * In desired settings an absent field is left as DRS has it; in observed settings every field DRS reports is set.
 *
 * @param osByol DRS's {@code licensing.osByol}: bring your own operating-system licence
 */
public record LaunchConfiguration(
        @Nullable Boolean copyPrivateIp,
        @Nullable Boolean copyTags,
        @Nullable LaunchDisposition launchDisposition,
        @Nullable Boolean osByol,
        @Nullable RightSizingMethod targetInstanceTypeRightSizingMethod,
        @Nullable Boolean postLaunchEnabled) {

    public static final LaunchConfiguration UNMANAGED = new LaunchConfiguration(null, null, null, null, null, null);

    /** These fields, with each field {@code over} sets replacing this one's. */
    public LaunchConfiguration overriddenBy(@Nullable LaunchConfiguration over) {
        if (over == null) {
            return this;
        }
        return new LaunchConfiguration(
                pick(over.copyPrivateIp, copyPrivateIp),
                pick(over.copyTags, copyTags),
                pick(over.launchDisposition, launchDisposition),
                pick(over.osByol, osByol),
                pick(over.targetInstanceTypeRightSizingMethod, targetInstanceTypeRightSizingMethod),
                pick(over.postLaunchEnabled, postLaunchEnabled));
    }

    public boolean managesNothing() {
        return equals(UNMANAGED);
    }

    static <T> @Nullable T pick(@Nullable T over, @Nullable T base) {
        return over != null ? over : base;
    }
}
