package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure-alert function as the alarm topic's subscriber, given real SNS alarm events. */
class AlarmAlertsTest {

  private final Fixture f = new Fixture();
  private final AlertFailureHandler handler = new AlertFailureHandler(f.notifier, f.metrics);

  static JsonNode event(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            AlarmAlertsTest.class.getResourceAsStream("/alarms/" + name), name)) {
      return Fixture.JSON.readTree(in);
    }
  }

  @Test
  void handle_shouldPostOneAlarmMessage_whenAnAlarmFires() throws Exception {
    JsonNode out = handler.handle(event("alarm.json"));

    assertThat(out.path("alarmsPosted").asInt()).isOne();
    SlackMessage message = f.notifier.messages().get(0);
    assertThat(f.notifier.messages()).hasSize(1);
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.ALARM);
    assertThat(message.payload().path("text").asText())
        .isEqualTo(
            ":rotating_light: guardwall alarm: Guardwall-DeadLetterQueueNotEmpty is in ALARM");
    assertThat(message.payload().toString())
        .contains("redrive them (README: Alarms)", "OK → ALARM", "EU (Ireland)", "111122223333")
        .contains("2026-11-28T06:01:00.362+0000", "was greater than the threshold (0.0)")
        .contains("region=eu-west-1#alarmsV2:alarm/Guardwall-DeadLetterQueueNotEmpty");
    assertThat(f.metrics.value(AlertFailureHandler.ALARM_ALERTS_METRIC)).isOne();
  }

  @Test
  void handle_shouldPostTheRecovery_whenTheAlarmReturnsToOk() throws Exception {
    handler.handle(event("ok.json"));

    assertThat(f.notifier.messages())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.payload().path("text").asText())
                    .contains("Guardwall-DeadLetterQueueNotEmpty is OK again"));
  }

  @Test
  void handle_shouldPostNothing_whenANewAlarmSettlesToOk() throws Exception {
    JsonNode out = handler.handle(event("created.json"));

    assertThat(f.notifier.messages()).isEmpty();
    assertThat(out.path("alarmsSkipped").asInt()).isOne();
    assertThat(f.metrics.value(AlertFailureHandler.ALARM_ALERTS_METRIC)).isZero();
  }

  @Test
  void handle_shouldPostHostileAlarmTextInert() throws Exception {
    handler.handle(event("hostile.json"));

    String payload = f.notifier.messages().get(0).payload().toString();
    assertThat(payload)
        .doesNotContain("<!channel>", "@here", "*urgent*", "`rm", "<https://evil")
        .doesNotContain("\u202E", "\\u0000", "\\u001B")
        .contains("&lt;!channel&gt; ＠here ＊urgent＊ ｀rm -rf｀ evil[2J");
  }

  @ParameterizedTest
  @CsvSource({
    "not-json.json, SNS record 0 is not a CloudWatch alarm notification: its message is not JSON",
    "no-new-state.json, SNS record 0 is not a CloudWatch alarm notification: its message has no"
        + " NewStateValue",
  })
  void handle_shouldFailClearlyAndPostNothing_whenTheMessageIsNoAlarmNotification(
      String file, String error) throws Exception {
    JsonNode event = event(file);

    assertThatThrownBy(() -> handler.handle(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(error);
    assertThat(f.notifier.messages()).isEmpty();
  }

  @Test
  void handle_shouldNameTheBadState_withoutQuotingIt() throws Exception {
    JsonNode event = event("alarm.json");
    String message = event.at("/Records/0/Sns/Message").asText();
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.at("/Records/0/Sns"))
        .put(
            "Message",
            message.replace("\"NewStateValue\":\"ALARM\"", "\"NewStateValue\":\"<!here>\""));

    assertThatThrownBy(() -> handler.handle(event))
        .hasMessageContaining("NewStateValue is none of OK, ALARM, INSUFFICIENT_DATA")
        .hasMessageNotContaining("<!here>");
  }

  @Test
  void handle_shouldFailTheInvocation_whenSlackRejects_soLambdaRetriesIt() throws Exception {
    AlertFailureHandler failing =
        new AlertFailureHandler(
            m -> {
              throw new NotifyException("HTTP 500", null);
            },
            f.metrics);

    assertThatThrownBy(() -> failing.handle(event("alarm.json")))
        .isInstanceOf(NotifyException.class);
  }

  @Test
  void handle_shouldStillAlertTheStateMachineFailure_whenTheInputHasNoRecords() throws Exception {
    handler.handle(
        Fixture.json(
            "{\"stateMachine\":\"Maintenance\",\"execution\":\"arn:aws:states:x\","
                + "\"error\":{\"Error\":\"StoreException\",\"Cause\":\"throttled\"}}"));

    assertThat(f.notifier.messages())
        .singleElement()
        .extracting(SlackMessage::kind)
        .isEqualTo(SlackMessage.Kind.FAILURE);
  }

  @Test
  void handle_shouldRefuseAnSnsEventWithoutRecords() {
    assertThatThrownBy(() -> handler.handle(Fixture.json("{\"Records\":[]}")))
        .hasMessage("the SNS event has no records");
  }
}
