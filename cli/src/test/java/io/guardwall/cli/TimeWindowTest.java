package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeWindowTest {

  private static final Path SAMPLES = Path.of("..", "samples", "events");
  private static final ObjectMapper JSON = new ObjectMapper();

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
        .contains("1 without a readable update time left out too")
        .contains("c.json #0 left out by --since/--until: no updatedAt");
  }

  private static final String OCSF_COPY = "23-securityhub-ocsf-same-finding-as-02.json";
  private static final String OCSF_PROBE = "24-securityhub-ocsf-port-probe.json";

  /** An OCSF sample with its update time changed by {@code edit} on the finding's JSON. */
  private static String ocsf(String sample, UnaryOperator<ObjectNode> edit) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(SAMPLES.resolve(sample).toFile());
    ObjectNode finding = (ObjectNode) event.at("/detail/findings/0");
    edit.apply((ObjectNode) finding.get("finding_info"));
    return JSON.writeValueAsString(event);
  }

  private static CliRunner replayJune4(Path dir) {
    return CliRunner.run(
        "replay",
        "--summary",
        "--since",
        "2025-06-04T00:00:00Z",
        "--until",
        "2025-06-06T00:00:00Z",
        dir.toString());
  }

  @Test
  void replay_shouldSelectOcsfFindingsOnModifiedTime_whenSinceAndUntilGiven(@TempDir Path dir)
      throws Exception {
    Files.copy(SAMPLES.resolve(OCSF_COPY), dir.resolve("a.json")); // 2025-06-03
    Files.copy(SAMPLES.resolve(OCSF_PROBE), dir.resolve("b.json")); // 2025-06-05

    CliRunner r = replayJune4(dir);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Replayed 1 events").contains("198.51.100.60");
    assertThat(r.err()).contains("1 events outside --since/--until left out").doesNotContain("#");
  }

  @Test
  void replay_shouldSelectOnEpochMillis_whenOcsfHasModifiedTimeOnly(@TempDir Path dir)
      throws Exception {
    long june5 = Instant.parse("2025-06-05T07:14:09.774Z").toEpochMilli();
    Files.writeString(
        dir.resolve("a.json"),
        ocsf(OCSF_COPY, i -> i.put("modified_time", june5).without("modified_time_dt")));

    CliRunner r = replayJune4(dir);

    assertThat(r.out()).contains("Replayed 1 events");
  }

  @Test
  void replay_shouldSelectBareOcsfFinding_whenItHasNoEnvelope(@TempDir Path dir) throws Exception {
    JsonNode event = JSON.readTree(SAMPLES.resolve(OCSF_PROBE).toFile());
    Files.writeString(dir.resolve("a.json"), event.at("/detail/findings/0").toString());

    assertThat(replayJune4(dir).out()).contains("Replayed 1 events");
  }

  @Test
  void replay_shouldLeaveOutAndNameEvent_whenOcsfModifiedTimeMissing(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("a.json"),
        ocsf(OCSF_PROBE, i -> i.without(List.of("modified_time_dt", "modified_time"))));
    Files.copy(SAMPLES.resolve(OCSF_PROBE), dir.resolve("b.json"));

    CliRunner r = replayJune4(dir);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Replayed 1 events");
    assertThat(r.err())
        .contains("a.json #0 left out by --since/--until: no finding_info.modified_time_dt")
        .contains("1 without a readable update time left out too");
  }

  @Test
  void replay_shouldLeaveOutAndNameEvent_whenOcsfModifiedTimeMalformed(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("a.json"), ocsf(OCSF_PROBE, i -> i.put("modified_time_dt", "June 5th")));

    CliRunner r = replayJune4(dir);

    assertThat(r.out()).contains("Replayed 0 events");
    assertThat(r.err())
        .contains(
            "a.json #0 left out by --since/--until: finding_info.modified_time_dt 'June 5th'"
                + " is not an ISO-8601 instant");
  }

  @Test
  void replay_shouldNameOnlyTheFirstUndatedEvents_whenManyHaveNoUpdateTime(@TempDir Path dir)
      throws Exception {
    String undated = ReplayCommandTest.event("u", 2.0, "198.51.100.9");
    int many = TimeWindow.MAX_REPORTED + 5;
    Files.writeString(dir.resolve("a.ndjson"), (undated + "\n").repeat(many));

    CliRunner r = replayJune4(dir);

    assertThat(r.err().lines().filter(l -> l.contains("left out by --since/--until")))
        .hasSize(TimeWindow.MAX_REPORTED);
    assertThat(r.err()).contains(many + " without a readable update time left out too");
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
