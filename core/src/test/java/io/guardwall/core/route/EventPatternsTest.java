package io.guardwall.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.SeverityLevel;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pattern files agree with the severity bands of {@link SeverityLevel}. */
class EventPatternsTest {

  /** Numbers compare by value ({@code 4} in a file is {@code 4.0} from a band). */
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? Double.compare(a.doubleValue(), b.doubleValue())
              : a.equals(b) ? 0 : 1;

  @Test
  void notifyFile_shouldHoldTheBandsOfSeverityLevel_atTheThresholdItIsWrittenFor() {
    ObjectNode file = EventPatterns.load(Route.NOTIFY);
    ObjectNode fromBands =
        EventPatterns.withSeverityFilters(file.deepCopy(), EventPatterns.FILE_THRESHOLD);

    assertThat(file.equals(BY_VALUE, fromBands))
        .as("notify.json %s should equal the bands of SeverityLevel: %s", file, fromBands)
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(SeverityLevel.class)
  void load_shouldTakeTheScoreFloorAndLabelsFromTheBands(SeverityLevel threshold) {
    ObjectNode pattern = EventPatterns.load(Route.NOTIFY, threshold);

    JsonNode numeric = pattern.at("/$or/0/detail/severity/0/numeric");
    assertThat(numeric.get(1).doubleValue()).isEqualTo(threshold.guardDutyFloor());
    assertThat(numeric.get(3).doubleValue()).isEqualTo(SeverityLevel.MAX_GUARDDUTY_SCORE);
    assertThat(pattern.at("/$or/1/detail/findings/Severity/Label"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(
            Arrays.stream(SeverityLevel.values())
                .filter(l -> l.atLeast(threshold))
                .map(SeverityLevel::name)
                .toList());
  }

  @Test
  void anyRoute_shouldHoldEveryRoutesAlternatives_inRouteOrder() {
    ObjectNode any = EventPatterns.anyRoute(SeverityLevel.HIGH);

    assertThat(any.properties()).hasSize(1);
    JsonNode expected =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .arrayNode()
            .addAll(
                (com.fasterxml.jackson.databind.node.ArrayNode)
                    EventPatterns.load(Route.BLOCK).get("$or"))
            .addAll(
                (com.fasterxml.jackson.databind.node.ArrayNode)
                    EventPatterns.load(Route.NOTIFY, SeverityLevel.HIGH).get("$or"));
    assertThat(any.get("$or")).isEqualTo(expected);
  }
}
