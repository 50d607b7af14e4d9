package io.guardwall.core.flow;

import java.util.List;
import java.util.Objects;

/**
 * What became of one finding's alert in a batch's {@link Run#sendAlerts}: one alert per finding,
 * however many of the batch's events carried it; immutable.
 *
 * @param sources the sources of the events that carried the finding, in arrival order
 */
public record AlertReport(String findingId, List<String> sources, NotificationOutcome outcome) {

  public AlertReport {
    Objects.requireNonNull(findingId, "findingId");
    sources = List.copyOf(sources);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether the finding counts as notified now (sent, or sent before). */
  public boolean settled() {
    return outcome instanceof NotificationOutcome.Sent
        || outcome instanceof NotificationOutcome.Duplicate;
  }
}
