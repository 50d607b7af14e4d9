package io.guardwall.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One blocked CIDR of the desired state, with its sighting history; immutable. Every store keeps
 * exactly these fields, and every store merges a re-sighting with {@link #refresh}.
 *
 * @param expiresAt null only for pinned entries
 * @param findingIds the most recent finding ids, oldest first, at most {@link #MAX_FINDING_IDS}
 */
public record BlocklistEntry(
    Cidr cidr,
    Instant firstSeen,
    Instant lastSeen,
    @Nullable Instant expiresAt,
    long hits,
    SeverityLevel highestSeverity,
    SortedSet<String> findingTypes,
    List<String> findingIds,
    SortedSet<String> accounts,
    SortedSet<String> regions,
    SortedSet<Origin> origins,
    boolean pinned) {

  /** How many finding ids an entry remembers; older ones are dropped first. */
  public static final int MAX_FINDING_IDS = 20;

  public BlocklistEntry {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(highestSeverity, "highestSeverity");
    if (!pinned) {
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
    if (hits < 1) {
      throw new IllegalArgumentException("hits must be positive: " + hits);
    }
    findingTypes = sorted(findingTypes);
    findingIds = List.copyOf(findingIds == null ? List.of() : findingIds);
    if (findingIds.size() > MAX_FINDING_IDS) {
      findingIds = findingIds.subList(findingIds.size() - MAX_FINDING_IDS, findingIds.size());
    }
    accounts = sorted(accounts);
    regions = sorted(regions);
    origins = sorted(origins);
  }

  /** The entry a first sighting creates. */
  public static BlocklistEntry create(BlockRequest r) {
    return new BlocklistEntry(
        r.cidr(),
        r.seenAt(),
        r.seenAt(),
        r.pinned() ? null : r.expiresAt(),
        1,
        r.severity(),
        setOf(r.findingType()),
        r.findingId() == null ? List.of() : List.of(r.findingId()),
        setOf(r.accountId()),
        setOf(r.region()),
        new TreeSet<>(List.of(r.origin())),
        r.pinned());
  }

  /**
   * This entry re-sighted: the expiry only ever moves later, a pinned entry stays pinned, and a
   * request that pins makes the entry pinned.
   */
  public BlocklistEntry refresh(BlockRequest r) {
    boolean nowPinned = pinned || r.pinned();
    return new BlocklistEntry(
        cidr,
        firstSeen.isBefore(r.seenAt()) ? firstSeen : r.seenAt(),
        lastSeen.isAfter(r.seenAt()) ? lastSeen : r.seenAt(),
        nowPinned ? null : later(expiresAt, r.expiresAt()),
        hits + 1,
        SeverityLevel.max(highestSeverity, r.severity()),
        union(findingTypes, r.findingType()),
        appendId(r.findingId()),
        union(accounts, r.accountId()),
        union(regions, r.region()),
        union(origins, r.origin()),
        nowPinned);
  }

  /** Whether this entry still belongs in the firewall at {@code now}. */
  public boolean isActive(Instant now) {
    return pinned || (expiresAt != null && expiresAt.isAfter(now));
  }

  private List<String> appendId(@Nullable String id) {
    if (id == null || findingIds.contains(id)) {
      return findingIds;
    }
    List<String> ids = new ArrayList<>(findingIds);
    ids.add(id);
    return ids;
  }

  /** The later of two expiries; a missing one (a pinned side) gives way to the other. */
  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isAfter(b) ? a : b;
  }

  private static <T extends Comparable<T>> SortedSet<T> union(
      Collection<T> set, @Nullable T value) {
    SortedSet<T> result = new TreeSet<>(set);
    if (value != null) {
      result.add(value);
    }
    return result;
  }

  private static SortedSet<String> setOf(@Nullable String value) {
    return union(List.of(), value);
  }

  private static <T extends Comparable<T>> SortedSet<T> sorted(Collection<T> values) {
    return values == null
        ? java.util.Collections.emptySortedSet()
        : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }
}
