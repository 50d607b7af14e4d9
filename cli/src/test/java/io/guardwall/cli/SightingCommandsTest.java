package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped samples hold one GuardDuty finding as native ({@code 02}), ASFF ({@code 10}) and OCSF
 * ({@code 23}) copies of one sighting, and GuardDuty's update of it ({@code 11}): two hits, one
 * alert, however often they are read.
 */
class SightingCommandsTest {

  private static final String SAMPLES = "../samples/events";
  private static final String C2 = "203.0.113.66/32";
  private static final String C2_ID = "a2ef406e2c2351e0b9e80029c909242d";

  @TempDir Path dir;

  private static JsonNode entry(JsonNode blocklist, String cidr) {
    return StreamSupport.stream(blocklist.spliterator(), false)
        .filter(e -> e.path("cidr").asText().equals(cidr))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry for " + cidr + " in " + blocklist));
  }

  private static long sentAlerts(JsonNode report, String findingId) {
    return StreamSupport.stream(report.path("events").spliterator(), false)
        .flatMap(e -> StreamSupport.stream(e.path("findings").spliterator(), false))
        .filter(f -> f.path("id").asText().equals(findingId))
        .filter(f -> f.path("notificationStatus").asText().equals("sent"))
        .count();
  }

  @Test
  void replay_shouldCountTwoHitsAndOneAlert_whenSamplesHoldThreeCopiesAndAnUpdate() {
    CliRunner r = CliRunner.run("replay", "--format", "json", SAMPLES);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(entry(r.json().path("blocklist"), C2).path("hits").asLong()).isEqualTo(2);
    assertThat(sentAlerts(r.json(), C2_ID)).isEqualTo(1);
  }

  @Test
  void process_shouldCountNoMoreHits_whenTheSameSamplesAreDeliveredAgain() {
    CliRunner first = CliRunner.withState(dir.resolve("state.db"), "process", SAMPLES);
    CliRunner again = CliRunner.withState(dir.resolve("state.db"), "process", SAMPLES);
    CliRunner list = CliRunner.withState(dir.resolve("state.db"), "list", "--format", "json");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(entry(list.json(), C2).path("hits").asLong()).isEqualTo(2);
  }
}
