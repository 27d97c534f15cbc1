package dev.drsorchestrator.drsadapter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.drsorchestrator.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The layering every service keeps, and: only the REST adapter knows the HTTP shape of a refusal. */
class DrsAdapterArchitectureTest extends ServiceArchitectureTest {

    DrsAdapterArchitectureTest() {
        super("dev.drsorchestrator.drsadapter");
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
