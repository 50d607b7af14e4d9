package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.allText;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.strings;
import static io.guardwall.core.slack.SlackFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FailureAlertTest {

  private static JsonNode alert(String machine, String execution, String error, String cause) {
    SlackMessage message = SlackMessages.failureAlert(machine, execution, error, cause);
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.FAILURE);
    assertWithinBlockKitLimits(message.payload());
    return message.payload();
  }

  @Test
  void failureAlert_shouldNameTheMachineErrorExecutionAndCause() {
    JsonNode payload =
        alert("Block", "arn:aws:states:us-east-1:1:execution:b:1", "StoreException", "throttled");

    assertThat(payload.get("text").textValue()).contains("guardwall: Block failed");
    assertThat(allText(payload))
        .contains("*Error:* `StoreException`")
        .contains("arn:aws:states:us-east-1:1:execution:b:1")
        .contains("*Cause:*\n```throttled```");
  }

  @Test
  void failureAlert_shouldStayWithinTheSectionLimit_whenTheCauseIsFullOfMarkupToEscape() {
    // escaped before the fix's order, 3,000 chars of "<&" grew to about 13,500
    JsonNode payload = alert("Block", "e", "Error", "<&".repeat(1_500));

    String cause = texts(payload).get(2);
    assertThat(cause).hasSizeLessThanOrEqualTo(3_000).startsWith("*Cause:*").endsWith("…```");
    SlackFixtures.assertWholeEntities(cause);
  }

  @Test
  void failureAlert_shouldMakeEveryPartInert_whenItQuotesHostileText() {
    String hostile = "<!channel> @here *b* `x` \u202Eevil\u0000\u001B[2J https://evil.example";

    JsonNode payload = alert(hostile, hostile, hostile, hostile);

    for (String text : strings(payload)) {
      assertThat(text)
          .doesNotContain("<!channel>", "@here", "*b*", "`x`", "\u202E", "\u0000", "\u001B");
    }
    assertThat(allText(payload)).contains("&lt;!channel&gt; ＠here ＊b＊ ｀x｀ evil[2J");
  }

  @Test
  void failureAlert_shouldFillInDashes_whenPartsAreMissing() {
    JsonNode payload = alert(null, null, null, null);

    assertThat(allText(payload)).contains("guardwall: — failed", "*Cause:*\n```—```");
  }
}
