package io.guardwall.core.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "<!channel> => &lt;!channel&gt;",
        "<!here|here> => &lt;!here|here&gt;",
        "<@U123> => &lt;@U123&gt;",
        "<#C123> => &lt;#C123&gt;",
        "<http://evil.example|click me> => &lt;http://evil.example|click me&gt;",
        "Tom & Jerry => Tom &amp; Jerry",
        "&amp; => &amp;amp;",
        "plain text => plain text",
      })
  void escape_shouldNeutraliseMarkup_whenTextHasControlCharacters(String text, String expected) {
    assertThat(SlackMessages.escape(text)).isEqualTo(expected);
  }

  @Test
  void escape_shouldRejectNull() {
    assertThatThrownBy(() -> SlackMessages.escape(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void truncate_shouldKeepText_whenWithinTheLimit() {
    assertThat(SlackText.truncate("abc", 3)).isEqualTo("abc");
    assertThat(SlackText.truncate("", 0)).isEmpty();
  }

  @Test
  void truncate_shouldCutVisiblyToTheLimit_whenTooLong() {
    assertThat(SlackText.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(SlackText.truncate("abcdef", 1)).isEqualTo("…");
  }

  @Test
  void truncate_shouldNeverSplitAnEntity_atAnyCutPosition() {
    String escaped = SlackText.escape("a<b>c&d&&<<>>e");
    for (int max = 1; max < escaped.length(); max++) {
      String cut = SlackText.truncate(escaped, max);

      assertThat(cut).as("max %d", max).hasSizeLessThanOrEqualTo(max).endsWith("…");
      SlackFixtures.assertWholeEntities(cut);
      assertThat(escaped).startsWith(cut.substring(0, cut.length() - 1));
    }
  }

  @Test
  void truncate_shouldNeverSplitASurrogatePair_whenCuttingEmoji() {
    String emoji = "\uD83D\uDE00".repeat(5);
    for (int max = 1; max < emoji.length(); max++) {
      String cut = SlackText.truncate(emoji, max);

      assertThat(cut.substring(0, cut.length() - 1).length() % 2).as("max %d", max).isZero();
      assertThat(cut).hasSizeLessThanOrEqualTo(max);
    }
  }

  @Test
  void safe_shouldEscapeCapAndFillIn_whenTextIsHostileOrMissing() {
    assertThat(SlackText.safe(null, 10)).isEqualTo("—");
    assertThat(SlackText.safe("  ", 10)).isEqualTo("—");
    assertThat(SlackText.safe(" <b> ", 10)).isEqualTo("&lt;b&gt;");
    assertThat(SlackText.safe("<".repeat(100_000), 10)).isEqualTo("&lt;&lt;…");
  }

  @ParameterizedTest(name = "{0}/{1}/{2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "US | 64496 | Example Org | US · AS64496 Example Org",
        "US | null | Example Org | US · Example Org",
        "null | 64496 | null | AS64496",
        "null | null | null | ''",
        "<!channel> | AS<x> | A&B | &lt;!channel&gt; · AS&lt;x&gt; A&amp;B",
      })
  void whereabouts_shouldJoinKnownParts_whenSomeAreMissing(
      String country, String asn, String organization, String expected) {
    assertThat(SlackText.whereabouts(country, asn, organization)).isEqualTo(expected);
  }

  @Test
  void blocks_shouldCutEveryTextToItsLimit_whenGivenHugeText() {
    String huge = "x".repeat(100_000);

    assertThat(Blocks.header(huge).at("/text/text").textValue()).hasSize(150).endsWith("…");
    assertThat(Blocks.section(huge).at("/text/text").textValue()).hasSize(3000).endsWith("…");
    assertThat(Blocks.context(huge).at("/elements/0/text").textValue()).hasSize(3000);
    assertThat(Blocks.fields(java.util.Collections.nCopies(12, huge)).get("fields"))
        .hasSize(10)
        .allSatisfy(f -> assertThat(f.get("text").textValue()).hasSize(2000).endsWith("…"));
    assertThat(Blocks.payload(huge, java.util.List.of(Blocks.section("s"))).get("text").textValue())
        .hasSize(4000);
  }

  @Test
  void payload_shouldRefuseMoreThanFiftyBlocks() {
    java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> blocks =
        java.util.Collections.nCopies(51, Blocks.section("s"));

    assertThatThrownBy(() -> Blocks.payload("t", blocks))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most 50 blocks");
  }
}
