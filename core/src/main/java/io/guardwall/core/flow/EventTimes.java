package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.UpdateTime;
import io.guardwall.core.parse.FindingEvent;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.parse.InvalidEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When the findings of one event say they were last updated, read as a run reads them into {@link
 * io.guardwall.core.model.Finding#updatedAt}, for choosing events by time before they are run;
 * immutable.
 *
 * @param times one per finding, in order; none for an event of another kind or an unreadable one
 * @param unreadable why the event is none guardwall takes; null when it is one
 */
public record EventTimes(List<UpdateTime> times, @Nullable String unreadable) {

  private static final FindingParser PARSER = FindingParser.create();

  public EventTimes {
    times = List.copyOf(times);
  }

  /** The update times of {@code raw}'s findings, in any shape a run takes; never throws for it. */
  public static EventTimes of(JsonNode raw) {
    List<UpdateTime> times = new ArrayList<>();
    try {
      for (FindingEvent part : PARSER.split(PARSER.normalize(raw))) {
        times.add(PARSER.updatedAt(part));
      }
    } catch (InvalidEventException e) {
      return new EventTimes(List.of(), Objects.requireNonNullElse(e.getMessage(), "unreadable"));
    }
    return new EventTimes(times, null);
  }

  /** The times that could be read. */
  public List<Instant> instants() {
    return times.stream().map(UpdateTime::instant).filter(Objects::nonNull).toList();
  }

  /** Why no time could be read: the event's problem, or each finding's. */
  public String problem() {
    if (unreadable != null) {
      return unreadable;
    }
    return times.isEmpty()
        ? "no GuardDuty or Security Hub finding in it"
        : String.join("; ", times.stream().map(UpdateTime::problem).toList());
  }
}
