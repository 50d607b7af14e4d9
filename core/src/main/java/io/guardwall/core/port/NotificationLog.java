package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;

/**
 * Remembers which findings were notified, so each is notified once, and again only when its
 * severity rises; shared by concurrent workers. Implementations are thread-safe and atomic.
 */
public interface NotificationLog extends AutoCloseable {

  /**
   * Claims the right to notify {@code findingId} at {@code level}: true when it was never notified,
   * or only at a lower level (the record then holds {@code level}); false otherwise. The record may
   * be forgotten after {@code forgetAfter}.
   */
  boolean claim(String findingId, SeverityLevel level, Instant now, Instant forgetAfter);

  @Override
  default void close() {}
}
