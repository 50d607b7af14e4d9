package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A {@link NotificationLog} held in memory, for tests of the flows; thread-safe (synchronized). */
public final class InMemoryNotificationLog implements NotificationLog {
  private record Claimed(SeverityLevel level, Instant forgetAfter) {}

  private final Map<String, Claimed> claims = new HashMap<>();

  @Override
  public synchronized boolean claim(
      String findingId, SeverityLevel level, Instant now, Instant forgetAfter) {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    Claimed before = claims.get(findingId);
    boolean granted =
        before == null || !before.forgetAfter().isAfter(now) || level.compareTo(before.level()) > 0;
    if (granted) {
      claims.put(findingId, new Claimed(level, forgetAfter));
    }
    return granted;
  }
}
