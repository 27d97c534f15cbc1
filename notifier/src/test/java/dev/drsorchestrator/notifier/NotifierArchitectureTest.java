package dev.drsorchestrator.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.drsorchestrator.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The layering every service keeps, and: only the REST adapter knows the HTTP shape of a refusal. */
class NotifierArchitectureTest extends ServiceArchitectureTest {

    NotifierArchitectureTest() {
        super("dev.drsorchestrator.notifier");
    }

    @Test
    void applicationRefusesWithDomainExceptionsNotHttpProblems() {
        noClasses()
                .that()
                .resideInAPackage(layer("application"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.drsorchestrator.kit.rest..")
                .check(classes);
    }
}
