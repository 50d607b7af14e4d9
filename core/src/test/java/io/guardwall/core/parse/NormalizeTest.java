package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.file;
import static io.guardwall.core.parse.TestJson.guardDutyEvent;
import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.object;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.securityHubEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.Origin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizeTest {

  private static final Path UPSTREAM = Path.of("..", "samples", "events", "upstream");

  private final FindingParser parser = FindingParser.create();

  private Finding parseOne(ObjectNode event) {
    FindingResult result = parser.parse(event).get(0);
    assertThat(result.error()).isNull();
    return result.finding();
  }

  @Test
  void normalize_shouldReturnTheEventAsItIs_whenNativeGuardDutyEvent() {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding.json"));

    assertThat(parser.normalize(event)).isSameAs(event);
  }

  @Test
  void normalize_shouldReturnTheEventAsItIs_whenSecurityHubEvent() {
    ObjectNode event = securityHubEvent(resource("asff-finding.json"));

    assertThat(parser.normalize(event)).isSameAs(event);
  }

  @Test
  void normalize_shouldReturnTheEventAsItIs_andParseFindNothing_whenAnotherEvent() {
    ObjectNode event =
        object(
            """
            {"version": "0", "id": "1", "detail-type": "EC2 Instance State-change Notification",
             "source": "aws.ec2", "account": "111122223333", "region": "us-east-1",
             "detail": {"instance-id": "i-0a1b2c3d4e5f60718", "state": "running"}}
            """);

    assertThat(parser.normalize(event)).isSameAs(event);
    assertThat(parser.parse(event)).isEmpty();
  }

  @Test
  void normalize_shouldWrapTheDetail_whenLambdaConsoleTestEvent() {
    ObjectNode raw =
        (ObjectNode) file(UPSTREAM.resolve("amazon-guardduty-waf-acl__gd2acl_test_event.json"));
    ObjectNode copy = raw.deepCopy();

    ObjectNode event = parser.normalize(raw);

    assertThat(raw).isEqualTo(copy);
    assertThat(event.get("source").asText()).isEqualTo("aws.guardduty");
    assertThat(event.get("detail-type").asText()).isEqualTo("GuardDuty Finding");
    assertThat(event.get("region").asText()).isEqualTo("us-east-1");
    assertThat(event.has("account")).isFalse();
    assertThat(event.get("detail")).isEqualTo(raw.get("detail"));
    Finding f = parseOne(event);
    assertThat(f.id()).isEqualTo("02be5693b63eea1d67e6f321c6aee4f3");
    assertThat(f.type()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(f.sample()).isTrue();
    assertThat(f.region()).isEqualTo("us-east-1");
    assertThat(f.remoteIps())
        .singleElement()
        .satisfies(
            ip -> {
              assertThat(ip.address().display()).isEqualTo("198.51.100.0");
              assertThat(ip.direction()).isEqualTo("INBOUND");
              assertThat(ip.source()).isEqualTo(IpSource.NETWORK_CONNECTION);
            });
  }

  @Test
  void normalize_shouldKeepTheEventFieldsAndFillTheRest_whenDetailWithoutSource() {
    ObjectNode raw = object("{\"region\": \"eu-west-1\", \"note\": \"replayed\"}");
    raw.set("detail", resource("guardduty-finding.json"));

    ObjectNode event = parser.normalize(raw);

    assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(event.get("account").asText()).isEqualTo("111122223333");
    assertThat(event.get("note").asText()).isEqualTo("replayed");
    assertThat(event.get("time").asText()).isEqualTo("2025-06-03T09:52:07.846Z");
    assertThat(event.get("version").asText()).isEqualTo("0");
  }

  @Test
  void normalize_shouldWrapIntoANativeEvent_whenBareGuardDutyFinding() {
    ObjectNode finding = resource("guardduty-finding.json");

    ObjectNode event = parser.normalize(finding);

    assertThat(event.get("source").asText()).isEqualTo("aws.guardduty");
    assertThat(event.get("detail-type").asText()).isEqualTo("GuardDuty Finding");
    assertThat(event.get("account").asText()).isEqualTo("111122223333");
    assertThat(event.get("region").asText()).isEqualTo("us-east-1");
    assertThat(event.get("resources").get(0).asText()).isEqualTo(finding.get("arn").asText());
    assertThat(event.get("detail")).isEqualTo(finding);
    assertThat(event.get("id").asText()).isEqualTo(parser.normalize(finding).get("id").asText());
    assertThat(parseOne(event).id()).isEqualTo("5b2f4c1e9d7a8b3c6e0f1a2d4c8b7e90");
  }

  @Test
  void normalize_shouldTurnKeysToCamelCase_whenApiShapedFinding() {
    ObjectNode finding = resource("guardduty-finding-pascal.json");

    ObjectNode event = parser.normalize(finding);

    JsonNode detail = event.get("detail");
    assertThat(detail.get("type").asText()).isEqualTo("Recon:EC2/PortProbeUnprotectedPort");
    assertThat(
            detail
                .at(
                    "/service/action/portProbeAction/portProbeDetails/1/remoteIpDetails/ipAddressV6")
                .asText())
        .isEqualTo("2001:db8:ffff::31");
    assertThat(detail.at("/resource/instanceDetails/tags/0/key").asText()).isEqualTo("Name");
    assertThat(event.get("account").asText()).isEqualTo("111122223333");
    assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(finding.has("Id")).isTrue();
    assertThat(parseOne(event))
        .isEqualTo(parseOne(guardDutyEvent(resource("guardduty-finding-pascal.json"))));
  }

  @Test
  void normalize_shouldWrapIntoASecurityHubEvent_whenBareAsffFinding() {
    ObjectNode finding = resource("asff-finding.json");

    ObjectNode event = parser.normalize(finding);

    assertThat(event.get("source").asText()).isEqualTo("aws.securityhub");
    assertThat(event.get("detail-type").asText()).isEqualTo("Security Hub Findings - Imported");
    assertThat(event.get("account").asText()).isEqualTo("111122223333");
    assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(event.at("/detail/findings/0")).isEqualTo(finding);
    assertThat(event.get("resources").get(0).asText())
        .isEqualTo(
            "arn:aws:securityhub:eu-west-1::product/aws/guardduty/" + finding.get("Id").asText());
    Finding f = parseOne(event);
    assertThat(f.origin()).isEqualTo(Origin.SECURITYHUB);
    assertThat(f.id()).isEqualTo("e1c3a5b7d9f0e2c4a6b8d0f1e3c5a7b9");
  }

  @Test
  void normalize_shouldWrapIntoAnOcsfEvent_whenBareOcsfFinding() {
    ObjectNode finding = resource("ocsf-finding.json");

    ObjectNode event = parser.normalize(finding);

    assertThat(event.get("source").asText()).isEqualTo("aws.securityhub");
    assertThat(event.get("detail-type").asText()).isEqualTo("Findings Imported V2");
    assertThat(event.get("account").asText()).isEqualTo("111122223333");
    assertThat(event.get("region").asText()).isEqualTo("us-east-1");
    assertThat(event.get("time").asText()).isEqualTo("2025-06-03T10:27:40.918Z");
    assertThat(event.at("/detail/findings/0")).isEqualTo(finding);
    assertThat(parser.normalize(finding).get("id")).isEqualTo(event.get("id"));
    assertThat(parseOne(event).id()).isEqualTo("a2ef406e2c2351e0b9e80029c909242d");
  }

  @Test
  void normalize_shouldWrapAMinimalAsffFinding_whenOnlyTheSchemaVersionSaysSo() {
    ObjectNode finding =
        object(
            """
            {"SchemaVersion": "2018-10-08", "Id": "custom-1", "Types": ["Unusual Behaviors/User"],
             "Severity": {"Label": "MEDIUM"}}
            """);

    ObjectNode event = parser.normalize(finding);

    assertThat(event.get("source").asText()).isEqualTo("aws.securityhub");
    assertThat(event.get("resources")).isEmpty();
    assertThat(parseOne(event).id()).isEqualTo("custom-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
  void normalize_shouldNameTheProblem_whenNotAnObject(String raw) {
    JsonNode node = json(raw);

    assertThatThrownBy(() -> parser.normalize(node))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("event is ")
        .hasMessageEndingWith(", expected a JSON object");
  }

  @Test
  void normalize_shouldNameTheProblem_whenJavaNull() {
    assertThatThrownBy(() -> parser.normalize(null))
        .hasMessage("event is missing, expected a JSON object");
  }

  @Test
  void normalize_shouldNameTheProblem_whenNeitherEventNorFinding() {
    assertThatThrownBy(() -> parser.normalize(object("{\"hello\": \"world\"}")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not an EventBridge event (no 'source' and 'detail-type')");
    assertThatThrownBy(() -> parser.normalize(object("{\"Findings\": [{\"Id\": \"x\"}]}")))
        .hasMessage("a list of findings: expected one event or finding per document");
  }

  @Test
  void normalize_shouldNameTheProblem_whenHalfAnEnvelope() {
    assertThatThrownBy(() -> parser.normalize(object("{\"source\": \"aws.guardduty\"}")))
        .hasMessage("event has 'source' but no 'detail-type'");
    assertThatThrownBy(() -> parser.normalize(object("{\"detail-type\": \"GuardDuty Finding\"}")))
        .hasMessage("event has 'detail-type' but no 'source'");
  }

  @Test
  void normalize_shouldNameTheProblem_whenDetailIsNoGuardDutyFinding() {
    assertThatThrownBy(() -> parser.normalize(object("{\"detail\": \"x\"}")))
        .hasMessageStartingWith(
            "event has no 'source' and its 'detail' (text) is not a GuardDuty finding");
    assertThatThrownBy(() -> parser.normalize(object("{\"detail\": {\"foo\": 1}}")))
        .hasMessageContaining("(an object) is not a GuardDuty finding");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "42", "[\"aws.guardduty\"]", "{}", "true"})
  void normalize_shouldNameTheFieldAndType_whenSourceIsNoText(String raw) {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding.json"));
    event.set("source", json(raw));

    assertThatThrownBy(() -> parser.normalize(event))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("event 'source' is ")
        .hasMessageEndingWith(", expected text");
  }

  @Test
  void normalize_shouldNameTheField_whenDetailTypeIsNoTextOrBlank() {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding.json"));

    assertThatThrownBy(() -> parser.normalize(event.deepCopy().put("detail-type", 7)))
        .hasMessage("event 'detail-type' is a number, expected text");
    assertThatThrownBy(() -> parser.normalize(event.deepCopy().put("source", " ")))
        .hasMessage("event 'source' is blank");
  }

  @Test
  void normalize_shouldNameTheType_whenFindingsIsNoArray() {
    assertThatThrownBy(() -> parser.normalize(object("{\"findings\": {\"Id\": \"x\"}}")))
        .hasMessage("'findings' is an object, expected an array of findings");
    assertThatThrownBy(() -> parser.normalize(object("{\"Findings\": \"x\"}")))
        .hasMessage("'findings' is text, expected an array of findings");
  }

  @Test
  void normalize_shouldTurnTheDetailToCamelCase_whenEnvelopeHoldsAnApiShapedFinding() {
    JsonNode pascal = resource("guardduty-finding-pascal.json");
    ObjectNode event = guardDutyEvent(pascal);

    ObjectNode normalized = parser.normalize(event);

    assertThat(normalized.at("/detail/service/action/actionType").asText()).isEqualTo("PORT_PROBE");
    assertThat(normalized.at("/detail/Service").isMissingNode()).isTrue();
    assertThat(event.at("/detail/Service").isObject()).as("the input is not changed").isTrue();
    assertThat(parseOne(normalized)).isEqualTo(parseOne(parser.normalize(pascal)));
  }

  @Test
  void normalize_shouldPreferTheCamelCaseKey_whenBothCasingsAreGiven() {
    ObjectNode detail = resource("guardduty-finding.json");
    detail.put("Type", "Forged:EC2/Other");

    ObjectNode normalized = parser.normalize(guardDutyEvent(detail));

    assertThat(normalized.at("/detail/type").asText())
        .isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
    assertThat(parseOne(normalized).type()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
  }

  @Test
  void normalize_shouldShareTheFindingUncopied_whenBareFindingIsAlreadyCamelCase() {
    ObjectNode finding = resource("guardduty-finding.json");
    String before = finding.toString();

    ObjectNode event = parser.normalize(finding);

    assertThat(event.get("detail")).isSameAs(finding);
    assertThat(finding.toString()).as("the input is not changed").isEqualTo(before);
  }

  @Test
  void normalize_shouldCopyOnlyTheChangedBranch_whenPascalCaseKeysAreDeepInside() {
    ObjectNode finding = resource("guardduty-finding.json");
    ((ObjectNode) finding.at("/resource/instanceDetails"))
        .putArray("extraTags")
        .addObject()
        .put("Key", "Name")
        .put("Value", "web");
    String before = finding.toString();

    ObjectNode event = parser.normalize(finding);

    JsonNode detail = event.get("detail");
    assertThat(detail.at("/resource/instanceDetails/extraTags/0/key").asText()).isEqualTo("Name");
    assertThat(detail.at("/resource/instanceDetails/extraTags/0/Key").isMissingNode()).isTrue();
    assertThat(detail.get("service"))
        .as("an unchanged branch is shared")
        .isSameAs(finding.get("service"));
    assertThat(finding.toString()).as("the input is not changed").isEqualTo(before);
    assertThat(parseOne(event))
        .isEqualTo(parseOne(guardDutyEvent(resource("guardduty-finding.json"))));
  }

  @Test
  void normalize_shouldCopyTheEnvelopeNotItsFields_whenDetailIsApiShaped() {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding-pascal.json"));
    event.putObject("extra").put("kept", true);
    String before = event.toString();

    ObjectNode normalized = parser.normalize(event);

    assertThat(normalized).isNotSameAs(event);
    assertThat(normalized.get("extra")).isSameAs(event.get("extra"));
    assertThat(event.toString()).as("the input is not changed").isEqualTo(before);
  }
}
