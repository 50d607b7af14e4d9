package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTest {

  private static final String URL = "https://hooks.example.test/services/" + StubSlack.SECRET;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "hooks.example.test/services/" + StubSlack.SECRET,
        "ftp://hooks.example.test/services/" + StubSlack.SECRET,
        "https:///services/" + StubSlack.SECRET,
        "https://hooks example/services/" + StubSlack.SECRET,
        "mailto:" + StubSlack.SECRET,
        "\u0000https://x/" + StubSlack.SECRET
      })
  void parse_shouldRejectNonHttpUrls_withoutQuotingThem(String url) {
    assertThatThrownBy(() -> Webhook.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http(s) URL")
        .satisfies(Secrets::assertNoSecret);
  }

  @Test
  void parse_shouldExplain_whenTheUrlIsMissing() {
    assertThatThrownBy(() -> Webhook.parse(null)).hasMessageContaining("missing");
  }

  @Test
  void parse_shouldAcceptSurroundingWhitespace() {
    assertThat(Webhook.parse("  " + URL + "\n").uri().toString()).isEqualTo(URL);
  }

  @Test
  void redact_shouldHideTheUrlAndItsPath_wheneverQuoted() {
    Webhook webhook = Webhook.parse(URL + "?token=abc123");

    assertThat(
            webhook.redact(
                "posting to " + URL + "?token=abc123 failed; path /services/" + StubSlack.SECRET))
        .isEqualTo("posting to <redacted> failed; path <redacted>")
        .doesNotContain("abc123");
    assertThat(webhook.redact("token=abc123")).isEqualTo("<redacted>");
  }

  @Test
  void toString_shouldHideTheUrl() {
    assertThat(Webhook.parse(URL)).hasToString("<redacted>");
  }
}
