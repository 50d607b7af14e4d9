package io.guardwall.core.parse;

import static io.guardwall.core.parse.TestJson.guardDutyEvent;
import static io.guardwall.core.parse.TestJson.json;
import static io.guardwall.core.parse.TestJson.object;
import static io.guardwall.core.parse.TestJson.resource;
import static io.guardwall.core.parse.TestJson.securityHubEvent;
import static io.guardwall.core.parse.TestJson.with;
import static io.guardwall.core.parse.TestJson.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventParseTest {

  private final FindingParser parser = FindingParser.create();

  @Test
  void parse_shouldNameTheProblem_whenEventIsNoObject() {
    assertThatThrownBy(() -> parser.parse(json("[{}]")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event is an array, expected a JSON object");
    assertThatThrownBy(() -> parser.parse(null))
        .hasMessage("event is missing, expected a JSON object");
  }

  @Test
  void parse_shouldAskForNormalize_whenEnvelopeMissing() {
    // A caller's mistake, not bad input: not an InvalidEventException.
    assertThatThrownBy(() -> parser.parse(resource("guardduty-finding.json")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("event has no 'source' or 'detail-type' text: normalize it first");
  }

  @Test
  void parse_shouldNameTheProblem_whenGuardDutyDetailMissingOrNoObject() {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding.json"));

    assertThatThrownBy(() -> parser.parse(without(event.deepCopy(), "detail")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event has no 'detail'");
    assertThatThrownBy(() -> parser.parse(with(event.deepCopy(), "detail", "a finding")))
        .hasMessage("event 'detail' is text, expected an object");
    assertThatThrownBy(() -> parser.parse(with(event.deepCopy(), "detail", json("[]"))))
        .hasMessage("event 'detail' is an array, expected an object");
  }

  @Test
  void parse_shouldNameTheProblem_whenFindingsMissingOrNoArray() {
    ObjectNode event = securityHubEvent(resource("asff-finding.json"));

    assertThatThrownBy(() -> parser.parse(with(event.deepCopy(), "detail/findings", json("{}"))))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event 'detail.findings' is an object, expected an array");
    assertThatThrownBy(() -> parser.parse(without(event.deepCopy(), "detail/findings")))
        .hasMessage("event has no 'detail.findings'");
    assertThatThrownBy(() -> parser.parse(with(event.deepCopy(), "detail", "x")))
        .hasMessage("event 'detail' is text, expected an object");
  }

  @Test
  void parse_shouldNameTheProblem_whenOcsfFindingsMissingOrNoArray() {
    ObjectNode event = TestJson.ocsfEvent(resource("ocsf-finding.json"));

    assertThatThrownBy(() -> parser.parse(with(event.deepCopy(), "detail/findings", "x")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event 'detail.findings' is text, expected an array");
    assertThatThrownBy(() -> parser.parse(without(event.deepCopy(), "detail/findings")))
        .hasMessage("event has no 'detail.findings'");
    assertThatThrownBy(() -> parser.parse(without(event.deepCopy(), "detail")))
        .hasMessage("event has no 'detail'");
    assertThat(parser.parse(TestJson.ocsfEvent())).isEmpty();
  }

  @Test
  void parse_shouldReadOcsf_onlyWhenDetailTypeIsFindingsImportedV2() {
    ObjectNode ocsf = TestJson.ocsfEvent(resource("ocsf-finding.json"));
    ObjectNode asAsff = with(ocsf.deepCopy(), "detail-type", "Security Hub Findings - Imported");

    assertThat(parser.parse(ocsf)).singleElement().matches(FindingResult::isValid);
    assertThat(parser.parse(asAsff).get(0).error()).contains("Id missing");
    assertThat(parser.parse(with(ocsf.deepCopy(), "detail-type", "Findings Imported V3")))
        .isEmpty();
  }

  @Test
  void parse_shouldYieldNothing_whenFindingsEmpty() {
    assertThat(parser.parse(securityHubEvent())).isEmpty();
  }

  @Test
  void parse_shouldYieldNothing_whenOtherGuardDutyOrSecurityHubDetailType() {
    ObjectNode malware =
        with(
            guardDutyEvent(resource("guardduty-finding.json")),
            "detail-type",
            "GuardDuty Malware Protection Object Scan Result");
    ObjectNode custom =
        with(
            securityHubEvent(resource("asff-finding.json")),
            "detail-type",
            "Security Hub Findings - Custom Action");

    assertThat(parser.parse(malware)).isEmpty();
    assertThat(parser.parse(custom)).isEmpty();
  }

  @Test
  void parse_shouldMatchTheEnvelopeExactly_whenSourceDiffersInCase() {
    ObjectNode event =
        with(guardDutyEvent(resource("guardduty-finding.json")), "source", "AWS.GuardDuty");

    assertThat(parser.parse(event)).isEmpty();
  }

  @Test
  void parse_shouldRecogniseOneFinding_whenItArrivesByBothRoutes() {
    ObjectNode native_ =
        with(resource("guardduty-finding.json"), "id", "e1c3a5b7d9f0e2c4a6b8d0f1e3c5a7b9");

    String viaGuardDuty = parser.parse(guardDutyEvent(native_)).get(0).id();
    String viaSecurityHub =
        parser.parse(securityHubEvent(resource("asff-finding.json"))).get(0).id();

    assertThat(viaSecurityHub).isEqualTo(viaGuardDuty);
  }

  @Test
  void parse_shouldBeStateless_whenCalledAgain() {
    ObjectNode event = securityHubEvent(resource("asff-finding.json"), object("{}"));

    assertThat(parser.parse(event)).isEqualTo(parser.parse(event));
    assertThat(FindingParser.create().parse(event)).isEqualTo(parser.parse(event));
  }

  @Test
  void split_shouldPutEachFindingAloneInACopyOfTheEnvelope_whenSecurityHubEvent() {
    ObjectNode event =
        securityHubEvent(resource("asff-finding.json"), object("{\"Id\": \"b\"}"), json("7"));
    String before = event.toString();

    List<FindingEvent> parts = parser.split(event);

    assertThat(parts).extracting(FindingEvent::position).containsExactly(1, 2, 3);
    for (FindingEvent part : parts) {
      assertThat(part.event().at("/detail/findings")).hasSize(1);
      assertThat(part.event().at("/detail/findings/0"))
          .isEqualTo(event.at("/detail/findings/" + (part.position() - 1)));
      assertThat(part.event().get("source")).isEqualTo(event.get("source"));
      assertThat(part.event().get("account")).isEqualTo(event.get("account"));
    }
    assertThat(event.toString()).as("the event itself is not changed").isEqualTo(before);
    assertThat(parts.stream().map(parser::read).toList()).isEqualTo(parser.parse(event));
  }

  @Test
  void split_shouldYieldTheEventItself_whenGuardDutyEvent() {
    ObjectNode event = guardDutyEvent(resource("guardduty-finding.json"));

    assertThat(parser.split(event))
        .singleElement()
        .satisfies(p -> assertThat(p.event()).isSameAs(event));
  }

  @Test
  void read_shouldReportAnInvalidFinding_whenThePartHoldsNoFinding() {
    FindingResult result = parser.read(new FindingEvent(object("{}"), 4));

    assertThat(result.error()).isEqualTo("finding #4: is missing, expected an object");
  }
}
