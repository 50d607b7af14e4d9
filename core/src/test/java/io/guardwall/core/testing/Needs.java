package io.guardwall.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Marks a test class that needs programs outside the JVM: before any of its tests runs, each is
 * {@linkplain ExternalTool#require() required}, so a missing one fails the class in one line.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Needs.Check.class)
public @interface Needs {

  ExternalTool[] value();

  /** The JUnit extension behind {@link Needs}. Stateless and thread-safe. */
  final class Check implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Needs.class)
          .ifPresent(needs -> Arrays.stream(needs.value()).forEach(ExternalTool::require));
    }
  }
}
