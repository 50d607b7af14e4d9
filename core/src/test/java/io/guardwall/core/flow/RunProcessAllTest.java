package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Run#processAll}: a batch's blocks recorded in one store call, before its alerts. */
class RunProcessAllTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  @Test
  void processAll_shouldReportWhatProcessReports_whenTheEventsComeInOneBatch() throws Exception {
    List<IncomingEvent> events = mixedEvents();
    Fixture single = new Fixture(new InMemoryBlocklistStore());
    Run one = single.guardwall.startRun();
    List<EventReport> expected = new ArrayList<>();
    events.forEach(e -> expected.add(one.process(e.event(), e.source(), e.index())));
    Fixture batched = new Fixture(new InMemoryBlocklistStore());

    List<EventReport> actual = batched.guardwall.startRun().processAll(events);

    assertThat(actual).isEqualTo(expected);
    assertThat(batched.store.listActive(NOW)).isEqualTo(single.store.listActive(NOW));
    assertThat(kinds(batched.notifier)).isEqualTo(kinds(single.notifier));
  }

  @Test
  void processAll_shouldReportTheBatchNotRecordedAndGoOn_whenTheStoreFailsForOneBatch()
      throws Exception {
    FailingStore store = new FailingStore(1);
    Fixture f = new Fixture(store);
    Run run = f.guardwall.startRun();

    List<EventReport> failed =
        run.processAll(List.of(in(network("198.51.100.1", "f-1"), 0), in(dnsHigh(), 1)));
    List<EventReport> next = run.processAll(List.of(in(network("198.51.100.2", "f-2"), 2)));

    FindingReport notRecorded = failed.get(0).findings().get(0);
    assertThat(notRecorded.problem())
        .isEqualTo(new FindingProblem.NotRecorded("disk full in batch 1"));
    assertThat(notRecorded.notification()).isNull();
    assertThat(failed.get(1).findings().get(0).notification())
        .as("a finding with nothing to block does not depend on the store")
        .isEqualTo(NotificationOutcome.SENT);
    assertThat(next.get(0).findings().get(0).notification()).isEqualTo(NotificationOutcome.SENT);
    assertThat(store.listActive(NOW))
        .extracting(BlocklistEntry::cidr)
        .containsExactly(Cidr.ofAddress("198.51.100.2"));
    assertThat(run.finish().errors())
        .singleElement()
        .asString()
        .contains("finding f-1 not recorded: disk full in batch 1");
  }

  @Test
  void processAll_shouldReportEachEvent_whenOneInTheMiddleIsUnreadable() throws Exception {
    Fixture f = new Fixture(new InMemoryBlocklistStore());
    List<IncomingEvent> events =
        List.of(
            in(network("198.51.100.1", "f-1"), 0),
            in(JSON.readTree("{\"source\":\"aws.guardduty\"}"), 1),
            in(network("198.51.100.2", "f-2"), 2));

    List<EventReport> reports = f.guardwall.startRun().processAll(events);

    assertThat(reports).extracting(EventReport::index).containsExactly(0, 1, 2);
    assertThat(reports.get(1).error()).isNotNull();
    assertThat(f.store.listActive(NOW)).hasSize(2);
  }

  @Test
  void processAll_shouldRecordEachSightingOnce_whenOneAddressRecursInTheBatch() throws Exception {
    Fixture f = new Fixture(new InMemoryBlocklistStore());

    f.guardwall
        .startRun()
        .processAll(
            List.of(
                in(network("198.51.100.1", "f-1"), 0),
                in(network("198.51.100.1", "f-2"), 1),
                in(network("198.51.100.1", "f-1"), 2)));

    BlocklistEntry e = f.store.get(Cidr.ofAddress("198.51.100.1")).orElseThrow();
    // f-1 comes twice with the same updatedAt: one sighting, counted once.
    assertThat(e.hits()).isEqualTo(2);
    assertThat(e.findingIds()).containsExactly("f-1", "f-2");
  }

  @Test
  void processAll_shouldReturnNothing_whenTheBatchIsEmpty() {
    Fixture f = new Fixture(new InMemoryBlocklistStore());

    assertThat(f.guardwall.startRun().processAll(List.of())).isEmpty();
  }

  private static List<IncomingEvent> mixedEvents() throws Exception {
    return List.of(
        in(network("198.51.100.1", "f-1"), 0),
        in(event("guardduty-portprobe-low.json"), 1),
        in(network("198.51.100.1", "f-2"), 2),
        in(dnsHigh(), 3),
        in(network("198.51.100.1", "f-1"), 4),
        in(event("securityhub-inspector-low.json"), 5),
        in(network("10.0.0.1", "f-private"), 6));
  }

  private static IncomingEvent in(JsonNode event, int index) {
    return new IncomingEvent(event, "batch.jsonl", index);
  }

  private static ObjectNode event(String name) throws Exception {
    return (ObjectNode) JSON.readTree(Resources.text(RunProcessAllTest.class, "../route/" + name));
  }

  private static JsonNode dnsHigh() throws Exception {
    return event("guardduty-dns-high.json");
  }

  private static JsonNode network(String ip, String id) throws Exception {
    ObjectNode e = event("guardduty-network.json");
    ObjectNode detail = (ObjectNode) e.get("detail");
    detail.put("id", id);
    ((ObjectNode) detail.at("/service/action/networkConnectionAction/remoteIpDetails"))
        .put("ipAddressV4", ip);
    return e;
  }

  private static List<SlackMessage.Kind> kinds(RecordingNotifier notifier) {
    return notifier.messages().stream().map(SlackMessage::kind).toList();
  }

  /** The ports of one test: a store, its notification log, a dry-run firewall. */
  private static final class Fixture {
    final BlocklistStore store;
    final RecordingNotifier notifier = new RecordingNotifier(null);
    final Guardwall guardwall;

    Fixture(BlocklistStore store) {
      this.store = store;
      this.guardwall =
          new Guardwall(
              GuardwallConfig.defaults(),
              new Guardwall.Ports(
                  store,
                  new InMemoryNotificationLog(),
                  List.of(DryRunTarget.ofCapacity(10_000)),
                  notifier),
              Clock.fixed(NOW, ZoneOffset.UTC),
              RetryPolicy.immediate(2));
    }
  }

  /** A store whose {@code failing}th batch fails whole, recording none of it, as SQLite does. */
  private static final class FailingStore implements BlocklistStore {
    private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
    private final AtomicInteger batches = new AtomicInteger();
    private final int failing;

    FailingStore(int failing) {
      this.failing = failing;
    }

    @Override
    public List<UpsertResult> upsertAll(List<BlockRequest> requests) {
      int batch = batches.incrementAndGet();
      if (batch == failing) {
        throw new StoreException("disk full in batch " + batch, null);
      }
      return BlocklistStore.super.upsertAll(requests);
    }

    @Override
    public UpsertResult upsert(BlockRequest request) {
      return store.upsert(request);
    }

    @Override
    public List<BlocklistEntry> listActive(Instant now) {
      return store.listActive(now);
    }

    @Override
    public Optional<BlocklistEntry> get(Cidr cidr) {
      return store.get(cidr);
    }

    @Override
    public List<BlocklistEntry> deleteExpired(Instant now) {
      return store.deleteExpired(now);
    }

    @Override
    public boolean delete(Cidr cidr) {
      return store.delete(cidr);
    }
  }
}
