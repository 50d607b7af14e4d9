package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.NOW;
import static io.guardwall.core.slack.SlackFixtures.allText;
import static io.guardwall.core.slack.SlackFixtures.assertWithinBlockKitLimits;
import static io.guardwall.core.slack.SlackFixtures.blocked;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.SeverityLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedDigestsTest {

  private final SlackMessages messages = new SlackMessages("guardwall unblock");

  @Test
  void blockedDigests_shouldListEveryAddressAcrossMessages_whenMoreThanOneDigestHolds() {
    List<BlockedIp> ips = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ips.add(blocked("11.0." + i + ".1/32", SeverityLevel.values()[i % 5]));
    }
    List<SlackMessage> digests = messages.blockedDigests(ips, NOW);
    assertThat(digests).hasSize(3);
    String all = String.join("\n", digests.stream().map(m -> allText(m.payload())).toList());
    ips.forEach(ip -> assertThat(all).contains("*" + ip.cidr().display() + "*"));
    assertThat(all).doesNotContain("more");
    digests.forEach(m -> assertWithinBlockKitLimits(m.payload()));
  }

  @Test
  void blockedDigests_shouldBeEmpty_whenNothingBlocked() {
    assertThat(messages.blockedDigests(List.of(), NOW)).isEmpty();
  }
}
