package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.NOW;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocked;
import static io.guardwall.core.slack.SlackFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clicked message rebuilt with the clicked menu replaced by what was done. */
class ReplacedMessageTest {

  private static final Cidr CLICKED = Cidr.parse("203.0.113.2/32");
  private static final String LINE = "✓ <@U1> unblocked `203.0.113.2/32` at 2026-11-28 06:00 UTC";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static ObjectNode digest(int addresses) {
    List<BlockedIp> blocked = new ArrayList<>();
    for (int i = 1; i <= addresses; i++) {
      blocked.add(blocked("203.0.113." + i + "/32", SeverityLevel.HIGH));
    }
    return new SlackMessages("guardwall unblock", true).blockedDigest(blocked, NOW).payload();
  }

  private static List<String> menuCidrs(JsonNode blocks) {
    List<String> cidrs = new ArrayList<>();
    blocks.forEach(
        b -> {
          if (b.has("accessory")) {
            cidrs.add(b.at("/accessory/options/0/value").asText().split(" ")[1]);
          }
        });
    return cidrs;
  }

  @Test
  void of_shouldReplaceTheClickedMenuWithTheDoneLine_whenTheDigestHasIt() {
    ObjectNode original = digest(3);

    ObjectNode replaced = ReplacedMessage.of(original, CLICKED, LINE).orElseThrow();

    assertThat(replaced.get("replace_original").asBoolean()).isTrue();
    assertThat(replaced.get("text")).isEqualTo(original.get("text"));
    JsonNode blocks = replaced.get("blocks");
    assertThat(blocks.size()).isEqualTo(original.get("blocks").size() + 1);
    assertThat(menuCidrs(blocks)).containsExactly("203.0.113.1/32", "203.0.113.3/32");
    int entry = 2;
    assertThat(blocks.get(entry).at("/text/text").asText()).startsWith("*203.0.113.2*");
    assertThat(blocks.get(entry + 1).get("type").asText()).isEqualTo("context");
    assertThat(blocks.get(entry + 1).at("/elements/0/text").asText()).isEqualTo(LINE);
    assertWithinBlockKitLimits(replaced);
  }

  @Test
  void of_shouldLeaveTheOriginalUntouched_whenItReplaces() {
    ObjectNode original = digest(2);
    String before = original.toString();

    ReplacedMessage.of(original, CLICKED, LINE);

    assertThat(original.toString()).isEqualTo(before);
  }

  @Test
  void of_shouldReplaceInsideTheAttachment_whenTheFindingAlertCarriesTheMenu() {
    ObjectNode alert = FindingAlert.payload(finding().build(), Optional.empty(), List.of(CLICKED));

    ObjectNode replaced = ReplacedMessage.of(alert, CLICKED, LINE).orElseThrow();

    JsonNode attachment = replaced.at("/attachments/0");
    assertThat(attachment.get("color")).isEqualTo(alert.at("/attachments/0/color"));
    assertThat(menuCidrs(attachment.get("blocks"))).isEmpty();
    assertThat(SlackFixtures.allText(replaced)).contains(LINE);
    assertWithinBlockKitLimits(replaced);
  }

