package io.guardwall.sqlite;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.NotificationLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notification log in the SQLite state; thread-safe, and safe with other processes on the same
 * file because a claim is one conditional upsert statement. Forgotten records are pruned every
 * {@link #PRUNE_EVERY} claims. Closing it does nothing: the {@link SqliteState} owns the
 * connection.
 */
final class SqliteNotificationLog implements NotificationLog {
  static final int PRUNE_EVERY = 1_000;

  // The update happens only when the level rises or the old record is forgotten; otherwise the
  // statement changes no row, which is how a refused claim shows.
  private static final String CLAIM =
      """
      INSERT INTO notifications (finding_id, level, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (finding_id) DO UPDATE
        SET level = excluded.level, expires_at = excluded.expires_at
        WHERE excluded.level > notifications.level OR notifications.expires_at <= ?""";
  private static final String PRUNE = "DELETE FROM notifications WHERE expires_at <= ?";

  private final Database db;
  private final AtomicLong claims = new AtomicLong();

  SqliteNotificationLog(Database db) {
    this.db = db;
  }

  @Override
  public boolean claim(String findingId, SeverityLevel level, Instant now, Instant forgetAfter) {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    String at = InstantText.format(now);
    String forget = InstantText.format(forgetAfter);
    boolean granted =
        db.statement(c -> update(c, CLAIM, findingId, level.ordinal(), forget, at) == 1);
    if (claims.incrementAndGet() % PRUNE_EVERY == 0) {
      db.statement(c -> update(c, PRUNE, at));
    }
    return granted;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }
}
