package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeWindowTest {

  private static final Path SAMPLES = Path.of("..", "samples", "events");

  @Test
  void replay_shouldKeepOnlyFindingsUpdatedInTheWindow_whenSinceAndUntilGiven(@TempDir Path dir)
      throws Exception {
    Files.copy(SAMPLES.resolve("01-guardduty-ssh-bruteforce.json"), dir.resolve("a.json"));
    Files.copy(SAMPLES.resolve("04-guardduty-tor-api-call.json"), dir.resolve("b.json"));
    Files.writeString(dir.resolve("c.json"), ReplayCommandTest.event("f9", 8.0, "198.51.100.9"));
    CliRunner r =
        CliRunner.run(
            "replay",
            "--summary",
            "--since",
            "2025-06-04T00:00:00Z",
            "--until",
            "2025-06-05T00:00:00Z",
            dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Replayed 1 events");
    assertThat(r.err())
        .contains("1 events outside --since/--until left out")
        .contains("1 without a readable updatedAt left out too");
  }

  @Test
  void replay_shouldExitTwo_whenSinceIsNotBeforeUntil() {
    CliRunner r =
        CliRunner.run(
            "replay", "--since", "2025-06-05T00:00:00Z", "--until", "2025-06-04T00:00:00Z", ".");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--since must be before --until");
  }

  @Test
  void process_shouldExitTwo_whenSinceIsNoInstant() {
    CliRunner r = CliRunner.run("process", "--since", "yesterday", ".");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
