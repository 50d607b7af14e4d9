package io.guardwall.core.plan;

import io.guardwall.core.model.Cidr;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The addresses a target blocks, as a set of addresses rather than a list of CIDRs: two lists that
 * cover the same addresses (one merged, one not) hold the same. Immutable after construction and
 * thread-safe.
 */
public final class HeldAddresses {

  private final AddressSet set = new AddressSet();

  private HeldAddresses(Collection<Cidr> cidrs) {
    cidrs.forEach(c -> set.add(AddressRange.of(Objects.requireNonNull(c, "cidrs contains null"))));
  }

  /** The addresses {@code cidrs} cover together. */
  public static HeldAddresses of(Collection<Cidr> cidrs) {
    return new HeldAddresses(cidrs);
  }

  /** Whether every address of {@code cidr} is held. */
  public boolean covers(Cidr cidr) {
    return set.covers(AddressRange.of(cidr));
  }

  /** Whether {@code cidrs} cover exactly the held addresses. */
  public boolean sameAs(Collection<Cidr> cidrs) {
    return set.toCidrs().equals(CidrMerger.merge(cidrs));
  }

  /** The CIDRs of {@code cidrs} that are not wholly held, in their order. */
  public List<Cidr> notCovering(Collection<Cidr> cidrs) {
    return cidrs.stream().filter(c -> !covers(c)).toList();
  }
}
