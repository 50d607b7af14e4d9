package io.guardwall.core.reconcile;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.TargetKind;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a reconcile (or a status check) found and did at one enforcement point; immutable.
 *
 * @param name the target as configured
 * @param kind its kind
 * @param blocked the merged CIDRs core chose for it (what it holds once reconciled)
 * @param budget its room, or null when it could not be read
 * @param missing chosen CIDRs the target did not hold when read (drift before the write)
 * @param extra CIDRs the target held but were not chosen
 * @param evicted desired entries left out for lack of room, first evicted first
 * @param refused desired entries the safety rule keeps out
 * @param added desired entries the target did not block before and blocks now
 * @param updated whether it was written
 * @param attempts reads it took (0 when none succeeded)
 * @param conflicts how many writes lost to another writer
 * @param error why the target could not be reconciled, or null when it was
 */
public record TargetReport(
    String name,
    TargetKind kind,
    List<Cidr> blocked,
    @Nullable CidrBudget budget,
    List<Cidr> missing,
    List<Cidr> extra,
    List<BlocklistEntry> evicted,
    List<Violation> refused,
    List<BlocklistEntry> added,
    boolean updated,
    int attempts,
    int conflicts,
    @Nullable String error) {

  public TargetReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    blocked = List.copyOf(blocked);
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
    added = List.copyOf(added);
  }

  /** A target that failed for good after {@code attempts} attempts. */
  static TargetReport failed(
      String name, TargetKind kind, int attempts, int conflicts, String error) {
    return new TargetReport(
        name, kind, List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), false,
        attempts, conflicts, error);
  }

  /** Whether the target could not be reconciled. */
  public boolean failed() {
    return error != null;
  }

  /** Whether the target held exactly what core chose, when read. */
  public boolean inSync() {
    return error == null && missing.isEmpty() && extra.isEmpty();
  }
}
