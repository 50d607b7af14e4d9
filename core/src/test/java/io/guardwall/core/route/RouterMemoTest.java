package io.guardwall.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router's memo answers exactly as event-ruler does: every shipped sample and test event, and
 * variants of each with every field the patterns name set to values around each pattern's edges,
 * are routed through one router (so that events share memo entries) and compared with event-ruler
 * matching each event directly.
 */
class RouterMemoTest {

  /** Where the patterns' fields sit in the events; a variant is made where the parent exists. */
  private static final List<String> NAMED =
      List.of(
          "/source",
          "/detail-type",
          "/detail/severity",
          "/detail/service/action/actionType",
          "/detail/findings/0/ProductArn",
          "/detail/findings/0/Severity/Label",
          "/detail/findings/0/class_uid",
          "/detail/findings/0/severity_id",
          "/detail/findings/0/metadata/product/name");

  private static final List<String> VALUES =
      List.of(
          "null",
          "0",
          "3.9",
          "4",
          "4.0",
          "\"4\"",
          "6",
          "6.9",
          "7",
          "8.9",
          "9",
          "10",
          "10.5",
          "-1",
          "1",
          "2",
          "3",
          "5",
          "2004",
          "2004.0",
          "\"2004\"",
          "2005",
          "[2004]",
          "[1, 5]",
          "true",
          "{}",
          "\"aws.guardduty\"",
          "\"aws.securityhub\"",
          "\"GuardDuty Finding\"",
          "\"Security Hub Findings - Imported\"",
          "\"Findings Imported V2\"",
          "\"NETWORK_CONNECTION\"",
          "\"PORT_PROBE\"",
          "\"DNS_REQUEST\"",
          "\"network_connection\"",
          "[\"PORT_PROBE\", \"DNS_REQUEST\"]",
          "\"LOW\"",
          "\"MEDIUM\"",
          "\"CRITICAL\"",
          "\"GuardDuty\"",
          "\"Inspector\"",
          "\"arn:aws:securityhub:us-east-1::product/aws/guardduty\"",
          "\"arn:aws:securityhub:us-east-1::product/aws/inspector\"");

  @ParameterizedTest
  @EnumSource(
      value = SeverityLevel.class,
      names = {"LOW", "MEDIUM", "CRITICAL"})
  void routes_shouldEqualEventRuler_whenEverySampleAndVariant(SeverityLevel threshold) {
    Router router = Router.create(threshold);
    List<JsonNode> events = new ArrayList<>();
    samples()
        .forEach(
            event -> {
              events.add(event);
              events.addAll(variants(event));
            });
    assertThat(events).hasSizeGreaterThan(1_000);
    for (int pass = 0; pass < 2; pass++) {
      for (JsonNode event : events) {
        assertThat(router.routes(event)).as(event.toString()).isEqualTo(router.match(event));
      }
    }
    assertThat(router.remembered()).isPositive();
  }

  @Test
  void routes_shouldForgetAndStayCorrect_whenMoreKeysThanTheMemoHolds() {
    Router router = Router.create(SeverityLevel.MEDIUM);
    ObjectNode event =
        (ObjectNode) read(Resources.text(RouterMemoTest.class, "guardduty-network.json"));
    for (int i = 0; i < Router.MEMO_KEYS + 100; i++) {
      ((ObjectNode) event.get("detail")).put("severity", i / 100.0);
      assertThat(router.routes(event)).isEqualTo(router.match(event));
      assertThat(router.remembered()).isLessThanOrEqualTo(Router.MEMO_KEYS);
    }
  }

  @Test
  void routes_shouldMatchDirectly_whenEventHasDottedKey() {
    Router router = Router.create(SeverityLevel.MEDIUM);
    ObjectNode event =
        (ObjectNode) read(Resources.text(RouterMemoTest.class, "guardduty-network.json"));
    ((ObjectNode) event.get("detail")).remove("severity");
    event.put("detail.severity", 8);
    assertThat(router.routes(event)).isEqualTo(router.match(event));
    assertThat(router.remembered()).isZero();
  }

  private static List<JsonNode> variants(JsonNode event) {
    List<JsonNode> variants = new ArrayList<>();
    for (String path : NAMED) {
      for (String value : VALUES) {
        JsonNode copy = event.deepCopy();
        JsonNode parent = copy.at(path.substring(0, path.lastIndexOf('/')));
        if (parent.isObject()) {
          ((ObjectNode) parent).set(path.substring(path.lastIndexOf('/') + 1), read(value));
          variants.add(copy);
        }
      }
    }
    JsonNode findings = event.at("/detail/findings");
    if (findings.isArray() && findings.size() > 0 && findings.get(0).isObject()) {
      // The OCSF fields split across two findings: event-ruler matches one element's fields only.
      JsonNode copy = event.deepCopy();
      ObjectNode first = (ObjectNode) copy.at("/detail/findings/0");
      ObjectNode second = first.deepCopy();
      first.remove("metadata");
      second.remove("class_uid");
      ((ArrayNode) copy.at("/detail/findings")).add(second);
      variants.add(copy);
    }
    return variants;
  }

  private static Stream<JsonNode> samples() {
    Path dir = Resources.samples().resolve("events");
    List<JsonNode> events = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".ndjson")) {
          Files.readAllLines(file).stream()
              .filter(l -> !l.isBlank())
              .map(RouterMemoTest::read)
              .forEach(events::add);
        } else if (name.endsWith(".json")) {
          JsonNode doc = read(Files.readString(file));
          if (doc.isArray()) {
            doc.forEach(events::add);
          } else {
            events.add(doc);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String name :
        List.of(
            "guardduty-dns-high.json",
            "guardduty-network.json",
            "guardduty-portprobe-low.json",
            "securityhub-inspector-low.json")) {
      events.add(read(Resources.text(RouterMemoTest.class, name)));
    }
    return events.stream().filter(JsonNode::isObject);
  }

  private static JsonNode read(String text) {
    try {
      return Jackson.reader().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
