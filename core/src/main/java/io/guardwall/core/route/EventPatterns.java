package io.guardwall.core.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
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

  /** The threshold the notify file is written for; a test holds the file to its bands. */
  static final SeverityLevel FILE_THRESHOLD = SeverityLevel.MEDIUM;

  private EventPatterns() {}

  /** The pattern of {@code route} exactly as its resource file holds it. */
  public static ObjectNode load(Route route) {
    try (InputStream in = EventPatterns.class.getResourceAsStream(route.resource())) {
      if (in == null) {
        throw new IllegalStateException("pattern resource missing: " + route.resource());
      }
      return (ObjectNode) Jackson.reader().readTree(in);
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
    return route == Route.NOTIFY && notifyThreshold != FILE_THRESHOLD
        ? withSeverityFilters(pattern, notifyThreshold)
        : pattern;
  }

  /**
   * One pattern that matches what any route's pattern matches: the alternatives of every route's
   * top-level {@code $or}, in route order. The cloud queues events through one rule with it, so
   * that an event two routes want (a HIGH network finding) is queued once, not once per route.
   *
   * @throws IllegalStateException when a route's file is not one top-level {@code $or}
   */
  public static ObjectNode anyRoute(SeverityLevel notifyThreshold) {
    ObjectNode any = Jackson.objectNode();
    ArrayNode alternatives = any.putArray("$or");
    for (Route route : Route.values()) {
      ObjectNode pattern = load(route, notifyThreshold);
      if (pattern.size() != 1 || !pattern.path("$or").isArray()) {
        throw new IllegalStateException(
            route.resource() + " must be one top-level $or to be combined with the others");
      }
      alternatives.addAll((ArrayNode) pattern.get("$or"));
    }
    return any;
  }

  /**
   * {@code notifyPattern} with both severity filters set from {@link SeverityLevel}'s bands: the
   * GuardDuty score from {@code threshold}'s floor up to the highest score, and the ASFF labels
   * from {@code threshold} up.
   */
  static ObjectNode withSeverityFilters(ObjectNode notifyPattern, SeverityLevel threshold) {
    ArrayNode alternatives = (ArrayNode) notifyPattern.get("$or");
    setScoreFloor((ObjectNode) alternatives.get(0).get("detail"), threshold);
    setLabels((ObjectNode) alternatives.get(1).at("/detail/findings/Severity"), threshold);
    return notifyPattern;
  }

  private static void setScoreFloor(ObjectNode detail, SeverityLevel threshold) {
    ArrayNode numeric = detail.putArray("severity").addObject().putArray("numeric");
    numeric
        .add(">=")
        .add(threshold.guardDutyFloor())
        .add("<=")
        .add(SeverityLevel.MAX_GUARDDUTY_SCORE);
  }

  private static void setLabels(ObjectNode severity, SeverityLevel threshold) {
    ArrayNode labels = severity.putArray("Label");
    Arrays.stream(SeverityLevel.values())
        .filter(level -> level.atLeast(threshold))
        .forEach(level -> labels.add(level.name()));
  }
}
