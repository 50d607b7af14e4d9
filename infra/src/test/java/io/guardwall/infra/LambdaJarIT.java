package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shaded Lambda jar the stack deploys, as {@code package} built it: an integration test, run
 * after the lambda module's package phase (the unit tests synthesize with a stand-in jar).
 */
class LambdaJarIT {

  private static final Path LAMBDA_JAR =
      Resources.repositoryRoot().resolve("lambda/target/guardwall-lambda.jar");

  @BeforeAll
  static void jarExists() {
    assertThat(Files.isRegularFile(LAMBDA_JAR))
        .as("%s missing: build it with mvn -B package -pl lambda -am", LAMBDA_JAR)
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Task.class)
  void handler_shouldBeInTheShadedJar(Task task) throws Exception {
    String name = task.handler().substring(0, task.handler().indexOf("::"));
    try (JarFile jar = new JarFile(LAMBDA_JAR.toFile())) {
      assertThat(jar.getEntry(name.replace('.', '/') + ".class")).isNotNull();
    }
  }

  @Test
  void shadedJar_shouldCarryNoNettyOrApacheHttpClient() throws Exception {
    try (JarFile jar = new JarFile(LAMBDA_JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/"));
    }
  }
}
