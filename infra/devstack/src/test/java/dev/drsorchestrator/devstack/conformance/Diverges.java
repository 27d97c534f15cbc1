package dev.drsorchestrator.devstack.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conformance case where a reference target departs from AWS's documented behaviour, which the case asserts (AWS's
 * documentation wins). The case is skipped on that target, with the reason, and the reason is listed in
 * {@code docs/devstack.md} (a test checks that every one is).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Diverges.All.class)
public @interface Diverges {
    /** The target that departs: {@link AwsTarget#MOTO} or {@link AwsTarget#LOCALSTACK}. */
    String target();

    /** What the target does instead, and what AWS documents. */
    String reason();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface All {
        Diverges[] value();
    }
}
