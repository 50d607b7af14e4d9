package io.guardwall.core.plan;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.policy.Violation;
import java.util.List;

/**
 * What core chose for one enforcement point; immutable.
 *
 * @param blocked the merged CIDRs to block, IPv4 first, each family ascending
 * @param evicted the desired entries left out for lack of room, first evicted first
 * @param refused the desired entries the safety rule keeps out, with the reason
 */
public record TargetSelection(
    List<Cidr> blocked, List<BlocklistEntry> evicted, List<Violation> refused) {

  public TargetSelection {
    blocked = List.copyOf(blocked);
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
  }
}
