package io.guardwall.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.guardwall.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule core_shouldNotDependOnAwsSdk =
      noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

  @ArchTest
  static final ArchRule core_shouldNotDependOnJdbc =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule core_shouldNotDependOnPicocli =
      noClasses().should().dependOnClassesThat().resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule core_shouldNotDependOnHttpClients =
      noClasses().should().dependOnClassesThat().resideInAPackage("java.net.http..");
}
