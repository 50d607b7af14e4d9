package io.guardwall.core.flow;

import io.guardwall.core.model.Finding;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.route.Route;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One finding of a batch between its decisions and its report: what it was read as, its routes and
 * address decisions, whether the store failed to record its blocks, and what became of its alert.
 * Confined to the thread that processes the batch.
 */
final class DecidedFinding {
  final FindingResult result;
  final Set<Route> routes;
  final String source;
  final List<IpDecision> ips;
  private @Nullable String notRecorded;
  private @Nullable NotificationOutcome notification;

  DecidedFinding(FindingResult result, Set<Route> routes, String source, List<IpDecision> ips) {
    this.result = result;
    this.routes = routes;
    this.source = source;
    this.ips = ips;
  }

  /** The finding; only for a finding read in full. */
  Finding finding() {
    Finding f = result.finding();
    if (f == null) {
      throw new IllegalStateException("finding " + result.id() + " was not read");
    }
    return f;
  }

  /** The decisions to block, none for a finding that could not be read. */
  List<IpDecision> blocks() {
    return ips.stream().filter(IpDecision::block).toList();
  }

  void failRecording(String cause) {
    notRecorded = cause;
  }

  void notified(NotificationOutcome outcome) {
    notification = outcome;
  }

  /** What became of its alert; null when it was not handled (unreadable, not recorded). */
  @Nullable NotificationOutcome notification() {
    return notification;
  }

  /** Why the store did not record this finding's blocks, or null when it did. */
  @Nullable String notRecorded() {
    return notRecorded;
  }
}
