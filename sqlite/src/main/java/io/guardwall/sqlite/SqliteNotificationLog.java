package io.guardwall.sqlite;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.ClaimRequest;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotificationLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notification log in the SQLite state; thread-safe, and safe with other processes on the same
 * file because a claim is one conditional upsert statement and a confirm one transaction. A row
 * holds what was notified ({@code level}, {@code expires_at}) and the pending claim ({@code
 * lease_*}). Forgotten rows are pruned every {@link #PRUNE_EVERY} claims. Closing it does nothing:
 * the {@link SqliteState} owns the connection.
 */
final class SqliteNotificationLog implements NotificationLog {
  static final int PRUNE_EVERY = 1_000;

  // The update happens only when neither what was notified nor a live lease covers the level;
  // otherwise the statement changes no row, which is how a refused claim shows.
  private static final String CLAIM =
      """
      INSERT INTO notifications (finding_id, lease_level, lease_until, lease_token)
        VALUES (?, ?, ?, ?)
      ON CONFLICT (finding_id) DO UPDATE
        SET lease_level = excluded.lease_level, lease_until = excluded.lease_until,
          lease_token = excluded.lease_token
        WHERE (notifications.level IS NULL OR notifications.level < excluded.lease_level
            OR notifications.expires_at <= ?)
          AND (notifications.lease_level IS NULL
            OR notifications.lease_level < excluded.lease_level OR notifications.lease_until <= ?)""";

  // A higher level remembered meanwhile (confirmed by a later claim) is kept.
  private static final String REMEMBER =
      """
      INSERT INTO notifications (finding_id, level, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (finding_id) DO UPDATE
        SET level = excluded.level, expires_at = excluded.expires_at
        WHERE notifications.level IS NULL OR notifications.level <= excluded.level
          OR notifications.expires_at <= ?""";

  private static final String END_LEASE =
      """
      UPDATE notifications SET lease_level = NULL, lease_until = NULL, lease_token = NULL
        WHERE finding_id = ? AND lease_token = ?""";

  private static final String PRUNE =
      """
      DELETE FROM notifications WHERE (expires_at IS NULL OR expires_at <= ?)
        AND (lease_until IS NULL OR lease_until <= ?)""";

  private final Database db;
  private final AtomicLong claimed = new AtomicLong();

  SqliteNotificationLog(Database db) {
    this.db = db;
  }

  @Override
  public Optional<NotificationClaim> claim(
      String findingId, SeverityLevel level, Instant now, Instant leaseUntil) {
    return claimAll(List.of(new ClaimRequest(findingId, level)), now, leaseUntil).get(0);
  }

  /** The whole batch in one transaction, one conditional upsert statement per claim. */
  @Override
  public List<Optional<NotificationClaim>> claimAll(
      List<ClaimRequest> requests, Instant now, Instant leaseUntil) {
    List<ClaimRequest> batch = List.copyOf(requests);
    String at = InstantText.format(Objects.requireNonNull(now, "now"));
    String until = InstantText.format(Objects.requireNonNull(leaseUntil, "leaseUntil"));
    if (batch.isEmpty()) {
      return List.of();
    }
    List<Optional<NotificationClaim>> claims = db.transaction(c -> claimIn(c, batch, at, until));
    long before = claimed.getAndAdd(batch.size());
    if (before / PRUNE_EVERY != (before + batch.size()) / PRUNE_EVERY) {
      db.statement(c -> update(c, PRUNE, at, at));
    }
    return claims;
  }

  private static List<Optional<NotificationClaim>> claimIn(
      Connection c, List<ClaimRequest> batch, String at, String until) throws SQLException {
    List<Optional<NotificationClaim>> claims = new ArrayList<>(batch.size());
    try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
      for (ClaimRequest r : batch) {
        NotificationClaim claim = NotificationClaim.granted(r.findingId(), r.level());
        bind(ps, r.findingId(), r.level().rank(), until, claim.token(), at, at);
        claims.add(ps.executeUpdate() == 1 ? Optional.of(claim) : Optional.empty());
      }
    }
    return claims;
  }

  @Override
  public void confirm(NotificationClaim claim, Instant now, Instant forgetAfter) {
    confirmAll(List.of(Objects.requireNonNull(claim, "claim")), now, forgetAfter);
  }

  /** Every claim of the batch in one transaction. */
  @Override
  public void confirmAll(List<NotificationClaim> claims, Instant now, Instant forgetAfter) {
    List<NotificationClaim> batch = List.copyOf(claims);
    String at = InstantText.format(Objects.requireNonNull(now, "now"));
    String forget = InstantText.format(Objects.requireNonNull(forgetAfter, "forgetAfter"));
    if (batch.isEmpty()) {
      return;
    }
    db.transaction(
        c -> {
          int ended = 0;
          try (PreparedStatement remember = c.prepareStatement(REMEMBER);
              PreparedStatement endLease = c.prepareStatement(END_LEASE)) {
            for (NotificationClaim claim : batch) {
              bind(remember, claim.findingId(), claim.level().rank(), forget, at);
              remember.executeUpdate();
              bind(endLease, claim.findingId(), claim.token());
              ended += endLease.executeUpdate();
            }
          }
          return ended;
        });
  }

  @Override
  public void release(NotificationClaim claim) {
    Objects.requireNonNull(claim, "claim");
    db.statement(c -> update(c, END_LEASE, claim.findingId(), claim.token()));
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
