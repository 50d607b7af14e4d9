package io.guardwall.sqlite;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.BlocklistStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The blocklist in the SQLite state; thread-safe, and safe with other processes on the same file. A
 * row that cannot be read back (edited by hand, say) is reported to the state's warnings and
 * otherwise treated as absent: listing skips it, {@code deleteExpired} leaves it in place, an
 * upsert of its CIDR replaces it (a block must not fail for an unreadable record), {@code delete}
 * removes it. Closing it does nothing: the {@link SqliteState} owns the connection.
 */
final class SqliteBlocklistStore implements BlocklistStore {
  private static final String SELECT = "SELECT " + EntryRows.COLUMNS + " FROM blocklist ";
  private static final String DELETE = "DELETE FROM blocklist WHERE cidr = ?";

  private final Database db;

  SqliteBlocklistStore(Database db) {
    this.db = db;
  }

  @Override
  public UpsertResult upsert(BlockRequest request) {
    Objects.requireNonNull(request, "request");
    return db.transaction(
        c -> {
          List<BlocklistEntry> stored =
              select(c, "replaced by the new sighting", "WHERE cidr = ?", request.cidr().value());
          UpsertResult result =
              UpsertResult.apply(stored.isEmpty() ? null : stored.get(0), request);
          try (PreparedStatement ps = c.prepareStatement(EntryRows.REPLACE)) {
            EntryRows.bind(ps, result.entry());
            ps.executeUpdate();
          }
          return result;
        });
  }

  @Override
  public List<BlocklistEntry> listActive(Instant now) {
    String at = InstantText.format(now);
    return sorted(
        db.statement(c -> select(c, "skipped", "WHERE pinned = 1 OR expires_at > ?", at)));
  }

  @Override
  public Optional<BlocklistEntry> get(Cidr cidr) {
    String key = cidr.value();
    return db.statement(c -> select(c, "skipped", "WHERE cidr = ?", key)).stream().findFirst();
  }

  @Override
  public List<BlocklistEntry> deleteExpired(Instant now) {
    String at = InstantText.format(now);
    return sorted(
        db.transaction(
            c -> {
              List<BlocklistEntry> expired =
                  select(c, "left in place", "WHERE pinned = 0 AND expires_at <= ?", at);
              deleteAll(c, expired);
              return expired;
            }));
  }

  @Override
  public boolean delete(Cidr cidr) {
    String key = cidr.value();
    return db.statement(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** The readable rows matching {@code where}; each unreadable one is reported with its fate. */
  private List<BlocklistEntry> select(Connection c, String fate, String where, String param)
      throws SQLException {
    List<BlocklistEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            entries.add(EntryRows.read(rs));
          } catch (CorruptRowException e) {
            db.warn(e.getMessage() + "; " + fate);
          }
        }
      }
    }
    return entries;
  }

  private static void deleteAll(Connection c, List<BlocklistEntry> entries) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE)) {
      for (BlocklistEntry e : entries) {
        ps.setString(1, e.cidr().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static List<BlocklistEntry> sorted(List<BlocklistEntry> entries) {
    return entries.stream().sorted(Comparator.comparing(BlocklistEntry::cidr)).toList();
  }
}
