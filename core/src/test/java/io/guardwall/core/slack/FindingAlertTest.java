package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.GD_ID;
import static io.guardwall.core.slack.SlackFixtures.allText;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocks;
import static io.guardwall.core.slack.SlackFixtures.finding;
import static io.guardwall.core.slack.SlackFixtures.remoteIp;
import static io.guardwall.core.slack.SlackFixtures.strings;
import static io.guardwall.core.slack.SlackFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FindingAlertTest {

  private static final String ASFF_ID =
      "arn:aws:securityhub:eu-west-1:123456789012:subscription/aws-foundational-security-best-practices"
          + "/v/1.0.0/EC2.19/finding/3f4e5d6c-aaaa-bbbb-cccc-0123456789ab";

  private final SlackMessages messages = new SlackMessages("./guardwall unblock");

  private JsonNode alert(Finding finding) {
    SlackMessage message = messages.findingAlert(finding, Optional.empty(), List.of());
    assertWithinBlockKitLimits(message.payload());
    return message.payload();
  }

  @Test
  void findingAlert_shouldShowTheFindingInAColouredAttachment_whenGuardDutyFinding() {
    SlackMessage message = messages.findingAlert(finding().build(), Optional.empty(), List.of());

    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.FINDING);
    assertThat(message.findingId()).isEqualTo(GD_ID);
    JsonNode payload = message.payload();
    assertWithinBlockKitLimits(payload);
    assertThat(payload.has("blocks")).isFalse();
    assertThat(payload.at("/attachments/0/color").textValue()).isEqualTo("#E01E5A");
    assertThat(payload.get("text").textValue())
        .isEqualTo(
            "HIGH GuardDuty finding Recon:EC2/PortProbeUnprotectedPort:"
                + " Unprotected port on EC2 instance i-99999999 is being probed.");
    assertThat(texts(payload))
        .containsExactly(
            "HIGH · GuardDuty finding",
            "*Unprotected port on EC2 instance i-99999999 is being probed.*\n"
                + "EC2 instance has an unprotected port which is being probed by a known malicious host.",
            "*Type*\nRecon:EC2/PortProbeUnprotectedPort",
            "*Severity*\nHIGH (8.0)",
            "*Account*\n123456789012",
            "*Region*\nus-east-1",
            "*Resource*\ni-99999999",
            "*Product*\nGuardDuty",
            "*Finding ID*\n" + GD_ID,
            "*Remote IPs*\n• `198.51.100.7` — US · AS64496 Example Org (inbound network connection)",
            "<https://us-east-1.console.aws.amazon.com/guardduty/home?region=us-east-1#/findings?fId="
                + GD_ID
                + "|Open in the GuardDuty console>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CRITICAL, #8B0000",
    "HIGH, #E01E5A",
    "MEDIUM, #ECB22E",
    "LOW, #2EB67D",
    "INFORMATIONAL, #9E9E9E",
  })
  void findingAlert_shouldColourBySeverity_forEachLevel(SeverityLevel level, String colour) {
    JsonNode payload = alert(finding().severity(new Severity(level, null)).build());

    assertThat(payload.at("/attachments/0/color").textValue()).isEqualTo(colour);
    assertThat(texts(payload).get(0)).isEqualTo(level + " · GuardDuty finding");
  }

  @Test
  void findingAlert_shouldLabelTheSampleVisibly_whenTheFindingIsASample() {
    Finding.Builder sample = finding();
    sample.sample(true);

    JsonNode payload = alert(sample.build());

    assertThat(payload.get("text").textValue())
        .startsWith("[SAMPLE FINDING] HIGH GuardDuty finding");
    assertThat(texts(payload).get(1)).contains("*SAMPLE FINDING*");
    assertThat(allText(alert(finding().build()))).doesNotContain("SAMPLE");
  }

  @Test
  void findingAlert_shouldLinkToSecurityHub_withTheAsffIdEncodedLikeTheFilter() {
    Finding.Builder hub = finding();
    hub.origin(Origin.SECURITYHUB);
    hub.region("eu-west-1");
    hub.arn(ASFF_ID);

    JsonNode payload = alert(hub.build());

    String link = texts(payload).get(texts(payload).size() - 1);
    String prefix =
        "<https://eu-west-1.console.aws.amazon.com/securityhub/home?region=eu-west-1#/findings?search="
            + "Id%3D%255Coperator%255C%253AEQUALS%255C%253A";
    assertThat(link)
        .isEqualTo(
            prefix
                + "arn%253Aaws%253Asecurityhub%253Aeu-west-1%253A123456789012%253Asubscription"
                + "%252Faws-foundational-security-best-practices%252Fv%252F1.0.0%252FEC2.19%252Ffinding"
                + "%252F3f4e5d6c-aaaa-bbbb-cccc-0123456789ab|Open in the Security Hub console>");
    String search = link.substring(link.indexOf("search=") + 7, link.indexOf('|'));
    assertThat(decode(decode(search))).isEqualTo("Id=\\operator\\:EQUALS\\:" + ASFF_ID);
    assertThat(texts(payload).get(0)).isEqualTo("HIGH · Security Hub finding");
  }

  @Test
  void findingAlert_shouldLinkWithTheIdAndEncodeIt_whenSecurityHubFindingHasNoArn() {
    Finding.Builder hub = finding();
    hub.origin(Origin.SECURITYHUB);
    hub.arn(null);
    hub.id("id with space/|>");

    String link = texts(alert(hub.build())).get(texts(alert(hub.build())).size() - 1);

    assertThat(link).contains("EQUALS%255C%253Aid%2520with%2520space%252F%257C%253E|Open");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"evil.example.com/#", "us-east-1.evil.example", "US-EAST-1", "", "us-east-1|x"})
  void findingAlert_shouldOmitTheConsoleLink_whenTheRegionIsNotAnAwsRegion(String region) {
    Finding.Builder odd = finding();
    odd.region(region);

    JsonNode payload = alert(odd.build());

    assertThat(strings(payload)).noneMatch(s -> s.contains("<") || s.contains("console.aws"));
  }

  @Test
  void findingAlert_shouldOmitTheConsoleLink_whenTheFindingIsManual() {
    Finding.Builder manual = finding();
    manual.origin(Origin.MANUAL);

    assertThat(strings(alert(manual.build()))).noneMatch(s -> s.contains("console.aws"));
  }

  @Test
  void findingAlert_shouldEscapeEveryPieceOfFindingText_whenItCarriesMarkup() {
    String hostile = "<!channel> <@U123> <http://evil.example|click> & <!here>";
    Finding.Builder evil = finding();
    evil.type(hostile);
    evil.title(hostile);
    evil.description(hostile);
    evil.accountId(hostile);
    evil.resource(hostile);
    evil.product(hostile);
    evil.id(hostile);
    evil.remoteIps(
        List.of(
            new RemoteIp(
                Cidr.ofAddress("198.51.100.7"),
                IpSource.PORT_PROBE,
                hostile,
                hostile,
                hostile,
                hostile)));

    JsonNode payload = alert(evil.build());

    String consoleLink =
        "<https://us-east-1.console.aws.amazon.com/guardduty/home?region=us-east-1#/findings?fId=";
    for (String text : strings(payload)) {
      boolean link = text.startsWith(consoleLink);
      String checked =
          link ? text.substring(consoleLink.length(), text.lastIndexOf("|Open")) : text;
      assertThat(checked).as(text).doesNotContain("<").doesNotContain(">");
      if (link) {
        assertThat(checked).as("link target").doesNotContain("|").doesNotContain(" ");
      }
    }
    assertThat(allText(payload))
        .contains(
            "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.example|click&gt; &amp; &lt;!here&gt;");
    assertThat(payload.get("text").textValue()).doesNotContain("<");
  }

  /** An alert whose every piece of finding text is {@code text}. */
  private JsonNode alertSaying(String text) {
    Finding.Builder evil = finding();
    evil.type(text);
    evil.title(text);
    evil.description(text);
    evil.accountId(text);
    evil.resource(text);
    evil.product(text);
    evil.remoteIps(
        List.of(
            new RemoteIp(
                Cidr.ofAddress("198.51.100.7"), IpSource.PORT_PROBE, text, text, text, text)));
    return alert(evil.build());
  }

  @Test
  void findingAlert_shouldDropBidiNulAndControlCharacters_whenFindingTextCarriesThem() {
    JsonNode payload = alertSaying("invoice\u202Efdp.exe\u0000\u0007\u001B[2J\u200B\u009B");

    for (String text : strings(payload)) {
      assertThat(text).doesNotContain("\u202E", "\u0000", "\u0007", "\u001B", "\u200B", "\u009B");
    }
    assertThat(allText(payload)).contains("invoicefdp.exe[2J");
  }

  @Test
  void findingAlert_shouldNeutraliseMrkdwnFormatting_whenFindingTextCarriesIt() {
    JsonNode payload = alertSaying("*bold* _italic_ ~strike~ `code` ```block```");

    for (String text : strings(payload)) {
      assertThat(text).doesNotContain("*bold*", "_italic_", "~strike~", "`code`", "```block");
    }
    assertThat(allText(payload)).contains("＊bold＊ ＿italic＿ ～strike～ ｀code｀ ｀｀｀block｀｀｀");
  }

  @Test
  void findingAlert_shouldNotPingTheChannel_whenFindingTextCarriesBroadcastMentions() {
    JsonNode payload = alertSaying("@channel @here @everyone <!channel> <!here|here> <!everyone>");

    for (String text : strings(payload)) {
      assertThat(text).doesNotContain("@channel", "@here", "@everyone", "<!");
    }
    assertThat(payload.get("text").textValue()).contains("＠channel ＠here ＠everyone");
  }

  @Test
  void findingAlert_shouldLeaveBareUrlsUnlinked_inVerbatimMrkdwn() {
    JsonNode payload = alertSaying("log in at https://evil.example/login or www.evil.example");

    // assertWithinBlockKitLimits (in alert) checks that every mrkdwn object is verbatim
    assertThat(allText(payload))
        .contains("log in at https://evil.example/login or www.evil.example")
        .doesNotContain("<https://evil", "<http://www.evil");
  }

  @Test
  void findingAlert_shouldNotStartAQuote_whenFindingTextStartsWithGreaterThan() {
    Finding.Builder quoting = finding();
    quoting.description("> Verified by AWS Security");

    assertThat(allText(alert(quoting.build()))).contains("\n＞ Verified by AWS Security");
  }

  @Test
  void findingAlert_shouldTruncateVisiblyAtEachLimit_whenFindingTextIsHuge() {
    Finding.Builder huge = finding();
    huge.title("&".repeat(100_000));
    huge.description("<".repeat(100_000));
    huge.resource("r".repeat(100_000));
    huge.type("t".repeat(100_000));
    huge.id("i".repeat(100_000));

    JsonNode payload = alert(huge.build());

    String titleAndDescription = texts(payload).get(1);
    assertThat(titleAndDescription).hasSizeLessThanOrEqualTo(3000).endsWith("…");
    assertThat(titleAndDescription.substring(0, titleAndDescription.indexOf('\n'))).endsWith("…*");
    SlackFixtures.assertWholeEntities(titleAndDescription);
    assertThat(texts(payload).subList(2, 9))
        .allSatisfy(field -> assertThat(field).hasSizeLessThanOrEqualTo(2000));
    assertThat(texts(payload).get(6)).startsWith("*Resource*\nrrr").endsWith("…");
    assertThat(payload.get("text").textValue()).hasSizeLessThanOrEqualTo(4000).endsWith("…");
    SlackFixtures.assertWholeEntities(payload.get("text").textValue());
  }

  @Test
  void findingAlert_shouldListRemoteIpsAndCountTheRest_whenThereAreTooManyForOneSection() {
    List<RemoteIp> ips = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ips.add(remoteIp("2001:db8::" + Integer.toHexString(i)));
    }
    Finding.Builder many = finding().remoteIps(ips);

    JsonNode payload = alert(many.build());

    String section = texts(payload).get(9);
    assertThat(section)
        .startsWith("*Remote IPs*\n• `2001:db8::` — US")
        .hasSizeLessThanOrEqualTo(3000);
    int listed = section.split("\n• ", -1).length - 1;
    assertThat(listed).isGreaterThan(10);
    assertThat(section).endsWith("\n…and " + (2000 - listed) + " more");
  }

  @Test
  void findingAlert_shouldSayNone_whenTheFindingNamesNoRemoteIp() {
    Finding.Builder none = finding();
    none.remoteIps(List.of());

    assertThat(texts(alert(none.build())).get(9)).isEqualTo("*Remote IPs*\nnone");
  }

  @Test
  void findingAlert_shouldFillInDashes_whenOptionalFieldsAreMissing() {
    Finding.Builder sparse = finding();
    sparse.title(null);
    sparse.description(" ");
    sparse.accountId(null);
    sparse.resource(null);
    sparse.product(null);
    sparse.remoteIps(List.of(RemoteIp.of(Cidr.ofAddress("198.51.100.7"), IpSource.OTHER)));

    JsonNode payload = alert(sparse.build());

    assertThat(texts(payload))
        .contains(
            "*—*\n—", "*Account*\n—", "*Resource*\n—", "*Remote IPs*\n• `198.51.100.7` (other)");
  }

  @Test
  void findingAlert_shouldRejectNull() {
    assertThatThrownBy(() -> messages.findingAlert(null, Optional.empty(), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void payloads_shouldHaveOnlyKnownBlockTypes_whenRendered() {
    assertThat(blocks(alert(finding().build())))
        .extracting(b -> b.get("type").textValue())
        .containsExactly("header", "section", "section", "section", "context");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
