package io.guardwall.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The module boundaries as ArchUnit rules, shared by the modules whose test classpath holds the
 * classes they speak about (core alone cannot see the AWS SDK or picocli, so a rule about them
 * checked there could never fail).
 */
public final class Boundaries {

  /** What core must never use: it holds the domain and the ports, never a technology. */
  public static final ArchRule CORE_HAS_NO_TECHNOLOGY =
      noClasses()
          .that()
          .resideInAPackage("io.guardwall.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "software.amazon.awssdk..",
              "software.amazon.lambda..",
              "software.amazon.awscdk..",
              "com.amazonaws..",
              "picocli..",
              "java.sql..",
              "javax.sql..",
              "org.sqlite..",
              "java.net.http..",
              "io.guardwall.sqlite..",
              "io.guardwall.slack..",
              "io.guardwall.aws..",
              "io.guardwall.cli..",
              "io.guardwall.lambda..",
              "io.guardwall.infra..")
          .because("core is the hexagon: adapters depend on it, never the other way");

  /** Each adapter module sees core only, never another adapter or an entry point. */
  public static final List<ArchRule> ADAPTERS_ARE_INDEPENDENT =
      List.of(
          adapterRule("sqlite", "slack", "aws"),
          adapterRule("slack", "sqlite", "aws"),
          adapterRule("aws", "sqlite", "slack"));

  /**
   * The entry points wire adapters to the core facade and translate its results; they never drive
   * the engines behind it, so there is one place where a use case is composed.
   */
  public static final ArchRule ENTRY_POINTS_ONLY_WIRE =
      noClasses()
          .that()
          .resideInAnyPackage("io.guardwall.cli..", "io.guardwall.lambda..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.guardwall.core.reconcile.Reconciler")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.guardwall.core.reconcile.CoalescingReconciler")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.guardwall.core.policy.Policy")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.guardwall.core.route.Router")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("io.guardwall.core.parse..")
          .because("cli and lambda are thin adapters over the Guardwall facade");

  /**
   * NullAway checks only null-marked code, so a package without {@code @NullMarked} would go
   * unchecked in silence. cli and bench are left out: NullAway cannot see that picocli and JMH
   * initialise their fields.
   */
  public static final ArchRule NULL_MARKED =
      classes()
          .that()
          .resideOutsideOfPackages("io.guardwall.cli..", "io.guardwall.bench..")
          .should(
              ArchCondition.from(
                  DescribedPredicate.<JavaClass>describe(
                      "reside in a @NullMarked package",
                      c -> c.getPackage().isAnnotatedWith(NullMarked.class))));

  private Boundaries() {}

  /**
   * guardwall's production classes on the calling module's test classpath: neither test classes nor
   * core's test jar (this class's own), which a reactor build puts there as a jar.
   */
  public static JavaClasses productionClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("io.guardwall");
  }

  private static ArchRule adapterRule(String adapter, String... others) {
    String[] forbidden = new String[others.length + 3];
    for (int i = 0; i < others.length; i++) {
      forbidden[i] = "io.guardwall." + others[i] + "..";
    }
    forbidden[others.length] = "io.guardwall.cli..";
    forbidden[others.length + 1] = "io.guardwall.lambda..";
    forbidden[others.length + 2] = "io.guardwall.infra..";
    return noClasses()
        .that()
        .resideInAPackage("io.guardwall." + adapter + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because("adapters are siblings: each implements core's ports on its own");
  }
}
