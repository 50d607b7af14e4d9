package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.parse.FindingEvent;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.parse.InvalidEventException;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.ClaimRequest;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.BlockedIp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One run over events: {@link #process} (one event) and {@link #processAll} (a batch, recorded in
 * one store call) record blocks and send finding alerts as events arrive (or, in a run that
 * {@linkplain Guardwall#startBatch defers alerts}, hold them for {@link #sendAlerts}); {@link
 * #checkpoint} and {@link #finish} reconcile the firewall and send one digest of the addresses that
 * reconcile added to it. Thread-safe: workers may process batches concurrently.
 */
public final class Run {

  /**
   * How long a claimed alert may take until Slack accepts it before another worker may send it:
   * longer than the webhook's retry budget (a minute) and the notify function's timeout.
   */
  static final Duration NOTIFY_LEASE = Duration.ofMinutes(5);

  private final Guardwall gw;
  private final ConcurrentLinkedQueue<BlockedIp> pending = new ConcurrentLinkedQueue<>();
  // What this run recorded, with the finding's whereabouts, for the digest of what was added.
  private final Map<Cidr, BlockedIp> recorded = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<BlockedIp> blocked = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<QueuedAlert> queued = new ConcurrentLinkedQueue<>();
  private final AtomicInteger reconciles = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean changed = new AtomicBoolean();
  private final Set<Route> enabled;
  private final boolean deferAlerts;

  Run(Guardwall gw, Set<Route> enabled, boolean deferAlerts) {
    this.gw = gw;
    this.enabled = enabled;
    this.deferAlerts = deferAlerts;
  }

  /**
   * Processes one event; never throws for bad input, which is reported in the result (any exception
   * is a bug or a failure of the run's own work, never the event's fault). Each finding is routed
   * on its own, as if EventBridge had delivered it alone: in the cloud a rule matches the whole
   * event, so a finding no route wants may arrive beside one that is wanted. Every finding is read
   * and reported, so that a finding no route can see still shows its error or warnings.
   */
  public EventReport process(JsonNode raw, String source, int index) {
    return processAll(List.of(new IncomingEvent(raw, source, index))).get(0);
  }

  /**
   * Processes a batch of events as {@link #process} does each, in order, recording the blocks of
   * the whole batch in one {@link Guardwall#blockAll}, before any of its alerts is sent: a finding
   * is reported recorded only once its batch is. When the store fails, every finding of the batch
   * with an address to block is reported not recorded (a SQLite store then recorded none of the
   * batch) and is not alerted; the run goes on with the next batch.
   */
  public List<EventReport> processAll(List<IncomingEvent> events) {
    // Loops, not streams: this runs per event of a backfill, where a stream's setup showed.
    List<ReadEvent> read = new ArrayList<>(events.size());
    List<DecidedFinding> findings = new ArrayList<>(events.size());
    for (IncomingEvent in : events) {
      ReadEvent r = read(in);
      read.add(r);
      findings.addAll(r.findings());
    }
    recordAll(findings);
    notifyBatch(findings);
    List<EventReport> reports = new ArrayList<>(read.size());
    for (ReadEvent r : read) {
      reports.add(report(r));
    }
    return Collections.unmodifiableList(reports);
  }

  /** An event read and decided, or why it could not be read. */
  private record ReadEvent(
      IncomingEvent in, @Nullable String error, Set<Route> routes, List<DecidedFinding> findings) {}

  private ReadEvent read(IncomingEvent in) {
    List<FindingEvent> parts;
    try {
      parts = gw.parser.split(gw.parser.normalize(in.event()));
    } catch (InvalidEventException e) {
      return new ReadEvent(in, message(e), Set.of(), List.of());
    }
    Set<Route> routes = EnumSet.noneOf(Route.class);
    List<DecidedFinding> findings = new ArrayList<>();
    for (FindingEvent part : parts) {
      Set<Route> own = routes(part);
      routes.addAll(own);
      findings.add(decide(gw.parser.read(part), own, in.source()));
    }
    return new ReadEvent(in, null, routes, findings);
  }

  private DecidedFinding decide(FindingResult result, Set<Route> routes, String source) {
    Finding f = result.finding();
    List<IpDecision> ips =
        f == null ? List.of() : gw.policy.decide(f, routes.contains(Route.BLOCK));
    return new DecidedFinding(result, routes, source, ips);
  }

  private Set<Route> routes(FindingEvent part) {
    Set<Route> routes = EnumSet.noneOf(Route.class);
    routes.addAll(gw.router.routes(part.event()));
    routes.retainAll(enabled);
    return routes;
  }

  private EventReport report(ReadEvent r) {
    IncomingEvent in = r.in();
    String error = r.error();
    return error != null
        ? EventReport.failed(in.source(), in.index(), error)
        : new EventReport(in.source(), in.index(), r.routes(), null, finishAll(r.findings()));
  }

  /**
   * Reconciles when this run changed the desired state since the last checkpoint, then sends one
   * digest of the addresses that reconcile added to any enforcement point (whoever recorded them).
   * After a failed reconcile, or one where a target failed (each is named in the errors), the next
   * checkpoint tries again. Call it from one thread at a time (workers may keep processing
   * meanwhile).
   */
  public Optional<TargetsResult> checkpoint() {
    if (!changed.getAndSet(false)) {
      return Optional.empty();
    }
    List<BlockedIp> batch = drain();
    try {
      TargetsResult result = gw.reconciler.request();
      reconciles.incrementAndGet();
      if (!result.failures().isEmpty()) {
        keepForNextCheckpoint(batch);
      }
      sendDigest(result);
      return Optional.of(result);
    } catch (StoreException e) {
      keepForNextCheckpoint(batch);
      errors.add("reconcile failed, the desired state is kept for the next run: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void keepForNextCheckpoint(List<BlockedIp> batch) {
    pending.addAll(batch);
    changed.set(true);
  }

  /** A last checkpoint, then the report of the whole run. */
  public RunReport finish() {
    TargetsResult last = checkpoint().orElse(null);
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

  /**
   * Sends the alerts {@link #process} held, one per finding however many events carried it (at the
   * highest severity seen), once the batch's blocks are in place. Stops at the first alert Slack
   * did not accept, or when {@code hasTime} says no: the rest are reported failed, unclaimed, so
   * that they are sent when their events arrive again. Call it from one thread, after the workers.
   */
  public List<AlertReport> sendAlerts(BooleanSupplier hasTime) {
    String stop = null;
    List<AlertReport> reports = new ArrayList<>();
    for (List<QueuedAlert> alerts : drainAlerts().values()) {
      Finding f = highest(alerts);
      if (stop == null && !hasTime.getAsBoolean()) {
        stop = "the batch ran out of time before it was sent";
      }
      NotificationOutcome outcome =
          stop == null ? alert(new Alert(f, blocked(alerts))) : failed(f, "not sent: " + stop);
      if (stop == null && isFailure(outcome)) {
        stop = "an earlier alert of this batch was not delivered (" + outcome.describe() + ")";
      }
      reports.add(
          new AlertReport(f.id(), alerts.stream().map(QueuedAlert::source).toList(), outcome));
    }
    return reports;
  }

  private static boolean isFailure(NotificationOutcome outcome) {
    return outcome instanceof NotificationOutcome.Failed
        || outcome instanceof NotificationOutcome.NotConfigured;
  }

  /** The queued alerts by finding id, in arrival order. */
  private Map<String, List<QueuedAlert>> drainAlerts() {
    Map<String, List<QueuedAlert>> byFinding = new LinkedHashMap<>();
    for (QueuedAlert a; (a = queued.poll()) != null; ) {
      byFinding.computeIfAbsent(a.finding().id(), id -> new ArrayList<>()).add(a);
    }
    return byFinding;
  }

  /** What the events that carried one finding blocked, each address once. */
  private static List<Cidr> blocked(List<QueuedAlert> alerts) {
    return alerts.stream().flatMap(a -> a.blocked().stream()).distinct().toList();
  }

  private static Finding highest(List<QueuedAlert> alerts) {
    Finding best = alerts.get(0).finding();
    for (QueuedAlert a : alerts) {
      if (a.finding().severity().level().compareTo(best.severity().level()) > 0) {
        best = a.finding();
      }
    }
    return best;
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

  private List<FindingReport> finishAll(List<DecidedFinding> findings) {
    List<FindingReport> reports = new ArrayList<>(findings.size());
    for (DecidedFinding d : findings) {
      reports.add(finish(d));
    }
    return reports;
  }

  /** The finding's report, once its batch is recorded: alerts it unless recording failed. */
  private FindingReport finish(DecidedFinding d) {
    FindingResult result = d.result;
    if (!result.isValid()) {
      return FindingReport.invalid(
          result.id(), result.type(), Objects.requireNonNull(result.error(), "error"));
    }
    Finding f = d.finding();
    String severity = f.severity().level().name();
    String notRecorded = d.notRecorded();
    if (notRecorded != null) {
      return FindingReport.notRecorded(f.id(), f.type(), severity, notRecorded);
    }
    return new FindingReport(
        f.id(), f.type(), severity, null, d.ips, f.warnings(), d.notification());
  }

  /**
   * Records every block of the batch in one call. Unlike a bad finding, a store failure means the
   * run did not do its work: it is reported as a run error too, so that callers fail visibly.
   */
  private void recordAll(List<DecidedFinding> findings) {
    List<DecidedFinding> owners = new ArrayList<>();
    List<IpDecision> decisions = new ArrayList<>();
    for (DecidedFinding d : findings) {
      for (IpDecision ip : d.blocks()) {
        owners.add(d);
        decisions.add(ip);
      }
    }
    if (owners.isEmpty()) {
      return;
    }
    List<BlockOutcome> outcomes;
    try {
      outcomes = gw.blockAll(requests(owners, decisions));
    } catch (StoreException e) {
      List<DecidedFinding> blocking = owners.stream().distinct().toList();
      if (blocking.size() > 1) {
        // One finding's failed write must not fail the batch's others: each is recorded on its
        // own, so only the findings whose own writes fail are reported (and retried by a queue).
        // A failed batch recorded nothing, or only sightings that a second write counts once.
        blocking.forEach(d -> recordAll(List.of(d)));
        return;
      }
      String cause = message(e);
      owners.stream().distinct().forEach(d -> failRecording(d, cause));
      return;
    }
    for (int i = 0; i < outcomes.size(); i++) {
      noteOutcome(owners.get(i).finding(), decisions.get(i), outcomes.get(i));
    }
  }

  private void failRecording(DecidedFinding d, String cause) {
    d.failRecording(cause);
    errors.add("finding " + d.finding().id() + " not recorded: " + cause);
  }

  private List<BlockRequest> requests(List<DecidedFinding> owners, List<IpDecision> decisions) {
    Instant now = gw.clock.instant();
    List<BlockRequest> requests = new ArrayList<>(owners.size());
    for (int i = 0; i < owners.size(); i++) {
      requests.add(request(owners.get(i).finding(), decisions.get(i), now));
    }
    return requests;
  }

  private BlockRequest request(Finding f, IpDecision d, Instant now) {
    return new BlockRequest(
        d.ip().address(),
        now,
        now.plus(gw.config.blockDuration()),
        f.severity().level(),
        f.type(),
        f.id(),
        f.sightingKey(),
        f.accountId(),
        f.region(),
        f.origin(),
        false);
  }

  private void noteOutcome(Finding f, IpDecision d, BlockOutcome outcome) {
    if (outcome instanceof BlockOutcome.Recorded r && r.upsert().created()) {
      BlockedIp ip = blockedIp(f, d, r.upsert());
      recorded.put(ip.cidr(), ip);
      pending.add(ip);
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

  /**
   * Decides the alert of each finding of the batch whose blocks were recorded, then sends the ones
   * due together: one claim of the notification log for the batch, one confirm.
   */
  private void notifyBatch(List<DecidedFinding> findings) {
    List<DecidedFinding> due = new ArrayList<>();
    for (DecidedFinding d : findings) {
      if (d.result.isValid() && d.notRecorded() == null) {
        Optional<NotificationOutcome> without = withoutAlert(d);
        if (without.isPresent()) {
          d.notified(without.get());
        } else {
          due.add(d);
        }
      }
    }
    List<NotificationOutcome> sent = alertAll(due.stream().map(Run::alertOf).toList());
    for (int i = 0; i < due.size(); i++) {
      due.get(i).notified(sent.get(i));
    }
  }

  /** What becomes of the finding's alert when it is not sent now; empty when it is due. */
  private Optional<NotificationOutcome> withoutAlert(DecidedFinding d) {
    Finding f = d.finding();
    Optional<String> skip = gw.policy.notifySkipReason(f, d.routes.contains(Route.NOTIFY));
    if (skip.isEmpty() && deferAlerts) {
      queued.add(new QueuedAlert(f, d.source, blockedBy(d)));
      return Optional.of(NotificationOutcome.QUEUED);
    }
    if (skip.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        gw.policy.meetsNotifyThreshold(f)
            ? new NotificationOutcome.Skipped(skip.get())
            : new NotificationOutcome.BelowThreshold(
                f.severity().level(), gw.config.notifyThreshold()));
  }

  private NotificationOutcome alert(Alert a) {
    return alertAll(List.of(a)).get(0);
  }

  private static Alert alertOf(DecidedFinding d) {
    return new Alert(d.finding(), blockedBy(d));
  }

  private static List<Cidr> blockedBy(DecidedFinding d) {
    return d.blocks().stream().map(ip -> ip.ip().address()).toList();
  }

  /**
   * Claims the alerts in one call, sends each claimed one and confirms together those Slack
   * accepted; a send that fails releases its claim, so the finding is alerted when it arrives
   * again. A finding twice in the batch is claimed once (the second is a duplicate), as when its
   * first alert was sent before.
   */
  private List<NotificationOutcome> alertAll(List<Alert> alerts) {
    List<Finding> findings = alerts.stream().map(Alert::finding).toList();
    if (findings.isEmpty()) {
      return List.of();
    }
    Optional<String> unavailable = gw.notifier.unavailable();
    if (unavailable.isPresent()) {
      return findings.stream().map(f -> notConfigured(f, unavailable.get())).toList();
    }
    List<Optional<NotificationClaim>> claims;
    try {
      Instant now = gw.clock.instant();
      claims = gw.notifications.claimAll(claimRequests(findings), now, now.plus(NOTIFY_LEASE));
    } catch (StoreException e) {
      String cause = "the notification log failed, so the alert was not sent: " + e.getMessage();
      return findings.stream().map(f -> failed(f, cause)).toList();
    }
    List<NotificationOutcome> outcomes = new ArrayList<>(findings.size());
    List<NotificationClaim> delivered = new ArrayList<>();
    try {
      for (int i = 0; i < findings.size(); i++) {
        outcomes.add(send(alerts.get(i), claims.get(i), delivered));
      }
    } finally {
      confirmAll(delivered);
    }
    return outcomes;
  }

  private static List<ClaimRequest> claimRequests(List<Finding> findings) {
    return findings.stream().map(f -> new ClaimRequest(f.id(), f.severity().level())).toList();
  }

  private NotificationOutcome notConfigured(Finding f, String reason) {
    errors.add("finding " + f.id() + " was not alerted: " + reason);
    return new NotificationOutcome.NotConfigured(reason);
  }

  private NotificationOutcome send(
      Alert a, Optional<NotificationClaim> claim, List<NotificationClaim> delivered) {
    if (claim.isEmpty()) {
      return NotificationOutcome.DUPLICATE;
    }
    Finding f = a.finding();
    try {
      gw.notifier.deliver(gw.messages.findingAlert(f, gw.policy.actorNote(f), a.blocked()));
    } catch (RuntimeException e) {
      release(claim.get());
      if (!(e instanceof NotifyException)) {
        throw e;
      }
      return failed(f, message(e));
    }
    delivered.add(claim.get());
    return NotificationOutcome.SENT;
  }

  /** Every exception guardwall throws has a message; the class name stands in for a bug's. */
  private static String message(RuntimeException e) {
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getName());
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
  private void confirmAll(List<NotificationClaim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    Instant now = gw.clock.instant();
    try {
      gw.notifications.confirmAll(claims, now, now.plus(gw.config.notificationMemory()));
    } catch (StoreException e) {
      claims.forEach(
          claim ->
              errors.add(
                  "finding "
                      + claim.findingId()
                      + " was alerted, but the notification log did not record it, so it may be"
                      + " alerted again: "
                      + e.getMessage()));
    }
  }

  private void sendDigest(TargetsResult reconcile) {
    reconcile.failures().forEach(t -> errors.add("reconcile failed: " + t.error()));
    reconcile.targets().stream()
        .filter(t -> !t.failed())
        .findFirst()
        .map(TargetReport::refused)
        .filter(refused -> !refused.isEmpty())
        .ifPresent(
            refused ->
                errors.add(
                    refused.size()
                        + " stored entries break the safety rule and were left out of every"
                        + " target: "
                        + refused.stream().map(Violation::message).toList()));
    for (TargetReport t : reconcile.targets()) {
      if (!t.evicted().isEmpty()) {
        errors.add(
            t.evicted().size()
                + " entries do not fit the room of "
                + t.kind().label()
                + " "
                + t.name()
                + " and were left out of it: "
                + t.evicted().stream().map(BlocklistEntry::cidr).toList());
      }
    }
    List<BlockedIp> added =
        reconcile.added().stream()
            .map(e -> recorded.getOrDefault(e.cidr(), BlockedIp.of(e)))
            .toList();
    DigestOutcome digest = gw.postDigest(added);
    blocked.addAll(digest.listed());
    errors.addAll(digest.failures());
  }

  /** An alert {@link #process} held for {@link #sendAlerts}, with the event that carried it. */
  private record QueuedAlert(Finding finding, String source, List<Cidr> blocked) {}

  /** A finding's alert and the addresses the finding blocked, for their menus. */
  private record Alert(Finding finding, List<Cidr> blocked) {}
}
