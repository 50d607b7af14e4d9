package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.model.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlocklistStore} shares. An adapter's test extends this class and
 * returns a fresh, empty store from {@link #newStore()} for each test.
 */
public abstract class BlocklistStoreContract {

  /** Deliberately carries nanoseconds: stores must keep instants exactly. */
  protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456789Z");

  protected static final String IP = "198.51.100.7/32";

  protected BlocklistStore store;

  /** A new, empty store; closed after each test. */
  protected abstract BlocklistStore newStore();

  @BeforeEach
  public void openStore() {
    store = newStore();
  }

  @AfterEach
  public void closeStore() {
    store.close();
  }

  // --- create and refresh ---

  @Test
  public void upsert_shouldCreateEntry_whenCidrAbsent() {
    BlockRequest r = Sighting.of(IP, T0).build();

    UpsertResult result = store.upsert(r);

    assertThat(result.created()).isTrue();
    assertThat(result.entry()).isEqualTo(BlocklistEntry.create(r));
    assertThat(store.get(Cidr.parse(IP))).contains(BlocklistEntry.create(r));
  }

  @Test
  public void upsert_shouldRefreshEntry_whenCidrActive() {
    BlockRequest first = Sighting.of(IP, T0).build();
    BlockRequest second =
        Sighting.of(IP, T0.plusSeconds(60))
            .findingId("finding-2")
            .type("UnauthorizedAccess:EC2/SSHBruteForce")
            .severity(SeverityLevel.HIGH)
            .account("444455556666")
            .region("us-east-1")
            .origin(Origin.SECURITYHUB)
            .build();
    store.upsert(first);

    UpsertResult result = store.upsert(second);

    BlocklistEntry expected = BlocklistEntry.create(first).refresh(second);
    assertThat(result.created()).isFalse();
    assertThat(result.entry()).isEqualTo(expected);
    assertThat(store.get(Cidr.parse(IP))).contains(expected);
  }

  @Test
  public void upsert_shouldCountHits_whenSightedRepeatedly() {
    for (int i = 0; i < 5; i++) {
      store.upsert(Sighting.of(IP, T0.plusSeconds(i)).build());
    }

    assertThat(entry(IP).hits()).isEqualTo(5);
  }

  @Test
  public void upsert_shouldExtendExpiry_whenResightingExpiresLater() {
    store.upsert(Sighting.of(IP, T0).build());

    store.upsert(Sighting.of(IP, T0.plus(Duration.ofHours(6))).build());

    assertThat(entry(IP).expiresAt()).isEqualTo(T0.plus(Duration.ofHours(18)));
    assertThat(entry(IP).lastSeen()).isEqualTo(T0.plus(Duration.ofHours(6)));
  }

  @Test
  public void upsert_shouldKeepLaterExpiry_whenResightingExpiresEarlier() {
    store.upsert(Sighting.of(IP, T0).ttl(Duration.ofDays(7)).build());

    store.upsert(Sighting.of(IP, T0.plusSeconds(60)).ttl(Duration.ofHours(1)).build());

    assertThat(entry(IP).expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
  }

  @Test
  public void upsert_shouldKeepFirstAndLastSeen_whenOlderSightingArrivesLate() {
    store.upsert(Sighting.of(IP, T0).build());

    store.upsert(Sighting.of(IP, T0.minusSeconds(30)).build());

    assertThat(entry(IP).firstSeen()).isEqualTo(T0.minusSeconds(30));
    assertThat(entry(IP).lastSeen()).isEqualTo(T0);
  }

  @Test
  public void upsert_shouldKeepHighestSeverity_whenLaterSightingIsLower() {
    store.upsert(Sighting.of(IP, T0).severity(SeverityLevel.HIGH).build());
    store.upsert(Sighting.of(IP, T0.plusSeconds(1)).severity(SeverityLevel.LOW).build());

    assertThat(entry(IP).highestSeverity()).isEqualTo(SeverityLevel.HIGH);

    store.upsert(Sighting.of(IP, T0.plusSeconds(2)).severity(SeverityLevel.CRITICAL).build());

    assertThat(entry(IP).highestSeverity()).isEqualTo(SeverityLevel.CRITICAL);
  }

  @Test
  public void upsert_shouldUniteTypesAccountsRegionsAndOrigins_whenSightingsDiffer() {
    store.upsert(Sighting.of(IP, T0).type("B:type").account("2").region("r2").build());
    store.upsert(
        Sighting.of(IP, T0.plusSeconds(1))
            .type("A:type")
            .account("1")
            .region("r1")
            .origin(Origin.SECURITYHUB)
            .build());
    store.upsert(
        Sighting.of(IP, T0.plusSeconds(2)).type("B:type").account("2").region("r2").build());

    BlocklistEntry e = entry(IP);
    assertThat(e.findingTypes()).containsExactly("A:type", "B:type");
    assertThat(e.accounts()).containsExactly("1", "2");
    assertThat(e.regions()).containsExactly("r1", "r2");
    assertThat(e.origins()).containsExactly(Origin.GUARDDUTY, Origin.SECURITYHUB);
  }

  @Test
  public void upsert_shouldKeepNewestTwentyFindingIds_whenMoreArrive() {
    for (int i = 0; i < 25; i++) {
      store.upsert(Sighting.of(IP, T0.plusSeconds(i)).findingId(String.format("f%02d", i)).build());
    }

    List<String> expected =
        IntStream.range(5, 25).mapToObj(i -> String.format("f%02d", i)).toList();
    assertThat(entry(IP).findingIds()).containsExactlyElementsOf(expected);
  }

  @Test
  public void upsert_shouldNotRepeatFindingId_whenSameFindingResent() {
    store.upsert(Sighting.of(IP, T0).findingId("a").build());
    store.upsert(Sighting.of(IP, T0.plusSeconds(1)).findingId("b").build());
    store.upsert(Sighting.of(IP, T0.plusSeconds(2)).findingId("a").build());

    assertThat(entry(IP).findingIds()).containsExactly("a", "b");
    assertThat(entry(IP).hits()).isEqualTo(3);
  }

  @Test
  public void upsert_shouldKeepManualFieldsEmpty_whenRequestHasNoFinding() {
    BlockRequest manual =
        BlockRequest.manual(
            Cidr.parse(IP), T0, T0.plus(Duration.ofDays(1)), SeverityLevel.HIGH, false);

    UpsertResult result = store.upsert(manual);

    assertThat(result.entry()).isEqualTo(BlocklistEntry.create(manual));
    assertThat(entry(IP).findingIds()).isEmpty();
    assertThat(entry(IP).findingTypes()).isEmpty();
    assertThat(entry(IP).origins()).containsExactly(Origin.MANUAL);
  }

  // --- pinning ---

  @Test
  public void upsert_shouldStayPinned_whenUnpinnedSightingFollows() {
    store.upsert(Sighting.of(IP, T0).pinned().origin(Origin.MANUAL).build());

    UpsertResult result = store.upsert(Sighting.of(IP, T0.plusSeconds(1)).build());

    assertThat(result.created()).isFalse();
    assertThat(entry(IP).pinned()).isTrue();
    assertThat(entry(IP).expiresAt()).isNull();
  }

  @Test
  public void upsert_shouldPin_whenPinningRequestFollowsSighting() {
    store.upsert(Sighting.of(IP, T0).build());

    UpsertResult result = store.upsert(Sighting.of(IP, T0.plusSeconds(1)).pinned().build());

    assertThat(result.created()).isFalse();
    assertThat(result.entry().pinned()).isTrue();
    assertThat(entry(IP).pinned()).isTrue();
    assertThat(entry(IP).expiresAt()).isNull();
    assertThat(entry(IP).hits()).isEqualTo(2);
  }

  @Test
  public void listActive_shouldIncludePinnedEntry_whenFarInFuture() {
    store.upsert(Sighting.of(IP, T0).pinned().build());

    assertThat(store.listActive(T0.plus(Duration.ofDays(36500))))
        .extracting(BlocklistEntry::cidr)
        .containsExactly(Cidr.parse(IP));
  }

  // --- expiry ---

  @Test
  public void upsert_shouldReplaceAsCreated_whenStoredEntryHasExpired() {
    store.upsert(Sighting.of(IP, T0).type("Old:type").findingId("old").build());
    BlockRequest later =
        Sighting.of(IP, T0.plus(Duration.ofHours(13))).type("New:type").findingId("new").build();

    UpsertResult result = store.upsert(later);

    assertThat(result.created()).isTrue();
    assertThat(result.entry()).isEqualTo(BlocklistEntry.create(later));
    assertThat(entry(IP).hits()).isEqualTo(1);
    assertThat(entry(IP).findingTypes()).containsExactly("New:type");
    assertThat(entry(IP).firstSeen()).isEqualTo(later.seenAt());
  }

  @Test
  public void upsert_shouldReplaceAsCreated_whenSeenExactlyAtExpiry() {
    store.upsert(Sighting.of(IP, T0).build());

    UpsertResult result = store.upsert(Sighting.of(IP, T0.plus(Duration.ofHours(12))).build());

    assertThat(result.created()).isTrue();
    assertThat(result.entry().hits()).isEqualTo(1);
  }

  @Test
  public void listActive_shouldOmitExpiredEntries_whenNotYetDeleted() {
    store.upsert(Sighting.of("192.0.2.1", T0).ttl(Duration.ofHours(1)).build());
    store.upsert(Sighting.of("192.0.2.2", T0).ttl(Duration.ofHours(12)).build());
    store.upsert(Sighting.of("192.0.2.3", T0).pinned().build());

    assertThat(cidrs(store.listActive(T0)))
        .containsExactly("192.0.2.1/32", "192.0.2.2/32", "192.0.2.3/32");
    assertThat(cidrs(store.listActive(T0.plus(Duration.ofHours(2)))))
        .containsExactly("192.0.2.2/32", "192.0.2.3/32");
    assertThat(cidrs(store.listActive(T0.plus(Duration.ofDays(2)))))
        .containsExactly("192.0.2.3/32");
  }

  @Test
  public void listActive_shouldOmitEntry_whenNowIsExactlyItsExpiry() {
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.listActive(T0.plus(Duration.ofHours(12)))).isEmpty();
    assertThat(store.listActive(T0.plus(Duration.ofHours(12)).minusNanos(1))).hasSize(1);
  }

  @Test
  public void listActive_shouldReturnEmpty_whenStoreEmpty() {
    assertThat(store.listActive(T0)).isEmpty();
  }

  @Test
  public void listActive_shouldReturnStoredEntries_whenActive() {
    BlockRequest a = Sighting.of("192.0.2.1", T0).build();
    BlockRequest b = Sighting.of("2001:db8::1", T0).severity(SeverityLevel.CRITICAL).build();
    store.upsert(a);
    store.upsert(b);

    assertThat(store.listActive(T0))
        .containsExactly(BlocklistEntry.create(a), BlocklistEntry.create(b));
  }

  @Test
  public void deleteExpired_shouldRemoveAndReturnOnlyExpiredUnpinnedEntries() {
    BlockRequest expired = Sighting.of("192.0.2.1", T0).ttl(Duration.ofHours(1)).build();
    BlockRequest expiredToo = Sighting.of("2001:db8::9", T0).ttl(Duration.ofHours(2)).build();
    store.upsert(expired);
    store.upsert(expiredToo);
    store.upsert(Sighting.of("192.0.2.2", T0).ttl(Duration.ofHours(12)).build());
    store.upsert(Sighting.of("192.0.2.3", T0).pinned().build());

    List<BlocklistEntry> deleted = store.deleteExpired(T0.plus(Duration.ofHours(3)));

    assertThat(deleted)
        .containsExactlyInAnyOrder(
            BlocklistEntry.create(expired), BlocklistEntry.create(expiredToo));
    assertThat(store.get(Cidr.parse("192.0.2.1"))).isEmpty();
    assertThat(store.get(Cidr.parse("2001:db8::9"))).isEmpty();
    assertThat(cidrs(store.listActive(T0))).containsExactly("192.0.2.2/32", "192.0.2.3/32");
  }

  @Test
  public void deleteExpired_shouldReturnEmpty_whenNothingExpired() {
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.deleteExpired(T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(store.get(Cidr.parse(IP))).isPresent();
  }

  @Test
  public void deleteExpired_shouldReturnEmpty_whenCalledTwice() {
    store.upsert(Sighting.of(IP, T0).build());
    Instant later = T0.plus(Duration.ofDays(1));

    assertThat(store.deleteExpired(later)).hasSize(1);
    assertThat(store.deleteExpired(later)).isEmpty();
  }

  @Test
  public void deleteExpired_shouldNeverDeletePinned_whenFarInFuture() {
    store.upsert(Sighting.of(IP, T0).pinned().build());

    assertThat(store.deleteExpired(T0.plus(Duration.ofDays(36500)))).isEmpty();
    assertThat(entry(IP).pinned()).isTrue();
  }

  @Test
  public void deleteExpired_shouldDeleteEntry_whenNowIsExactlyItsExpiry() {
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.deleteExpired(T0.plus(Duration.ofHours(12)).minusNanos(1))).isEmpty();
    assertThat(store.deleteExpired(T0.plus(Duration.ofHours(12)))).hasSize(1);
  }

  // --- get and delete ---

  @Test
  public void get_shouldReturnEmpty_whenCidrAbsent() {
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.get(Cidr.parse("198.51.100.8"))).isEmpty();
    assertThat(store.get(Cidr.parse("198.51.100.0/24"))).isEmpty();
  }

  @Test
  public void delete_shouldRemoveEntryAndReturnTrue_whenPresent() {
    store.upsert(Sighting.of(IP, T0).build());
    store.upsert(Sighting.of("192.0.2.1", T0).build());

    assertThat(store.delete(Cidr.parse(IP))).isTrue();

    assertThat(store.get(Cidr.parse(IP))).isEmpty();
    assertThat(cidrs(store.listActive(T0))).containsExactly("192.0.2.1/32");
  }

  @Test
  public void delete_shouldReturnFalse_whenAbsent() {
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.delete(Cidr.parse("192.0.2.1"))).isFalse();
    assertThat(store.get(Cidr.parse(IP))).isPresent();
  }

  @Test
  public void delete_shouldRemovePinnedEntry_whenAsked() {
    store.upsert(Sighting.of(IP, T0).pinned().build());

    assertThat(store.delete(Cidr.parse(IP))).isTrue();
    assertThat(store.listActive(T0)).isEmpty();
  }

  @Test
  public void upsert_shouldCreateAgain_whenDeletedBefore() {
    store.upsert(Sighting.of(IP, T0).build());
    store.delete(Cidr.parse(IP));

    UpsertResult result = store.upsert(Sighting.of(IP, T0.plusSeconds(1)).build());

    assertThat(result.created()).isTrue();
    assertThat(result.entry().hits()).isEqualTo(1);
  }

  // --- addresses ---

  @Test
  public void upsert_shouldKeepIpv6AndNetworksApart_whenPrefixesDiffer() {
    store.upsert(Sighting.of("2001:db8::1", T0).build());
    store.upsert(Sighting.of("2001:db8::/48", T0).build());
    store.upsert(Sighting.of("198.51.100.0/24", T0).build());
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(store.listActive(T0)).hasSize(4);
    assertThat(store.get(Cidr.parse("2001:0DB8:0:0::1"))).isPresent();
    assertThat(store.get(Cidr.parse("2001:db8::/48"))).isPresent();
    assertThat(store.get(Cidr.parse("2001:db8::/32"))).isEmpty();
    assertThat(entry("2001:db8::1").cidr()).isEqualTo(Cidr.parse("2001:db8::1/128"));
  }

  @Test
  public void upsert_shouldFindSameEntry_whenAddressSpelledDifferently() {
    store.upsert(Sighting.of("2001:db8:0:0:0:0:0:1", T0).build());

    UpsertResult result = store.upsert(Sighting.of("2001:DB8::1/128", T0.plusSeconds(1)).build());

    assertThat(result.created()).isFalse();
    assertThat(store.listActive(T0)).hasSize(1);
  }

  @Test
  public void listActive_shouldReturnCidrOrder_whenInsertedShuffled() {
    List<String> inserted =
        List.of(
            "2001:db8::10",
            "198.51.100.10",
            "2001:db8::9",
            "203.0.113.0/24",
            "198.51.100.9",
            "2001:db8::/32",
            "192.0.2.1");
    inserted.forEach(c -> store.upsert(Sighting.of(c, T0).build()));

    List<Cidr> expected = inserted.stream().map(Cidr::parse).sorted().toList();
    assertThat(store.listActive(T0)).extracting(BlocklistEntry::cidr).isEqualTo(expected);
    assertThat(cidrs(store.listActive(T0)).subList(0, 4))
        .containsExactly("192.0.2.1/32", "198.51.100.9/32", "198.51.100.10/32", "203.0.113.0/24");
  }

  // --- awkward text ---

  @Test
  public void upsert_shouldRoundTripText_whenFieldsHoldDelimitersQuotesAndUnicode() {
    String awkward = "a,b;c|d \"quoted\" 'single' \\ back\nnew line \t tab ünïcödé 🚫 [1] {x}";
    BlockRequest r =
        Sighting.of(IP, T0)
            .type(awkward)
            .findingId(awkward + "-id")
            .account("'); DROP TABLE blocklist; --")
            .region("")
            .build();

    store.upsert(r);

    assertThat(entry(IP)).isEqualTo(BlocklistEntry.create(r));
  }

  @Test
  public void upsert_shouldRoundTripText_whenFieldsAreHuge() {
    String huge = "x".repeat(100_000);
    BlockRequest r = Sighting.of(IP, T0).type(huge).findingId(huge).build();

    store.upsert(r);

    assertThat(entry(IP)).isEqualTo(BlocklistEntry.create(r));
  }

  @Test
  public void methods_shouldRejectNull_whenArgumentMissing() {
    assertThatThrownBy(() -> store.upsert(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.listActive(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.deleteExpired(null)).isInstanceOf(NullPointerException.class);
  }

  // --- sightings: one finding's copies count once ---

  @Test
  public void upsert_shouldLeaveEntryAsFirstCopyLeftIt_whenSameSightingRecordedAgain() {
    store.upsert(Sighting.of(IP, T0).sightingKey("f@1").build());
    BlocklistEntry first = entry(IP);

    UpsertResult again =
        store.upsert(
            Sighting.of(IP, T0.plus(Duration.ofHours(1)))
                .sightingKey("f@1")
                .origin(Origin.SECURITYHUB)
                .build());

    assertThat(again.created()).isFalse();
    assertThat(again.entry()).isEqualTo(first);
    assertThat(entry(IP)).isEqualTo(first);
    assertThat(entry(IP).hits()).isEqualTo(1);
    assertThat(entry(IP).lastSeen()).isEqualTo(T0);
  }

  @Test
  public void upsert_shouldCountHit_whenFindingUpdatedSinceItsLastSighting() {
    store.upsert(Sighting.of(IP, T0).sightingKey("f@1").build());

    store.upsert(Sighting.of(IP, T0.plusSeconds(60)).sightingKey("f@2").build());
    store.upsert(Sighting.of(IP, T0.plusSeconds(90)).sightingKey("f@2").build());

    assertThat(entry(IP).hits()).isEqualTo(2);
    assertThat(entry(IP).sightingKeys()).containsExactly("f@1", "f@2");
    assertThat(entry(IP).lastSeen()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  public void upsert_shouldCountEveryRequest_whenTheyHaveNoSightingKey() {
    store.upsert(Sighting.of(IP, T0).build());
    store.upsert(Sighting.of(IP, T0).build());

    assertThat(entry(IP).hits()).isEqualTo(2);
    assertThat(entry(IP).sightingKeys()).isEmpty();
  }

  @Test
  public void upsert_shouldCountAgain_whenSightingArrivesAfterItsEntryExpired() {
    store.upsert(Sighting.of(IP, T0).sightingKey("f@1").build());

    UpsertResult late =
        store.upsert(Sighting.of(IP, T0.plus(Duration.ofDays(1))).sightingKey("f@1").build());

    assertThat(late.created()).isTrue();
    assertThat(entry(IP).hits()).isEqualTo(1);
    assertThat(entry(IP).firstSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
  }

  @Test
  public void upsert_shouldKeepNewestSightingKeys_whenMoreArrive() {
    int extra = 5;
    for (int i = 0; i < BlocklistEntry.MAX_SIGHTING_KEYS + extra; i++) {
      store.upsert(Sighting.of(IP, T0.plusSeconds(i)).sightingKey("k" + i).build());
    }

    assertThat(entry(IP).sightingKeys())
        .hasSize(BlocklistEntry.MAX_SIGHTING_KEYS)
        .startsWith("k" + extra)
        .endsWith("k" + (BlocklistEntry.MAX_SIGHTING_KEYS + extra - 1));
  }

  @Test
  public void upsert_shouldCountOnce_whenCopiesOfOneSightingRace() throws Exception {
    int threads = 8;
    String cidr = "203.0.113.98/32";

    List<UpsertResult> results =
        Race.run(
            threads,
            t -> List.of(store.upsert(Sighting.of(cidr, T0).sightingKey("f@race").build())));

    assertThat(results.stream().filter(UpsertResult::created)).hasSize(1);
    assertThat(results).allSatisfy(r -> assertThat(r.entry().hits()).isEqualTo(1));
    assertThat(entry(cidr).hits()).isEqualTo(1);
  }

  // --- concurrency ---

  @Test
  public void upsert_shouldCountEveryHitAndCreateOnce_whenThreadsRace() throws Exception {
    int threads = 8;
    int perThread = 50;
    String shared = "203.0.113.99/32";

    List<UpsertResult> results =
        Race.run(
            threads,
            t -> {
              List<UpsertResult> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                String cidr = i % 2 == 0 ? shared : "192.0.2." + t + "/32";
                mine.add(store.upsert(Sighting.of(cidr, T0.plusSeconds(i)).build()));
              }
              return mine;
            });

    Map<Cidr, List<UpsertResult>> byCidr =
        results.stream().collect(Collectors.groupingBy(r -> r.entry().cidr()));
    assertThat(byCidr).hasSize(threads + 1);
    byCidr.forEach(
        (cidr, rs) -> {
          long expectedHits =
              cidr.equals(Cidr.parse(shared)) ? threads * perThread / 2 : perThread / 2;
          assertThat(rs.stream().filter(UpsertResult::created)).as("created " + cidr).hasSize(1);
          assertThat(rs.stream().map(r -> r.entry().hits()))
              .as("every upsert of " + cidr + " saw its own hit count")
              .containsExactlyInAnyOrderElementsOf(
                  LongStream.rangeClosed(1, expectedHits).boxed().toList());
          assertThat(store.get(cidr).orElseThrow().hits()).isEqualTo(expectedHits);
        });
  }

  protected BlocklistEntry entry(String cidr) {
    return store
        .get(Cidr.parse(cidr))
        .orElseThrow(() -> new AssertionError("no entry for " + cidr));
  }

  protected static List<String> cidrs(List<BlocklistEntry> entries) {
    return entries.stream().map(e -> e.cidr().value()).toList();
  }
}
