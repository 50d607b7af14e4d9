package io.guardwall.sqlite;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The dry run's enforcement point kept in the state file: its CIDRs in {@code dry_run_cidrs}, the
 * version of its last write in {@code dry_run_targets}. Thread-safe, and safe with other processes
 * on the same file: a write checks the version and replaces the CIDRs in one immediate transaction.
 * Its room is the configured one.
 */
final class SqliteDryRunTarget implements EnforcementPoint {

  /** The version of a target never written: every process sees the same one. */
  static final String NEVER_WRITTEN = "never-written";

  private static final String VERSION = "SELECT version FROM dry_run_targets WHERE name = ?";
  private static final String CIDRS = "SELECT cidr FROM dry_run_cidrs WHERE target = ?";
  private static final String CLEAR = "DELETE FROM dry_run_cidrs WHERE target = ?";
  private static final String ADD =
      "INSERT OR IGNORE INTO dry_run_cidrs (target, cidr) VALUES (?, ?)";
  private static final String STAMP =
      "INSERT OR REPLACE INTO dry_run_targets (name, version) VALUES (?, ?)";

  private final Database db;
  private final String name;
  private final CidrBudget budget;

  SqliteDryRunTarget(Database db, String name, CidrBudget budget) {
    this.db = Objects.requireNonNull(db, "db");
    this.name = Objects.requireNonNull(name, "name");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TargetKind kind() {
    return TargetKind.DRY_RUN;
  }

  @Override
  public TargetSnapshot read() {
    // One transaction, so that the CIDRs and the version are of the same write.
    return db.transaction(c -> new TargetSnapshot(cidrs(c), budget, version(c)));
  }

  @Override
  public void apply(TargetSnapshot base, List<Cidr> blocked) {
    base.requireFits(blocked);
    db.transaction(
        c -> {
          if (!base.version().equals(version(c))) {
            throw new FirewallConflictException(
                db.about("dry-run target " + name + " changed since it was read"), null);
          }
          return write(c, blocked);
        });
  }

  private String version(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(VERSION)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : NEVER_WRITTEN;
      }
    }
  }

  private Set<Cidr> cidrs(Connection c) throws SQLException {
    Set<Cidr> cidrs = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(CIDRS)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cidrs.add(cidr(rs.getString(1)));
        }
      }
    }
    return cidrs;
  }

  private Cidr cidr(String stored) {
    try {
      return Cidr.parse(stored);
    } catch (RuntimeException e) {
      CorruptRowException corrupt = new CorruptRowException("dry_run_cidrs", name, e);
      throw new FirewallException(
          db.about(corrupt.getMessage() + "; delete that row to start from an empty target"),
          corrupt);
    }
  }

  private Void write(Connection c, List<Cidr> blocked) throws SQLException {
    run(c, CLEAR, name);
    try (PreparedStatement ps = c.prepareStatement(ADD)) {
      for (Cidr cidr : blocked) {
        ps.setString(1, name);
        ps.setString(2, cidr.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    run(c, STAMP, name, UUID.randomUUID().toString());
    return null;
  }

  private static void run(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }
}
