package io.guardwall.core.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.SeverityLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The EventBridge patterns of each route, loaded from the JSON resource files that both the local
 * router and the CDK stack use; stateless and thread-safe.
 */
public final class EventPatterns {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SeverityLevel FILE_THRESHOLD = SeverityLevel.MEDIUM;

  /** GuardDuty's highest score: the parser rejects anything above, so the pattern must too. */
  private static final double MAX_SCORE = 10.0;

  private EventPatterns() {}

  /** The pattern of {@code route} exactly as its resource file holds it. */
  public static ObjectNode load(Route route) {
    try (InputStream in = EventPatterns.class.getResourceAsStream(route.resource())) {
      if (in == null) {
        throw new IllegalStateException("pattern resource missing: " + route.resource());
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("pattern resource unreadable: " + route.resource(), e);
    }
  }

  /**
   * The pattern of {@code route}; for {@link Route#NOTIFY} with the severity filters moved to
   * {@code notifyThreshold}, since the file holds the default threshold (MEDIUM).
   */
  public static ObjectNode load(Route route, SeverityLevel notifyThreshold) {
    ObjectNode pattern = load(route);
    if (route == Route.NOTIFY && notifyThreshold != FILE_THRESHOLD) {
      ArrayNode alternatives = (ArrayNode) pattern.get("$or");
      setScoreFloor((ObjectNode) alternatives.get(0).get("detail"), notifyThreshold);
      setLabels((ObjectNode) alternatives.get(1).at("/detail/findings/Severity"), notifyThreshold);
    }
    return pattern;
  }

  /** The lowest GuardDuty score of a level's band (INFORMATIONAL has none: every score passes). */
  static double scoreFloor(SeverityLevel level) {
    return switch (level) {
      case INFORMATIONAL -> 0.0;
      case LOW -> 1.0;
      case MEDIUM -> 4.0;
      case HIGH -> 7.0;
      case CRITICAL -> 9.0;
    };
  }

  private static void setScoreFloor(ObjectNode detail, SeverityLevel threshold) {
    ArrayNode numeric = detail.putArray("severity").addObject().putArray("numeric");
    numeric.add(">=").add(scoreFloor(threshold)).add("<=").add(MAX_SCORE);
  }

  private static void setLabels(ObjectNode severity, SeverityLevel threshold) {
    ArrayNode labels = severity.putArray("Label");
    Arrays.stream(SeverityLevel.values())
        .filter(level -> level.atLeast(threshold))
        .forEach(level -> labels.add(level.name()));
  }
}
