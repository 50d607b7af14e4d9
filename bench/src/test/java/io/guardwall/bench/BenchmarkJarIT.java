package io.guardwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar can run the benchmarks: JMH's generator ran at compile time, although the main
 * compile names its own annotation processors (Error Prone, NullAway).
 */
class BenchmarkJarIT {

  @Test
  void jar_shouldListTheBenchmarks_whenPackaged() throws Exception {
    Path jar = Path.of("target", "benchmarks.jar");
    assertThat(jar).exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      String list =
          new String(
              file.getInputStream(file.getEntry("META-INF/BenchmarkList")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(list).contains("RenderBenchmark", "DecideBenchmark", "PipelineBenchmark");
    }
    assertThat(Files.size(jar)).isPositive();
  }
}
