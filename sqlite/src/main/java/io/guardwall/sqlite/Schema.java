package io.guardwall.sqlite;

import io.guardwall.core.port.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, versioned by SQLite's {@code user_version}: a file written by an older guardwall is
 * migrated step by step on open; one written by a newer guardwall, or another program's database,
 * is refused.
 */
final class Schema {

  /** Step {@code i} brings a file from version {@code i} to {@code i + 1}; append, never edit. */
  private static final List<List<String>> STEPS =
      List.of(
          List.of(
              // Instants are InstantText; sets and lists are JSON arrays of strings.
              """
              CREATE TABLE blocklist (
                cidr TEXT PRIMARY KEY NOT NULL,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                expires_at TEXT,
                hits INTEGER NOT NULL CHECK (hits >= 1),
                highest_severity TEXT NOT NULL,
                finding_types TEXT NOT NULL,
                finding_ids TEXT NOT NULL,
                accounts TEXT NOT NULL,
                regions TEXT NOT NULL,
                origins TEXT NOT NULL,
                pinned INTEGER NOT NULL CHECK (pinned IN (0, 1)),
                CHECK (pinned = 1 OR expires_at IS NOT NULL)
              )""",
              "CREATE INDEX blocklist_expires_at ON blocklist (expires_at)",
              // level is the SeverityLevel rank, INFORMATIONAL 0 to CRITICAL 4.
              """
              CREATE TABLE notifications (
                finding_id TEXT PRIMARY KEY NOT NULL,
                level INTEGER NOT NULL,
                expires_at TEXT NOT NULL
              )""",
              "CREATE INDEX notifications_expires_at ON notifications (expires_at)"),
          // A notification is remembered (level, expires_at) only once Slack accepted it; until
          // then a claim holds a lease (lease_*). Rows written before are notifications sent.
          List.of(
              """
              CREATE TABLE notifications_v2 (
                finding_id TEXT PRIMARY KEY NOT NULL,
                level INTEGER,
                expires_at TEXT,
                lease_level INTEGER,
                lease_until TEXT,
                lease_token TEXT,
                CHECK ((level IS NULL) = (expires_at IS NULL)),
                CHECK ((lease_level IS NULL) = (lease_until IS NULL)),
                CHECK ((lease_until IS NULL) = (lease_token IS NULL))
              )""",
              """
              INSERT INTO notifications_v2 (finding_id, level, expires_at)
                SELECT finding_id, level, expires_at FROM notifications""",
              "DROP TABLE notifications",
              "ALTER TABLE notifications_v2 RENAME TO notifications",
              "CREATE INDEX notifications_expires_at ON notifications (expires_at)"),
          // The rule groups of dry runs, by name: the RuleGroup JSON and the token of its write.
          List.of(
              """
              CREATE TABLE rule_groups (
                name TEXT PRIMARY KEY NOT NULL,
                rule_group TEXT NOT NULL,
                update_token TEXT NOT NULL
              )"""),
          // The keys of the sightings an entry counted, so that a copy is not counted again.
          // Rows written before remember none: their next copy counts once more, as it did.
          List.of("ALTER TABLE blocklist ADD COLUMN sighting_keys TEXT NOT NULL DEFAULT '[]'"),
          // The dry-run enforcement points, by name: the version of their last write, and the
          // CIDRs they block.
          List.of(
              """
              CREATE TABLE dry_run_targets (
                name TEXT PRIMARY KEY NOT NULL,
                version TEXT NOT NULL
              )""",
              """
              CREATE TABLE dry_run_cidrs (
                target TEXT NOT NULL,
                cidr TEXT NOT NULL,
                PRIMARY KEY (target, cidr)
              )"""),
          // The dynamic allow-list, and the audit trail of people's actions (seq keeps the order
          // of actions of the same instant).
          List.of(
              """
              CREATE TABLE allow_list (
                cidr TEXT PRIMARY KEY NOT NULL,
                reason TEXT NOT NULL,
                actor_source TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                allowed_at TEXT NOT NULL
              )""",
              """
              CREATE TABLE audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor_source TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                action TEXT NOT NULL,
                cidr TEXT NOT NULL,
                reason TEXT NOT NULL,
                done INTEGER NOT NULL CHECK (done IN (0, 1)),
                outcome TEXT NOT NULL
              )""",
              "CREATE INDEX audit_at ON audit (at)"),
          // The instant before which the maintenance digest reported every action: one row. And
          // how far each action got, as it is now written before the action: rows written before
          // have none (read from done: DONE or REFUSED).
          List.of(
              """
              CREATE TABLE audit_reported (
                id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                until TEXT NOT NULL
              )""",
              """
              ALTER TABLE audit ADD COLUMN status TEXT
                CHECK (status IS NULL OR status IN ('REQUESTED', 'DONE', 'REFUSED', 'FAILED'))"""));

  static final int VERSION = STEPS.size();

  private Schema() {}

  /**
   * Runs the missing steps in the caller's write transaction, so two processes opening the same new
   * file do not both migrate it.
   */
  static Void migrate(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement()) {
      int version = userVersion(s);
      if (version > VERSION) {
        throw new StoreException(
            "state file "
                + name
                + " has schema version "
                + version
                + ", newer than this guardwall understands ("
                + VERSION
                + "); use a newer guardwall",
            null);
      }
      if (version == 0 && hasTables(s)) {
        throw new StoreException(
            "state file " + name + " is a SQLite database of something else, not guardwall state",
            null);
      }
      for (int step = version; step < VERSION; step++) {
        for (String sql : STEPS.get(step)) {
          s.execute(sql);
        }
      }
      // Written even when current, so that a file we cannot write fails here, on open.
      s.execute("PRAGMA user_version = " + VERSION);
    }
    return null;
  }

  private static boolean hasTables(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  private static int userVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
