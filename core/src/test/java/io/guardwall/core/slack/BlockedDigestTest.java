package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.NOW;
import static io.guardwall.core.slack.SlackFixtures.allText;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocked;
import static io.guardwall.core.slack.SlackFixtures.strings;
import static io.guardwall.core.slack.SlackFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockedDigestTest {

  private final SlackMessages messages = new SlackMessages("./guardwall unblock");

  private JsonNode digest(BlockedIp... blocked) {
    SlackMessage message = messages.blockedDigest(List.of(blocked), NOW);
    assertWithinBlockKitLimits(message.payload());
    return message.payload();
  }

  private static BlockedIp with(
      String cidr,
      Instant expiresAt,
      String type,
      String country,
      String asn,
      String org,
      boolean sample) {
    return new BlockedIp(
        Cidr.parse(cidr), expiresAt, "f1", type, SeverityLevel.HIGH, country, asn, org, sample);
  }

  @Test
  void blockedDigest_shouldDescribeTheAddress_whenOneIsBlocked() {
    SlackMessage message =
        messages.blockedDigest(List.of(blocked("198.51.100.7", SeverityLevel.HIGH)), NOW);

    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.BLOCKED);
    assertThat(message.findingId()).isNull();
    JsonNode payload = message.payload();
    assertWithinBlockKitLimits(payload);
    assertThat(payload.get("text").textValue())
        .isEqualTo("guardwall blocked 1 address: 198.51.100.7");
    assertThat(payload.at("/blocks/0/type").textValue()).isEqualTo("header");
    assertThat(payload.at("/blocks/0/text/text").textValue())
        .isEqualTo(":no_entry_sign: guardwall blocked 1 address");
    assertThat(payload.at("/blocks/1/text/text").textValue())
        .isEqualTo(
            "*198.51.100.7*  US · AS64496 Example Org\n"
                + "Recon:EC2/PortProbeUnprotectedPort · HIGH · until 2026-11-28 18:00 UTC (in 12 h)\n"
                + "unblock: `./guardwall unblock 198.51.100.7/32`");
    assertThat(payload.get("blocks")).hasSize(2);
  }

  @Test
  void blockedDigest_shouldSayPinned_whenTheBlockNeverExpires() {
    JsonNode payload = digest(with("198.51.100.7", null, "T", "US", null, null, false));

    assertThat(allText(payload)).contains("T · HIGH · pinned").doesNotContain("until");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "2026-11-28T06:30:00Z, (in 30 min)",
    "2026-12-01T06:00:00Z, (in 3 days)",
    "2026-11-28T06:00:00Z, (expired)",
    "2026-11-27T06:00:00Z, (expired)",
  })
  void blockedDigest_shouldShowTimeLeft_relativeToNow(String expiresAt, String expected) {
    JsonNode payload =
        digest(with("198.51.100.7", Instant.parse(expiresAt), "T", null, null, null, false));

    assertThat(allText(payload)).contains(expected);
  }

  @Test
  void blockedDigest_shouldShowAddressAndUnblockCidr_whenIpv6OrANetwork() {
    JsonNode payload =
        digest(
            blocked("2001:db8::1", SeverityLevel.HIGH),
            blocked("203.0.113.0/24", SeverityLevel.HIGH));

    assertThat(allText(payload))
        .contains("*2001:db8::1*", "`./guardwall unblock 2001:db8::1/128`")
        .contains("*203.0.113.0/24*", "`./guardwall unblock 203.0.113.0/24`");
    assertThat(payload.get("text").textValue())
        .isEqualTo("guardwall blocked 2 addresses: 2001:db8::1, 203.0.113.0/24");
  }

  @Test
  void blockedDigest_shouldLabelSamples_whenTheFindingWasASample() {
    JsonNode payload =
        digest(
            with("198.51.100.7", NOW.plusSeconds(60), "T", null, null, null, true),
            blocked("198.51.100.8", SeverityLevel.HIGH));

    assertThat(allText(payload)).containsOnlyOnce("SAMPLE FINDING");
    assertThat(allText(payload)).contains("*198.51.100.7*  _(SAMPLE FINDING)_");
  }

  @Test
  void blockedDigest_shouldSayManualBlock_whenThereIsNoFinding() {
    JsonNode payload = digest(with("198.51.100.7", null, null, null, null, null, false));

    assertThat(allText(payload)).contains("*198.51.100.7*\nmanual block · HIGH · pinned");
  }

  @Test
  void blockedDigest_shouldListTheMostSevereFirstAndCountTheRest_whenMoreThanFit() {
    List<BlockedIp> blocked = new ArrayList<>();
    for (int i = 0; i < 110; i++) {
      blocked.add(blocked("198.51.100." + i, SeverityLevel.LOW));
    }
    for (int i = 0; i < 10; i++) {
      blocked.add(blocked("203.0.113." + i, SeverityLevel.CRITICAL));
    }

    JsonNode payload = messages.blockedDigest(blocked, NOW).payload();

    assertWithinBlockKitLimits(payload);
    String text = allText(payload);
    assertThat(text.split("unblock: ", -1)).hasSize(BlockedDigest.MAX_LISTED + 1);
    assertThat(text.indexOf("203.0.113.9")).isLessThan(text.indexOf("198.51.100.0"));
    List<String> texts = texts(payload);
    assertThat(texts.get(texts.size() - 1)).isEqualTo("…and 70 more");
    assertThat(payload.at("/blocks/0/text/text").textValue()).contains("120 addresses");
  }

  @Test
  void blockedDigest_shouldStayWithinLimits_whenThousandsOfAddressesAreBlocked() {
    List<BlockedIp> blocked = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      blocked.add(blocked("2001:db8::" + Integer.toHexString(i), SeverityLevel.MEDIUM));
    }

    JsonNode payload = messages.blockedDigest(blocked, NOW).payload();

    assertWithinBlockKitLimits(payload);
    String fallback = payload.get("text").textValue();
    assertThat(fallback).startsWith("guardwall blocked 5000 addresses: 2001:db8::,");
    assertThat(fallback).matches("(?s).*…and \\d+ more");
    int listed = fallback.split(",").length;
    assertThat(fallback).endsWith("…and " + (5000 - listed) + " more");
  }

  @Test
  void blockedDigest_shouldEscapeFindingText_whenItCarriesMentionsAndLinks() {
    JsonNode payload =
        digest(
            with(
                "198.51.100.7",
                null,
                "<!channel> Recon & <http://evil.example|click>",
                "<@U123>",
                "<!here>",
                "<#C999|general>",
                false));

    assertThat(strings(payload)).noneMatch(s -> s.contains("<"));
    assertThat(strings(payload)).noneMatch(s -> s.contains(">"));
    assertThat(allText(payload))
        .contains("&lt;!channel&gt; Recon &amp; &lt;http://evil.example|click&gt;")
        .contains("&lt;@U123&gt; · &lt;!here&gt; &lt;#C999|general&gt;");
  }

  @Test
  void blockedDigest_shouldCapEachPieceVisibly_whenFindingTextIsHuge() {
    String huge = "&".repeat(100_000);
    JsonNode payload = digest(with("198.51.100.7", null, huge, huge, huge, huge, false));

    String entry = payload.at("/blocks/1/text/text").textValue();
    assertThat(entry)
        .hasSizeLessThan(1000)
        .contains("…")
        .endsWith("`./guardwall unblock 198.51.100.7/32`");
    SlackFixtures.assertWholeEntities(entry);
  }

  @Test
  void blockedDigest_shouldMakeFindingTextInert_whenTypeAndWhereaboutsAreHostile() {
    String hostile = "*x* `y` @channel <!here> \u202Eexe\u0000 https://evil.example";

    JsonNode payload =
        digest(
            with("198.51.100.7", NOW.plusSeconds(3600), hostile, hostile, hostile, hostile, false));

    for (String text : strings(payload)) {
      assertThat(text).doesNotContain("*x*", "`y`", "@channel", "<!here>", "\u202E", "\u0000");
    }
    assertThat(allText(payload))
        .contains("＊x＊ ｀y｀ ＠channel &lt;!here&gt; exe https://evil.example");
  }

  @Test
  void blockedDigest_shouldEscapeTheUnblockHint_whenItHasControlCharacters() {
    SlackMessages odd = new SlackMessages("  gw <unblock> & ");

    JsonNode payload =
        odd.blockedDigest(List.of(blocked("198.51.100.7", SeverityLevel.LOW)), NOW).payload();

    assertThat(allText(payload)).contains("`gw &lt;unblock&gt; &amp; 198.51.100.7/32`");
  }

  @Test
  void blockedDigest_shouldReject_whenNothingOrNullIsGiven() {
    assertThatThrownBy(() -> messages.blockedDigest(List.of(), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> messages.blockedDigest(null, NOW))
        .isInstanceOf(NullPointerException.class);
    List<BlockedIp> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> messages.blockedDigest(withNull, NOW))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("blocked contains null");
    List<BlockedIp> one = List.of(blocked("198.51.100.7", SeverityLevel.LOW));
    assertThatThrownBy(() -> messages.blockedDigest(one, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void constructor_shouldRejectTheHint_whenMissingBlankOrHuge() {
    assertThatThrownBy(() -> new SlackMessages(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SlackMessages(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlackMessages("x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-100 chars");
  }

  @Test
  void blockedIp_shouldRequireAddressAndSeverity() {
    assertThatThrownBy(
            () -> new BlockedIp(null, null, null, null, SeverityLevel.LOW, null, null, null, false))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new BlockedIp(
                    Cidr.parse("198.51.100.7"), null, null, null, null, null, null, null, false))
        .isInstanceOf(NullPointerException.class);
    assertThat(blocked("198.51.100.7", SeverityLevel.LOW).pinned()).isFalse();
  }
}
