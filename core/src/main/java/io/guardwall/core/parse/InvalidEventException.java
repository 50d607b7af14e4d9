package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * An event or finding that guardwall cannot read, with a message naming the field and what is wrong
 * with it; the only exception the parser throws for bad input, so that any other one is a bug.
 * Immutable.
 */
public final class InvalidEventException extends RuntimeException {

  InvalidEventException(String message) {
    super(message);
  }

  /** {@code field} is absent or null. */
  static InvalidEventException missing(String field) {
    return new InvalidEventException(field + " missing");
  }

  /** {@code field} holds {@code value}, which is not {@code expected} ("text", "an array"). */
  static InvalidEventException wrongKind(String field, @Nullable JsonNode value, String expected) {
    return new InvalidEventException(
        field + " is " + FindingFields.kind(value) + ", expected " + expected);
  }

  /** {@code field} is text, but blank. */
  static InvalidEventException blank(String field) {
    return new InvalidEventException(field + " is blank");
  }
}
