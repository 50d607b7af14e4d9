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
    assertThat(SlackText.escape(text)).isEqualTo(expected);
  }

  @Test
  void escape_shouldRejectNull() {
    assertThatThrownBy(() -> SlackText.escape(null)).isInstanceOf(NullPointerException.class);
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
  void safe_shouldDropControlBidiAndInvisibleCharacters() {
    assertThat(SlackText.safe("evil\u202Egnp.exe\u0000\u0007\u001B[2J\u007F", 100))
        .as("bidi override, NUL, BEL, ESC, DEL")
        .isEqualTo("evilgnp.exe[2J");
    assertThat(SlackText.safe("a\u200Bb\u200Dc\u2060d\uFEFFe\u2066f\u2069", 100))
        .as("zero-width, invisible and isolate characters")
        .isEqualTo("abcdef");
    assertThat(SlackText.safe("one\ntwo\r\nthree\tfour\u2028five", 100))
        .as("line breaks and tabs")
        .isEqualTo("one two  three four five");
    assertThat(SlackText.safe("x\u009B31m\u001B]8;;https://evil.example\u0007y", 100))
        .as("C1 controls and an OSC hyperlink")
        .isEqualTo("x31m]8;;https://evil.exampley");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "*bold* => ＊bold＊",
        "_italic_ => ＿italic＿",
        "~strike~ => ～strike～",
        "`code` => ｀code｀",
        "```block``` => ｀｀｀block｀｀｀",
        "> a forged quote => ＞ a forged quote",
        "a > b => a &gt; b",
        "@channel look => ＠channel look",
        "ping @Here and @EVERYONE => ping ＠Here and ＠EVERYONE",
        "<!channel> <!here> <!everyone> => &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;",
        "ops@example.com and @channels => ops@example.com and @channels",
        "https://evil.example/a?b=c => https://evil.example/a?b=c",
      })
  void safe_shouldNeutraliseFormattingAndBroadcastMentions(String raw, String inert) {
    assertThat(SlackText.safe(raw, 1_000)).isEqualTo(inert);
  }

  @Test
  void safe_shouldEscapeAfterMakingInert_soThatNoEntityOrMarkupIsAssembled() {
    assertThat(SlackText.safe("&\u0000lt;!channel&\u202Egt;", 100))
        .isEqualTo("&amp;lt;!channel&amp;gt;");
    assertThat(SlackText.safe("<\u200B!here>", 100)).isEqualTo("&lt;!here&gt;");
    assertThat(SlackText.safe("*\u0000*", 100)).isEqualTo("＊＊");
  }

  @Test
  void safe_shouldCutAfterEscaping_soThatTheResultFitsTheLimit() {
    String cut = SlackText.safe("<&".repeat(1_500), 100);

    assertThat(cut).hasSizeLessThanOrEqualTo(100).endsWith("…");
    SlackFixtures.assertWholeEntities(cut);
  }

  @Test
  void safe_shouldGiveADash_whenNothingVisibleIsLeft() {
    assertThat(SlackText.safe("\u202E\u0000\u200B \n", 10)).isEqualTo("—");
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
