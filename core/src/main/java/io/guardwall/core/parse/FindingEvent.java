package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One finding of an event in the envelope EventBridge would have delivered it in had it arrived
 * alone, so that it is routed on its own; immutable (the event is shared, never changed).
 *
 * @param event the envelope holding this finding only
 * @param position the finding's place in the original event, from 1
 */
public record FindingEvent(ObjectNode event, int position) {

  public FindingEvent {
    Objects.requireNonNull(event, "event");
    if (position < 1) {
      throw new IllegalArgumentException("position must be at least 1: " + position);
    }
  }
}
