package io.guardwall.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.local.DryRunTarget;
import io.guardwall.core.local.RecordingNotifier;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.testing.Events;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs of a wrong shape or casing: each gives a clear error, a warning or the right route. */
class RunInputShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryBlocklistStore store = new InMemoryBlocklistStore();
  private final RecordingNotifier notifier = new RecordingNotifier(null);
  private final Guardwall gw =
      new Guardwall(
          GuardwallConfig.defaults(),
          new Guardwall.Ports(
              store,
              new InMemoryNotificationLog(),
              List.of(DryRunTarget.ofCapacity(10_000)),
              notifier),
          Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC),
          RetryPolicy.immediate(3));

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode guardDutyEvent() {
    return (ObjectNode)
        json(Resources.text(RunInputShapesTest.class, "../route/guardduty-network.json"));
  }

  private EventReport process(JsonNode event) {
    return gw.startRun().process(event, "e", 0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null | event 'source' is null, expected text",
        "42 | event 'source' is a number, expected text",
        "[\"aws.guardduty\"] | event 'source' is an array, expected text"
      })
  void process_shouldReportTheEvent_whenSourceIsNoText(String source, String error) {
    ObjectNode event = guardDutyEvent();
    event.set("source", json(source));

    assertThat(process(event).error()).isEqualTo(error);
  }

  @Test
  void process_shouldReportTheEvent_whenFindingsIsAnObjectThatNoRouteWants() {
    ObjectNode event = Events.guardDutyBesideInspector();
    ObjectNode detail = (ObjectNode) event.get("detail");
    ((ObjectNode) detail.at("/findings/1/Severity")).put("Label", "LOW");
    detail.set("findings", detail.at("/findings/1"));

    assertThat(process(event).error())
        .isEqualTo("event 'detail.findings' is an object, expected an array");
  }

  @Test
  void process_shouldReportAnInvalidFinding_whenItsTypeIsMissing() {
    ObjectNode event = guardDutyEvent();
    ((ObjectNode) event.get("detail")).remove("type");

    EventReport report = process(event);

    assertThat(report.error()).isNull();
    assertThat(report.findings().get(0).problem())
        .isInstanceOfSatisfying(
            FindingProblem.Invalid.class, p -> assertThat(p.message()).endsWith("type missing"));
  }

  @Test
  void process_shouldWarn_whenRemoteIpDetailsIsText() {
    ObjectNode event = guardDutyEvent();
    ((ObjectNode) event.at("/detail/service/action/networkConnectionAction"))
        .put("remoteIpDetails", "198.51.100.23");

    FindingReport finding = process(event).findings().get(0);

    assertThat(finding.ips()).isEmpty();
    assertThat(finding.warnings())
        .containsExactly(
            "skipped networkConnectionAction.remoteIpDetails: is text, expected an object");
  }

  @Test
  void process_shouldWarn_whenServiceIsAnArrayAndTheFindingMatchesNoRoute() {
    ObjectNode event = guardDutyEvent();
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.putArray("service").add("NETWORK_CONNECTION");
    detail.put("severity", 2);

    EventReport report = process(event);

    assertThat(report.routes()).isEmpty();
    assertThat(report.findings().get(0).warnings())
        .containsExactly("skipped service: is an array, expected an object");
  }

  @Test
  void process_shouldRouteAndBlockLikeTheBareFinding_whenTheEnvelopeHoldsAPascalCaseDetail() {
    JsonNode pascal =
        json(Resources.text(RunInputShapesTest.class, "../parse/guardduty-finding-pascal.json"));
    ObjectNode event = guardDutyEvent();
    event.set("detail", pascal);

    EventReport report = process(event);

    assertThat(report.routes()).containsExactly(Route.BLOCK);
    assertThat(report.findings().get(0).ips()).allSatisfy(d -> assertThat(d.block()).isTrue());
    assertThat(store.get(Cidr.ofAddress("203.0.113.31"))).isPresent();
    assertThat(report.findings()).isEqualTo(process(pascal).findings());
  }

  @ParameterizedTest
  @CsvSource({"'\"-1\"'", "'\"0\"'", "-1", "0", "'\"\"'", "'\"null\"'"})
  void process_shouldShowNoAsnInAlertOrDigest_whenTheFindingGivesAPlaceholder(String asn) {
    ObjectNode event = guardDutyEvent();
    ((ObjectNode) event.at("/detail/service/action/networkConnectionAction/remoteIpDetails"))
        .putObject("organization")
        .put("asnOrg", "Example Org")
        .set("asn", json(asn));
    ((ObjectNode) event.get("detail")).put("severity", 8);
    Run run = gw.startRun();

    run.process(event, "e", 0);
    run.finish();

    assertThat(notifier.messages()).hasSize(2);
    for (SlackMessage message : notifier.messages()) {
      assertThat(message.payload().toString())
          .contains("Example Org")
          .doesNotContain("-1 Example Org")
          .doesNotContain("AS0")
          .doesNotContain("null Example Org");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"detail", "service"})
  void process_shouldThrowTheBug_whenReadingTheEventFailsOtherwiseThanOnBadInput(String field) {
    ObjectNode event = guardDutyEvent();
    // "detail" breaks while the envelope is read, "service" while the finding is.
    ObjectNode parent = field.equals("detail") ? event : (ObjectNode) event.get("detail");
    ObjectNode broken = failingOn(field, new IllegalStateException("bug reading " + field));
    broken.setAll(parent);
    JsonNode input = field.equals("detail") ? broken : event.set("detail", broken);

    assertThatThrownBy(() -> process(input))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug reading " + field);
    assertThat(store.listActive(Instant.parse("2026-11-28T06:00:00Z"))).isEmpty();
  }

  @Test
  void process_shouldThrowTheBug_whenItIsAnIllegalArgumentException() {
    ObjectNode event = guardDutyEvent();
    ObjectNode detail = failingOn("service", new IllegalArgumentException("a bug, not bad input"));
    detail.setAll((ObjectNode) event.get("detail"));
    event.set("detail", detail);

    assertThatThrownBy(() -> process(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a bug, not bad input");
  }

  /** An object that throws {@code bug} when {@code field} is looked up: a fault in the reader. */
  private static ObjectNode failingOn(String field, RuntimeException bug) {
    return new ObjectNode(JsonNodeFactory.instance) {
      @Override
      public JsonNode get(String name) {
        if (name.equals(field)) {
          throw bug;
        }
        return super.get(name);
      }
    };
  }
}
