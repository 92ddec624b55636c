package com.newsroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application's modules (one per top-level package) as Spring Modulith sees them: no cycles, and no module
 * reaching into another's internals (sub-packages, unless exposed as a named interface).
 */
class ModuleStructureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(NewsroomApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApi() {
        MODULES.verify();
    }
}
