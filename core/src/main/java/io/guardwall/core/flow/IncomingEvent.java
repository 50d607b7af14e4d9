package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One event for {@link Run#processAll}, with where it came from for reports; immutable (the caller
 * must not change the tree afterwards).
 *
 * @param source where the event came from (a file name)
 * @param index its position in that source, from 0
 */
public record IncomingEvent(JsonNode event, String source, int index) {
  public IncomingEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
  }
}
