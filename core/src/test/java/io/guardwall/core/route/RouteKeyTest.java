package io.guardwall.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteKeyTest {

  private static final RouteKey KEY =
      RouteKey.of(
          List.of(
              EventPatterns.load(Route.BLOCK, SeverityLevel.MEDIUM),
              EventPatterns.load(Route.NOTIFY, SeverityLevel.MEDIUM)));

  private static ObjectNode guardDuty() {
    return (ObjectNode) read(Resources.text(RouteKeyTest.class, "guardduty-network.json"));
  }

  private static ObjectNode ocsf() {
    return (ObjectNode)
        read(Resources.sample("events/23-securityhub-ocsf-same-finding-as-02.json"));
  }

  private static JsonNode read(String text) {
    try {
      return Jackson.reader().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String keyOf(JsonNode event) {
    String key = KEY.of(event);
    assertThat(key).as("key of " + event).isNotNull();
    return key;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/detail/severity",
        "/detail/service/action/actionType",
        "/source",
        "/detail-type",
      })
  void of_shouldDiffer_whenNamedFieldDiffers(String path) {
    ObjectNode changed = guardDuty();
    ((ObjectNode) changed.at(path.substring(0, path.lastIndexOf('/'))))
        .put(path.substring(path.lastIndexOf('/') + 1), "other");
    assertThat(keyOf(changed)).isNotEqualTo(keyOf(guardDuty()));
  }

  @Test
  void of_shouldDiffer_whenSameNumberIsWrittenDifferently() {
    List<String> keys =
        List.of("4", "4.0", "\"4\"", "null").stream()
            .map(raw -> (ObjectNode) guardDuty().set("detail", detailWithSeverity(raw)))
            .map(RouteKeyTest::keyOf)
            .toList();
    assertThat(keys).doesNotHaveDuplicates();
  }

  private static JsonNode detailWithSeverity(String raw) {
    ObjectNode detail = (ObjectNode) guardDuty().get("detail");
    return detail.set("severity", read(raw));
  }

  @Test
  void of_shouldDiffer_whenNamedFieldIsAbsentRatherThanNull() {
    ObjectNode absent = guardDuty();
    ((ObjectNode) absent.get("detail")).remove("severity");
    ObjectNode nullSeverity = guardDuty();
    ((ObjectNode) nullSeverity.get("detail")).putNull("severity");
    assertThat(keyOf(absent)).isNotEqualTo(keyOf(nullSeverity));
  }

  @Test
  void of_shouldDiffer_whenOcsfFieldsMoveToAnotherArrayElement() {
    ObjectNode together = ocsf();
    ObjectNode apart = ocsf();
    JsonNode finding = apart.at("/detail/findings/0");
    ObjectNode second = ((ObjectNode) finding).deepCopy();
    second.remove("class_uid");
    ((ObjectNode) finding).remove("metadata");
    ((com.fasterxml.jackson.databind.node.ArrayNode) apart.at("/detail/findings")).add(second);
    assertThat(keyOf(apart)).isNotEqualTo(keyOf(together));
  }

  @Test
  void of_shouldBeEqual_whenOnlyUnnamedFieldsDiffer() {
    ObjectNode other = guardDuty();
    other.put("id", "another-event").put("account", "999999999999");
    ObjectNode detail = (ObjectNode) other.get("detail");
    detail.put("id", "another-finding").put("type", "Recon:EC2/PortProbeUnprotectedPort");
    detail.put("title", "something else entirely");
    ((ObjectNode) detail.at("/service/action")).putObject("networkConnectionAction");
    assertThat(keyOf(other)).isEqualTo(keyOf(guardDuty()));
  }

  @Test
  void of_shouldBeEqual_whenOcsfEvidenceDiffers() {
    ObjectNode other = ocsf();
    ((ObjectNode) other.at("/detail/findings/0")).putArray("evidences").addObject().put("x", 1);
    assertThat(keyOf(other)).isEqualTo(keyOf(ocsf()));
  }

  @Test
  void of_shouldBeNull_whenObjectOnNamedPathHasDottedKey() {
    ObjectNode dotted = guardDuty();
    dotted.put("detail.severity", 8);
    assertThat(KEY.of(dotted)).isNull();
    ObjectNode nested = guardDuty();
    ((ObjectNode) nested.get("detail")).put("service.action.actionType", "PORT_PROBE");
    assertThat(KEY.of(nested)).isNull();
  }

  @Test
  void of_shouldBeNull_whenKeyIsLongerThanTheLimit() {
    ObjectNode event = guardDuty();
    event.put("source", "x".repeat(RouteKey.MAX_LENGTH));
    assertThat(KEY.of(event)).isNull();
  }

  @Test
  void of_shouldKeepWholeValue_whenNamedLeafHoldsAnObject() {
    ObjectNode a = guardDuty();
    ((ObjectNode) a.get("detail")).putObject("severity").put("x", 1);
    ObjectNode b = guardDuty();
    ((ObjectNode) b.get("detail")).putObject("severity").put("x", 2);
    assertThat(keyOf(a)).isNotEqualTo(keyOf(b));
  }
}
