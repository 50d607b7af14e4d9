package io.guardwall.core.flow;

import io.guardwall.core.config.Durations;
import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Reason;
import io.guardwall.core.text.Excerpt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What people do to blocks, from the CLI or from Slack alike: unblock, extend, pin, allow and
 * disallow. Each action is recorded in the audit trail before it is performed and completed after
 * with its outcome, refused and failed ones too; the firewall follows at the next reconcile.
 * Thread-safe.
 */
public final class Actions {

  /**
   * The widest IPv4 CIDR a person may allow: the widest block guardwall renders by default, so that
   * an allow can lift any default block. A wider exemption (a whole provider) is a decision for the
   * reviewed configuration file's {@code allowList}, not for a button.
   */
  public static final int WIDEST_ALLOW_IPV4 = 16;

  /** The widest IPv6 CIDR a person may allow (one site), for the same reason. */
  public static final int WIDEST_ALLOW_IPV6 = 48;

  private final Guardwall gw;

  Actions(Guardwall gw) {
    this.gw = gw;
  }

  /**
   * Removes the entry for {@code cidr}; refused when there is none, naming what still covers it.
   */
  public ActionOutcome unblock(Actor actor, Cidr cidr, String reason) {
    return audited(actor, Action.UNBLOCK, cidr, reason, () -> removeEntry(cidr));
  }

  private Result removeEntry(Cidr cidr) {
    UnblockOutcome outcome = gw.unblock(cidr);
    if (outcome instanceof UnblockOutcome.Removed removed) {
      return Result.done("removed from the blocklist", List.of(removed.entry()));
    }
    List<Cidr> covering = ((UnblockOutcome.NotBlocked) outcome).coveredBy();
    return new Result(false, notBlocked(cidr, covering), List.of(), covering);
  }

  /**
   * Moves the expiry of the entry for {@code cidr} {@code by} later (from now if it is past), or by
   * the configured {@code extendBy} when {@code by} is null; refused for a pinned or missing entry.
   *
   * @throws IllegalArgumentException when {@code by} is not positive or longer than {@link
   *     Durations#MAX}
   */
  public ActionOutcome extend(Actor actor, Cidr cidr, @Nullable Duration by, String reason) {
    Duration d =
        by == null ? gw.config.extendBy() : Durations.requireWithin(by, "extend", Durations.MAX);
    return audited(actor, Action.EXTEND, cidr, reason, () -> extendEntry(cidr, d));
  }

  private Result extendEntry(Cidr cidr, Duration d) {
    Optional<BlocklistEntry> entry = active(cidr);
    Optional<String> problem = unpinnedProblem(entry, cidr, " is pinned: it never expires");
    if (problem.isPresent()) {
      return Result.refused(problem.get());
    }
    Instant now = gw.clock.instant();
    Instant until = later(Objects.requireNonNull(entry.orElseThrow().expiresAt()), now).plus(d);
    return write(request(entry.orElseThrow(), now, until, false), "expires at " + until);
  }

  /** Makes the entry for {@code cidr} never expire; refused for a missing or pinned entry. */
  public ActionOutcome pin(Actor actor, Cidr cidr, String reason) {
    return audited(actor, Action.PIN, cidr, reason, () -> pinEntry(cidr));
  }

  private Result pinEntry(Cidr cidr) {
    Optional<BlocklistEntry> entry = active(cidr);
    Optional<String> problem = unpinnedProblem(entry, cidr, " is already pinned");
    if (problem.isPresent()) {
      return Result.refused(problem.get());
    }
    Instant now = gw.clock.instant();
    return write(request(entry.orElseThrow(), now, now, true), "pinned: it never expires");
  }

  /**
   * Adds {@code cidr} to the dynamic allow-list and removes every blocklist entry that overlaps it;
   * from then on nothing it overlaps is blocked, on any path. Refused without a reason, when wider
   * than {@link #WIDEST_ALLOW_IPV4} or {@link #WIDEST_ALLOW_IPV6}, or when already allowed.
   */
  public ActionOutcome allow(Actor actor, Cidr cidr, String reason) {
    return audited(actor, Action.ALLOW, cidr, reason, () -> addToAllowList(actor, cidr, reason));
  }

  private Result addToAllowList(Actor actor, Cidr cidr, String reason) {
    Optional<String> problem = allowProblem(cidr, reason);
    if (problem.isPresent()) {
      return Result.refused(problem.get());
    }
    if (!gw.allowList.add(new AllowedCidr(cidr, reason, actor, gw.clock.instant()))) {
      return Result.refused(cidr + " is already allowed");
    }
    gw.safety.refresh();
    List<BlocklistEntry> removed = removeOverlapping(cidr);
    return Result.done(allowed(removed), removed);
  }

  /** Removes {@code cidr} from the dynamic allow-list; refused when it is not on it. */
  public ActionOutcome disallow(Actor actor, Cidr cidr, String reason) {
    return audited(actor, Action.DISALLOW, cidr, reason, () -> removeFromAllowList(cidr));
  }

  private Result removeFromAllowList(Cidr cidr) {
    if (!gw.allowList.remove(cidr)) {
      return Result.refused(notAllowed(cidr));
    }
    gw.safety.refresh();
    return Result.done("removed from the allow-list", List.of());
  }

  /** The dynamic allow-list, in CIDR order (the configured one is in the configuration). */
  public List<AllowedCidr> allowed() {
    return gw.allowList.list();
  }

