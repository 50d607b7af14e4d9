package io.guardwall.core.plan;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A set of IPv4 and IPv6 addresses kept as disjoint, non-adjacent ranges, which knows how many CIDR
 * blocks its exact cover needs after every addition (so eviction can test every prefix of the
 * eviction order in one pass); not thread-safe.
 */
final class AddressSet {

  private final Family ipv4 = new Family(AddressRange.IPV4_BITS);
  private final Family ipv6 = new Family(AddressRange.IPV6_BITS);

  void add(AddressRange range) {
    family(range).add(range);
  }

  /** Whether every address of {@code range} is already in the set. */
  boolean covers(AddressRange range) {
    return family(range).covers(range);
  }

  /** How many CIDR blocks cover the set exactly. */
  long blockCount() {
    return ipv4.blockCount + ipv6.blockCount;
  }

  /** Whether the blocks that cover the set exactly fit {@code budget}. */
  boolean fits(CidrBudget budget) {
    return budget.fits(ipv4.blockCount, ipv6.blockCount);
  }

  /** The exact cover, IPv4 first, each family ascending. */
  List<Cidr> toCidrs() {
    List<Cidr> cidrs = new ArrayList<>();
    ipv4.appendCidrs(cidrs);
    ipv6.appendCidrs(cidrs);
    return cidrs;
  }

  private Family family(AddressRange range) {
    return range.bits() == AddressRange.IPV4_BITS ? ipv4 : ipv6;
  }

  /** The ranges of one family, keyed by first address, each with its block count. */
  private static final class Family {
    private final int bits;
    private final TreeMap<U128, Counted> ranges = new TreeMap<>();
    private long blockCount;

    Family(int bits) {
      this.bits = bits;
    }

    void add(AddressRange range) {
      U128 first = range.first();
      U128 last = range.last();
      Map.Entry<U128, Counted> below = ranges.floorEntry(first);
      if (below != null && touches(below.getValue().range.last(), first)) {
        if (below.getValue().range.last().compareTo(last) >= 0) {
          return;
        }
        first = below.getKey();
        remove(first);
      }
      for (Map.Entry<U128, Counted> next = ranges.ceilingEntry(first);
          next != null && touches(last, next.getKey());
          next = ranges.ceilingEntry(first)) {
        last = last.max(next.getValue().range.last());
        remove(next.getKey());
      }
      put(
          first.equals(range.first()) && last.equals(range.last())
              ? range
              : new AddressRange(bits, first, last, null));
    }

    boolean covers(AddressRange range) {
      Map.Entry<U128, Counted> below = ranges.floorEntry(range.first());
      return below != null && below.getValue().range.last().compareTo(range.last()) >= 0;
    }

    void appendCidrs(List<Cidr> cidrs) {
      ranges.values().forEach(counted -> counted.range.appendCidrs(cidrs));
    }

    /** Whether a range ending at {@code last} overlaps or abuts one starting at {@code first}. */
    private static boolean touches(U128 last, U128 first) {
      return last.compareTo(first) >= 0 || last.plusOne().equals(first);
    }

    private void put(AddressRange range) {
      Counted counted = new Counted(range, range.blockCount());
      ranges.put(range.first(), counted);
      blockCount += counted.blocks;
    }

    private void remove(U128 first) {
      blockCount -= Objects.requireNonNull(ranges.remove(first), "range").blocks;
    }
  }

  private record Counted(AddressRange range, int blocks) {}
}
