package io.guardwall.sqlite;

import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AllowListStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The dynamic allow-list in the SQLite state; thread-safe, and safe with other processes on the
 * same file (each write is one statement). A row that cannot be read back is reported to the
 * state's warnings and skipped.
 */
final class SqliteAllowListStore implements AllowListStore {
  private static final String INSERT =
      "INSERT INTO allow_list (cidr, reason, allowed_at, "
          + ActorColumns.COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cidr) DO NOTHING";
  private static final String SELECT =
      "SELECT cidr, reason, allowed_at, " + ActorColumns.COLUMNS + " FROM allow_list";

  private final Database db;

  SqliteAllowListStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean add(AllowedCidr allowed) {
    Objects.requireNonNull(allowed, "allowed");
    return db.statement(c -> insert(c, allowed)) == 1;
  }

  private static int insert(Connection c, AllowedCidr a) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, a.cidr().value());
      ps.setString(2, a.reason());
      ps.setString(3, InstantText.format(a.at()));
      ActorColumns.bind(ps, 4, a.actor());
      return ps.executeUpdate();
    }
  }

  @Override
  public boolean remove(Cidr cidr) {
    String key = Objects.requireNonNull(cidr, "cidr").value();
    return db.statement(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM allow_list WHERE cidr = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<AllowedCidr> list() {
    List<AllowedCidr> all = new ArrayList<>(db.statement(this::select));
    all.sort(Comparator.comparing(AllowedCidr::cidr));
    return List.copyOf(all);
  }

  private List<AllowedCidr> select(Connection c) throws SQLException {
    List<AllowedCidr> all = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        try {
          all.add(read(rs));
        } catch (RuntimeException e) {
          db.warn(
              new CorruptRowException("allow_list", rs.getString("cidr"), e).getMessage()
                  + "; skipped");
        }
      }
    }
    return all;
  }

  private static AllowedCidr read(ResultSet rs) throws SQLException {
    return new AllowedCidr(
        Cidr.parse(rs.getString("cidr")),
        rs.getString("reason"),
        ActorColumns.read(rs),
        InstantText.parse(rs.getString("allowed_at")));
  }
}
