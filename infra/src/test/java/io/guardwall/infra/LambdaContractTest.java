package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.lang.reflect.Modifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the stack hands the functions is what the handlers expect: the names themselves
 * (environment, metrics, table keys) are imported from the functions and adapters, so only the
 * handlers are checked here (the shaded jar's contents: LambdaJarIT).
 */
@Needs(ExternalTool.NODE)
class LambdaContractTest {

  @ParameterizedTest
  @EnumSource(Task.class)
  void handler_shouldBeAPublicStreamHandlerWithANoArgConstructor(Task task) throws Exception {
    String name = task.handler().substring(0, task.handler().indexOf("::"));
    Class<?> handler = Class.forName(name);
    assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
    assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).isTrue();
    assertThat(task.handler()).endsWith("::handleRequest");
  }
}
