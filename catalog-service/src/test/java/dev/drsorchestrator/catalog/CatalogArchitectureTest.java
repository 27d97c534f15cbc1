package dev.drsorchestrator.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of CONVENTIONS.md: domain knows no AWS, HTTP, CDI or plumbing; adapters stay apart. */
class CatalogArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drsorchestrator.catalog");

    @Test
    void domainDependsOnNoFrameworkAwsOrPlumbing() {
        noClasses()
                .that()
                .resideInAPackage("..catalog.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..",
                        "jakarta..",
                        "io.quarkus..",
                        "org.jboss..",
                        "dev.drsorchestrator.kit..",
                        "..catalog.application..",
                        "..catalog.adapter..")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnNoAdapterAndNoAwsSdk() {
        noClasses()
                .that()
                .resideInAPackage("..catalog.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..catalog.adapter..", "software.amazon..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void inboundAndOutboundAdaptersDoNotUseEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..catalog.adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..catalog.adapter.out..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..catalog.adapter.out..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..catalog.adapter.in..")
                .check(CLASSES);
    }

    @Test
    void dynamoDbAdaptersAreNotPublic() {
        classes()
                .that()
                .resideInAPackage("..catalog.adapter.out.dynamodb..")
                .and()
                .haveSimpleNameStartingWith("Dynamo")
                .should()
                .notBePublic()
                .check(CLASSES);
    }
}
