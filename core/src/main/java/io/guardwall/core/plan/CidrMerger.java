package io.guardwall.core.plan;

import io.guardwall.core.model.Cidr;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Exact CIDR merging: the fewest CIDRs that cover exactly the addresses of the input, no address
 * more (two adjacent /32s that form a /31 become that /31; a CIDR inside another disappears); IPv4
 * and IPv6 are merged separately. Stateless and thread-safe.
 */
final class CidrMerger {

  private CidrMerger() {}

  /** The merged CIDRs, IPv4 first, each family in ascending address order. */
  static List<Cidr> merge(Collection<Cidr> cidrs) {
    Objects.requireNonNull(cidrs, "cidrs");
    AddressSet set = new AddressSet();
    for (Cidr cidr : cidrs) {
      set.add(AddressRange.of(Objects.requireNonNull(cidr, "cidrs contains null")));
    }
    return set.toCidrs();
  }
}
