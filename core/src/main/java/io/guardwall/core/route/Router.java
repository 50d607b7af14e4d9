package io.guardwall.core.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.SeverityLevel;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * Matches events against the route patterns with event-ruler, the engine behind EventBridge, so a
 * local run routes exactly as the deployed rules do; thread-safe once built.
 */
public final class Router {

  private final Machine machine = Machine.builder().build();

  private Router(SeverityLevel notifyThreshold) {
    for (Route route : Route.values()) {
      try {
        machine.addRule(route.name(), EventPatterns.load(route, notifyThreshold).toString());
      } catch (Exception e) {
        throw new IllegalStateException("invalid pattern for route " + route + ": " + e, e);
      }
    }
  }

  /** A router with the notify route at {@code notifyThreshold}. */
  public static Router create(SeverityLevel notifyThreshold) {
    return new Router(notifyThreshold);
  }

  /**
   * The routes whose pattern matches {@code eventJson}; empty for an event no route wants.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public Set<Route> routes(String eventJson) {
    try {
      return routes(Jackson.reader().readTree(eventJson));
    } catch (IOException e) {
      throw new IllegalArgumentException("event is not a JSON object: " + e.getMessage(), e);
    }
  }

  /**
   * The routes whose pattern matches {@code event}, matched on the parsed tree so that a caller
   * holding one does not serialise and re-parse it.
   *
   * @throws IllegalArgumentException when the event is not a JSON object
   */
  public Set<Route> routes(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("event is not a JSON object");
    }
    Set<Route> routes = EnumSet.noneOf(Route.class);
    machine.rulesForJSONEvent(event).forEach(name -> routes.add(Route.valueOf(name)));
    return routes;
  }
}
