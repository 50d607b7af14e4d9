package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.Run;

/**
 * One event read from a file, or why it could not be read; {@code index} counts events (or lines)
 * in the file from 0.
 */
record EventInput(String source, int index, JsonNode event, String error) {

  static EventInput ok(String source, int index, JsonNode event) {
    return new EventInput(source, index, event, null);
  }

  static EventInput failed(String source, int index, String error) {
    return new EventInput(source, index, null, error);
  }

  /** What {@code run} made of this event; a failed input is reported as it is. */
  EventReport runIn(Run run) {
    return error != null
        ? EventReport.failed(source, index, error)
        : run.process(event, source, index);
  }
}
