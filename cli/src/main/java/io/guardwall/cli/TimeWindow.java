package io.guardwall.cli;

import io.guardwall.core.flow.EventTimes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --since} / {@code --until} options: select events on when their findings were last
 * updated, read as the parser reads it (GuardDuty {@code updatedAt}, ASFF {@code UpdatedAt}, OCSF
 * {@code finding_info.modified_time_dt} or {@code modified_time}). An event is kept when one of its
 * findings was updated in [since, until); an event none of whose findings has a readable update
 * time cannot be placed and is left out while a bound is set, with a warning that says why (the
 * first {@link #MAX_REPORTED}; the summary counts them all). Thread-safe once the options are set.
 */
final class TimeWindow {

  /** Per-event warnings about undated events stop here, so a bad export does not flood stderr. */
  static final int MAX_REPORTED = 20;

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      description =
          "Only findings updated at or after this ISO-8601 instant (2026-11-20T00:00:00Z).")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      description = "Only findings updated before this ISO-8601 instant.")
  Instant until;

  private final AtomicLong outside = new AtomicLong();
  private final AtomicLong undated = new AtomicLong();

  /**
   * {@code sink}, passed only the inputs inside the window (and every input that failed); each
   * event left out for want of an update time is named to {@code warnings}.
   */
  Consumer<EventInput> filter(Consumer<EventInput> sink, Consumer<String> warnings) {
    if (since == null && until == null) {
      return sink;
    }
    return input -> {
      if (input.error() != null || selects(input, warnings)) {
        sink.accept(input);
      }
    };
  }

  /** Checks the bounds; throws {@link UsageException}. */
  void validate() {
    if (since != null && until != null && !since.isBefore(until)) {
      throw new UsageException("--since must be before --until");
    }
  }

  /** What the window left out, for a warning; empty when nothing. */
  String leftOut() {
    long out = outside.get();
    long none = undated.get();
    if (out + none == 0) {
      return "";
    }
    return out
        + " events outside --since/--until left out"
        + (none == 0 ? "" : ", " + none + " without a readable update time left out too");
  }

  private boolean selects(EventInput input, Consumer<String> warnings) {
    EventTimes times = EventTimes.of(input.event());
    List<Instant> instants = times.instants();
    if (instants.isEmpty()) {
      return reportUndated(input, times.problem(), warnings);
    }
    boolean inside = instants.stream().anyMatch(this::contains);
    if (!inside) {
      outside.incrementAndGet();
    }
    return inside;
  }

  /** Counts an event that cannot be placed and names the first ones; false, to leave it out. */
  private boolean reportUndated(EventInput input, String why, Consumer<String> warnings) {
    long count = undated.incrementAndGet();
    if (count <= MAX_REPORTED) {
      warnings.accept(
          "event "
              + input.source()
              + " #"
              + input.index()
              + " left out by --since/--until: "
              + why
              + (count == MAX_REPORTED ? " (further such events are only counted)" : ""));
    }
    return false;
  }

  private boolean contains(Instant t) {
    return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
  }
}
