package io.guardwall.lambda;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.guardwall.core.testing.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked where core, every adapter, Powertools and the AWS SDK are seen.
 */
class ModuleBoundariesTest {

  private static final JavaClasses CLASSES = Boundaries.productionClasses();

  @Test
  void core_shouldUseNoTechnology() {
    Boundaries.CORE_HAS_NO_TECHNOLOGY.check(CLASSES);
  }

  @Test
  void lambda_shouldOnlyWire() {
    Boundaries.ENTRY_POINTS_ONLY_WIRE.check(CLASSES);
  }

  @Test
  void packages_shouldBeNullMarked() {
    Boundaries.NULL_MARKED.check(CLASSES);
  }
}
