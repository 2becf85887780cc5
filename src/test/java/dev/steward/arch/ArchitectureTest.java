package dev.steward.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps features apart: internals stay inside their feature; only the web edge touches routing. */
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
  void featureInternals_areUsedOnlyByTheirOwnFeature() {
    ArchRule rule =
        ArchRuleDefinition.classes()
            .should(
                new ArchCondition<JavaClass>("use no other feature's internal package") {
                  @Override
                  public void check(JavaClass origin, ConditionEvents events) {
                    String own = feature(origin.getPackageName());
                    origin
                        .getDirectDependenciesFromSelf()
                        .forEach(
                            dependency -> {
                              String target = dependency.getTargetClass().getPackageName();
                              if (target.startsWith("dev.steward.")
                                  && target.contains(".internal")
                                  && !feature(target).equals(own)) {
                                events.add(
                                    SimpleConditionEvent.violated(
                                        dependency, dependency.getDescription()));
                              }
                            });
                  }
                });
    rule.check(classes);
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
