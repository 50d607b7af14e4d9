package io.guardwall.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.guardwall.core.testing.Boundaries;
import org.junit.jupiter.api.Test;

/** The module boundaries, checked where core, every adapter, picocli and the AWS SDK are seen. */
class ModuleBoundariesTest {

  private static final JavaClasses CLASSES = Boundaries.productionClasses();

  @Test
  void core_shouldUseNoTechnology() {
    Boundaries.CORE_HAS_NO_TECHNOLOGY.check(CLASSES);
  }

  @Test
  void adapters_shouldNotDependOnEachOther() {
    Boundaries.ADAPTERS_ARE_INDEPENDENT.forEach(rule -> rule.check(CLASSES));
  }

  @Test
  void cli_shouldOnlyWire() {
    Boundaries.ENTRY_POINTS_ONLY_WIRE.check(CLASSES);
  }

  @Test
  void packages_shouldBeNullMarked() {
    Boundaries.NULL_MARKED.check(CLASSES);
  }
}
