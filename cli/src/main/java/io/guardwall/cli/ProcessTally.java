package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a process run counts of its events as workers finish them: totals, and the events and
 * findings that failed (kept in input order for the report). Thread-safe.
 */
final class ProcessTally {

  private long events;
  private long findings;
  private final List<EventReport> failedEvents = new ArrayList<>();
  private final List<EventReport> withFailedFindings = new ArrayList<>();

  synchronized EventReport add(EventReport e) {
    events++;
    findings += e.findings().size();
    if (e.error() != null) {
      failedEvents.add(e);
    }
    if (e.findings().stream().anyMatch(f -> f.error() != null)) {
      withFailedFindings.add(e);
    }
    return e;
  }

  synchronized long events() {
    return events;
  }

  synchronized long findings() {
    return findings;
  }

  synchronized List<EventReport> failedEvents() {
    return sorted(failedEvents);
  }

  synchronized List<FindingReport> failedFindings() {
    return sorted(withFailedFindings).stream()
        .flatMap(e -> e.findings().stream())
        .filter(f -> f.error() != null)
        .toList();
  }

  private static List<EventReport> sorted(List<EventReport> reports) {
    return reports.stream()
        .sorted(Comparator.comparing(EventReport::source).thenComparing(EventReport::index))
        .toList();
  }
}
