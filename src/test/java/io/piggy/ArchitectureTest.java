package io.piggy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
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

    /**
     * A feature may grow sub-packages (say contact.attribute or loyalty.ledger) whose classes only
     * that feature uses: other features see its top-level package, where its public services
     * live. (Made to fail once: voucher using a class moved to a loyalty sub-package.)
     */
    @Test
    void aFeaturesSubPackagesArePrivateToIt() {
        Set<String> features = CLASSES.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("io.piggy.") && !p.startsWith("io.piggy.shared"))
                .map(p -> p.split("\\.")[2]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(features).as("features found").contains("contact", "loyalty", "voucher");
        for (String feature : features) {
            noClasses().that().resideOutsideOfPackage("io.piggy." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.piggy." + feature + ".*..")
                    .because("only " + feature + " itself uses its sub-packages; others call its top-level services")
                    .check(CLASSES);
        }
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.piggy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
