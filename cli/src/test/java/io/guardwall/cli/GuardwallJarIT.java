package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would: its own JVM, environment and locale. */
class GuardwallJarIT {

  private static final Path JAR = Path.of("target", "guardwall.jar");

  @TempDir Path dir;

  /** What one run of the jar printed. */
  private record Run(int exitCode, String out, String err) {}

  private Run run(Map<String, String> env, List<String> unset, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    unset.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jar finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void replay_shouldPrintUtf8AndNoForeignWarnings_whenLocaleIsC() throws Exception {
    String event = ReplayCommandTest.event("f-\u00fc\u00df-\u6f22", 8, "198.51.100.5");
    Files.writeString(dir.resolve("e.json"), event, StandardCharsets.UTF_8);
    for (String format : List.of("json", "text")) {
      Run r =
          run(
              Map.of("LANG", "C"),
              List.of("LC_ALL", "LC_CTYPE", "SLACK_WEBHOOK_URL"),
              "replay",
              "--format",
              format,
              "e.json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("f-\u00fc\u00df-\u6f22").doesNotContain("f-??");
      assertThat(r.err()).as("SLF4J or any other library's noise").isEmpty();
    }
  }

  @Test
  void ssmConfig_shouldSayInOneLine_whenNoRegion() throws Exception {
    Files.writeString(dir.resolve("e.json"), "{}");
    Run r =
        run(
            Map.of(
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", dir.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString()),
            List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"),
            "replay",
            "--config",
            "ssm:/guardwall/config",
            "e.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "guardwall: no AWS region: set AWS_REGION or a region in the AWS profile"
                + " (~/.aws/config)\n");
  }
}
