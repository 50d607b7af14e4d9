package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.route.Route;
import io.guardwall.core.route.Router;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/**
 * The events rule's pattern in the template is core's pattern files (read from its jar), every
 * route's alternatives in one {@code $or}, and queues exactly the events the local router routes
 * somewhere.
 */
@Needs(ExternalTool.NODE)
class EventPatternTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Resources.samples().resolve("events");

  /** core's route test events (from its test jar), as the local router sees them. */
  private static final List<String> CORE_EVENTS =
      List.of(
          "guardduty-dns-high.json",
          "guardduty-network.json",
          "guardduty-portprobe-low.json",
          "securityhub-inspector-low.json");

  /** Numbers compare by value: the template may write 4 where the file has 4.0. */
  private static final Comparator<JsonNode> NUMERIC =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? Double.compare(a.asDouble(), b.asDouble())
              : a.equals(b) ? 0 : 1;

  private static JsonNode templatePattern;
  private static Machine deployed;

  @BeforeAll
  static void synth() throws Exception {
    templatePattern = pattern(Synthesized.defaults(), "GuardwallEventsRule");
    deployed = Machine.builder().build();
    deployed.addRule("queue", templatePattern.toString());
  }

  @Test
  void eventsRule_shouldCarryBlockJsonThenNotifyJsonExactly_whenThresholdIsTheDefault()
      throws IOException {
    com.fasterxml.jackson.databind.node.ArrayNode alternatives = JSON.createArrayNode();
    alternatives.addAll(
        (com.fasterxml.jackson.databind.node.ArrayNode)
            JSON.readTree(Resources.text(Route.class, "block.json")).get("$or"));
    alternatives.addAll(
        (com.fasterxml.jackson.databind.node.ArrayNode)
            JSON.readTree(Resources.text(Route.class, "notify.json")).get("$or"));
    assertSameJson(templatePattern, JSON.createObjectNode().set("$or", alternatives));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void deployedPatterns_shouldRouteLikeTheLocalRouter(Path file) throws Exception {
    assertRoutesLikeTheLocalRouter(file.toString(), Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("coreEvents")
  void deployedPatterns_shouldRouteCoreEventsLikeTheLocalRouter(String name) throws Exception {
    assertRoutesLikeTheLocalRouter(name, Resources.text(Route.class, name));
  }

  @Test
  void deployedPattern_shouldQueueOnce_whenSecurityHubImportsAGuardDutyHighFinding()
      throws Exception {
    assertThat(queued(sample("upstream/aws-networkfirewall-guardduty__securityhub-testevent.json")))
        .isTrue();
    assertThat(
            queued(
                sample(
                    "upstream/aws-networkfirewall-guardduty__securityhub-testevent@f8e9232.json")))
        .isTrue();
  }

  @Test
  void deployedPattern_shouldQueue_whenNativeSshBruteForceIsLowButBlockable() throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(sample("upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json"));
    assertThat(queued(event.toString())).isFalse();
    event.put("source", "aws.guardduty").put("detail-type", "GuardDuty Finding");
    assertThat(queued(event.toString())).isTrue();
  }

  @Test
  void deployedPattern_shouldQueueCoreEventsAsDesigned() throws Exception {
    assertThat(queued(coreEvent("guardduty-network.json"))).isTrue();
    assertThat(queued(coreEvent("guardduty-dns-high.json"))).isTrue();
    assertThat(queued(coreEvent("securityhub-inspector-low.json"))).isFalse();
  }

  @Test
  void deployedPattern_shouldMatchNothing_whenEventIsUnrelated() throws Exception {
    assertThat(
            queued("{\"source\":\"aws.ec2\",\"detail-type\":\"GuardDuty Finding\",\"detail\":{}}"))
        .isFalse();
  }

  static Stream<Path> samples() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    return files.stream();
  }

  static List<String> coreEvents() {
    return CORE_EVENTS;
  }

  private static void assertRoutesLikeTheLocalRouter(String source, String text) throws Exception {
    for (String event : eventsIn(text)) {
      assertThat(queued(event))
          .as("%s", source)
          .isEqualTo(!Router.create(SeverityLevel.MEDIUM).routes(event).isEmpty());
    }
  }

  /** The events of a file: one event, or an array of them. */
  private static List<String> eventsIn(String text) throws IOException {
    JsonNode root = JSON.readTree(text);
    List<String> events = new ArrayList<>();
    (root.isArray() ? root : JSON.createArrayNode().add(root))
        .forEach(e -> events.add(e.toString()));
    return events;
  }

  private static String coreEvent(String name) {
    return Resources.text(Route.class, name);
  }

  private static boolean queued(String event) throws Exception {
    return !deployed.rulesForJSONEvent(event).isEmpty();
  }

  private static String sample(String relative) {
    return Resources.sample("events/" + relative);
  }

  private static JsonNode pattern(Synthesized app, String logicalIdPrefix) {
    return app.resources("AWS::Events::Rule").entrySet().stream()
        .filter(e -> e.getKey().startsWith(logicalIdPrefix))
        .map(e -> e.getValue().at("/Properties/EventPattern"))
        .findFirst()
        .orElseThrow();
  }

  static void assertSameJson(JsonNode actual, JsonNode expected) {
    assertThat(actual.equals(NUMERIC, expected)).as("%s\nvs\n%s", actual, expected).isTrue();
  }
}
