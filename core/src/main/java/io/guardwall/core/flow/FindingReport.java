package io.guardwall.core.flow;

import io.guardwall.core.policy.IpDecision;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one finding of an event; immutable.
 *
 * @param severity the level name, or null when unreadable
 * @param problem why the finding was not handled in full, or null
 * @param notification what became of its Slack alert, or null when the finding was not handled
 */
public record FindingReport(
    @Nullable String id,
    @Nullable String type,
    @Nullable String severity,
    @Nullable FindingProblem problem,
    List<IpDecision> ips,
    List<String> warnings,
    @Nullable NotificationOutcome notification) {

  public FindingReport {
    ips = List.copyOf(ips);
    warnings = List.copyOf(warnings);
  }

  /** A finding that could not be read; id and type may be null. */
  static FindingReport invalid(@Nullable String id, @Nullable String type, String error) {
    return failed(id, type, null, new FindingProblem.Invalid(error));
  }

  /** A finding read in full whose addresses the store failed to record. */
  static FindingReport notRecorded(String id, String type, String severity, String cause) {
    return failed(id, type, severity, new FindingProblem.NotRecorded(cause));
  }

  /** The problem's message, as reports print it; null when there is none. */
  public @Nullable String error() {
    return problem == null ? null : problem.message();
  }

  private static FindingReport failed(
      @Nullable String id,
      @Nullable String type,
      @Nullable String severity,
      FindingProblem problem) {
    return new FindingReport(id, type, severity, problem, List.of(), List.of(), null);
  }
}
