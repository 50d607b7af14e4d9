package io.guardwall.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.guardwall.core.flow.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Prints a replay as one JSON document whose {@code events} array is written event by event, so
 * that no more than one event's report is held. Not thread-safe.
 */
final class JsonReplay implements ReplayPrinter {

  private final PrintWriter out;
  private final JsonGenerator json;

  JsonReplay(PrintWriter out) {
    this.out = out;
    this.json = InertJson.generator(out);
    io(
        () -> {
          json.writeStartObject();
          json.writeArrayFieldStart("events");
        });
  }

  @Override
  public void event(io.guardwall.core.flow.EventReport event) {
    InertJson.write(json, ReportJson.event(event));
  }

  @Override
  public void end(ReplayCommand.ReplayResult result) {
    io(json::writeEndArray);
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field :
        Output.replayEnd(result).properties()) {
      io(() -> json.writeFieldName(field.getKey()));
      InertJson.write(json, field.getValue());
    }
    io(
        () -> {
          json.writeEndObject();
          json.flush();
        });
    out.println();
    out.flush();
  }

  private interface Write {
    void run() throws IOException;
  }

  private static void io(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
