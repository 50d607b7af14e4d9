package io.guardwall.core.flow;

import io.guardwall.core.policy.IpDecision;
import java.util.List;

/**
 * What happened to one finding of an event; immutable.
 *
 * @param severity the level name, or null when unreadable
 * @param problem why the finding was not handled in full, or null
 * @param notification what became of its Slack alert, or null when the finding was not handled
 */
public record FindingReport(
    String id,
    String type,
    String severity,
    FindingProblem problem,
    List<IpDecision> ips,
    List<String> warnings,
    NotificationOutcome notification) {

  public FindingReport {
    ips = List.copyOf(ips);
    warnings = List.copyOf(warnings);
  }

  /** A finding that could not be read; id and type may be null. */
  static FindingReport invalid(String id, String type, String error) {
    return failed(id, type, null, new FindingProblem.Invalid(error));
  }

  /** A finding read in full whose addresses the store failed to record. */
  static FindingReport notRecorded(String id, String type, String severity, String cause) {
    return failed(id, type, severity, new FindingProblem.NotRecorded(cause));
  }

  /** The problem's message, as reports print it; null when there is none. */
  public String error() {
    return problem == null ? null : problem.message();
  }

  private static FindingReport failed(
      String id, String type, String severity, FindingProblem problem) {
    return new FindingReport(id, type, severity, problem, List.of(), List.of(), null);
  }
}
