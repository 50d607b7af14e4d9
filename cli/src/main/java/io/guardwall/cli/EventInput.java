package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;

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
}
