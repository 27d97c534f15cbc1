package dev.drsorchestrator.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of CONVENTIONS.md: domain knows no AWS, HTTP, CDI or plumbing; adapters stay apart. */
class PlanArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drsorchestrator.plan");

    @Test
    void domainDependsOnNoFrameworkAwsOrPlumbing() {
        noClasses()
                .that()
                .resideInAPackage("..plan.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..",
                        "jakarta..",
                        "io.quarkus..",
                        "org.jboss..",
                        "dev.drsorchestrator.kit..",
                        "..plan.application..",
                        "..plan.adapter..")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnNoAdapterAndNoAwsSdk() {
        noClasses()
                .that()
                .resideInAPackage("..plan.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..plan.adapter..", "software.amazon..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void inboundAndOutboundAdaptersDoNotUseEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..plan.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..plan.adapter.out..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..plan.adapter.out..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..plan.adapter.in..")
                .check(CLASSES);
    }

    @Test
    void dynamoDbAdaptersAreNotPublic() {
        classes()
                .that()
                .resideInAPackage("..plan.adapter.out.dynamodb..")
                .and()
                .haveSimpleNameStartingWith("Dynamo")
                .should()
                .notBePublic()
                .check(CLASSES);
    }
}
