package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The maintenance run's summary: the blocks that expired, the entries that do not fit the rule
 * group, and how many newly blocked addresses its digests could not list; stateless. Only CIDRs and
 * counts are shown, so no outside text reaches it.
 */
final class MaintenanceSummary {

  /** More CIDRs than this per list make the message too long to read; the rest are counted. */
  static final int MAX_LISTED = 50;

  private MaintenanceSummary() {}

  static ObjectNode payload(
      List<Cidr> expired, int expiredCount, List<Cidr> evicted, int evictedCount, int unlisted) {
    List<ObjectNode> blocks = new ArrayList<>();
    List<String> fallback = new ArrayList<>();
    if (expiredCount > 0) {
      String line = ":hourglass: " + count(expiredCount) + " expired and unblocked";
      blocks.add(Blocks.section("*" + line + "*\n" + listing(expired, expiredCount)));
      fallback.add(line);
    }
    if (evictedCount > 0) {
      String line =
          ":warning: " + count(evictedCount) + " do not fit the rule group and are not blocked";
      blocks.add(Blocks.section("*" + line + "*\n" + listing(evicted, evictedCount)));
      fallback.add(line);
    }
    if (unlisted > 0) {
      String line = count(unlisted) + " more newly blocked, not listed above";
      blocks.add(Blocks.context(line));
      fallback.add(line);
    }
    blocks.add(0, Blocks.header("guardwall maintenance"));
    return Blocks.payload("guardwall maintenance: " + String.join("; ", fallback), blocks);
  }

  private static String listing(List<Cidr> cidrs, int total) {
    List<String> shown = cidrs.stream().limit(MAX_LISTED).map(c -> "`" + c.value() + "`").toList();
    String more = total > shown.size() ? " " + SlackText.more(total - shown.size()) : "";
    return shown.isEmpty() ? more.strip() : String.join(", ", shown) + more;
  }

  private static String count(int n) {
    return n == 1 ? "1 address" : n + " addresses";
  }
}
