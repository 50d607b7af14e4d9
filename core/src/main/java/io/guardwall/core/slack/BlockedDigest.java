package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The digest of the addresses blocked in one run: a header, one entry per address (most severe
 * first) packed into sections, and a visible "…and N more" line for those that do not fit;
 * thread-safe.
 */
final class BlockedDigest {

  /** More entries than this make the digest too long to read; the rest are counted. */
  static final int MAX_LISTED = 50;

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Entries with an {@link ActionMenu}, one section each: with the header, up to three packed
   * sections for the rest, the "more" line and the note, a digest stays within 50 blocks.
   */
  static final int MAX_MENUS = 44;

  private final String unblockHint;
  private final boolean menus;

  /**
   * @param menus whether each entry gets an {@link ActionMenu}: only when Slack interactivity is
   *     set up, so that plain-webhook users see no buttons that go nowhere
   */
  BlockedDigest(String unblockHint, boolean menus) {
    this.unblockHint = SlackText.escape(unblockHint);
    this.menus = menus;
  }

  ObjectNode payload(List<BlockedIp> blocked, Instant now) {
    Objects.requireNonNull(now, "now");
    List<BlockedIp> ordered = ordered(blocked);
    List<ObjectNode> blocks = new ArrayList<>();
    blocks.add(Blocks.header(":no_entry_sign: guardwall blocked " + count(ordered.size())));
    int listed = addEntries(blocks, ordered, now);
    if (listed < ordered.size()) {
      blocks.add(Blocks.context(SlackText.more(ordered.size() - listed)));
    }
    return Blocks.payload(fallback(ordered), blocks);
  }

  static List<BlockedIp> ordered(List<BlockedIp> blocked) {
    Objects.requireNonNull(blocked, "blocked");
    if (blocked.isEmpty()) {
      throw new IllegalArgumentException("a digest needs at least one blocked address");
    }
    List<BlockedIp> ordered = new ArrayList<>(blocked.size());
    blocked.forEach(ip -> ordered.add(Objects.requireNonNull(ip, "blocked contains null")));
    ordered.sort(Comparator.comparing(BlockedIp::severity).reversed());
    return ordered;
  }

  /**
   * Packs entries into sections of at most 3000 chars; returns how many were listed. An entry is
   * well under 1000 chars, so {@link #MAX_LISTED} entries need far fewer than 50 blocks.
   */
  private int addEntries(List<ObjectNode> blocks, List<BlockedIp> ordered, Instant now) {
    List<BlockedIp> listed = ordered.subList(0, Math.min(MAX_LISTED, ordered.size()));
    int withMenu = menus ? Math.min(MAX_MENUS, listed.size()) : 0;
    for (BlockedIp ip : listed.subList(0, withMenu)) {
      blocks.add(Blocks.section(entry(ip, now)).set("accessory", ActionMenu.overflow(ip.cidr())));
    }
    if (withMenu == listed.size()) {
      return listed.size();
    }
    if (withMenu > 0) {
      blocks.add(
          Blocks.context(
              "The addresses below have no menu (a message holds 50 blocks):"
                  + " use the command under each."));
    }
    StringBuilder section = new StringBuilder();
    for (BlockedIp ip : listed.subList(withMenu, listed.size())) {
      String entry = entry(ip, now);
      if (section.length() + 2 + entry.length() > BlockKitLimits.MAX_SECTION_TEXT) {
        blocks.add(Blocks.section(section.toString()));
        section.setLength(0);
      }
      section.append(section.length() == 0 ? "" : "\n\n").append(entry);
    }
    blocks.add(Blocks.section(section.toString()));
    return listed.size();
  }

  /** One address in mrkdwn: where it is from, why it was blocked, until when, how to undo it. */
  private String entry(BlockedIp ip, Instant now) {
    String where = SlackText.whereabouts(ip.country(), ip.asn(), ip.organization());
    return "*"
        + ip.cidr().display()
        + "*"
        + (where.isEmpty() ? "" : "  " + where)
        + (ip.sample() ? "  _(SAMPLE FINDING)_" : "")
        + "\n"
        + (ip.findingType() == null ? "manual block" : SlackText.safe(ip.findingType(), 256))
        + " · "
        + ip.severity()
        + " · "
        + expiry(ip, now)
        + "\nunblock: `"
        + unblockHint
        + " "
        + ip.cidr().value()
        + "`";
  }

  private static String expiry(BlockedIp ip, Instant now) {
    Instant expiresAt = ip.expiresAt();
    if (expiresAt == null) {
      return "pinned";
    }
    return "until " + EXPIRY.format(expiresAt) + " (" + remaining(expiresAt, now) + ")";
  }

  private static String remaining(Instant expiresAt, Instant now) {
    Duration left = Duration.between(now, expiresAt);
    if (left.isNegative() || left.isZero()) {
      return "expired";
    }
    if (left.toHours() >= 48) {
      return "in " + left.toDays() + " days";
    }
    return left.toHours() >= 1 ? "in " + left.toHours() + " h" : "in " + left.toMinutes() + " min";
  }

  private static String fallback(List<BlockedIp> ordered) {
    StringBuilder text = new StringBuilder("guardwall blocked " + count(ordered.size()) + ":");
    int listed = 0;
    for (BlockedIp ip : ordered) {
      String next = " " + ip.cidr().display();
      if (text.length() + next.length() + 40 > BlockKitLimits.MAX_FALLBACK_TEXT) {
        break;
      }
      text.append(listed == 0 ? "" : ",").append(next);
      listed++;
    }
    return listed < ordered.size()
        ? text + " " + SlackText.more(ordered.size() - listed)
        : text.toString();
  }

  private static String count(int n) {
    return n == 1 ? "1 address" : n + " addresses";
  }
}
