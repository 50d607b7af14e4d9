package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocks;
import static io.guardwall.core.slack.SlackFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The action menus on a finding alert that blocked something. */
class FindingAlertMenuTest {

  private static JsonNode alert(boolean menus, List<Cidr> blocked) {
    JsonNode payload =
        new SlackMessages("guardwall unblock", menus)
            .findingAlert(finding().build(), Optional.empty(), blocked)
            .payload();
    assertWithinBlockKitLimits(payload);
    return payload;
  }

  private static List<String> menuValues(JsonNode payload) {
    List<String> values = new ArrayList<>();
    for (JsonNode block : blocks(payload)) {
      if (block.has("accessory")) {
        assertThat(block.at("/accessory/action_id").asText()).isEqualTo(ActionMenu.ACTION_ID);
        values.add(block.at("/accessory/options/0/value").asText());
      }
    }
    return values;
  }

  private static List<Cidr> addresses(int n) {
    List<Cidr> cidrs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cidrs.add(Cidr.parse("198.51." + (i / 250) + "." + (i % 250 + 1) + "/32"));
    }
    return cidrs;
  }

  @Test
  void findingAlert_shouldCarryAMenuPerBlockedAddress_whenMenusAreOn() {
    JsonNode payload = alert(true, addresses(2));

    assertThat(menuValues(payload))
        .containsExactly("unblock 198.51.0.1/32", "unblock 198.51.0.2/32");
    assertThat(payload.at("/attachments/0/blocks/0/type").asText()).isEqualTo("header");
  }

  @Test
  void findingAlert_shouldCarryNoMenu_whenTheFindingOnlyNotifies() {
    assertThat(menuValues(alert(true, List.of()))).isEmpty();
  }

  @Test
  void findingAlert_shouldCarryNoMenu_whenMenusAreOff() {
    assertThat(menuValues(alert(false, addresses(3)))).isEmpty();
  }

  @Test
  void findingAlert_shouldListEachAddressOnce_whenItWasBlockedTwice() {
    Cidr once = Cidr.parse("198.51.100.7/32");

    assertThat(menuValues(alert(true, List.of(once, once)))).hasSize(1);
  }

  @Test
  void findingAlert_shouldCapMenusAndCountTheRest_whenItBlockedMoreThanFit() {
    JsonNode payload = alert(true, addresses(FindingAlert.MAX_MENUS + 5));

    assertThat(menuValues(payload)).hasSize(FindingAlert.MAX_MENUS);
    assertThat(SlackFixtures.allText(payload)).contains(SlackText.more(5) + " blocked");
  }

  @Test
  void findingAlert_shouldStayWithinFiftyBlocks_whenEveryOptionalBlockIsThere() {
    JsonNode payload =
        new SlackMessages("guardwall unblock", true)
            .findingAlert(
                finding().sample(true).build(),
                Optional.of("the actor is a known scanner"),
                addresses(200))
            .payload();

    assertWithinBlockKitLimits(payload);
    assertThat(menuValues(payload)).hasSize(FindingAlert.MAX_MENUS);
  }
}
