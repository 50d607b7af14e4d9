package io.guardwall.core.flow;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.DynamicSafety;
import io.guardwall.core.policy.Policy;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.CoalescingReconciler;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetsReconciler;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.route.Route;
import io.guardwall.core.route.Router;
import io.guardwall.core.slack.BlockedIp;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.slack.SlackMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * guardwall's flows wired to a set of ports: start a {@link Run} per batch of events, or reconcile
 * alone. Thread-safe; build once and share.
 */
public final class Guardwall {

  final GuardwallConfig config;
  final Clock clock;
  final BlocklistStore store;
  final NotificationLog notifications;
  final Notifier notifier;
  final Router router;
  final FindingParser parser = FindingParser.create();
  final Policy policy;
  final SlackMessages messages;
  final DynamicSafety safety;
  final AllowListStore allowList;
  final AuditTrail audit;
  final CoalescingReconciler<TargetsResult> reconciler;
  private final TargetsReconciler targets;
  private final Actions actions = new Actions(this);

  /**
   * The ports a flow runs against; every one required, and at least one enforcement point, each
   * named once: one desired state is rendered to every target.
   */
  public record Ports(
      BlocklistStore store,
      NotificationLog notifications,
      List<EnforcementPoint> targets,
      Notifier notifier,
      AllowListStore allowList,
      AuditTrail audit) {

    /**
     * @throws IllegalArgumentException when there is no target, or two share a name
     */
    public Ports {
      targets = List.copyOf(targets);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("at least one enforcement point is needed, got none");
      }
      Set<String> names = new HashSet<>();
      for (EnforcementPoint target : targets) {
        if (!names.add(target.name())) {
          throw new IllegalArgumentException(
              "enforcement point " + target.name() + " is given twice: name each target once");
        }
      }
    }

