package io.guardwall.core.flow;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.BlockedIp;
import java.util.List;

/**
 * What a maintenance run has to report, as its steps hand it on: the first of the expired entries
 * it deleted, of the entries that do not fit the rule group and of the addresses its reconcile
 * added, each with the full count; immutable.
 */
public record MaintenanceDigest(
    List<Cidr> expired,
    int expiredCount,
    List<Cidr> evicted,
    int evictedCount,
    List<BlockedIp> added,
    int addedCount) {

  public MaintenanceDigest {
    expired = List.copyOf(expired);
    evicted = List.copyOf(evicted);
    added = List.copyOf(added);
    requireCount("expired", expired, expiredCount);
    requireCount("evicted", evicted, evictedCount);
    requireCount("added", added, addedCount);
  }

  /** Whether there is anything beyond the digests of {@link #added} to say. */
  boolean hasNews() {
    return expiredCount > 0 || evictedCount > 0 || addedCount > added.size();
  }

  private static void requireCount(String name, List<?> listed, int count) {
    if (count < listed.size()) {
      throw new IllegalArgumentException(
          name + "Count " + count + " is less than the " + listed.size() + " listed");
    }
  }
}