  /**
   * The audit records at or after {@code since}, oldest first; only those whose CIDR overlaps
   * {@code cidr} when it is given.
   */
  public List<AuditRecord> history(Instant since, @Nullable Cidr cidr) {
    return gw.audit.since(since).stream()
        .filter(r -> cidr == null || overlaps(r.cidr(), cidr))
        .toList();
  }

  /** Why {@code entry} cannot be extended or pinned: it is missing, or pinned already. */
  private static Optional<String> unpinnedProblem(
      Optional<BlocklistEntry> entry, Cidr cidr, String whenPinned) {
    if (entry.isEmpty()) {
      return Optional.of(absent(cidr));
    }
    return entry.get().pinned() ? Optional.of(cidr + whenPinned) : Optional.empty();
  }

  private Optional<BlocklistEntry> active(Cidr cidr) {
    return gw.store.get(cidr).filter(e -> e.isActive(gw.clock.instant()));
  }

  private static BlockRequest request(
      BlocklistEntry entry, Instant now, Instant until, boolean pin) {
    return BlockRequest.manual(entry.cidr(), now, until, entry.highestSeverity(), pin);
  }

  private Result write(BlockRequest request, String what) {
    BlockOutcome outcome = gw.block(request);
    if (outcome instanceof BlockOutcome.Refused r) {
      return Result.refused(r.violation().message());
    }
    BlocklistEntry entry = ((BlockOutcome.Recorded) outcome).upsert().entry();
    return Result.done(what, List.of(entry));
  }

  private List<BlocklistEntry> removeOverlapping(Cidr allowed) {
    return gw.store.listActive(gw.clock.instant()).stream()
        .filter(e -> overlaps(e.cidr(), allowed))
        .filter(e -> gw.store.delete(e.cidr()))
        .toList();
  }

  private static Optional<String> allowProblem(Cidr cidr, String reason) {
    if (Reason.checked(reason).isEmpty()) {
      return Optional.of("allow needs a reason: say why " + cidr + " must never be blocked");
    }
    int widest = cidr.isIpv4() ? WIDEST_ALLOW_IPV4 : WIDEST_ALLOW_IPV6;
    if (cidr.prefixLength() < widest) {
      return Optional.of(
          cidr
              + " is wider than /"
              + widest
              + ", the widest CIDR an action may allow; put wider ranges in the configuration's"
              + " allowList");
    }
    return Optional.empty();
  }

  private String notAllowed(Cidr cidr) {
    boolean configured = gw.config.allowList().contains(cidr);
    return configured
        ? cidr + " is in the configuration's allowList; change the configuration to remove it"
        : cidr + " is not on the allow-list";
  }

  private static String allowed(List<BlocklistEntry> removed) {
    return removed.isEmpty()
        ? "allowed; it was not blocked"
        : "allowed; removed from the blocklist: "
            + removed.stream().map(e -> e.cidr().value()).toList();
  }

  private static String absent(Cidr cidr) {
    return "not in the blocklist: " + cidr;
  }

  /** Why there is nothing to unblock: no entry at all, or only wider or narrower entries. */
  static String notBlocked(Cidr target, List<Cidr> covering) {
    if (covering.isEmpty()) {
      return absent(target);
    }
    return target
        + " is not an entry of its own, but "
        + (covering.size() == 1 ? "the entry " : "the entries ")
        + covering.stream().map(Cidr::value).toList()
        + " still block it: unblock "
        + (covering.size() == 1 ? "that entry" : "those entries")
        + " instead";
  }

  private static boolean overlaps(Cidr a, Cidr b) {
    return a.contains(b) || b.contains(a);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Records the action as requested, performs it, then records what came of it: done, refused, or
   * failed with the error, which is thrown on. A trail that cannot record the request stops the
   * action before it starts.
   */
  private ActionOutcome audited(
      Actor actor, Action action, Cidr cidr, String reason, Supplier<Result> perform) {
    AuditRecord requested = AuditRecord.requested(gw.clock.instant(), actor, action, cidr, reason);
    String id = gw.audit.record(requested);
    Result result;
    try {
      result = perform.get();
    } catch (RuntimeException e) {
      failed(id, requested, e);
      throw e;
    }
    AuditRecord completed =
        requested.completed(
            result.done() ? AuditRecord.Status.DONE : AuditRecord.Status.REFUSED, result.outcome());
    gw.audit.complete(id, completed);
    return new ActionOutcome(completed, result.entries(), result.coveredBy());
  }

  private void failed(String id, AuditRecord requested, RuntimeException e) {
    String error = Objects.requireNonNullElse(e.getMessage(), e.getClass().getName());
    try {
      gw.audit.complete(
          id, requested.completed(AuditRecord.Status.FAILED, "failed: " + Excerpt.of(error, 500)));
    } catch (RuntimeException recordFailed) {
      // The record stays "requested": history still shows the action was asked for.
      e.addSuppressed(recordFailed);
    }
  }

  /** What an action's body came to, before the trail records it. */
  private record Result(
      boolean done, String outcome, List<BlocklistEntry> entries, List<Cidr> coveredBy) {

    static Result done(String what, List<BlocklistEntry> entries) {
      return new Result(true, what, entries, List.of());
    }

    static Result refused(String why) {
      return new Result(false, why, List.of(), List.of());
    }
  }
}
