package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.NOW;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.SeverityLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Unblock / Extend / Pin / Allow menu on digest entries when interactivity is set up. */
class ActionMenuTest {

  private static JsonNode digest(boolean menus, int addresses) {
    List<BlockedIp> blocked = new ArrayList<>();
    for (int i = 0; i < addresses; i++) {
      blocked.add(blocked("203.0." + (i / 250) + "." + (i % 250 + 1) + "/32", SeverityLevel.HIGH));
    }
    JsonNode payload =
        new SlackMessages("guardwall unblock", menus).blockedDigest(blocked, NOW).payload();
    assertWithinBlockKitLimits(payload);
    return payload;
  }

  private static List<JsonNode> menus(JsonNode payload) {
    List<JsonNode> menus = new ArrayList<>();
    payload
        .get("blocks")
        .forEach(
            b -> {
              if (b.has("accessory")) {
                menus.add(b.get("accessory"));
              }
            });
    return menus;
  }

  @Test
  void blockedDigest_shouldCarryNoMenu_whenInteractivityIsOff() {
    assertThat(menus(digest(false, 3))).isEmpty();
  }

  @Test
  void blockedDigest_shouldGiveEachAddressAConfirmedMenu_whenInteractivityIsOn() {
    List<JsonNode> menus = menus(digest(true, 2));

    assertThat(menus).hasSize(2);
    JsonNode menu = menus.get(0);
    assertThat(menu.get("type").asText()).isEqualTo("overflow");
    assertThat(menu.get("action_id").asText()).isEqualTo(ActionMenu.ACTION_ID);
    List<String> values = new ArrayList<>();
    menu.get("options").forEach(o -> values.add(o.get("value").asText()));
    assertThat(values)
        .containsExactly(
            "unblock 203.0.0.1/32",
            "extend 203.0.0.1/32",
            "pin 203.0.0.1/32",
            "allow 203.0.0.1/32");
    menu.get("options")
        .forEach(o -> assertThat(o.at("/text/text").asText()).hasSizeLessThanOrEqualTo(75));
    assertThat(menu.get("options").size()).isLessThanOrEqualTo(5);
    assertThat(menu.at("/confirm/style").asText()).isEqualTo("danger");
    assertThat(menu.at("/confirm/text/text").asText()).contains("203.0.0.1").hasSizeLessThan(300);
  }

  @Test
  void blockedDigest_shouldStayWithin50Blocks_andSaySo_whenMoreAddressesThanMenusFit() {
    JsonNode payload = digest(true, BlockedDigest.MAX_LISTED);

    assertThat(menus(payload)).hasSize(BlockedDigest.MAX_MENUS);
    assertThat(payload.get("blocks").size()).isLessThanOrEqualTo(BlockKitLimits.MAX_BLOCKS);
    assertThat(payload.toString()).contains("have no menu");
    assertThat(payload.toString()).contains("203.0.0.50/32");
  }
}