  @Test
  void of_shouldBeEmpty_whenNoMenuIsForTheAddress() {
    assertThat(ReplacedMessage.of(digest(3), Cidr.parse("198.51.100.9/32"), LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenAMenuOnlyNamesALargerNetwork() {
    assertThat(ReplacedMessage.of(digest(3), Cidr.parse("203.0.113.0/24"), LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenTheMessageHasNoBlocks() {
    ObjectNode original = JSON.objectNode().put("text", "hello");

    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenTheMessageIsNotAnObject() {
    assertThat(ReplacedMessage.of(JSON.arrayNode(), CLICKED, LINE)).isEmpty();
    assertThat(ReplacedMessage.of(JSON.textNode("x"), CLICKED, LINE)).isEmpty();
    assertThat(ReplacedMessage.of(JSON.nullNode(), CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenBlocksIsNotAnArray() {
    ObjectNode original = digest(2);
    original.put("blocks", "not blocks");

    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenABlockIsNotAnObject() {
    ObjectNode original = digest(2);
    ((ArrayNode) original.get("blocks")).add(42);

    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenAttachmentsAreMalformed() {
    ObjectNode alert = FindingAlert.payload(finding().build(), Optional.empty(), List.of(CLICKED));
    ObjectNode notArray = alert.deepCopy().put("attachments", "x");
    ObjectNode noBlocks = alert.deepCopy();
    ((ObjectNode) noBlocks.at("/attachments/0")).remove("blocks");
    ObjectNode notObject = alert.deepCopy();
    ((ArrayNode) notObject.get("attachments")).add("x");

    assertThat(ReplacedMessage.of(notArray, CLICKED, LINE)).isEmpty();
    assertThat(ReplacedMessage.of(noBlocks, CLICKED, LINE)).isEmpty();
    assertThat(ReplacedMessage.of(notObject, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenTheReplacementWouldExceedFiftyBlocks() {
    ObjectNode original = digest(3);
    ArrayNode blocks = (ArrayNode) original.get("blocks");
    while (blocks.size() < BlockKitLimits.MAX_BLOCKS) {
      blocks.add(Blocks.context("filler"));
    }

    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenTheMessageHasMoreThanFiftyBlocks() {
    ObjectNode original = digest(3);
    ArrayNode blocks = (ArrayNode) original.get("blocks");
    while (blocks.size() <= BlockKitLimits.MAX_BLOCKS) {
      blocks.insert(0, Blocks.context("filler"));
    }

    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldBeEmpty_whenTheMessageIsHuge() {
    ObjectNode original = digest(3);
    original.put("text", "é".repeat(ReplacedMessage.MAX_BYTES / 2));

    assertThat(ReplacedMessage.fits(original)).isFalse();
    assertThat(ReplacedMessage.of(original, CLICKED, LINE)).isEmpty();
  }

  @Test
  void of_shouldMakeEveryMrkdwnTextVerbatim_whenSlackSentItBackWithout() {
    ObjectNode original = digest(2);
    ((ObjectNode) original.at("/blocks/1/text")).put("verbatim", false);

    ObjectNode replaced = ReplacedMessage.of(original, CLICKED, LINE).orElseThrow();

    assertThat(replaced.at("/blocks/1/text/verbatim").asBoolean()).isTrue();
  }

  @Test
  void of_shouldUseTheDoneLineAsFallbackText_whenTheOriginalHasNone() {
    ObjectNode original = digest(2);
    original.remove("text");

    assertThat(ReplacedMessage.of(original, CLICKED, LINE).orElseThrow().get("text").asText())
        .isEqualTo(LINE);
  }

  @Test
  void isFor_shouldMatchOnlyGuardwallsMenuForThatAddress() {
    ObjectNode menu = ActionMenu.overflow(CLICKED);
    ObjectNode otherId = menu.deepCopy().put("action_id", "someone.else");
    ObjectNode button = menu.deepCopy().put("type", "button");
    ObjectNode mixed = menu.deepCopy();
    ((ObjectNode) mixed.at("/options/1")).put("value", "extend 198.51.100.9/32");
    ObjectNode noOptions = menu.deepCopy();
    noOptions.putArray("options");

    assertThat(ActionMenu.isFor(menu, CLICKED)).isTrue();
    assertThat(ActionMenu.isFor(menu, Cidr.parse("203.0.113.3/32"))).isFalse();
    assertThat(ActionMenu.isFor(otherId, CLICKED)).isFalse();
    assertThat(ActionMenu.isFor(button, CLICKED)).isFalse();
    assertThat(ActionMenu.isFor(mixed, CLICKED)).isFalse();
    assertThat(ActionMenu.isFor(noOptions, CLICKED)).isFalse();
    assertThat(ActionMenu.isFor(JSON.missingNode(), CLICKED)).isFalse();
  }

  @Test
  void done_shouldReplaceTheOriginal_whenItCarriesTheMenu() {
    ObjectNode reply =
        ActionReply.done(
            "U0123ABCD",
            "renée",
            Verb.UNBLOCK,
            CLICKED,
            Instant.parse("2026-11-28T12:01:00Z"),
            Optional.of(digest(2)));

    assertThat(reply.get("replace_original").asBoolean()).isTrue();
    assertThat(reply.has("response_type")).isFalse();
    assertThat(SlackFixtures.allText(reply))
        .contains("✓ <@U0123ABCD> unblocked `203.0.113.2/32` at 2026-11-28 12:01 UTC");
  }

  @Test
  void done_shouldPostInTheChannel_whenThereIsNoOriginal() {
    ObjectNode reply =
        ActionReply.done("U0123ABCD", "renée", Verb.PIN, CLICKED, NOW, Optional.empty());

    assertThat(reply.get("replace_original").asBoolean()).isFalse();
    assertThat(reply.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(reply.get("text").asText())
        .isEqualTo("✓ <@U0123ABCD> pinned the block on `203.0.113.2/32` at 2026-11-28 06:00 UTC");
  }

  @Test
  void done_shouldShowTheInertName_whenTheUserIdIsNotASlackId() {
    ObjectNode reply =
        ActionReply.done(
            "<!channel>", "*eve* <@U999>", Verb.UNBLOCK, CLICKED, NOW, Optional.of(digest(2)));

    String text = SlackFixtures.allText(reply);
    assertThat(text).doesNotContain("<!channel>").doesNotContain("<@U999>").doesNotContain("*eve*");
    assertThat(text).contains("&lt;@U999&gt;");
  }

  @Test
  void refused_shouldBeEphemeralAndNeverReplace() {
    ObjectNode reply = ActionReply.refused("not in the blocklist");

    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
  }
}
