package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.SeverityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The alert for one finding: a coloured attachment with the severity, a sample label, title and
 * description, the finding's facts as fields, its remote addresses, an {@link ActionMenu} for each
 * address it blocked (when asked) and a console link; stateless.
 */
final class FindingAlert {

  /** Colour of the attachment bar per severity. */
  static final Map<SeverityLevel, String> COLOURS =
      Map.of(
          SeverityLevel.CRITICAL, "#8B0000",
          SeverityLevel.HIGH, "#E01E5A",
          SeverityLevel.MEDIUM, "#ECB22E",
          SeverityLevel.LOW, "#2EB67D",
          SeverityLevel.INFORMATIONAL, "#9E9E9E");

  static final String SAMPLE_LABEL = "SAMPLE FINDING";
  private static final int MAX_TITLE = 500;
  private static final int MAX_FIELD_VALUE = 1500;

  /**
   * Addresses with an {@link ActionMenu}, one section each: with the alert's other seven blocks at
   * most and the "more" line, an alert stays within 50 blocks.
   */
  static final int MAX_MENUS = 40;

  /** Room kept at the end of the remote IP section for the "…and N more" line. */
  private static final int ROOM_FOR_MORE = 40;

  private FindingAlert() {}

  /**
   * @param menus the addresses the finding blocked, each to get an action menu; empty for none
   */
  static ObjectNode payload(Finding finding, Optional<String> actorNote, List<Cidr> menus) {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(menus, "menus");
    List<ObjectNode> blocks = new ArrayList<>();
    blocks.add(Blocks.header(severityName(finding) + " · " + product(finding) + " finding"));
    if (finding.sample()) {
      blocks.add(
          Blocks.section(
              ":warning: *" + SAMPLE_LABEL + "* — generated for testing, nothing really happened"));
    }
    actorNote.ifPresent(
        note -> blocks.add(Blocks.section(":warning: " + SlackText.safe(note, 1000))));
    blocks.add(Blocks.section(titleAndDescription(finding)));
    blocks.add(Blocks.fields(facts(finding)));
    blocks.add(Blocks.section(remoteIps(finding.remoteIps())));
    addMenus(blocks, menus);
    ConsoleLinks.of(finding)
        .ifPresent(
            url ->
                blocks.add(
                    Blocks.context("<" + url + "|Open in the " + product(finding) + " console>")));
    String colour = Objects.requireNonNull(COLOURS.get(finding.severity().level()), "colour");
    return Blocks.colouredPayload(fallback(finding), colour, blocks);
  }

  /** One section per blocked address, its menu beside it, up to {@link #MAX_MENUS}. */
  private static void addMenus(List<ObjectNode> blocks, List<Cidr> cidrs) {
    List<Cidr> listed = cidrs.stream().distinct().limit(MAX_MENUS).toList();
    for (Cidr cidr : listed) {
      blocks.add(
          Blocks.section("Blocked `" + cidr.display() + "`")
              .set("accessory", ActionMenu.overflow(cidr)));
    }
    long unlisted = cidrs.stream().distinct().count() - listed.size();
    if (unlisted > 0) {
      blocks.add(Blocks.context(SlackText.more((int) unlisted) + " blocked: see the digest"));
    }
  }

  private static String titleAndDescription(Finding finding) {
    String title = "*" + SlackText.safe(finding.title(), MAX_TITLE) + "*";
    int room = BlockKitLimits.MAX_SECTION_TEXT - title.length() - 1;
    return title + "\n" + SlackText.safe(finding.description(), room);
  }

  private static List<String> facts(Finding finding) {
    return List.of(
        field("Type", finding.type()),
        field("Severity", finding.severity().toString()),
        field("Account", finding.accountId()),
        field("Region", finding.region()),
        field("Resource", finding.resource()),
        field("Product", finding.product()),
        field("Finding ID", finding.id()));
  }

  private static String field(String label, @Nullable String value) {
    return "*" + label + "*\n" + SlackText.safe(value, MAX_FIELD_VALUE);
  }

  /** One line per address until the section is full, then a visible count of the rest. */
  private static String remoteIps(List<RemoteIp> ips) {
    StringBuilder text = new StringBuilder("*Remote IPs*");
    if (ips.isEmpty()) {
      return text.append("\nnone").toString();
    }
    for (int i = 0; i < ips.size(); i++) {
      String line = "\n• " + ipLine(ips.get(i));
      if (text.length() + line.length() > BlockKitLimits.MAX_SECTION_TEXT - ROOM_FOR_MORE) {
        return text.append("\n").append(SlackText.more(ips.size() - i)).toString();
      }
      text.append(line);
    }
    return text.toString();
  }

  /** An address, where it is from and how it was seen; under 400 chars. */
  private static String ipLine(RemoteIp ip) {
    String where = SlackText.whereabouts(ip.country(), ip.asn(), ip.organization());
    String direction =
        ip.direction() == null ? "" : SlackText.safe(ip.direction().toLowerCase(Locale.ROOT), 32);
    String source = ip.source().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return "`"
        + ip.address().display()
        + "`"
        + (where.isEmpty() ? "" : " — " + where)
        + " ("
        + (direction.isEmpty() ? "" : direction + " ")
        + source
        + ")";
  }

  private static String fallback(Finding finding) {
    return (finding.sample() ? "[" + SAMPLE_LABEL + "] " : "")
        + severityName(finding)
        + " "
        + product(finding)
        + " finding "
        + SlackText.safe(finding.type(), 256)
        + ": "
        + SlackText.safe(finding.title(), MAX_TITLE);
  }

  private static String severityName(Finding finding) {
    return finding.severity().level().name();
  }

  private static String product(Finding finding) {
    return finding.origin() == Origin.SECURITYHUB ? "Security Hub" : "GuardDuty";
  }
}
