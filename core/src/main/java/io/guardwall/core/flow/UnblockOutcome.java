package io.guardwall.core.flow;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import java.util.List;
import java.util.Objects;

/** What became of a request to unblock a CIDR; immutable. */
public sealed interface UnblockOutcome {

  /** The entry was deleted; the firewall follows at the next reconcile. */
  record Removed(BlocklistEntry entry) implements UnblockOutcome {
    public Removed {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /**
   * There was no entry for the CIDR. {@code coveredBy} lists the active entries that still block
   * (some of) it, which the caller should name: unblocking a /32 inside a blocked /24 changes
   * nothing.
   */
  record NotBlocked(Cidr cidr, List<Cidr> coveredBy) implements UnblockOutcome {
    public NotBlocked {
      Objects.requireNonNull(cidr, "cidr");
      coveredBy = List.copyOf(coveredBy);
    }
  }
}
