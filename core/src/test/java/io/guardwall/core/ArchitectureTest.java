package io.guardwall.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.guardwall.core.testing.Boundaries;

/**
 * Core's own structure. The rules about libraries core cannot even see (the AWS SDK, picocli) are
 * in {@code io.guardwall.core.testing.Boundaries}, checked from the modules that have them.
 */
@AnalyzeClasses(
    packages = "io.guardwall.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule core_shouldNotDependOnJdbc =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule core_shouldNotDependOnHttpClients =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net.http..", "java.net.HttpURLConnection");

  /**
   * From the bottom up: values; configuration; reading and routing findings; the policy; planning
   * the rule group and building Slack messages; the ports; reconciling; the flows on top. A lower
   * layer never reaches up.
   */
  @ArchTest
  static final ArchRule core_shouldBeLayered =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Flow")
          .definedBy("..core.flow..")
          .layer("Local")
          .definedBy("..core.local..")
          .layer("Reconcile")
          .definedBy("..core.reconcile..")
          .layer("Port")
          .definedBy("..core.port..")
          .layer("Plan")
          .definedBy("..core.plan..")
          .layer("Slack")
          .definedBy("..core.slack..")
          .layer("Policy")
          .definedBy("..core.policy..")
          .layer("Functions")
          .definedBy("..core.parse..", "..core.route..")
          .layer("Config")
          .definedBy("..core.config..")
          .layer("Values")
          .definedBy("..core.model..", "..core.text..", "..core.retry..", "..core.json..")
          .whereLayer("Flow")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Local")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Reconcile")
          .mayOnlyBeAccessedByLayers("Flow")
          .whereLayer("Port")
          .mayOnlyBeAccessedByLayers("Reconcile", "Flow", "Local")
          .whereLayer("Plan")
          .mayOnlyBeAccessedByLayers("Reconcile", "Port", "Flow", "Local")
          .whereLayer("Slack")
          .mayOnlyBeAccessedByLayers("Reconcile", "Port", "Flow", "Local")
          .whereLayer("Policy")
          .mayOnlyBeAccessedByLayers("Plan", "Slack", "Reconcile", "Port", "Flow", "Local")
          .whereLayer("Functions")
          .mayOnlyBeAccessedByLayers(
              "Policy", "Plan", "Slack", "Reconcile", "Port", "Flow", "Local")
          .whereLayer("Config")
          .mayOnlyBeAccessedByLayers(
              "Functions", "Policy", "Plan", "Slack", "Reconcile", "Port", "Flow", "Local");

  @ArchTest static final ArchRule core_shouldBeNullMarked = Boundaries.NULL_MARKED;

  @ArchTest
  static final ArchRule core_shouldHaveNoPackageCycles =
      slices().matching("io.guardwall.core.(*)..").should().beFreeOfCycles();
}
