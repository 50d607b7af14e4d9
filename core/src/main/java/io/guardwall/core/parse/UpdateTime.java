package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.text.Excerpt;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a finding says it was last updated, read from the field its format keeps it in, or why that
 * cannot be told (the field is missing, or holds no instant); immutable.
 *
 * @param field the field read, as the format spells it ({@code updatedAt}, {@code UpdatedAt},
 *     {@code finding_info.modified_time_dt})
 * @param instant the update time; null when missing or garbled
 * @param garbled what the field held instead of an instant, capped; null when it was missing or
 *     read
 */
public record UpdateTime(String field, @Nullable Instant instant, @Nullable String garbled) {

  public UpdateTime {
    Objects.requireNonNull(field, "field");
    if (instant != null && garbled != null) {
      throw new IllegalArgumentException("an update time is either read or garbled");
    }
  }

  static UpdateTime read(String field, Instant instant) {
    return new UpdateTime(field, instant, null);
  }

  static UpdateTime missing(String field) {
    return new UpdateTime(field, null, null);
  }

  static UpdateTime garbled(String field, JsonNode value) {
    String shown = value.isTextual() ? Excerpt.quoted(value.asText()) : FindingFields.kind(value);
    return new UpdateTime(field, null, shown);
  }

  /** Why there is no instant: "no updatedAt", or what the field held instead of one. */
  public String problem() {
    if (instant != null) {
      return "";
    }
    return garbled == null
        ? "no " + field
        : field + " " + garbled + " is not an ISO-8601 instant with a zone";
  }
}
