package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SqliteBlocklistStore#upsertAll}: one transaction per batch with the results of upserting
 * one at a time, all or nothing, and safe beside other connections to the same file.
 */
class SqliteBatchUpsertTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456789Z");
  private static final String[] CIDRS = {
    "198.51.100.7/32", "198.51.100.8/32", "203.0.113.0/24", "2001:db8::1/128", "192.0.2.9/32"
  };
  private static final String REFUSED = "203.0.113.0/24";

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  /** Property: for any request sequence and any split into batches, batched equals one by one. */
  @ParameterizedTest
  @MethodSource("seeds")
  void upsertAll_shouldGiveTheResultsOfOneAtATime_forRandomSequencesAndBatches(long seed) {
    Random random = new Random(seed);
    List<BlockRequest> requests = randomRequests(random, 1 + random.nextInt(60), Duration.ZERO);
    try (SqliteState single = SqliteState.open(dir.resolve("single.db"));
        SqliteState batched = SqliteState.open(dir.resolve("batched.db"))) {
      List<UpsertResult> expected = new ArrayList<>();
      requests.forEach(r -> expected.add(single.blocklist().upsert(r)));

      List<UpsertResult> actual = new ArrayList<>();
      for (List<BlockRequest> batch : randomBatches(random, requests)) {
        actual.addAll(batched.blocklist().upsertAll(batch));
      }

      assertThat(actual).isEqualTo(expected);
      Instant end = T0.plus(Duration.ofDays(3));
      assertThat(batched.blocklist().listActive(T0)).isEqualTo(single.blocklist().listActive(T0));
      assertThat(batched.blocklist().deleteExpired(end))
          .isEqualTo(single.blocklist().deleteExpired(end));
    }
  }

  @Test
  void upsertAll_shouldRecordNothingOfTheBatch_whenARowFailsHalfway() throws SQLException {
    Path file = dir.resolve("state.db");
    try (SqliteState state = SqliteState.open(file)) {
      refuseWrites(file, REFUSED);
      BlocklistStore store = state.blocklist();
      List<BlockRequest> batch =
          List.of(at("198.51.100.7/32", 0), at(REFUSED, 1), at("198.51.100.8/32", 2));

      assertThatThrownBy(() -> store.upsertAll(batch))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("refused by the test trigger");

      assertThat(store.listActive(T0)).isEmpty();
      List<UpsertResult> next = store.upsertAll(List.of(at("198.51.100.7/32", 3)));
      assertThat(next).singleElement().satisfies(r -> assertThat(r.created()).isTrue());
      assertThat(store.get(Cidr.parse("198.51.100.7/32")).orElseThrow().hits()).isEqualTo(1);
    }
  }

  /**
   * A process killed mid-batch leaves what an aborted transaction leaves: the batches before it.
   * Re-running every batch then gives the state of one clean run, except that the batches recorded
   * before the crash count their sightings twice.
   */
  @Test
  void upsertAll_shouldConverge_whenRerunAfterACrashMidBatch() throws SQLException {
    // Entries that outlive the run: a re-run after a crash comes within an entry's lifetime.
    List<BlockRequest> requests = randomRequests(new Random(42), 90, Duration.ofDays(3));
    List<List<BlockRequest>> batches = split(requests, 30);
    List<BlocklistEntry> clean;
    try (SqliteState state = SqliteState.open(dir.resolve("clean.db"))) {
      batches.forEach(state.blocklist()::upsertAll);
      clean = state.blocklist().listActive(T0);
    }
    Path file = dir.resolve("crashed.db");
    try (SqliteState state = SqliteState.open(file)) {
      state.blocklist().upsertAll(batches.get(0));
      refuseWrites(file, batches.get(1).get(29).cidr().value());
      assertThatThrownBy(() -> state.blocklist().upsertAll(batches.get(1)))
          .isInstanceOf(StoreException.class);
    }
    allowWrites(file);
    try (SqliteState rerun = SqliteState.open(file)) {
      batches.forEach(rerun.blocklist()::upsertAll);
      List<BlocklistEntry> converged = rerun.blocklist().listActive(T0);

      assertThat(converged).extracting(BlocklistEntry::cidr).isEqualTo(cidrs(clean));
      for (int i = 0; i < clean.size(); i++) {
        long before = countFor(batches.get(0), clean.get(i).cidr());
        assertThat(converged.get(i)).isEqualTo(withHits(clean.get(i), before));
      }
    }
  }

  @Test
  void upsertAll_shouldSeeAnotherProcessWrites_whenItsCacheHoldsTheEntry() {
    Path file = dir.resolve("shared.db");
    try (SqliteState one = SqliteState.open(file);
        SqliteState other = SqliteState.open(file)) {
      one.blocklist().upsertAll(List.of(at("198.51.100.7/32", 0)));
      other.blocklist().upsertAll(List.of(at("198.51.100.7/32", 1)));

      UpsertResult third = one.blocklist().upsertAll(List.of(at("198.51.100.7/32", 2))).get(0);

      assertThat(third.entry().hits()).isEqualTo(3);
    }
  }

  @Test
  void upsertAll_shouldCreateAgain_whenTheCachedEntryWasDeleted() {
    try (SqliteState state = SqliteState.inMemory()) {
      BlocklistStore store = state.blocklist();
      store.upsertAll(List.of(at("198.51.100.7/32", 0)));
      store.delete(Cidr.parse("198.51.100.7/32"));

      UpsertResult again = store.upsertAll(List.of(at("198.51.100.7/32", 1))).get(0);

      assertThat(again.created()).isTrue();
      assertThat(again.entry().hits()).isEqualTo(1);
    }
  }

  @Test
  void upsertAll_shouldCreateAgain_whenTheCachedEntryWasPrunedAsExpired() {
    try (SqliteState state = SqliteState.inMemory()) {
      BlocklistStore store = state.blocklist();
      store.upsertAll(List.of(at("198.51.100.7/32", 0)));
      store.deleteExpired(T0.plus(Duration.ofDays(1)));

      UpsertResult again = store.upsertAll(List.of(at("198.51.100.7/32", 1))).get(0);

      assertThat(again.created()).isTrue();
    }
  }

  @Test
  void upsertAll_shouldReturnNothing_whenTheBatchIsEmpty() {
    try (SqliteState state = SqliteState.inMemory()) {
      assertThat(state.blocklist().upsertAll(List.of())).isEmpty();
    }
  }

  @Test
  void upsertAll_shouldRejectTheBatch_whenARequestIsNull() {
    try (SqliteState state = SqliteState.inMemory()) {
      List<BlockRequest> withNull = Arrays.asList(at("198.51.100.7/32", 0), null);

      assertThatThrownBy(() -> state.blocklist().upsertAll(withNull))
          .isInstanceOf(NullPointerException.class);
      assertThat(state.blocklist().listActive(T0)).isEmpty();
    }
  }

  @Test
  void upsertAll_shouldSayTheStateIsClosed_whenCalledAfterClose() {
    SqliteState state = SqliteState.inMemory();
    state.close();

    assertThatThrownBy(() -> state.blocklist().upsertAll(List.of(at("198.51.100.7/32", 0))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static BlockRequest at(String cidr, int minutes) {
    return Sighting.of(cidr, T0.plus(Duration.ofMinutes(minutes))).build();
  }

  /**
   * Sightings over a few CIDRs, out of order in time, living {@code minTtl} and up to a day more:
   * with no minimum, some expire before the next.
   */
  private static List<BlockRequest> randomRequests(Random random, int count, Duration minTtl) {
    List<BlockRequest> requests = new ArrayList<>(count);
    SeverityLevel[] levels = SeverityLevel.values();
    for (int i = 0; i < count; i++) {
      Sighting s =
          Sighting.of(
                  CIDRS[random.nextInt(CIDRS.length)],
                  T0.plus(Duration.ofMinutes(random.nextInt(48 * 60))))
              .ttl(minTtl.plusMinutes(1 + random.nextInt(24 * 60)))
              .severity(levels[random.nextInt(levels.length)])
              .findingId("finding-" + random.nextInt(BlocklistEntry.MAX_FINDING_IDS / 2))
              .type(random.nextBoolean() ? "Recon:EC2/PortProbeUnprotectedPort" : "Trojan:EC2/X")
              .account(random.nextBoolean() ? "111122223333" : "444455556666");
      requests.add(random.nextInt(20) == 0 ? s.pinned().build() : s.build());
    }
    return requests;
  }

  private static List<List<BlockRequest>> randomBatches(Random random, List<BlockRequest> all) {
    List<List<BlockRequest>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); ) {
      int to = Math.min(all.size(), from + 1 + random.nextInt(12));
      batches.add(all.subList(from, to));
      from = to;
    }
    return batches;
  }

  private static List<List<BlockRequest>> split(List<BlockRequest> all, int size) {
    List<List<BlockRequest>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      batches.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return batches;
  }

  private static List<Cidr> cidrs(List<BlocklistEntry> entries) {
    return entries.stream().map(BlocklistEntry::cidr).toList();
  }

  private static long countFor(List<BlockRequest> batch, Cidr cidr) {
    return batch.stream().filter(r -> r.cidr().equals(cidr)).count();
  }

  private static BlocklistEntry withHits(BlocklistEntry e, long extra) {
    return new BlocklistEntry(
        e.cidr(),
        e.firstSeen(),
        e.lastSeen(),
        e.expiresAt(),
        e.hits() + extra,
        e.highestSeverity(),
        e.findingTypes(),
        e.findingIds(),
        e.sightingKeys(),
        e.accounts(),
        e.regions(),
        e.origins(),
        e.pinned());
  }

  /** A trigger, as another program could add, that aborts any write of {@code cidr}. */
  private static void refuseWrites(Path file, String cidr) throws SQLException {
    try (Connection c = SqliteStateTest.raw(file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON blocklist WHEN NEW.cidr = '"
              + cidr
              + "' BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END");
    }
  }

  private static void allowWrites(Path file) throws SQLException {
    try (Connection c = SqliteStateTest.raw(file);
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER refuse");
    }
  }
}
