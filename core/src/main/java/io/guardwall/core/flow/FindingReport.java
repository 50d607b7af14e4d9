package io.guardwall.core.flow;

import io.guardwall.core.policy.IpDecision;
import java.util.List;

/**
 * What happened to one finding of an event; immutable.
 *
 * @param severity the level name, or null when unreadable
 * @param error why nothing was done for it, or null
 * @param notification what became of its Slack alert, or null when the finding was not handled
 */
public record FindingReport(
    String id,
    String type,
    String severity,
    String error,
    List<IpDecision> ips,
    List<String> warnings,
    NotificationOutcome notification) {

  public FindingReport {
    ips = List.copyOf(ips);
    warnings = List.copyOf(warnings);
  }

  static FindingReport failed(String id, String type, String severity, String error) {
    return new FindingReport(id, type, severity, error, List.of(), List.of(), null);
  }
}
