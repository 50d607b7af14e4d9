package io.guardwall.core.model;

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

  public static UpdateTime read(String field, Instant instant) {
    return new UpdateTime(field, instant, null);
  }

  public static UpdateTime missing(String field) {
    return new UpdateTime(field, null, null);
  }

  /** {@code field} held {@code shown} (quoted, capped text, or the kind of value) instead. */
  public static UpdateTime garbled(String field, String shown) {
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
