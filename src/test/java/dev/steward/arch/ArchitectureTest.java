package dev.steward.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of ARCHITECTURE.md: no package cycle, each layer using only those below it,
 * only the web edge touching routing, and the wiring out of the features' reach.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.steward");
  }

  @Test
  void packages_formNoCycle() {
    slices().matching("dev.steward.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * The layers of ARCHITECTURE.md, each using only those below it: the wiring (the command line,
   * the node, {@code Main}), the settings, the features, the platform they share (the HTTP edge,
   * the audit log, the outbox), and the foundation (errors, principals, the store, keys,
   * calendars).
   */
  @Test
  void layers_dependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Wiring")
        .definedBy("dev.steward", "dev.steward.app..", "dev.steward.cli..")
        .layer("Templates")
        .definedBy("dev.steward.templates..")
        .layer("Settings")
        .definedBy("dev.steward.config..")
        .layer("Features")
        .definedBy(
            "dev.steward.access..",
            "dev.steward.policy..",
            "dev.steward.vault..",
            "dev.steward.collection..",
            "dev.steward.request..",
            "dev.steward.session..",
            "dev.steward.fulfilment..",
            "dev.steward.opendsr..",
            "dev.steward.importer..",
            "dev.steward.consent..",
            "dev.steward.decision..",
            "dev.steward.campaign..",
            "dev.steward.banner..",
            "dev.steward.retention..",
            "dev.steward.marketing..",
            "dev.steward.center..",
            "dev.steward.console..",
            "dev.steward.breach..",
            "dev.steward.logscan..",
            "dev.steward.discovery..",
            "dev.steward.connector..")
        .layer("Platform")
        .definedBy("dev.steward.web..", "dev.steward.audit..", "dev.steward.mail..")
        .layer("Foundation")
        .definedBy(
            "dev.steward.error..",
            "dev.steward.principal..",
            "dev.steward.onetime..",
            "dev.steward.store..",
            "dev.steward.keys..",
            "dev.steward.calendar..")
        .whereLayer("Wiring")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Templates")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Settings")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("Wiring", "Settings", "Templates")
        .whereLayer("Platform")
        .mayOnlyBeAccessedByLayers("Wiring", "Settings", "Features", "Templates")
        .check(classes);
  }

  @Test
  void principals_dependOnNothingOfSteward() {
    noClasses()
        .that()
        .resideInAPackage("dev.steward.principal..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.steward.principal..", "java..")
        .check(classes);
  }

  @Test
  void onlyTheWebEdge_registersRoutesWithJavalin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.steward.web..")
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a Javalin routing method",
                call ->
                    call.getTargetOwner()
                        .isAssignableTo("io.javalin.router.JavalinDefaultRoutingApi")))
        .check(classes);
  }

  @Test
  void onlyTheEdges_useTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.steward.cli..", "dev.steward")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.steward.cli..")
        .check(classes);
  }

  @Test
  void features_doNotReachIntoTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.steward.cli..", "dev.steward.app..", "dev.steward")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.steward.app..")
        .check(classes);
  }

  /** {@code dev.steward.vault.internal.x} → {@code vault}. */
  static String feature(String packageName) {
    String rest = packageName.startsWith("dev.steward.") ? packageName.substring(12) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
