package dev.drsorchestrator.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import org.junit.jupiter.api.Test;

/**
 * contracts is shared by every module, so it must depend on nothing of theirs and on no runtime framework. (Rules
 * are checked from plain Jupiter tests: ArchUnit's own JUnit engine does not report under JUnit 6.)
 */
class ContractsArchitectureTest {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drsorchestrator.contracts");

    @Test
    void dependsOnNothingElseInTheProject() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.drsorchestrator.catalog..",
                        "dev.drsorchestrator.plan..",
                        "dev.drsorchestrator.execution..",
                        "dev.drsorchestrator.drsadapter..",
                        "dev.drsorchestrator.notifier..",
                        "dev.drsorchestrator.devstack..")
                .check(CONTRACTS);
    }

    @Test
    void knowsNoAwsSdkQuarkusOrJakarta() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "io.quarkus..", "jakarta..", "io.smallrye..")
                .check(CONTRACTS);
    }

    @Test
    void everyPayloadIsARecord() {
        classes()
                .that()
                .implement(EventPayload.class)
                .and()
                .areNotInterfaces()
                .should()
                .beRecords()
                .check(CONTRACTS);
    }
}
