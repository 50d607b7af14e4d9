package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.IncomingEvent;
import io.guardwall.core.flow.Run;
import java.util.Iterator;
import java.util.List;

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

  /**
   * What {@code run} made of each input, in order, the readable ones processed as one batch; a
   * failed input is reported as it is.
   */
  static List<EventReport> runAll(Run run, List<EventInput> inputs) {
    Iterator<EventReport> processed =
        run.processAll(
                inputs.stream()
                    .filter(i -> i.error() == null)
                    .map(i -> new IncomingEvent(i.event(), i.source(), i.index()))
                    .toList())
            .iterator();
    return inputs.stream()
        .map(
            i ->
                i.error() != null
                    ? EventReport.failed(i.source(), i.index(), i.error())
                    : processed.next())
        .toList();
  }
}
