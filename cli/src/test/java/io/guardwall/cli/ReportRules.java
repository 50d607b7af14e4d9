package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a replay report must say about a corpus file: a decision and a reason for every address, and
 * what each folder of the corpus demands on top; stateless.
 */
final class ReportRules {

  private static final Set<String> ALERTED = Set.of("MEDIUM", "HIGH", "CRITICAL");

  private ReportRules() {}

  /** The report says something, and every address a finding names has a decision and reason. */
  static List<String> decisions(JsonNode report) {
    List<String> problems = new ArrayList<>();
    if (report.path("events").isEmpty() && report.path("errors").isEmpty()) {
      problems.add("the report says nothing about the file: no event, no error");
    }
    for (JsonNode ips : report.path("events").findValues("ips")) {
      for (JsonNode ip : ips) {
        if (ip.path("decision").asText().isBlank() || ip.path("reason").asText().isBlank()) {
          problems.add("an address without a decision and a reason: " + ip);
        }
      }
    }
    return problems;
  }

  /** The rule of one corpus folder (see the corpus README); none for most folders. */
  static List<String> ofFolder(String folder, JsonNode report) {
    return switch (folder) {
      case "malformed", "wrong-types" ->
          namesProblem(report)
              ? List.of()
              : List.of(folder + ": no error or warning names the problem");
      case "addresses" ->
          namesProblem(report) || report.findValuesAsText("decision").contains("skip")
              ? List.of()
              : List.of("addresses: the address is neither skipped nor reported");
      case "severity" -> severityAgrees(report);
      default -> List.of();
    };
  }

  /** A finding decided at MEDIUM or above must reach the notify route too, and only then. */
  private static List<String> severityAgrees(JsonNode report) {
    List<String> problems = new ArrayList<>();
    for (JsonNode event : report.path("events")) {
      Set<String> routes = new HashSet<>(HostileFileCheck.texts(event.path("routes")));
      for (JsonNode finding : event.path("findings")) {
        String severity = finding.path("severity").asText();
        boolean decided = finding.path("error").isNull() && event.path("findings").size() == 1;
        if (decided && ALERTED.contains(severity) != routes.contains("notify")) {
          problems.add("severity: finding at " + severity + " but routes " + routes);
        }
      }
    }
    return problems;
  }

  private static boolean namesProblem(JsonNode report) {
    if (report.path("errors").size() > 0) {
      return true;
    }
    for (JsonNode event : report.path("events")) {
      if (!event.path("error").isNull() && !event.path("error").isMissingNode()) {
        return true;
      }
      for (JsonNode finding : event.path("findings")) {
        if (!finding.path("error").isNull() || finding.path("warnings").size() > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
