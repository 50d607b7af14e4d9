package io.guardwall.core.plan;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which desired entries fit into a budget of merged CIDRs, and which are evicted; immutable.
 *
 * <p>Eviction order, first evicted first: unpinned entries before pinned ones; among those, the
 * lowest highest-severity first; then the oldest last sighting; then by CIDR text, so the outcome
 * is deterministic. Whole entries are evicted, one at a time in that order, until the merged rest
 * fits. An evicted entry whose addresses a kept CIDR still covers blocks nothing extra and costs
 * nothing, so it stays (and is not reported as evicted).
 *
 * @param blocked the merged CIDRs of the kept entries, IPv4 first, ascending
 * @param evicted the entries left out, first evicted first
 */
record CapacityFit(List<Cidr> blocked, List<BlocklistEntry> evicted) {

  /** The order in which entries are kept: the reverse of the eviction order. */
  static final Comparator<BlocklistEntry> KEEP_ORDER = CapacityFit::compareKeepFirst;

  /** Fits {@code desired} into at most {@code maxCidrs} merged CIDRs (zero or less: none). */
  static CapacityFit of(List<BlocklistEntry> desired, long maxCidrs) {
    return of(desired, CidrBudget.shared(Math.max(0, maxCidrs)));
  }

  /** Fits {@code desired} into {@code budget}. */
  static CapacityFit of(List<BlocklistEntry> desired, CidrBudget budget) {
    List<BlocklistEntry> order = new ArrayList<>(desired.size());
    for (BlocklistEntry entry : desired) {
      order.add(Objects.requireNonNull(entry, "desired contains null"));
    }
    order.sort(KEEP_ORDER);
    List<AddressRange> ranges = order.stream().map(e -> AddressRange.of(e.cidr())).toList();
    AddressSet all = new AddressSet();
    int kept = longestFittingPrefix(ranges, budget, all);
    if (kept == order.size()) {
      return new CapacityFit(all.toCidrs(), List.of());
    }
    AddressSet set = new AddressSet();
    ranges.subList(0, kept).forEach(set::add);
    List<BlocklistEntry> evicted = new ArrayList<>();
    for (int i = order.size() - 1; i >= kept; i--) {
      if (!set.covers(ranges.get(i))) {
        evicted.add(order.get(i));
      }
    }
    return new CapacityFit(set.toCidrs(), evicted);
  }

  private static int compareKeepFirst(BlocklistEntry a, BlocklistEntry b) {
    int order = Boolean.compare(b.pinned(), a.pinned());
    if (order == 0) {
      order = b.highestSeverity().compareTo(a.highestSeverity());
    }
    if (order == 0) {
      order = b.lastSeen().compareTo(a.lastSeen());
    }
    return order != 0 ? order : a.cidr().value().compareTo(b.cidr().value());
  }

  /**
   * Adds every range to {@code set} in order and returns the largest count of leading ranges whose
   * merged cover fits. Every prefix is tested because adding a range can lower the count (it may
   * close the gap between two blocks), so the fitting prefixes need not be contiguous.
   */
  private static int longestFittingPrefix(
      List<AddressRange> ranges, CidrBudget budget, AddressSet set) {
    int fitting = 0;
    for (int i = 0; i < ranges.size(); i++) {
      set.add(ranges.get(i));
      if (set.fits(budget)) {
        fitting = i + 1;
      }
    }
    return fitting;
  }
}
