package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.allText;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.slack.AlarmChange.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmAlertTest {

  private static final String ARN =
      "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:Guardwall-DeadLetterQueueNotEmpty";

  private static AlarmChange change(State from, State to) {
    return change("Guardwall-DeadLetterQueueNotEmpty", from, to, ARN);
  }

  private static AlarmChange change(String name, State from, State to, String arn) {
    return new AlarmChange(
        name,
        to,
        from,
        "guardwall: messages wait in the dead-letter queue; see the README",
        "Threshold Crossed: 1 out of the last 1 datapoints [3.0 (28/11/26 06:00:00)] was greater"
            + " than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).",
        "2026-11-28T06:01:00.000+0000",
        "111122223333",
        "EU (Ireland)",
        arn);
  }

  private static JsonNode alert(AlarmChange change) {
    SlackMessage message = SlackMessages.alarmAlert(change);
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.ALARM);
    assertWithinBlockKitLimits(message.payload());
    return message.payload();
  }

  @Test
  void alarmAlert_shouldNameTheAlarmStateReasonAndPlace_whenAnAlarmFires() {
    JsonNode payload = alert(change(State.OK, State.ALARM));

    assertThat(payload.get("text").textValue())
        .isEqualTo(
            ":rotating_light: guardwall alarm: Guardwall-DeadLetterQueueNotEmpty is in ALARM");
    assertThat(payload.at("/attachments/0/color").textValue()).isEqualTo(AlarmAlert.ALARM_COLOUR);
    assertThat(allText(payload))
        .contains("messages wait in the dead-letter queue; see the README")
        .contains("*State*\nOK → ALARM", "*Since*\n2026-11-28T06:01:00.000+0000")
        .contains("*Account*\n111122223333", "*Region*\nEU (Ireland)")
        .contains("*Reason:* Threshold Crossed: 1 out of the last 1 datapoints")
        .contains("OK -&gt; ALARM transition")
        .contains(
            "<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                + "#alarmsV2:alarm/Guardwall-DeadLetterQueueNotEmpty|Open the alarm in CloudWatch>");
  }

  @Test
  void alarmAlert_shouldSayRecovered_whenTheAlarmReturnsToOk() {
    JsonNode payload = alert(change(State.ALARM, State.OK));

    assertThat(payload.get("text").textValue()).contains(":white_check_mark:", "is OK again");
    assertThat(payload.at("/attachments/0/color").textValue()).isEqualTo(AlarmAlert.OK_COLOUR);
    assertThat(allText(payload)).contains("*State*\nALARM → OK");
  }

  @Test
  void alarmAlert_shouldSayTheStateIsUnknown_whenDataStopsDuringAnAlarm() {
    JsonNode payload = alert(change(State.ALARM, State.INSUFFICIENT_DATA));

    assertThat(payload.get("text").textValue()).contains("is INSUFFICIENT_DATA");
    assertThat(payload.at("/attachments/0/color").textValue()).isEqualTo(AlarmAlert.OTHER_COLOUR);
  }

  @Test
  void alarmAlert_shouldMakeEveryPartInert_whenTheAlarmQuotesHostileText() {
    String hostile = "<!channel> @here *b* `x` \u202Eevil\u0000\u001B[2J <https://evil.example|ok>";
    AlarmChange change =
        new AlarmChange(
            hostile, State.ALARM, State.OK, hostile, hostile, hostile, hostile, hostile, ARN);

    JsonNode payload = alert(change);

    for (String text : strings(payload)) {
      assertThat(text)
          .doesNotContain("<!channel>", "@here", "*b*", "`x`", "\u202E", "\u0000", "\u001B")
          .doesNotContain("<https://evil");
    }
    assertThat(allText(payload)).contains("&lt;!channel&gt; ＠here ＊b＊ ｀x｀ evil[2J");
    assertThat(allText(payload)).contains("#alarmsV2:alarm/%3C%21channel%3E%20%40here");
  }

  @Test
  void alarmAlert_shouldStayWithinBlockKitLimits_whenEveryTextIsHuge() {
    String huge = "<&".repeat(5_000);
    AlarmChange change =
        new AlarmChange(huge, State.OK, State.ALARM, huge, huge, huge, huge, huge, ARN);

    JsonNode payload = alert(change);

    SlackFixtures.texts(payload).forEach(SlackFixtures::assertWholeEntities);
    assertThat(payload.toString()).hasSizeLessThan(12_000);
  }

  @Test
  void alarmAlert_shouldFillInDashesAndLeaveOutTheLink_whenDetailsAreMissing() {
    AlarmChange change =
        new AlarmChange("X", State.OK, State.ALARM, null, null, null, null, null, null);

    JsonNode payload = alert(change);

    assertThat(allText(payload)).contains("*Since*\n—", "*Reason:* —").doesNotContain("http");
  }

  @ParameterizedTest
  @CsvSource({
    "arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:X",
    "arn:aws:cloudwatch:evil.example/#:111122223333:alarm:X",
    "arn:aws:sns:eu-west-1:111122223333:X",
  })
  void alarmAlert_shouldLeaveOutTheLink_whenTheArnIsNotACommercialRegionsAlarm(String arn) {
    JsonNode payload = alert(change("X", State.OK, State.ALARM, arn));

    assertThat(allText(payload)).doesNotContain("http");
  }

  @ParameterizedTest
  @CsvSource({
    "OK, ALARM, true",
    "INSUFFICIENT_DATA, ALARM, true",
    "ALARM, OK, true",
    "ALARM, INSUFFICIENT_DATA, true",
    "INSUFFICIENT_DATA, OK, false",
    "OK, INSUFFICIENT_DATA, false",
  })
  void entersOrLeavesAlarm_shouldHoldOnlyForChangesIntoOrOutOfAlarm(
      State from, State to, boolean worthPosting) {
    assertThat(change(from, to).entersOrLeavesAlarm()).isEqualTo(worthPosting);
  }

  @Test
  void alarmChange_shouldRefuseABlankName() {
    assertThatThrownBy(() -> change(" ", State.OK, State.ALARM, ARN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }
}
