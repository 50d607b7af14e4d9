package io.guardwall.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One action in the audit trail: who did what to which CIDR, when, why, and what came of it;
 * immutable. It is written {@link Status#REQUESTED} before the action and completed after it, so
 * that an action that fails, or whose process dies, still leaves a record.
 *
 * @param at when the action was requested
 * @param reason why, as the person gave it; empty when none was given
 * @param status how far the action got
 * @param outcome what happened, or why it was refused or failed, in one sentence
 */
public record AuditRecord(
    Instant at,
    Actor actor,
    Action action,
    Cidr cidr,
    String reason,
    Status status,
    String outcome) {

  /** How far an action got. */
  public enum Status {
    /** Written before the action; left so only when the action never completed. */
    REQUESTED,
    /** The action changed what it was asked to. */
    DONE,
    /** The action was refused (nothing to change, or not allowed); nothing changed. */
    REFUSED,
    /** The action failed part-way (a store or firewall error); see the outcome. */
    FAILED
  }

  public AuditRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(cidr, "cidr");
    reason = Reason.checked(reason);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome.isBlank()) {
      throw new IllegalArgumentException("an audit record needs an outcome");
    }
  }

  /** The record of an action about to be performed. */
  public static AuditRecord requested(
      Instant at, Actor actor, Action action, Cidr cidr, String reason) {
    return new AuditRecord(
        at, actor, action, cidr, reason, Status.REQUESTED, "requested, not completed");
  }

  /** This record completed with {@code status} and {@code outcome}. */
  public AuditRecord completed(Status status, String outcome) {
    return new AuditRecord(at, actor, action, cidr, reason, status, outcome);
  }

  /** Whether the action changed anything. */
  public boolean done() {
    return status == Status.DONE;
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
