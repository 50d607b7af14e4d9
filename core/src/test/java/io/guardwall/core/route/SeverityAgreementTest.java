package io.guardwall.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.event.ruler.Machine;

/**
 * The parser and the notify pattern read a severity by one rule: for every variant and every
 * threshold, the pattern matches exactly when the parser accepts the finding at or above the
 * threshold. The pattern is applied twice: by the local router (to the parsed tree) and by a
 * machine given the raw text, as EventBridge applies it in the cloud.
 */
class SeverityAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLACEHOLDER = "\"@@severity@@\"";
  private static final FindingParser PARSER = FindingParser.create();
  private static final Map<SeverityLevel, Router> ROUTERS = new EnumMap<>(SeverityLevel.class);
  private static final Map<SeverityLevel, Machine> CLOUD = new EnumMap<>(SeverityLevel.class);

  static {
    for (SeverityLevel t : SeverityLevel.values()) {
      ROUTERS.put(t, Router.create(t));
      Machine machine = new Machine();
      try {
        machine.addRule("notify", EventPatterns.load(Route.NOTIFY, t).toString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      CLOUD.put(t, machine);
    }
  }

  /** A native GuardDuty event whose {@code detail.severity} is {@code raw} JSON, as text. */
  private static String guardDutyEvent(String raw) {
    return Resources.text(SeverityAgreementTest.class, "guardduty-network.json")
        .replace("\"severity\": 5,", "\"severity\": " + raw + ",");
  }

  /** A Security Hub event whose one finding's {@code Severity.Label} is {@code raw} JSON. */
  private static String securityHubEvent(String raw) {
    JsonNode event =
        read(
            Resources.sample(
                "events/upstream/aws-networkfirewall-guardduty__securityhub-testevent.json"));
    ((ObjectNode) event.at("/detail/findings/0/Severity")).set("Label", read(PLACEHOLDER));
    return event.toString().replace(PLACEHOLDER, raw);
  }

  /** A Security Hub OCSF event whose one finding's {@code severity_id} is {@code raw} JSON. */
  private static String ocsfEvent(String raw) {
    JsonNode event = read(Resources.sample("events/23-securityhub-ocsf-same-finding-as-02.json"));
    ((ObjectNode) event.at("/detail/findings/0")).set("severity_id", read(PLACEHOLDER));
    return event.toString().replace(PLACEHOLDER, raw);
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FindingResult parse(String eventText) {
    return PARSER.parse(PARSER.normalize(read(eventText))).get(0);
  }

  private static void assertAgree(String eventText, String variant) {
    FindingResult parsed = parse(eventText);
    for (SeverityLevel t : SeverityLevel.values()) {
      boolean expected = parsed.isValid() && parsed.finding().severity().level().atLeast(t);
      boolean local = ROUTERS.get(t).routes(eventText).contains(Route.NOTIFY);
      boolean cloud;
      try {
        cloud = !CLOUD.get(t).rulesForJSONEvent(eventText).isEmpty();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      String why = variant + " at threshold " + t + ", parser: " + describe(parsed);
      assertThat(local).as("local router, " + why).isEqualTo(expected);
      assertThat(cloud).as("raw text as EventBridge sees it, " + why).isEqualTo(expected);
    }
  }

  private static String describe(FindingResult r) {
    return r.isValid() ? r.finding().severity().toString() : r.error();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "-0.0",
        "0.0",
        "1e-320",
        "0.0000001",
        "0.5",
        "0.99",
        "1",
        "1.0",
        "3.9",
        "3.9999999",
        "3.99999999999",
        "3.999999999999999",
        "4",
        "4.0",
        "4e0",
        "0.4e1",
        "40e-1",
        "4.0000001",
        "5",
        "6.9",
        "6.99999",
        "7",
        "7.0",
        "8.5",
        "8.9",
        "9",
        "9.0",
        "9.99",
        "10",
        "10.0",
        "1e1",
        "1E1",
        "10.0000001",
        "10.000000000000002",
        "11",
        "100",
        "-1",
        "-0.5",
        "-1e308",
        "1e308",
        "1e999",
        "-1e999",
        "5000000000",
        "99999999999999999999999",
        "\"8.5\"",
        "\" 8.5 \"",
        "\"8\"",
        "\"4\"",
        "\"10\"",
        "\"HIGH\"",
        "\"high\"",
        "\"\"",
        "\"NaN\"",
        "\"Infinity\"",
        "\"0x8\"",
        "null",
        "true",
        "false",
        "{}",
        "{\"score\": 8}"
      })
  void notifyPattern_shouldMatchExactlyWhatTheParserAccepts_whenGuardDutySeverity(String raw) {
    assertAgree(guardDutyEvent(raw), "severity " + raw);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"INFORMATIONAL\"",
        "\"LOW\"",
        "\"MEDIUM\"",
        "\"HIGH\"",
        "\"CRITICAL\"",
        "\"high\"",
        "\"High\"",
        "\" HIGH\"",
        "\"HIGH \"",
        "\" critical \"",
        "\"HIGH\\u0000\"",
        "\"HIGH\\u200b\"",
        "\"\\uff28\\uff29\\uff27\\uff28\"",
        "\"H\\u0130GH\"",
        "\"SEVERE\"",
        "\"\"",
        "\"  \"",
        "8",
        "80",
        "null",
        "true",
        "{}",
        "{\"Label\": \"HIGH\"}"
      })
  void notifyPattern_shouldMatchExactlyWhatTheParserAccepts_whenAsffLabel(String raw) {
    assertAgree(securityHubEvent(raw), "Severity.Label " + raw);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "0.99",
        "1",
        "1.0",
        "2",
        "2.5",
        "2.9999999",
        "3",
        "3.0",
        "3e0",
        "0.3e1",
        "3.0000001",
        "3.5",
        "4",
        "4.99999",
        "5",
        "5.5",
        "6",
        "6.0",
        "6.0000001",
        "7",
        "99",
        "-1",
        "1e308",
        "-1e308",
        "1e999",
        "99999999999999999999999",
        "\"4\"",
        "\"High\"",
        "\"\"",
        "null",
        "true",
        "{}"
      })
  void notifyPattern_shouldMatchExactlyWhatTheParserAccepts_whenOcsfSeverityId(String raw) {
    assertAgree(ocsfEvent(raw), "severity_id " + raw);
  }

  /**
   * A pattern matches a value inside an array, as if it stood alone; the parser wants one value and
   * names the finding in an error rather than acting on a guess.
   */
  @ParameterizedTest
  @ValueSource(strings = {"[8]", "[3, 8]", "[\"8\"]", "[]"})
  void parse_shouldReportAnError_whenGuardDutySeverityIsAnArray(String raw) {
    FindingResult parsed = parse(guardDutyEvent(raw));

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.error()).contains("severity is an array, expected a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"HIGH\"]", "[\"LOW\", \"HIGH\"]"})
  void parse_shouldReportAnError_whenAsffLabelIsAnArray(String raw) {
    FindingResult parsed = parse(securityHubEvent(raw));

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.error()).contains("Severity.Label is an array, expected text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[4]", "[1, 5]", "[\"4\"]", "[]"})
  void parse_shouldReportAnError_whenOcsfSeverityIdIsAnArray(String raw) {
    FindingResult parsed = parse(ocsfEvent(raw));

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.error()).contains("severity_id is an array, expected a number");
  }
}
