package dev.drsorchestrator.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of CONVENTIONS.md, the same for every service: the domain knows no AWS, HTTP, CDI or plumbing; the
 * application no adapter, AWS SDK or JAX-RS; inbound and outbound adapters stay apart; DynamoDB adapters are hidden
 * behind the domain's interfaces. A service's test extends this and names its root package.
 */
public abstract class ServiceArchitectureTest {

    private final String root;
    protected final JavaClasses classes;

    /** @param servicePackage the service's root package, such as {@code dev.drsorchestrator.catalog} */
    protected ServiceArchitectureTest(String servicePackage) {
        this.root = servicePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    protected String layer(String name) {
        return root + "." + name + "..";
    }

    @Test
    void domainDependsOnNoFrameworkAwsOrPlumbing() {
        noClasses()
                .that()
                .resideInAPackage(layer("domain"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..",
                        "jakarta..",
                        "io.quarkus..",
                        "org.jboss..",
                        "dev.drsorchestrator.kit..",
                        layer("application"),
                        layer("adapter"))
                .check(classes);
    }

    @Test
    void applicationDependsOnNoAdapterAndNoAwsSdk() {
        noClasses()
                .that()
                .resideInAPackage(layer("application"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(layer("adapter"), "software.amazon..", "jakarta.ws.rs..")
                .check(classes);
    }

    @Test
    void inboundAndOutboundAdaptersDoNotUseEachOther() {
        noClasses()
                .that()
                .resideInAPackage(layer("adapter.in"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(layer("adapter.out"))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(layer("adapter.out"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(layer("adapter.in"))
                .check(classes);
    }

    @Test
    void dynamoDbAdaptersAreNotPublic() {
        classes()
                .that()
                .resideInAPackage(layer("adapter.out.dynamodb"))
                .and()
                .haveSimpleNameStartingWith("Dynamo")
                .should()
                .notBePublic()
                .check(classes);
    }
}
