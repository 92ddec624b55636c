package com.newsroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.persistence.Entity;

/** Package-by-feature boundaries, checked on every build. */
@AnalyzeClasses(packages = "com.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Features may use each other's public types, but never in a circle. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.newsroom.(*)..").should()
            .beFreeOfCycles();

    /** One feature's web layer is its own: no other package calls into it. */
    @ArchTest
    static final ArchRule webLayersAreNotUsedByOtherFeatures = noClasses()
            .that().resideOutsideOfPackages("..web..")
            .should().dependOnClassesThat(DescribedPredicate.describe("a feature's web class",
                    (JavaClass c) -> c.getPackageName().matches("com\\.newsroom\\.[a-z]+\\.web(\\..*)?")));

    /** Requests bind to form records, never to entities. */
    @ArchTest
    static final ArchRule controllersNeverBindEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .and().areMetaAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class)
            .should(new ArchCondition<JavaMethod>("not take an @Entity parameter") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    method.getRawParameterTypes().stream()
                            .filter(type -> type.isAnnotatedWith(Entity.class))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " binds entity " + type.getName())));
                }
            });
}
