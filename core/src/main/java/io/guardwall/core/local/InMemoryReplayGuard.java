package io.guardwall.core.local;

import io.guardwall.core.port.ReplayGuard;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ReplayGuard} for one process: tests and local runs. Keys are dropped once forgotten, so
 * memory holds only what could still be replayed. Thread-safe.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

  private final Map<String, Instant> remembered = new HashMap<>();

  @Override
  public synchronized boolean firstUse(String key, Instant now, Instant forgetAfter) {
    remembered.values().removeIf(until -> !until.isAfter(now));
    return remembered.putIfAbsent(key, forgetAfter) == null;
  }
}
