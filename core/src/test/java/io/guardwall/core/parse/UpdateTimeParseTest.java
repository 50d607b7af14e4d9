package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.ocsfEvent;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.securityHubEvent;
import static io.guardwall.core.parse.TestJson.with;
import static io.guardwall.core.parse.TestJson.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.UpdateTime;
import io.guardwall.core.testing.Resources;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A finding's update time in each format, which names its sighting: read into {@link
 * Finding#updatedAt}, and missing or garbled without stopping the finding.
 */
class UpdateTimeParseTest {

  private final FindingParser parser = FindingParser.create();

  /** The three formats: the event of a finding, and the path of its update time. */
  private enum Format {
    NATIVE("guardduty-finding.json", "updatedAt", TestJson::guardDutyEvent),
    ASFF("asff-finding.json", "UpdatedAt", f -> securityHubEvent(f)),
    OCSF("ocsf-finding.json", "finding_info/modified_time_dt", f -> ocsfEvent(f));

    final String resource;
    final String path;
    final Function<ObjectNode, ObjectNode> event;

    Format(String resource, String path, Function<ObjectNode, ObjectNode> event) {
      this.resource = resource;
      this.path = path;
      this.event = event;
    }

    ObjectNode finding() {
      return resource(resource);
    }
  }

  private Finding parseOne(Format format, ObjectNode finding) {
    FindingResult result = parser.parse(format.event.apply(finding)).get(0);
    assertThat(result.error()).isNull();
    return result.finding();
  }

  private UpdateTime timeOf(Format format, ObjectNode finding) {
    JsonNode event = format.event.apply(finding);
    return parser.updatedAt(parser.split(event).get(0));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void read_shouldKeepUpdateTime_whenFindingHasOne(Format format) {
    ObjectNode finding = with(format.finding(), format.path, "2026-11-20T10:00:00.123Z");

    Finding f = parseOne(format, finding);

    assertThat(f.updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
    assertThat(f.sightingKey()).isEqualTo(f.id() + "@2026-11-20T10:00:00.123Z");
    assertThat(timeOf(format, finding).instant()).isEqualTo(f.updatedAt());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void read_shouldProcessWithoutSightingKeyOrWarning_whenUpdateTimeMissing(Format format) {
    ObjectNode finding = without(format.finding(), format.path);

    Finding f = parseOne(format, finding);

    assertThat(f.updatedAt()).isNull();
    assertThat(f.sightingKey()).isNull();
    assertThat(f.warnings()).isEmpty();
    assertThat(f.remoteIps()).isNotEmpty();
    assertThat(timeOf(format, finding).problem()).startsWith("no ");
  }

  @ParameterizedTest
  @CsvSource({
    "NATIVE, yesterday",
    "ASFF, 2026-11-20",
    "OCSF, 2026-11-20T10:00:00",
    "NATIVE, 2026-13-20T10:00:00Z",
    "ASFF, ''"
  })
  void read_shouldWarnAndProcessWithoutSightingKey_whenUpdateTimeGarbled(
      Format format, String garbled) {
    ObjectNode finding = with(format.finding(), format.path, garbled);

    Finding f = parseOne(format, finding);

    assertThat(f.sightingKey()).isNull();
    assertThat(f.warnings())
        .singleElement()
        .asString()
        .contains("is not an ISO-8601 instant")
        .contains("each count as a sighting");
    assertThat(f.remoteIps()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void read_shouldNameTheKind_whenUpdateTimeIsNoText(Format format) {
    ObjectNode finding = with(format.finding(), format.path, json("{\"at\": 1}"));

    Finding f = parseOne(format, finding);

    assertThat(f.sightingKey()).isNull();
    assertThat(f.warnings()).singleElement().asString().contains("an object");
  }

  @Test
  void read_shouldAcceptEveryOffsetAsffAllows_whenTimesAreTheSameInstant() {
    List<String> spellings =
        List.of(
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:00:00.000000000Z",
            "2026-11-20T12:00:00+02:00",
            "2026-11-20T05:30:00-0430");

    assertThat(spellings)
        .extracting(t -> parseOne(Format.ASFF, with(Format.ASFF.finding(), "UpdatedAt", t)))
        .extracting(Finding::updatedAt)
        .containsOnly(Instant.parse("2026-11-20T10:00:00Z"));
  }

  @Test
  void read_shouldUseEpochMillis_whenOcsfHasModifiedTimeOnly() {
    ObjectNode finding =
        with(
            without(Format.OCSF.finding(), "finding_info/modified_time_dt"),
            "finding_info/modified_time",
            json("1748946460102"));

    assertThat(parseOne(Format.OCSF, finding).updatedAt())
        .isEqualTo(Instant.parse("2025-06-03T10:27:40.102Z"));
  }

  @Test
  void read_shouldWarn_whenOcsfModifiedTimeIsNoWholeNumber() {
    ObjectNode finding =
        with(
            without(Format.OCSF.finding(), "finding_info/modified_time_dt"),
            "finding_info/modified_time",
            "1748946460102");

    Finding f = parseOne(Format.OCSF, finding);

    assertThat(f.sightingKey()).isNull();
    assertThat(f.warnings()).singleElement().asString().contains("finding_info.modified_time");
  }

  @Test
  void read_shouldPreferModifiedTimeDt_whenOcsfHasBoth() {
    ObjectNode finding = with(Format.OCSF.finding(), "finding_info/modified_time", json("1"));

    assertThat(parseOne(Format.OCSF, finding).updatedAt())
        .isEqualTo(Instant.parse("2025-06-03T10:27:40.918Z"));
  }

  @Test
  void read_shouldGiveOneSightingKey_whenOneFindingArrivesNativeAsffAndOcsf() {
    List<String> copies =
        List.of(
            "02-guardduty-c2-outbound.json",
            "10-securityhub-same-finding-as-02.json",
            "23-securityhub-ocsf-same-finding-as-02.json");

    assertThat(copies)
        .extracting(this::sampleFinding)
        .extracting(Finding::sightingKey)
        .containsOnly("a2ef406e2c2351e0b9e80029c909242d@2025-06-03T10:27:40.102Z");
  }

  @Test
  void read_shouldGiveNewSightingKey_whenGuardDutyUpdatedTheFinding() {
    assertThat(sampleFinding("11-guardduty-c2-outbound-resighted.json").sightingKey())
        .isNotEqualTo(sampleFinding("02-guardduty-c2-outbound.json").sightingKey())
        .startsWith("a2ef406e2c2351e0b9e80029c909242d@");
  }

  private Finding sampleFinding(String name) {
    JsonNode event = parser.normalize(json(Resources.sample("events/" + name)));
    return parser.parse(event).get(0).finding();
  }

  @Test
  void sightingKey_shouldDropNanoseconds_whenOneCopyIsMorePrecise() {
    ObjectNode precise = with(Format.NATIVE.finding(), "updatedAt", "2026-11-20T10:00:00.1239Z");

    assertThat(parseOne(Format.NATIVE, precise).sightingKey())
        .endsWith("@2026-11-20T10:00:00.123Z");
  }
}
