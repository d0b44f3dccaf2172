package io.piggy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package-by-feature boundaries: shared holds no feature logic and knows no feature; features
 * do not form cycles. (Checked to fail once on purpose: a shared class importing AccountId.)
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.piggy");

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.piggy.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.piggy.account..", "io.piggy.contact..", "io.piggy.loyalty..", "io.piggy.voucher..",
                        "io.piggy.product..", "io.piggy.form..", "io.piggy.perk..", "io.piggy.webhook..", "io.piggy.mcp..")
                .check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.piggy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
