package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.parse.FindingEvent;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.parse.InvalidEventException;
import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.ReconcileException;
import io.guardwall.core.reconcile.ReconcileResult;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.BlockedIp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch of events: {@link #process} records blocks and sends finding alerts as each event
 * arrives; {@link #checkpoint} and {@link #finish} reconcile the firewall and send one digest of
 * the addresses newly blocked since the last checkpoint. Thread-safe: workers may process events
 * concurrently.
 */
public final class Run {

  /**
   * How long a claimed alert may take until Slack accepts it before another worker may send it:
   * longer than the webhook's retry budget (a minute) and the notify function's timeout.
   */
  static final Duration NOTIFY_LEASE = Duration.ofMinutes(5);

  private final Guardwall gw;
  private final ConcurrentLinkedQueue<BlockedIp> pending = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<BlockedIp> blocked = new ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger reconciles =
      new java.util.concurrent.atomic.AtomicInteger();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean changed = new AtomicBoolean();
  private final Set<Route> enabled;

  Run(Guardwall gw, Set<Route> enabled) {
    this.gw = gw;
    this.enabled = enabled;
  }

  /**
   * Processes one event; never throws for bad input, which is reported in the result (any exception
   * is a bug or a failure of the run's own work, never the event's fault). Each finding is routed
   * on its own, as if EventBridge had delivered it alone: in the cloud a rule matches the whole
   * event, so a finding no route wants may arrive beside one that is wanted. Every finding is read
   * and reported, so that a finding no route can see still shows its error or warnings.
   */
  public EventReport process(JsonNode raw, String source, int index) {
    List<FindingEvent> parts;
    try {
      parts = gw.parser.split(gw.parser.normalize(raw));
    } catch (InvalidEventException e) {
      return EventReport.failed(source, index, e.getMessage());
    }
    Set<Route> routes = EnumSet.noneOf(Route.class);
    List<FindingReport> findings = new ArrayList<>();
    for (FindingEvent part : parts) {
      Set<Route> own = routes(part);
      routes.addAll(own);
      findings.add(handle(gw.parser.read(part), own));
    }
    return new EventReport(source, index, routes, null, findings);
  }

  private Set<Route> routes(FindingEvent part) {
    Set<Route> routes = EnumSet.noneOf(Route.class);
    routes.addAll(gw.router.routes(part.event()));
    routes.retainAll(enabled);
    return routes;
  }

  /**
   * Reconciles when this run changed the desired state since the last checkpoint, then sends one
   * digest of the addresses newly blocked since then. A failed reconcile keeps them for the next
   * checkpoint. Call it from one thread at a time (workers may keep processing meanwhile).
   */
  public Optional<ReconcileResult> checkpoint() {
    if (!changed.getAndSet(false)) {
      return Optional.empty();
    }
    List<BlockedIp> batch = drain();
    try {
      ReconcileResult result = gw.reconciler.request();
      reconciles.incrementAndGet();
      sendDigest(result, batch);
      return Optional.of(result);
    } catch (ReconcileException | StoreException e) {
      pending.addAll(batch);
      changed.set(true);
      errors.add("reconcile failed, the desired state is kept for the next run: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A last checkpoint, then the report of the whole run. */
  public RunReport finish() {
    ReconcileResult last = checkpoint().orElse(null);
    return new RunReport(last, List.copyOf(blocked), List.copyOf(errors));
  }

  /** The addresses newly blocked since the last checkpoint (none yet reconciled). */
  public List<BlockedIp> newlyBlocked() {
    return List.copyOf(pending);
  }

  /** Whether this run changed the desired state since the last checkpoint. */
  public boolean changed() {
    return changed.get();
  }

  /** How many reconciles this run's checkpoints made. */
  public int reconciles() {
    return reconciles.get();
  }

  private List<BlockedIp> drain() {
    List<BlockedIp> batch = new ArrayList<>();
    for (BlockedIp b; (b = pending.poll()) != null; ) {
      batch.add(b);
    }
    return batch;
  }

  private FindingReport handle(FindingResult result, Set<Route> routes) {
    if (!result.isValid()) {
      return FindingReport.invalid(result.id(), result.type(), result.error());
    }
    Finding f = result.finding();
    try {
      List<IpDecision> ips = gw.policy.decide(f, routes.contains(Route.BLOCK));
      ips.stream().filter(IpDecision::block).forEach(d -> record(f, d));
      NotificationOutcome notification = notify(f, routes.contains(Route.NOTIFY));
      return new FindingReport(
          f.id(), f.type(), f.severity().level().name(), null, ips, f.warnings(), notification);
    } catch (StoreException e) {
      // Unlike a bad finding, a store failure means the run did not do its work: report it as a
      // run error too, so that callers fail visibly.
      errors.add("finding " + f.id() + " not recorded: " + e.getMessage());
      return FindingReport.notRecorded(
          f.id(), f.type(), f.severity().level().name(), e.getMessage());
    }
  }

  private void record(Finding f, IpDecision d) {
    Instant now = gw.clock.instant();
    BlockRequest request =
        new BlockRequest(
            d.ip().address(),
            now,
            now.plus(gw.config.blockDuration()),
            f.severity().level(),
            f.type(),
            f.id(),
            f.accountId(),
            f.region(),
            f.origin(),
            false);
    BlockOutcome outcome = gw.block(request);
    if (outcome instanceof BlockOutcome.Recorded r && r.upsert().created()) {
      pending.add(blockedIp(f, d, r.upsert()));
      changed.set(true);
    } else if (outcome instanceof BlockOutcome.Refused r) {
      // The policy applies the same rule first, so this is a disagreement worth surfacing.
      errors.add("finding " + f.id() + ": " + r.violation().message());
    }
  }

  private static BlockedIp blockedIp(Finding f, IpDecision d, UpsertResult result) {
    return new BlockedIp(
        result.entry().cidr(),
        result.entry().expiresAt(),
        f.id(),
        f.type(),
        f.severity().level(),
        d.ip().country(),
        d.ip().asn(),
        d.ip().organization(),
        f.sample());
  }

  private NotificationOutcome notify(Finding f, boolean routed) {
    Optional<String> skip = gw.policy.notifySkipReason(f, routed);
    if (skip.isEmpty()) {
      return alert(f);
    }
    return gw.policy.meetsNotifyThreshold(f)
        ? new NotificationOutcome.Skipped(skip.get())
        : new NotificationOutcome.BelowThreshold(f.severity().level(), gw.config.notifyThreshold());
  }

  /**
   * Claims the alert, sends it and confirms the claim once Slack accepted it; a send that fails
   * releases the claim, so the finding is alerted when it arrives again.
   */
  private NotificationOutcome alert(Finding f) {
    Optional<NotificationClaim> claim;
    try {
      Instant now = gw.clock.instant();
      claim = gw.notifications.claim(f.id(), f.severity().level(), now, now.plus(NOTIFY_LEASE));
    } catch (StoreException e) {
      return failed(f, "the notification log failed, so the alert was not sent: " + e.getMessage());
    }
    if (claim.isEmpty()) {
      return NotificationOutcome.DUPLICATE;
    }
    try {
      gw.notifier.deliver(gw.messages.findingAlert(f, gw.policy.actorNote(f)));
    } catch (RuntimeException e) {
      release(claim.get());
      if (!(e instanceof NotifyException)) {
        throw e;
      }
      return failed(f, e.getMessage());
    }
    confirm(claim.get());
    return NotificationOutcome.SENT;
  }

  private NotificationOutcome failed(Finding f, String cause) {
    errors.add("notification for finding " + f.id() + " failed: " + cause);
    return new NotificationOutcome.Failed(cause);
  }

  /** A release that fails leaves the claim to lapse: the alert is retried a few minutes later. */
  private void release(NotificationClaim claim) {
    try {
      gw.notifications.release(claim);
    } catch (StoreException e) {
      errors.add(
          "finding "
              + claim.findingId()
              + ": the notification log kept the failed alert's claim, so it is retried only once"
              + " the claim lapses: "
              + e.getMessage());
    }
  }

  /** A confirm that fails risks a second alert, never a lost one: reported, not thrown. */
  private void confirm(NotificationClaim claim) {
    Instant now = gw.clock.instant();
    try {
      gw.notifications.confirm(claim, now, now.plus(gw.config.notificationMemory()));
    } catch (StoreException e) {
      errors.add(
          "finding "
              + claim.findingId()
              + " was alerted, but the notification log did not record it, so it may be alerted"
              + " again: "
              + e.getMessage());
    }
  }

  private void sendDigest(ReconcileResult reconcile, List<BlockedIp> batch) {
    RuleGroupPlan plan = reconcile.plan();
    if (!plan.refused().isEmpty()) {
      errors.add(
          plan.refused().size()
              + " stored entries break the safety rule and were left out of the rule group: "
              + plan.refused().stream().map(Violation::message).toList());
    }
    if (!plan.evicted().isEmpty()) {
      errors.add(
          plan.evicted().size()
              + " entries do not fit the rule group capacity and were left out: "
              + plan.evicted().stream().map(BlocklistEntry::cidr).toList());
    }
    DigestOutcome digest = gw.postDigest(batch, plan.notInFirewall());
    blocked.addAll(digest.listed());
    errors.addAll(digest.failures());
  }
}
