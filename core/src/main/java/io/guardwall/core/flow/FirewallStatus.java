package io.guardwall.core.flow;

import java.util.List;

/**
 * Desired state against the rule group as it is: what is missing from the firewall, what is there
 * but not desired, what the capacity leaves out, and the capacity in use; immutable.
 *
 * @param desiredEntries active entries in the store
 * @param expected the CIDRs a reconcile would write (merged, after eviction)
 * @param missing expected but not in the firewall
 * @param extra in guardwall's rule but not expected
 * @param evicted entries the capacity leaves out
 * @param refused why each entry the safety rule keeps out of the firewall is refused
 */
public record FirewallStatus(
    int desiredEntries,
    List<String> expected,
    List<String> missing,
    List<String> extra,
    List<String> evicted,
    List<String> refused,
    int capacityUsed,
    int capacity) {

  public FirewallStatus {
    expected = List.copyOf(expected);
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
  }

  /** Whether the firewall blocks exactly what a reconcile would write. */
  public boolean inSync() {
    return missing.isEmpty() && extra.isEmpty();
  }
}
