package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One sighting of a finding counts once, whichever routes and how many times it arrives: one hit,
 * one alert; GuardDuty's update of the finding is a new sighting.
 */
class RunSightingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Cidr C2 = Cidr.ofAddress("203.0.113.66");
  private static final String NATIVE = "02-guardduty-c2-outbound.json";
  private static final String ASFF = "10-securityhub-same-finding-as-02.json";
  private static final String OCSF = "23-securityhub-ocsf-same-finding-as-02.json";
  private static final String RESIGHTED = "11-guardduty-c2-outbound-resighted.json";
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final InMemoryNotificationLog log = new InMemoryNotificationLog();
  private final RecordingNotifier notifier = new RecordingNotifier(null);
  private Instant now = NOW;

  /** Each event in a run of its own, a minute apart, as separate deliveries would be. */
  private List<EventReport> deliver(JsonNode... events) {
    List<EventReport> reports = new ArrayList<>();
    for (JsonNode event : events) {
      Guardwall gw =
          new Guardwall(
              GuardwallConfig.defaults(),
              new Guardwall.Ports(store, log, List.of(DryRunTarget.ofCapacity(10_000)), notifier),
              Clock.fixed(now, ZoneOffset.UTC),
              RetryPolicy.immediate(3));
      Run run = gw.startRun();
      reports.add(run.process(event, "test", 0));
      run.finish();
      now = now.plus(Duration.ofMinutes(1));
    }
    return reports;
  }

  private static JsonNode sample(String name) {
    try {
      return JSON.readTree(Resources.sample("events/" + name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long findingAlerts() {
    return notifier.messages().stream().filter(m -> m.kind() == SlackMessage.Kind.FINDING).count();
  }

  static Stream<List<String>> everyOrderOfThreeCopies() {
    return Stream.of(
        List.of(NATIVE, ASFF, OCSF),
        List.of(NATIVE, OCSF, ASFF),
        List.of(ASFF, NATIVE, OCSF),
        List.of(ASFF, OCSF, NATIVE),
        List.of(OCSF, NATIVE, ASFF),
        List.of(OCSF, ASFF, NATIVE));
  }

  @ParameterizedTest
  @MethodSource("everyOrderOfThreeCopies")
  void process_shouldCountOneHitAndSendOneAlert_whenOneSightingArrivesByThreeRoutes(
      List<String> order) {
    deliver(order.stream().map(RunSightingTest::sample).toArray(JsonNode[]::new));

    BlocklistEntry entry = store.get(C2).orElseThrow();
    assertThat(entry.hits()).isEqualTo(1);
    assertThat(entry.lastSeen()).isEqualTo(NOW);
    assertThat(entry.expiresAt()).isEqualTo(NOW.plus(GuardwallConfig.defaults().blockDuration()));
    assertThat(findingAlerts()).isEqualTo(1);
  }

  @Test
  void process_shouldCountOneHit_whenTheSameMessageIsDeliveredAgain() {
    deliver(sample(NATIVE), sample(NATIVE));

    assertThat(store.get(C2).orElseThrow().hits()).isEqualTo(1);
    assertThat(findingAlerts()).isEqualTo(1);
  }

  @Test
  void process_shouldCountSecondHitAndExtendExpiry_whenGuardDutyUpdatedTheFinding() {
    deliver(sample(NATIVE), sample(ASFF), sample(RESIGHTED), sample(OCSF));

    BlocklistEntry entry = store.get(C2).orElseThrow();
    assertThat(entry.hits()).isEqualTo(2);
    assertThat(entry.lastSeen()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    assertThat(entry.sightingKeys()).hasSize(2);
  }

  @Test
  void process_shouldCountEveryCopy_whenFindingHasNoUpdateTime() {
    ObjectNode undated = (ObjectNode) sample(NATIVE);
    ((ObjectNode) undated.get("detail")).remove("updatedAt");

    List<EventReport> reports = deliver(undated, undated);

    assertThat(store.get(C2).orElseThrow().hits()).isEqualTo(2);
    assertThat(reports).allSatisfy(r -> assertThat(r.findings().get(0).warnings()).isEmpty());
  }

  @Test
  void process_shouldBlockAndWarn_whenUpdateTimeIsGarbled() {
    ObjectNode garbled = (ObjectNode) sample(NATIVE);
    ((ObjectNode) garbled.get("detail")).put("updatedAt", "last tuesday");

    List<EventReport> reports = deliver(garbled, garbled);

    assertThat(store.get(C2).orElseThrow().hits()).isEqualTo(2);
    assertThat(reports.get(0).findings().get(0).warnings())
        .singleElement()
        .asString()
        .contains("updatedAt 'last tuesday' is not an ISO-8601 instant");
    assertThat(findingAlerts()).isEqualTo(1);
  }
}
