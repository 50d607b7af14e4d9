package io.guardwall.core.flow;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.plan.RuleGroupContents;
import io.guardwall.core.plan.RuleGroupLayout;
import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.plan.RuleGroupPlanner;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.DynamicSafety;
import io.guardwall.core.policy.Policy;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallSnapshot;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.reconcile.CoalescingReconciler;
import io.guardwall.core.reconcile.ReconcileResult;
import io.guardwall.core.reconcile.Reconciler;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetsReconciler;
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
  final CoalescingReconciler<ReconcileResult> reconciler;
  final Firewall firewall;
  final RuleGroupPlanner planner;
  private final Actions actions = new Actions(this);

  /** The ports a flow runs against; every one required. */
  public record Ports(
      BlocklistStore store,
      NotificationLog notifications,
      Firewall firewall,
      Notifier notifier,
      AllowListStore allowList,
      AuditTrail audit) {

    /**
     * The ports with a dynamic allow-list and an audit trail kept in memory only: for tests and
     * benchmarks, which keep nothing between runs.
     */
    public Ports(
        BlocklistStore store, NotificationLog notifications, Firewall firewall, Notifier notifier) {
      this(
          store,
          notifications,
          firewall,
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
    this.firewall = ports.firewall();
    this.planner = new RuleGroupPlanner(layout(config), safety);
    this.reconciler =
        CoalescingReconciler.of(new Reconciler(firewall, store, planner, clock, retry));
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
   * Brings the firewall to the whole desired state; concurrent requests coalesce.
   *
   * @throws io.guardwall.core.reconcile.ReconcileException when the firewall cannot be updated
   */
  public ReconcileResult reconcile() {
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
   * Posts the digest of what a reconcile added ({@link io.guardwall.core.plan.RuleGroupPlan#added},
   * with the details its recorder had), as many messages as it takes to list every one. A failed
   * message is reported in the outcome; the rest are still sent. Nothing is posted when the
   * notifier {@linkplain Notifier#unavailable cannot post}.
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

  /** Compares the desired state with the rule group as it is, without writing anything. */
  public FirewallStatus status() {
    safety.refresh();
    FirewallSnapshot snapshot = firewall.describe();
    List<BlocklistEntry> desired = store.listActive(clock.instant());
    RuleGroupPlan plan = planner.plan(desired, snapshot.ruleGroup(), snapshot.capacity());
    RuleGroupContents actual = planner.contents(snapshot.ruleGroup());
    List<String> expected = plan.blocked().stream().map(Cidr::value).toList();
    Set<String> expectedSet = Set.copyOf(expected);
    return new FirewallStatus(
        desired.size(),
        expected,
        expected.stream().filter(c -> !actual.sources().contains(c)).toList(),
        actual.sources().stream().filter(c -> !expectedSet.contains(c)).sorted().toList(),
        plan.evicted().stream().map(e -> e.cidr().value()).toList(),
        plan.refused().stream().map(Violation::message).toList(),
        actual.capacityUsed(),
        snapshot.capacity());
  }

  /**
   * A reconciler of {@code targets} to this desired state under the same safety rule, its
   * allow-list read afresh for each target.
   */
  public TargetsReconciler targets(List<EnforcementPoint> targets, RetryPolicy retry) {
    return new TargetsReconciler(targets, store, new TargetSelector(safety::refresh), clock, retry);
  }

  public GuardwallConfig config() {
    return config;
  }

  static RuleGroupLayout layout(GuardwallConfig config) {
    return RuleGroupLayout.of(config.firewall());
  }
}
