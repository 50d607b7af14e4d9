package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Modifier;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the stack hands the functions is what the handlers expect: the names themselves
 * (environment, metrics, table keys) are imported from the functions and adapters, so only the
 * handlers and the jar are checked here.
 */
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

  @ParameterizedTest
  @EnumSource(Task.class)
  void handler_shouldBeInTheShadedJar(Task task) throws Exception {
    String name = task.handler().substring(0, task.handler().indexOf("::"));
    try (JarFile jar = new JarFile(Synthesized.LAMBDA_JAR.toFile())) {
      assertThat(jar.getEntry(name.replace('.', '/') + ".class")).isNotNull();
    }
  }

  @Test
  void shadedJar_shouldCarryNoNettyOrApacheHttpClient() throws Exception {
    try (JarFile jar = new JarFile(Synthesized.LAMBDA_JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/"));
    }
  }
}
