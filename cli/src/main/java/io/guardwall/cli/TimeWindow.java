package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --since} / {@code --until} options: select events on their findings' {@code
 * updatedAt}. An event is kept when one of its findings was updated in [since, until); an event
 * with no readable {@code updatedAt} cannot be placed and is left out while a bound is set. Counts
 * what it leaves out; thread-safe once the options are set.
 */
final class TimeWindow {

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

  /** {@code sink}, passed only the inputs inside the window (and every input that failed). */
  Consumer<EventInput> filter(Consumer<EventInput> sink) {
    if (since == null && until == null) {
      return sink;
    }
    return input -> {
      if (input.error() != null || selects(input.event())) {
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
        + (none == 0 ? "" : ", " + none + " without a readable updatedAt left out too");
  }

  private boolean selects(JsonNode event) {
    List<Instant> times = updatedAt(event);
    if (times.isEmpty()) {
      undated.incrementAndGet();
      return false;
    }
    boolean inside = times.stream().anyMatch(this::contains);
    if (!inside) {
      outside.incrementAndGet();
    }
    return inside;
  }

  private boolean contains(Instant t) {
    return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
  }

  /**
   * The update times of an event's findings: a GuardDuty event's {@code detail.updatedAt}, a bare
   * finding's {@code updatedAt} (or {@code UpdatedAt} as the CLI prints it), and each {@code
   * UpdatedAt} of a Security Hub event's {@code detail.findings}.
   */
  static List<Instant> updatedAt(JsonNode event) {
    List<Instant> times = new ArrayList<>();
    JsonNode detail = event.path("detail");
    add(times, detail.path("updatedAt"));
    add(times, event.path("updatedAt"));
    add(times, event.path("UpdatedAt"));
    detail.path("findings").forEach(f -> add(times, f.path("UpdatedAt")));
    return times;
  }

  private static void add(List<Instant> times, JsonNode value) {
    if (value.isTextual()) {
      try {
        times.add(Instant.parse(value.asText()));
      } catch (DateTimeParseException e) {
        // Not a time: the event cannot be placed by this field.
      }
    }
  }
}
