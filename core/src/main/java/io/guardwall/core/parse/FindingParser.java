package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.UpdateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads findings out of events: native GuardDuty events, Security Hub CSPM (ASFF) imports, Security
 * Hub OCSF imports ({@code Findings Imported V2}), and bare findings wrapped by {@link #normalize};
 * stateless and thread-safe.
 */
public final class FindingParser {

  /** Reads one finding object at a 1-based position in its event. */
  private interface Reader {
    FindingResult read(JsonNode finding, Envelope envelope, int position);
  }

  private FindingParser() {}

  public static FindingParser create() {
    return new FindingParser();
  }

  /**
   * Turns what a user may hand us into a full EventBridge event: an event with {@code source} and
   * {@code detail-type} as it is, except that a GuardDuty {@code detail} in PascalCase is turned to
   * the native camelCase; a Lambda test event ({@code detail} holding a GuardDuty finding but no
   * {@code source}), a bare GuardDuty finding (camelCase or the API's PascalCase), a bare ASFF
   * finding or a bare OCSF finding wrapped into the event AWS would send for it.
   *
   * @throws InvalidEventException naming the problem when the input is none of these, or when
   *     {@code source} or {@code detail-type} is no text
   */
  public ObjectNode normalize(JsonNode raw) {
    return Envelopes.normalize(raw);
  }

  /**
   * Every finding in a normalized event, in order. A finding that cannot be read becomes an invalid
   * result and the others go on; an event of another source or detail-type yields none.
   *
   * @throws InvalidEventException as {@link #split}
   * @throws IllegalArgumentException as {@link #split}
   */
  public List<FindingResult> parse(JsonNode event) {
    return split(event).stream().map(this::read).toList();
  }

  /**
   * Every finding of a normalized event, each in a copy of the envelope that holds it alone, as
   * EventBridge would have delivered it on its own: a Security Hub event yields one per finding, a
   * GuardDuty event itself, an event of another source or detail-type none.
   *
   * @throws InvalidEventException when the event as a whole is unusable (not an object, {@code
   *     detail} missing or not an object, {@code findings} not an array)
   * @throws IllegalArgumentException when the event was not normalized (no {@code source} or {@code
   *     detail-type} text): a caller's mistake, not bad input
   */
  public List<FindingEvent> split(JsonNode event) {
    ObjectNode e = Envelopes.requireObject(event, "event");
    String source = FindingFields.text(e.get("source"));
    String detailType = FindingFields.text(e.get("detail-type"));
    if (source == null || detailType == null) {
      throw new IllegalArgumentException(
          "event has no 'source' or 'detail-type' text: normalize it first");
    }
    if (isGuardDuty(source, detailType)) {
      detail(e);
      return List.of(new FindingEvent(e, 1));
    }
    if (source.equals(Envelopes.SECURITYHUB_SOURCE)
        && (detailType.equals(Envelopes.SECURITYHUB_DETAIL_TYPE)
            || detailType.equals(Envelopes.SECURITYHUB_OCSF_DETAIL_TYPE))) {
      return alone(e, (ObjectNode) detail(e));
    }
    return List.of();
  }

  /** The finding of one {@link #split} part; an unreadable finding becomes an invalid result. */
  public FindingResult read(FindingEvent part) {
    ObjectNode e = part.event();
    Envelope envelope = Envelope.of(e);
    if (isGuardDuty(e)) {
      return readObject(GuardDutyReader::read, e.path("detail"), envelope, part.position());
    }
    Reader reader = isOcsf(e) ? OcsfReader::read : AsffReader::read;
    return readObject(reader, securityHubFinding(e), envelope, part.position());
  }

  /**
   * When the finding of one {@link #split} part says it was last updated, as {@link #read} reads it
   * into {@link io.guardwall.core.model.Finding#updatedAt}, or why that cannot be told.
   */
  public UpdateTime updatedAt(FindingEvent part) {
    ObjectNode e = part.event();
    if (isGuardDuty(e)) {
      return FindingTimes.guardDuty(e.path("detail"));
    }
    return isOcsf(e)
        ? FindingTimes.ocsf(securityHubFinding(e))
        : FindingTimes.asff(securityHubFinding(e));
  }

  private static boolean isGuardDuty(ObjectNode e) {
    return isGuardDuty(
        FindingFields.text(e.get("source")), FindingFields.text(e.get("detail-type")));
  }

  private static boolean isOcsf(ObjectNode e) {
    return Envelopes.SECURITYHUB_OCSF_DETAIL_TYPE.equals(FindingFields.text(e.get("detail-type")));
  }

  /** A Security Hub part holds its one finding in {@code detail.findings}. */
  private static JsonNode securityHubFinding(ObjectNode e) {
    return e.path("detail").path("findings").path(0);
  }

  private static boolean isGuardDuty(@Nullable String source, @Nullable String detailType) {
    return Envelopes.GUARDDUTY_SOURCE.equals(source)
        && Envelopes.GUARDDUTY_DETAIL_TYPE.equals(detailType);
  }

  // The copies share the original's nodes: nothing downstream changes an event.
  private static List<FindingEvent> alone(ObjectNode event, ObjectNode detail) {
    JsonNode findings = findings(detail);
    List<FindingEvent> parts = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      ObjectNode copy = event.objectNode().setAll(event);
      ObjectNode single = copy.putObject("detail").setAll(detail);
      single.putArray("findings").add(findings.get(i));
      parts.add(new FindingEvent(copy, i + 1));
    }
    return parts;
  }

  private static FindingResult readObject(
      Reader reader, JsonNode finding, Envelope envelope, int position) {
    if (!finding.isObject()) {
      return FindingResult.invalid(
          null,
          null,
          Required.error(
              null, position, "is " + FindingFields.kind(finding) + ", expected an object"));
    }
    // A reader reports bad input in its result; any exception is a bug and propagates.
    return reader.read(finding, envelope, position);
  }

  private static JsonNode detail(ObjectNode event) {
    JsonNode detail = event.get("detail");
    if (detail == null || detail.isNull()) {
      throw new InvalidEventException("event has no 'detail'");
    }
    if (!detail.isObject()) {
      throw InvalidEventException.wrongKind("event 'detail'", detail, "an object");
    }
    return detail;
  }

  private static JsonNode findings(JsonNode detail) {
    JsonNode findings = detail.get("findings");
    if (findings == null || findings.isNull()) {
      throw new InvalidEventException("event has no 'detail.findings'");
    }
    if (!findings.isArray()) {
      throw InvalidEventException.wrongKind("event 'detail.findings'", findings, "an array");
    }
    return findings;
  }
}
