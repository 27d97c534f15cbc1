package dev.drsorchestrator.catalog;

import dev.drsorchestrator.kit.testing.ServiceArchitectureTest;

/** The layering every service keeps (see {@link ServiceArchitectureTest}). */
class CatalogArchitectureTest extends ServiceArchitectureTest {

    CatalogArchitectureTest() {
        super("dev.drsorchestrator.catalog");
    }
}
