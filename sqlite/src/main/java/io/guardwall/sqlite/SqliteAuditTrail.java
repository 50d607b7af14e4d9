package io.guardwall.sqlite;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail in the SQLite state; thread-safe, and safe with other processes on the same file.
 * A row that cannot be read back is reported to the state's warnings and skipped.
 */
final class SqliteAuditTrail implements AuditTrail {
  private static final String INSERT =
      "INSERT INTO audit (at, action, cidr, reason, done, outcome, status, "
          + ActorColumns.COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq";
  private static final String COMPLETE =
      "UPDATE audit SET status = ?, done = ?, outcome = ? WHERE seq = ?";
  private static final String SELECT =
      "SELECT seq, at, action, cidr, reason, done, outcome, status, "
          + ActorColumns.COLUMNS
          + " FROM audit WHERE at >= ? ORDER BY at, seq";

  private static final String REPORTED = "SELECT until FROM audit_reported WHERE id = 1";
  private static final String MARK =
      "INSERT INTO audit_reported (id, until) VALUES (1, ?) ON CONFLICT (id) DO UPDATE"
          + " SET until = excluded.until WHERE excluded.until > audit_reported.until";

  private final Database db;

  SqliteAuditTrail(Database db) {
    this.db = db;
  }

  @Override
  public String record(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    return db.statement(c -> insert(c, record));
  }

  private static String insert(Connection c, AuditRecord r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, InstantText.format(r.at()));
      ps.setString(2, r.action().name());
      ps.setString(3, r.cidr().value());
      ps.setString(4, r.reason());
      ps.setInt(5, r.done() ? 1 : 0);
      ps.setString(6, r.outcome());
      ps.setString(7, r.status().name());
      ActorColumns.bind(ps, 8, r.actor());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Long.toString(rs.getLong(1));
      }
    }
  }

  @Override
  public void complete(String id, AuditRecord completed) {
    Objects.requireNonNull(completed, "completed");
    long seq;
    try {
      seq = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new StoreException("no audit record " + id, e);
    }
    int updated = db.statement(c -> update(c, seq, completed));
    if (updated == 0) {
      throw new StoreException("no audit record " + id, null);
    }
  }

  private static int update(Connection c, long seq, AuditRecord r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
      ps.setString(1, r.status().name());
      ps.setInt(2, r.done() ? 1 : 0);
      ps.setString(3, r.outcome());
      ps.setLong(4, seq);
      return ps.executeUpdate();
    }
  }

  @Override
  public List<AuditRecord> since(Instant from) {
    String at = InstantText.format(Objects.requireNonNull(from, "from"));
    return db.statement(c -> select(c, at));
  }

  private List<AuditRecord> select(Connection c, String from) throws SQLException {
    List<AuditRecord> records = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            records.add(read(rs));
          } catch (RuntimeException e) {
            db.warn(
                new CorruptRowException("audit", rs.getString("seq"), e).getMessage()
                    + "; skipped");
          }
        }
      }
    }
    return List.copyOf(records);
  }

  private static AuditRecord read(ResultSet rs) throws SQLException {
    return new AuditRecord(
        InstantText.parse(rs.getString("at")),
        ActorColumns.read(rs),
        Action.valueOf(rs.getString("action")),
        Cidr.parse(rs.getString("cidr")),
        rs.getString("reason"),
        status(rs),
        rs.getString("outcome"));
  }

  /** The row's status; rows written before there was one were either done or refused. */
  private static AuditRecord.Status status(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    if (status != null) {
      return AuditRecord.Status.valueOf(status);
    }
    return rs.getInt("done") == 1 ? AuditRecord.Status.DONE : AuditRecord.Status.REFUSED;
  }

  @Override
  public Instant reportedUntil() {
    return db.statement(SqliteAuditTrail::reported);
  }

  private static Instant reported(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REPORTED);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? InstantText.parse(rs.getString("until")) : Instant.EPOCH;
    }
  }

  @Override
  public void markReported(Instant until) {
    String text = InstantText.format(Objects.requireNonNull(until, "until"));
    db.statement(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(MARK)) {
            ps.setString(1, text);
            return ps.executeUpdate();
          }
        });
  }
}
