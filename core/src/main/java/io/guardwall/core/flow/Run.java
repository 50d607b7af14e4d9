package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.ReconcileException;
import io.guardwall.core.reconcile.ReconcileResult;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.BlockedIp;
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
 * arrives; {@link #finish} reconciles the firewall once and sends one digest of the newly blocked
 * addresses. Thread-safe: workers may process events concurrently.
 */
public final class Run {

  private final Guardwall gw;
  private final ConcurrentLinkedQueue<BlockedIp> newlyBlocked = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean changed = new AtomicBoolean();
  private final Set<Route> enabled;

  Run(Guardwall gw, Set<Route> enabled) {
    this.gw = gw;
    this.enabled = enabled;
  }

  /** Processes one event; never throws for bad input, which is reported in the result. */
  public EventReport process(JsonNode raw, String source, int index) {
    ObjectNode event;
    List<FindingResult> results;
    Set<Route> routes;
    try {
      event = gw.parser.normalize(raw);
      routes = EnumSet.noneOf(Route.class);
      routes.addAll(gw.router.routes(event.toString()));
      routes.retainAll(enabled);
      results = routes.isEmpty() ? List.of() : gw.parser.parse(event);
    } catch (IllegalArgumentException e) {
      return EventReport.failed(source, index, e.getMessage());
    }
    List<FindingReport> findings = results.stream().map(r -> handle(r, routes)).toList();
    return new EventReport(source, index, routes, null, findings);
  }

  /** The addresses this run has newly blocked so far (before any reconcile). */
  public List<BlockedIp> newlyBlocked() {
    return List.copyOf(newlyBlocked);
  }

  /** Whether this run has changed the desired state so far. */
  public boolean changed() {
    return changed.get();
  }

  /** Reconciles when this run changed the desired state, then sends the digest. */
  public RunReport finish() {
    ReconcileResult reconcile = null;
    if (changed.get()) {
      try {
        reconcile = gw.reconciler.reconcile();
        sendDigest(reconcile);
      } catch (ReconcileException | StoreException e) {
        errors.add(
            "reconcile failed, the desired state is kept for the next run: " + e.getMessage());
      }
    }
    return new RunReport(reconcile, List.copyOf(newlyBlocked), List.copyOf(errors));
  }

  private FindingReport handle(FindingResult result, Set<Route> routes) {
    if (!result.isValid()) {
      return FindingReport.failed(result.id(), result.type(), null, result.error());
    }
    Finding f = result.finding();
    try {
      List<IpDecision> ips = gw.policy.decide(f, routes.contains(Route.BLOCK));
      ips.stream().filter(IpDecision::block).forEach(d -> record(f, d));
      String notification = notify(f, routes.contains(Route.NOTIFY));
      return new FindingReport(
          f.id(), f.type(), f.severity().level().name(), null, ips, f.warnings(), notification);
    } catch (StoreException e) {
      return FindingReport.failed(f.id(), f.type(), f.severity().level().name(), e.getMessage());
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
    UpsertResult result = gw.store.upsert(request);
    if (result.created()) {
      changed.set(true);
      newlyBlocked.add(blockedIp(f, d, result));
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

  private String notify(Finding f, boolean routed) {
    Optional<String> skip = gw.policy.notifySkipReason(f, routed);
    if (skip.isPresent()) {
      return skip.get();
    }
    Instant now = gw.clock.instant();
    if (!gw.notifications.claim(
        f.id(), f.severity().level(), now, now.plus(gw.config.notificationMemory()))) {
      return "duplicate: already notified at this severity or higher";
    }
    return send(() -> gw.messages.findingAlert(f), "finding " + f.id());
  }

  private void sendDigest(ReconcileResult reconcile) {
    Set<Cidr> evicted = Set.copyOf(reconcile.plan().evicted().stream().map(e -> e.cidr()).toList());
    List<BlockedIp> inFirewall = new ArrayList<>(newlyBlocked);
    inFirewall.removeIf(b -> evicted.contains(b.cidr()));
    if (!evicted.isEmpty()) {
      errors.add(
          evicted.size()
              + " entries do not fit the rule group capacity and were left out: "
              + evicted);
    }
    if (!inFirewall.isEmpty()) {
      send(() -> gw.messages.blockedDigest(inFirewall, gw.clock.instant()), "digest");
    }
  }

  private String send(
      java.util.function.Supplier<io.guardwall.core.slack.SlackMessage> message, String what) {
    try {
      gw.notifier.send(message.get());
      return "sent";
    } catch (NotifyException e) {
      errors.add("notification for " + what + " failed: " + e.getMessage());
      return "failed: " + e.getMessage();
    }
  }
}