    /**
     * The ports with a dynamic allow-list and an audit trail kept in memory only: for tests and
     * benchmarks, which keep nothing between runs.
     */
    public Ports(
        BlocklistStore store,
        NotificationLog notifications,
        List<EnforcementPoint> targets,
        Notifier notifier) {
      this(
          store,
          notifications,
          targets,
          notifier,
          AllowListStore.inMemory(),
          AuditTrail.inMemory());
    }
  }

  /** How long an action is left out of the maintenance digest, so that it is fully recorded. */
  static final Duration REPORT_SETTLE = Duration.ofSeconds(10);

  public Guardwall(GuardwallConfig config, Ports ports, Clock clock, RetryPolicy retry) {
    this(config, ports, clock, retry, false);
  }

  /**
   * @param slackMenus whether digests carry the Unblock / Extend / Pin / Allow menus: only when a
   *     Slack interaction endpoint is deployed to receive them
   */
  public Guardwall(
      GuardwallConfig config, Ports ports, Clock clock, RetryPolicy retry, boolean slackMenus) {
    this.config = config;
    this.clock = clock;
    this.store = ports.store();
    this.notifications = ports.notifications();
    this.notifier = ports.notifier();
    this.router = Router.create(config.notifyThreshold());
    this.allowList = ports.allowList();
    this.audit = ports.audit();
    AllowListStore dynamic = ports.allowList();
    this.safety =
        new DynamicSafety(
            SafetyRule.of(config), () -> dynamic.list().stream().map(AllowedCidr::cidr).toList());
    this.policy = new Policy(config, safety);
    this.messages = new SlackMessages("guardwall unblock", slackMenus);
    this.targets =
        new TargetsReconciler(ports.targets(), store, new TargetSelector(safety), clock, retry);
    this.reconciler = CoalescingReconciler.of(targets);
  }

  /** What people do to blocks (unblock, extend, pin, allow), each recorded in the audit trail. */
  public Actions actions() {
    return actions;
  }

  /** A new batch of events; its {@link Run#finish} reconciles and sends the digest. */
  public Run startRun() {
    safety.refresh();
    return new Run(this, EnumSet.allOf(Route.class), false);
  }

  /**
   * A batch that holds its finding alerts until {@link Run#sendAlerts}, so that the batch's blocks
   * are in place (and its digest sent) before Slack's pace of one message a second holds anything
   * up: the cloud's queue consumer.
   */
  public Run startBatch() {
    safety.refresh();
    return new Run(this, EnumSet.allOf(Route.class), true);
  }

  /**
   * A batch that acts on {@code routes} only (an event's other routes are ignored), for a step that
   * does one part of the work, as the cloud state machines do.
   */
  public Run startRun(Set<Route> routes) {
    Set<Route> enabled = EnumSet.noneOf(Route.class);
    enabled.addAll(routes);
    safety.refresh();
    return new Run(this, enabled, false);
  }

  /**
   * Records a block, whoever asks for it (a finding, an operator, a Slack action), unless the CIDR
   * breaks the safety rule; the firewall follows at the next reconcile.
   *
   * @throws io.guardwall.core.port.StoreException when the store fails; nothing is recorded
   */
  public BlockOutcome block(BlockRequest request) {
    return blockAll(List.of(request)).get(0);
  }

  /**
   * {@link #block} for many requests, in order, recorded in one {@link BlocklistStore#upsertAll}:
   * one outcome per request.
   *
   * @throws io.guardwall.core.port.StoreException when the store fails; see {@link
   *     BlocklistStore#upsertAll} for what a failure leaves recorded
   */
  public List<BlockOutcome> blockAll(List<BlockRequest> requests) {
    List<Optional<Violation>> violations =
        requests.stream().map(r -> safety.get().check(r.cidr())).toList();
    List<BlockRequest> allowed = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (violations.get(i).isEmpty()) {
        allowed.add(requests.get(i));
      }
    }
    Iterator<UpsertResult> upserts = store.upsertAll(allowed).iterator();
    return violations.stream().map(v -> outcome(v, upserts)).toList();
  }

  private static BlockOutcome outcome(Optional<Violation> violation, Iterator<UpsertResult> next) {
    return violation.isPresent()
        ? new BlockOutcome.Refused(violation.get())
        : new BlockOutcome.Recorded(next.next());
  }

  /**
   * Deletes the entry for {@code cidr}; when there is none, names the active entries that still
   * cover it. The firewall follows at the next reconcile.
   */
  public UnblockOutcome unblock(Cidr cidr) {
    Optional<BlocklistEntry> entry = store.get(cidr);
    if (entry.isPresent() && store.delete(cidr)) {
      return new UnblockOutcome.Removed(entry.get());
    }
    List<Cidr> covering =
        store.listActive(clock.instant()).stream()
            .map(BlocklistEntry::cidr)
            .filter(c -> c.contains(cidr) || cidr.contains(c))
            .toList();
    return new UnblockOutcome.NotBlocked(cidr, covering);
  }

  /**
   * Brings every enforcement point to the whole desired state; concurrent requests coalesce. A
   * target that cannot be updated is reported failed in the result, by name; the others still
   * converge.
   *
   * @throws io.guardwall.core.port.StoreException when the store cannot be read
   */
  public TargetsResult reconcile() {
    // Read once for every target: the allow-list is one read, whatever the number of targets.
    safety.refresh();
    return reconciler.request();
  }

  /**
   * Deletes the expired entries (never pinned ones), which store TTLs delete only lazily; the next
   * reconcile takes them out of the firewall.
   */
  public List<BlocklistEntry> prune() {
    return store.deleteExpired(clock.instant());
  }

  /** The scheduled maintenance in one process: {@link #prune}, then {@link #reconcile}. */
  public Maintenance maintain() {
    List<BlocklistEntry> pruned = prune();
    return new Maintenance(pruned, reconcile());
  }

  /**
   * Posts the digest of what a reconcile added ({@link TargetsResult#added}, with the details its
   * recorder had), as many messages as it takes to list every one. A failed message is reported in
   * the outcome; the rest are still sent. Nothing is posted when the notifier {@linkplain
   * Notifier#unavailable cannot post}.
   */
  public DigestOutcome postDigest(List<BlockedIp> added) {
    return post(added, messages.blockedDigests(added, clock.instant()));
  }

  /**
   * Posts the maintenance run's digest: what it added to the firewall (as {@link #postDigest}),
   * then one summary of what expired and what does not fit, when there is any, then one message on
   * the actions people took since the last digest that listed them, when there are any. Those
   * actions count as reported only once Slack accepted every message; otherwise the next digest
   * lists them again.
   *
   * @throws io.guardwall.core.port.StoreException when the audit trail cannot be read; nothing is
   *     posted then
   */
  public DigestOutcome postMaintenanceDigest(MaintenanceDigest digest) {
    // Actions of the last moments may still be being written: the next digest lists them.
    Instant until = clock.instant().minus(REPORT_SETTLE);
    List<AuditRecord> actions =
        audit.since(audit.reportedUntil()).stream().filter(r -> r.at().isBefore(until)).toList();
    List<SlackMessage> all = maintenanceMessages(digest);
    if (!actions.isEmpty()) {
      all.add(messages.actionsTaken(actions));
    }
    DigestOutcome outcome = post(digest.added(), all);
    if (!actions.isEmpty() && outcome.delivered()) {
      audit.markReported(until);
    }
    return outcome;
  }

  private List<SlackMessage> maintenanceMessages(MaintenanceDigest digest) {
    List<SlackMessage> all =
        new ArrayList<>(messages.blockedDigests(digest.added(), clock.instant()));
    if (digest.hasNews()) {
      all.add(
          messages.maintenanceSummary(
              digest.expired(),
              digest.expiredCount(),
              digest.evicted(),
              digest.evictedCount(),
              digest.addedCount() - digest.added().size()));
    }
    return all;
  }

  /** Why the notifier cannot post anything now, or empty when it can. */
  public Optional<String> notifierUnavailable() {
    return notifier.unavailable();
  }

  private DigestOutcome post(List<BlockedIp> listed, List<SlackMessage> digests) {
    if (digests.isEmpty()) {
      return new DigestOutcome(listed, 0, List.of());
    }
    Optional<String> unavailable = notifier.unavailable();
    if (unavailable.isPresent()) {
      return new DigestOutcome(
          listed, digests.size(), List.of("digest not sent: " + unavailable.get()));
    }
    List<String> failures = new ArrayList<>();
    for (SlackMessage digest : digests) {
      try {
        notifier.send(digest);
      } catch (NotifyException e) {
        failures.add("digest not sent: " + e.getMessage());
      }
    }
    return new DigestOutcome(listed, digests.size(), failures);
  }

  /**
   * Compares the desired state with every enforcement point as it is, without writing anything: per
   * target, what is missing, what is extra, what its room leaves out, and whether it could be read.
   *
   * @throws io.guardwall.core.port.StoreException when the store cannot be read
   */
  public TargetsResult status() {
    safety.refresh();
    return targets.status();
  }

  public GuardwallConfig config() {
    return config;
  }
}
