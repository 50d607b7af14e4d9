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
 * address decisions, and whether the store failed to record its blocks. Confined to the thread that
 * processes the batch.
 */
final class DecidedFinding {
  final FindingResult result;
  final Set<Route> routes;
  final String source;
  final List<IpDecision> ips;
  private @Nullable String notRecorded;

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

  /** Why the store did not record this finding's blocks, or null when it did. */
  @Nullable String notRecorded() {
    return notRecorded;
  }
}
