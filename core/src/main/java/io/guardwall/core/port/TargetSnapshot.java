package io.guardwall.core.port;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An enforcement point as read; immutable.
 *
 * @param blocked the CIDRs guardwall's part of the target blocks now, as written there (a target
 *     that blocks each direction apart reports those it blocks in both)
 * @param budget the room guardwall has in the target, everything it does not own subtracted
 * @param version what proves a write is based on this read (an update token, a list's version, a
 *     lock token), opaque to core
 */
public record TargetSnapshot(Set<Cidr> blocked, CidrBudget budget, String version) {

  public TargetSnapshot {
    blocked = Set.copyOf(blocked);
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Refuses a list that does not fit this read's room: core never hands one over, so an adapter
   * that meets one stops before writing anything.
   *
   * @throws FirewallException naming the counts when {@code cidrs} does not fit
   */
  public void requireFits(List<Cidr> cidrs) {
    long ipv4 = cidrs.stream().filter(Cidr::isIpv4).count();
    long ipv6 = cidrs.size() - ipv4;
    if (!budget.fits(ipv4, ipv6)) {
      throw new FirewallException(
          "refusing to write "
              + ipv4
              + " IPv4 and "
              + ipv6
              + " IPv6 CIDRs: the target has room for "
              + budget,
          null);
    }
  }
}
