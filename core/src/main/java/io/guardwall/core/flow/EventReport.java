package io.guardwall.core.flow;

import io.guardwall.core.route.Route;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one event: the routes it matched, its findings, or why it could not be read;
 * immutable.
 *
 * @param source where the event came from (a file name), for reports
 * @param index its position in that source, from 0
 */
public record EventReport(
    String source,
    int index,
    Set<Route> routes,
    @Nullable String error,
    List<FindingReport> findings) {

  public EventReport {
    routes = Set.copyOf(routes);
    findings = List.copyOf(findings);
  }

  public static EventReport failed(String source, int index, String error) {
    return new EventReport(source, index, Set.of(), error, List.of());
  }
}
