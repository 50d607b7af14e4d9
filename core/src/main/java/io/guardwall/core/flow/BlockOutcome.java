package io.guardwall.core.flow;

import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.policy.Violation;
import java.util.Objects;

/** What became of a request to block a CIDR: recorded, or refused by the safety rule; immutable. */
public sealed interface BlockOutcome {

  /**
   * The entry was created or refreshed in the store; the firewall follows at the next reconcile.
   */
  record Recorded(UpsertResult upsert) implements BlockOutcome {
    public Recorded {
      Objects.requireNonNull(upsert, "upsert");
    }
  }

  /** Nothing was written: the CIDR breaks the safety rule. */
  record Refused(Violation violation) implements BlockOutcome {
    public Refused {
      Objects.requireNonNull(violation, "violation");
    }
  }
}
