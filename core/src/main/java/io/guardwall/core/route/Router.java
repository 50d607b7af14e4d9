package io.guardwall.core.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.SeverityLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.Machine;

/**
 * Matches events against the route patterns with event-ruler, the engine behind EventBridge, so a
 * local run routes exactly as the deployed rules do; thread-safe once built. The match of each
 * {@link RouteKey} is remembered (up to {@link #MEMO_KEYS} keys), since a backfill's events differ
 * mostly in fields no pattern names.
 */
public final class Router {

  /** How many route keys are remembered; when full, the memo starts again empty. */
  static final int MEMO_KEYS = 4_096;

  private final Machine machine = Machine.builder().build();
  private final RouteKey routeKey;
  private final Map<String, Set<Route>> memo = new ConcurrentHashMap<>();

  private Router(SeverityLevel notifyThreshold) {
    List<ObjectNode> patterns = new ArrayList<>();
    for (Route route : Route.values()) {
      ObjectNode pattern = EventPatterns.load(route, notifyThreshold);
      patterns.add(pattern);
      try {
        machine.addRule(route.name(), pattern.toString());
      } catch (Exception e) {
        throw new IllegalStateException("invalid pattern for route " + route + ": " + e, e);
      }
    }
    routeKey = RouteKey.of(patterns);
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
   * The routes whose pattern matches {@code event} (an unmodifiable set), matched on the parsed
   * tree so that a caller holding one does not serialise and re-parse it.
   *
   * @throws IllegalArgumentException when the event is not a JSON object
   */
  public Set<Route> routes(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("event is not a JSON object");
    }
    String key = routeKey.of(event);
    if (key == null) {
      return match(event);
    }
    Set<Route> known = memo.get(key);
    if (known != null) {
      return known;
    }
    Set<Route> routes = match(event);
    if (memo.size() >= MEMO_KEYS) {
      memo.clear();
    }
    memo.put(key, routes);
    return routes;
  }

  /** The routes event-ruler matches for {@code event}, without the memo. */
  Set<Route> match(JsonNode event) {
    Set<Route> routes = EnumSet.noneOf(Route.class);
    machine.rulesForJSONEvent(event).forEach(name -> routes.add(Route.valueOf(name)));
    return Collections.unmodifiableSet(routes);
  }

  /** How many route keys are remembered now. */
  int remembered() {
    return memo.size();
  }
}
