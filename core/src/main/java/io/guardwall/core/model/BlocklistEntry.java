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
 * @param sightingKeys the keys of the most recent sightings counted ({@link
 *     BlockRequest#sightingKey}), oldest first, at most {@link #MAX_SIGHTING_KEYS}: a sighting
 *     recorded again (a copy through another route, a re-delivered message) finds its key here and
 *     changes nothing
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
    List<String> sightingKeys,
    SortedSet<String> accounts,
    SortedSet<String> regions,
    SortedSet<Origin> origins,
    boolean pinned) {

  /** How many finding ids an entry remembers; older ones are dropped first. */
  public static final int MAX_FINDING_IDS = 20;

  /**
   * How many sighting keys an entry remembers; older ones are dropped first. The copies of one
   * sighting arrive within minutes of each other, long before this many newer sightings of the same
   * CIDR.
   */
  public static final int MAX_SIGHTING_KEYS = 32;

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
    findingIds = newest(findingIds, MAX_FINDING_IDS);
    sightingKeys = newest(sightingKeys, MAX_SIGHTING_KEYS);
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
        r.sightingKey() == null ? List.of() : List.of(r.sightingKey()),
        setOf(r.accountId()),
        setOf(r.region()),
        new TreeSet<>(List.of(r.origin())),
        r.pinned());
  }

  /**
   * This entry re-sighted: the expiry only ever moves later, a pinned entry stays pinned, and a
   * request that pins makes the entry pinned. A sighting already counted ({@link #hasCounted})
   * leaves the entry as it is.
   */
  public BlocklistEntry refresh(BlockRequest r) {
    if (hasCounted(r)) {
      return this;
    }
    boolean nowPinned = pinned || r.pinned();
    return new BlocklistEntry(
        cidr,
        firstSeen.isBefore(r.seenAt()) ? firstSeen : r.seenAt(),
        lastSeen.isAfter(r.seenAt()) ? lastSeen : r.seenAt(),
        nowPinned ? null : later(expiresAt, r.expiresAt()),
        hits + 1,
        SeverityLevel.max(highestSeverity, r.severity()),
        union(findingTypes, r.findingType()),
        append(findingIds, r.findingId()),
        append(sightingKeys, r.sightingKey()),
        union(accounts, r.accountId()),
        union(regions, r.region()),
        union(origins, r.origin()),
        nowPinned);
  }

  /** Whether {@code r}'s sighting is one this entry already counted; never without a key. */
  public boolean hasCounted(BlockRequest r) {
    return r.sightingKey() != null && sightingKeys.contains(r.sightingKey());
  }

  /** Whether this entry still belongs in the firewall at {@code now}. */
  public boolean isActive(Instant now) {
    return pinned || (expiresAt != null && expiresAt.isAfter(now));
  }

  private static List<String> append(List<String> list, @Nullable String value) {
    if (value == null || list.contains(value)) {
      return list;
    }
    List<String> longer = new ArrayList<>(list);
    longer.add(value);
    return longer;
  }

  /** The last {@code max} of {@code values}, as an unmodifiable copy. */
  private static List<String> newest(@Nullable List<String> values, int max) {
    List<String> copy = List.copyOf(values == null ? List.of() : values);
    return copy.size() <= max ? copy : copy.subList(copy.size() - max, copy.size());
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
    if (set instanceof SortedSet<T> sorted && (value == null || set.contains(value))) {
      return sorted; // unchanged: the constructor copies it once, no need for a copy here too
    }
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
