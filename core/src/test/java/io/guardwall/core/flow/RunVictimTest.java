package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.config.ConfigReader;
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

/** A workload that scans others: its victim is neither blocked nor called an attacker. */
class RunVictimTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Cidr VICTIM = Cidr.ofAddress("198.51.100.201");

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RecordingNotifier notifier = new RecordingNotifier(null);

  private RunReport replayPortscan(GuardwallConfig config) throws Exception {
    Guardwall gw =
        new Guardwall(
            config,
            new Guardwall.Ports(
                store,
                new InMemoryNotificationLog(),
                List.of(DryRunTarget.ofCapacity(10_000)),
                notifier),
            Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
            RetryPolicy.immediate(3));
    Run run = gw.startRun();
    JsonNode event = JSON.readTree(Resources.sample("events/21-guardduty-portscan-outbound.json"));
    run.process(event, "21", 0);
    return run.finish();
  }

  @Test
  void process_shouldNotBlockTheVictimAndSayTheWorkloadActs_byDefault() throws Exception {
    RunReport end = replayPortscan(GuardwallConfig.defaults());

    assertThat(store.get(VICTIM)).isEmpty();
    assertThat(end.newlyBlocked()).isEmpty();
    assertThat(notifier.messages()).singleElement().satisfies(this::isActorAlert);
  }

  @Test
  void process_shouldBlockTheVictim_whenBlockVictimsIsOn() throws Exception {
    RunReport end = replayPortscan(ConfigReader.read(JSON.readTree("{\"blockVictims\": true}")));

    assertThat(store.get(VICTIM)).isPresent();
    assertThat(end.newlyBlocked()).extracting(b -> b.cidr()).containsExactly(VICTIM);
    assertThat(notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING, SlackMessage.Kind.BLOCKED);
    isActorAlert(notifier.messages().get(0));
  }

  private void isActorAlert(SlackMessage message) {
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.FINDING);
    assertThat(message.payload().toString())
        .contains("The workload is the actor (it scans other hosts' ports)")
        .contains("Consider isolating Instance i-0d4e5f60718293a4b.");
  }
}
