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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/**
 * The rules' patterns in the template are core's pattern files (read from its jar) and route events
 * alike.
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

  private static Map<Route, JsonNode> templatePatterns;
  private static Machine deployed;

  @BeforeAll
  static void synth() throws Exception {
    Synthesized app = Synthesized.defaults();
    templatePatterns =
        Map.of(
            Route.BLOCK, pattern(app, "GuardwallBlockRule"),
            Route.NOTIFY, pattern(app, "GuardwallNotifyRule"));
    deployed = Machine.builder().build();
    for (Map.Entry<Route, JsonNode> e : templatePatterns.entrySet()) {
      deployed.addRule(e.getKey().name(), e.getValue().toString());
    }
  }

  @Test
  void blockRule_shouldCarryBlockJsonExactly() throws IOException {
    assertSameJson(
        templatePatterns.get(Route.BLOCK),
        JSON.readTree(Resources.text(Route.class, "block.json")));
  }

  @Test
  void notifyRule_shouldCarryNotifyJsonExactly_whenThresholdIsTheDefault() throws IOException {
    assertSameJson(
        templatePatterns.get(Route.NOTIFY),
        JSON.readTree(Resources.text(Route.class, "notify.json")));
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
  void deployedPatterns_shouldBlockAndNotify_whenSecurityHubImportsAGuardDutyHighFinding()
      throws Exception {
    assertThat(routes(sample("upstream/aws-networkfirewall-guardduty__securityhub-testevent.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    assertThat(
            routes(
                sample(
                    "upstream/aws-networkfirewall-guardduty__securityhub-testevent@f8e9232.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
  }

  @Test
  void deployedPatterns_shouldOnlyBlock_whenNativeSshBruteForceIsLow() throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(sample("upstream/amazon-guardduty-waf-acl__gd2acl_test_event.json"));
    assertThat(routes(event.toString())).isEmpty();
    event.put("source", "aws.guardduty").put("detail-type", "GuardDuty Finding");
    assertThat(routes(event.toString())).containsExactly(Route.BLOCK);
  }

  @Test
  void deployedPatterns_shouldRouteCoreEventsAsDesigned() throws Exception {
    assertThat(routes(coreEvent("guardduty-network.json")))
        .containsExactlyInAnyOrder(Route.BLOCK, Route.NOTIFY);
    assertThat(routes(coreEvent("guardduty-dns-high.json"))).containsExactly(Route.NOTIFY);
    assertThat(routes(coreEvent("securityhub-inspector-low.json"))).isEmpty();
  }

  @Test
  void deployedPatterns_shouldMatchNothing_whenEventIsUnrelated() throws Exception {
    assertThat(
            routes("{\"source\":\"aws.ec2\",\"detail-type\":\"GuardDuty Finding\",\"detail\":{}}"))
        .isEmpty();
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
      assertThat(routes(event))
          .as("%s", source)
          .isEqualTo(Router.create(SeverityLevel.MEDIUM).routes(event));
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

  private static Set<Route> routes(String event) throws Exception {
    Set<Route> routes = EnumSet.noneOf(Route.class);
    deployed.rulesForJSONEvent(event).forEach(name -> routes.add(Route.valueOf(name)));
    return routes;
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
