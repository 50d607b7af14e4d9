package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security Hub OCSF events through a whole run: the same finding by three routes is one. */
class RunOcsfTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Cidr C2 = Cidr.ofAddress("203.0.113.66");
  private static final String C2_ID = "a2ef406e2c2351e0b9e80029c909242d";

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RecordingNotifier notifier = new RecordingNotifier(null);

  private RunReport replay(String... samples) throws Exception {
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(
                store,
                new InMemoryNotificationLog(),
                List.of(DryRunTarget.ofCapacity(10_000)),
                notifier),
            Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
            RetryPolicy.immediate(3));
    Run run = gw.startRun();
    for (String sample : samples) {
      run.process(JSON.readTree(Resources.sample("events/" + sample)), sample, 0);
    }
    return run.finish();
  }

  @Test
  void process_shouldBlockOnceAndAlertOnce_whenOneFindingArrivesNativeAsffAndOcsf()
      throws Exception {
    RunReport end =
        replay(
            "02-guardduty-c2-outbound.json",
            "10-securityhub-same-finding-as-02.json",
            "23-securityhub-ocsf-same-finding-as-02.json");

    assertThat(end.newlyBlocked()).extracting(b -> b.cidr()).containsExactly(C2);
    assertThat(store.get(C2).orElseThrow().findingIds()).containsExactly(C2_ID);
    assertThat(notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING, SlackMessage.Kind.BLOCKED);
  }

  @Test
  void process_shouldAlertOnce_whenTheOcsfCopyComesFirst() throws Exception {
    replay(
        "23-securityhub-ocsf-same-finding-as-02.json",
        "10-securityhub-same-finding-as-02.json",
        "02-guardduty-c2-outbound.json");

    assertThat(
            notifier.messages().stream().filter(m -> m.kind() == SlackMessage.Kind.FINDING).count())
        .isEqualTo(1);
    assertThat(store.get(C2).orElseThrow().findingIds()).containsExactly(C2_ID);
  }

  @Test
  void process_shouldOnlyAlert_whenAnotherProductsDetectionFinding() throws Exception {
    RunReport end = replay("27-securityhub-ocsf-other-product.json");

    assertThat(end.newlyBlocked()).isEmpty();
    assertThat(store.get(Cidr.ofAddress("203.0.113.77"))).isEmpty();
    assertThat(notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING);
  }

  @Test
  void process_shouldDoNothing_whenTheOcsfFindingIsResolved() throws Exception {
    RunReport end = replay("26-securityhub-ocsf-skip-resolved.json");

    assertThat(end.newlyBlocked()).isEmpty();
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void process_shouldBlockProbersAndApiCaller_whenOcsfGuardDutyFindings() throws Exception {
    RunReport end =
        replay("24-securityhub-ocsf-port-probe.json", "25-securityhub-ocsf-tor-api-call.json");

    assertThat(end.newlyBlocked())
        .extracting(b -> b.cidr().display())
        .containsExactlyInAnyOrderElementsOf(
            List.of("198.51.100.60", "198.51.100.61", "192.0.2.150"));
    assertThat(store.get(Cidr.ofAddress("172.31.9.44"))).isEmpty();
  }
}
