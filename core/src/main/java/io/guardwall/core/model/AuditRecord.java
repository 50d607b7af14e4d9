package io.guardwall.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One action in the audit trail: who did what to which CIDR, when, why, and what came of it;
 * immutable.
 *
 * @param reason why, as the person gave it; empty when none was given
 * @param done whether the action changed anything; false when it was refused
 * @param outcome what happened, or why it was refused, in one sentence
 */
public record AuditRecord(
    Instant at,
    Actor actor,
    Action action,
    Cidr cidr,
    String reason,
    boolean done,
    String outcome) {

  public AuditRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(cidr, "cidr");
    reason = Reason.checked(reason);
    Objects.requireNonNull(outcome, "outcome");
    if (outcome.isBlank()) {
      throw new IllegalArgumentException("an audit record needs an outcome");
    }
  }

  /** One line for people: {@code alice (U1) allow 198.51.100.7/32: done}. */
  public String describe() {
    return actor.describe()
        + " "
        + action.verb()
        + " "
        + cidr.display()
        + (reason.isEmpty() ? "" : " (" + reason + ")")
        + ": "
        + outcome;
  }
}
