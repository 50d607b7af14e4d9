package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectionTest {

  private static final String URL = "https://hooks.example.test/services/" + StubSlack.SECRET;
  private final Webhook webhook = Webhook.parse(URL);

  @ParameterizedTest
  @CsvSource({
    "400, invalid_payload, the message, false",
    "400, invalid_blocks, the message, false",
    "400, no_text, the message, false",
    "400, too_many_attachments, the message, false",
    "404, no_service, the webhook, true",
    "400, no_service_id, the webhook, true",
    "404, no_team, the webhook, true",
    "404, team_disabled, the webhook, true",
    "403, invalid_token, the webhook, true",
    "404, channel_not_found, the webhook, true",
    "404, user_not_found, the webhook, true",
    "410, channel_is_archived, the webhook, true",
    "403, action_prohibited, the webhook, true",
    "403, posting_to_general_channel_denied, the webhook, true",
  })
  void of_shouldExplainSlacksErrorCodes(int status, String code, String what, boolean broken) {
    Rejection r = Rejection.of(status, code + "\n", webhook);

    assertThat(r.message())
        .startsWith("Slack rejected " + what + " (HTTP " + status + " " + code + "): ");
    assertThat(r.webhookBroken()).isEqualTo(broken);
  }

  @ParameterizedTest
  @CsvSource({
    "400, the message, false",
    "413, the message, false",
    "401, the webhook's token is invalid, true",
    "403, the webhook's token is invalid, true",
    "404, the webhook URL is wrong, true",
    "410, the webhook URL is wrong, true",
    "302, not how Slack's webhook endpoint answers, false",
    "422, not how Slack's webhook endpoint answers, false",
  })
  void of_shouldFallBackOnTheStatus_whenTheCodeIsUnknown(
      int status, String fragment, boolean broken) {
    Rejection r = Rejection.of(status, "some_new_code", webhook);

    assertThat(r.message()).contains("(HTTP " + status + " some_new_code)", fragment);
    assertThat(r.webhookBroken()).isEqualTo(broken);
  }

  @Test
  void of_shouldQuoteAShortCleanSnippet_whenTheBodyIsNotACode() {
    String body = "<html>\r\n<b>Gateway says</b> " + URL + " is gone\u0000" + "x".repeat(1_000_000);

    Rejection r = Rejection.of(418, body, webhook);

    assertThat(r.message())
        .startsWith(
            "Slack rejected the webhook (HTTP 418, body: <html> <b>Gateway says</b> <redacted> is gone x")
        .contains("...")
        .doesNotContain(StubSlack.SECRET, "\r", "\n", "\u0000")
        .hasSizeLessThan(300);
  }

  @Test
  void of_shouldSayNothingOfTheBody_whenItIsEmptyOrMissing() {
    assertThat(Rejection.of(404, "  ", webhook).message())
        .startsWith("Slack rejected the webhook (HTTP 404): ");
    assertThat(Rejection.of(404, null, webhook).message())
        .startsWith("Slack rejected the webhook (HTTP 404): ");
  }
}
