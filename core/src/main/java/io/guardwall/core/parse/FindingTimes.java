package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.UpdateTime;
import io.guardwall.core.text.Excerpt;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads when a finding was last updated, in each format: GuardDuty's {@code updatedAt}, ASFF's
 * {@code UpdatedAt}, OCSF's {@code finding_info.modified_time_dt} (else its epoch-millisecond
 * {@code modified_time}). Stateless and thread-safe.
 */
final class FindingTimes {

  static final String GUARDDUTY_FIELD = "updatedAt";
  static final String ASFF_FIELD = "UpdatedAt";
  static final String OCSF_FIELD = "finding_info.modified_time_dt";
  static final String OCSF_MILLIS_FIELD = "finding_info.modified_time";

  /** ISO-8601 with a zone: {@code Z}, {@code +HH:MM} or {@code +HHMM}, as ASFF allows them all. */
  private static final DateTimeFormatter WITH_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private FindingTimes() {}

  static UpdateTime guardDuty(JsonNode finding) {
    return text(GUARDDUTY_FIELD, FindingFields.field(finding, "updatedAt"));
  }

  static UpdateTime asff(JsonNode finding) {
    return text(ASFF_FIELD, FindingFields.field(finding, "updatedAt"));
  }

  /** {@code modified_time_dt}, the form Security Hub reads; else {@code modified_time}. */
  static UpdateTime ocsf(JsonNode finding) {
    JsonNode info = FindingFields.field(finding, "finding_info");
    JsonNode text = FindingFields.field(info, "modified_time_dt");
    if (isAbsent(text) && !isAbsent(FindingFields.field(info, "modified_time"))) {
      return millis(OCSF_MILLIS_FIELD, FindingFields.field(info, "modified_time"));
    }
    return text(OCSF_FIELD, text);
  }

  /**
   * The instant of {@code time}; a garbled field is named to {@code warn}, a missing one is not (a
   * bare finding written by hand often has none).
   */
  static @Nullable Instant instant(UpdateTime time, Consumer<String> warn) {
    if (time.garbled() != null) {
      warn.accept(
          time.problem() + ": not read, so copies of this finding each count as a sighting");
    }
    return time.instant();
  }

  private static UpdateTime text(String field, JsonNode value) {
    if (isAbsent(value)) {
      return UpdateTime.missing(field);
    }
    Instant instant = value.isTextual() ? parse(value.asText()) : null;
    return instant == null ? garbled(field, value) : UpdateTime.read(field, instant);
  }

  /** OCSF's {@code timestamp_t}: whole milliseconds since the epoch, as a JSON number. */
  private static UpdateTime millis(String field, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      return garbled(field, value);
    }
    try {
      return UpdateTime.read(field, Instant.ofEpochMilli(value.longValue()));
    } catch (DateTimeException e) {
      return garbled(field, value);
    }
  }

  /**
   * An ISO-8601 date and time with a zone offset; null when {@code text} is none.
   *
   * <p>Instants compare across formats, so {@code 10:00:00Z} and {@code 12:00:00+02:00} are equal.
   */
  static @Nullable Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text.strip(), WITH_OFFSET).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static UpdateTime garbled(String field, JsonNode value) {
    return UpdateTime.garbled(
        field, value.isTextual() ? Excerpt.quoted(value.asText()) : FindingFields.kind(value));
  }

  private static boolean isAbsent(JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }
}
