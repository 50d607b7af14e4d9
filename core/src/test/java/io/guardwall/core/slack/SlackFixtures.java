package io.guardwall.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Findings, blocked addresses and Block Kit limit checks shared by the Slack tests. */
final class SlackFixtures {

  static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
  static final String GD_ID = "1234680e481690b44f7cc7e221abcdef";

  private SlackFixtures() {}

  static BlockedIp blocked(String cidr, SeverityLevel severity) {
    return new BlockedIp(
        Cidr.parse(cidr),
        NOW.plusSeconds(12 * 3600),
        GD_ID,
        "Recon:EC2/PortProbeUnprotectedPort",
        severity,
        "US",
        "64496",
        "Example Org",
        false);
  }

  static RemoteIp remoteIp(String address) {
    return new RemoteIp(
        Cidr.ofAddress(address),
        IpSource.NETWORK_CONNECTION,
        "INBOUND",
        "US",
        "64496",
        "Example Org");
  }

  /** A mutable template for findings; {@link #build} makes the immutable record. */
  static final class FindingBuilder {
    String id = GD_ID;
    String arn = "arn:aws:guardduty:us-east-1:123456789012:detector/0123/finding/" + GD_ID;
    String type = "Recon:EC2/PortProbeUnprotectedPort";
    Severity severity = Severity.ofScore(8.0);
    String title = "Unprotected port on EC2 instance i-99999999 is being probed.";
    String description =
        "EC2 instance has an unprotected port which is being probed by a known malicious host.";
    String account = "123456789012";
    String region = "us-east-1";
    String product = "GuardDuty";
    Origin origin = Origin.GUARDDUTY;
    String resource = "i-99999999";
    ResourceFacts resourceFacts = ResourceFacts.unknown();
    boolean sample;
    List<RemoteIp> remoteIps = new ArrayList<>(List.of(remoteIp("198.51.100.7")));

    FindingBuilder level(SeverityLevel level) {
      severity = new Severity(level, null);
      return this;
    }

    Finding build() {
      return new Finding(
          id,
          arn,
          type,
          severity,
          title,
          description,
          account,
          region,
          product,
          origin,
          resource,
          resourceFacts,
          false,
          sample,
          remoteIps,
          List.of());
    }
  }

  static FindingBuilder finding() {
    return new FindingBuilder();
  }

  /** Every string value in a payload, depth first. */
  static List<String> strings(JsonNode node) {
    List<String> strings = new ArrayList<>();
    collect(node, strings);
    return strings;
  }

  private static void collect(JsonNode node, List<String> strings) {
    if (node.isTextual()) {
      strings.add(node.textValue());
    }
    node.forEach(child -> collect(child, strings));
  }

  /** The blocks of a payload: top-level or inside its single attachment. */
  static JsonNode blocks(JsonNode payload) {
    return payload.has("blocks") ? payload.get("blocks") : payload.at("/attachments/0/blocks");
  }

  /** The text of every section, header and context element, in order. */
  static List<String> texts(JsonNode payload) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks(payload)) {
      if (block.has("text")) {
        texts.add(block.at("/text/text").textValue());
      }
      block.path("fields").forEach(f -> texts.add(f.get("text").textValue()));
      block.path("elements").forEach(e -> texts.add(e.get("text").textValue()));
    }
    return texts;
  }

  static String allText(JsonNode payload) {
    return String.join("\n", texts(payload));
  }

  /** Slack's documented limits for what guardwall sends. */
  static void assertWithinBlockKitLimits(JsonNode payload) {
    assertThat(payload.get("text").isTextual()).as("text fallback").isTrue();
    assertThat(payload.get("text").textValue()).hasSizeLessThanOrEqualTo(4000).isNotBlank();
    List<JsonNode> blockLists = new ArrayList<>();
    if (payload.has("blocks")) {
      blockLists.add(payload.get("blocks"));
    }
    payload.path("attachments").forEach(a -> blockLists.add(a.get("blocks")));
    assertThat(blockLists).isNotEmpty();
    for (JsonNode blocks : blockLists) {
      assertThat(blocks.size()).isBetween(1, 50);
      blocks.forEach(SlackFixtures::assertBlockWithinLimits);
    }
  }

  private static void assertBlockWithinLimits(JsonNode block) {
    switch (block.get("type").textValue()) {
      case "header" -> {
        assertThat(block.at("/text/type").textValue()).isEqualTo("plain_text");
        assertThat(block.at("/text/text").textValue()).hasSizeLessThanOrEqualTo(150).isNotEmpty();
      }
      case "section" -> {
        if (block.has("text")) {
          assertVerbatimMrkdwn(block.get("text"));
          assertThat(block.at("/text/text").textValue())
              .hasSizeLessThanOrEqualTo(3000)
              .isNotEmpty();
        }
        assertThat(block.path("fields").size()).isLessThanOrEqualTo(10);
        block.path("fields").forEach(SlackFixtures::assertVerbatimMrkdwn);
        block
            .path("fields")
            .forEach(f -> assertThat(f.get("text").textValue()).hasSizeLessThanOrEqualTo(2000));
        assertThat(block.has("text") || block.has("fields")).isTrue();
      }
      case "context" -> {
        assertThat(block.get("elements").size()).isBetween(1, 10);
        block.get("elements").forEach(SlackFixtures::assertVerbatimMrkdwn);
        block
            .get("elements")
            .forEach(e -> assertThat(e.get("text").textValue()).hasSizeLessThanOrEqualTo(3000));
      }
      default -> throw new AssertionError("unexpected block " + block);
    }
  }

  /** Slack turns no bare URL, channel name or mention in it into a link or a ping. */
  private static void assertVerbatimMrkdwn(JsonNode textObject) {
    assertThat(textObject.get("type").textValue()).isEqualTo("mrkdwn");
    assertThat(textObject.path("verbatim").asBoolean()).as("verbatim " + textObject).isTrue();
  }

  /** Text that {@link SlackText#escape} produced and that was cut only between entities. */
  static void assertWholeEntities(String text) {
    assertThat(text.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""))
        .doesNotContain("&");
  }
}
