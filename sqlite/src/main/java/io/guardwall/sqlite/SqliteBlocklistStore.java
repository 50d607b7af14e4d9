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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /** Entries kept between batches: the rule group's default capacity of busy addresses. */
  static final int CACHED_ENTRIES = 10_000;

  private final Database db;
  private final EntryCache cache = new EntryCache(CACHED_ENTRIES);

  SqliteBlocklistStore(Database db) {
    this.db = db;
  }

  @Override
  public UpsertResult upsert(BlockRequest request) {
    return upsertAll(List.of(Objects.requireNonNull(request, "request"))).get(0);
  }

  /** The whole batch in one transaction: all of it is recorded, or none. */
  @Override
  public List<UpsertResult> upsertAll(List<BlockRequest> requests) {
    List<BlockRequest> batch = List.copyOf(requests);
    if (batch.isEmpty()) {
      return List.of();
    }
    Map<Cidr, BlocklistEntry> written = new LinkedHashMap<>();
    return db.transaction(c -> upsertIn(c, batch, written), r -> cache.putAll(written.values()));
  }

  /**
   * Applies the requests in order against what is stored and what the batch wrote before, then
   * writes each CIDR's last state once: a busy address costs one write per batch, not per sighting.
   */
  private List<UpsertResult> upsertIn(
      Connection c, List<BlockRequest> batch, Map<Cidr, BlocklistEntry> written)
      throws SQLException {
    cache.validFor(Database.dataVersion(c));
    List<UpsertResult> results = new ArrayList<>(batch.size());
    try (PreparedStatement byCidr = c.prepareStatement(SELECT + "WHERE cidr = ?")) {
      for (BlockRequest r : batch) {
        BlocklistEntry before =
            written.containsKey(r.cidr()) ? written.get(r.cidr()) : stored(byCidr, r.cidr());
        UpsertResult result = UpsertResult.apply(before, r);
        written.put(r.cidr(), result.entry());
        results.add(result);
      }
    }
    replaceAll(c, written.values());
    return results;
  }

  private @Nullable BlocklistEntry stored(PreparedStatement byCidr, Cidr cidr) throws SQLException {
    BlocklistEntry cached = cache.get(cidr);
    if (cached != null) {
      return cached;
    }
    List<BlocklistEntry> rows = select(byCidr, "replaced by the new sighting", cidr.value());
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static void replaceAll(Connection c, Collection<BlocklistEntry> entries)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(EntryRows.REPLACE)) {
      for (BlocklistEntry e : entries) {
        EntryRows.bind(ps, e);
        ps.addBatch();
      }
      ps.executeBatch();
    }
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
              expired.forEach(e -> cache.remove(e.cidr()));
              deleteAll(c, expired);
              return expired;
            }));
  }

  @Override
  public boolean delete(Cidr cidr) {
    String key = cidr.value();
    return db.statement(
        c -> {
          cache.remove(cidr);
          try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** The readable rows matching {@code where}; each unreadable one is reported with its fate. */
  private List<BlocklistEntry> select(Connection c, String fate, String where, String param)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
      return select(ps, fate, param);
    }
  }

  private List<BlocklistEntry> select(PreparedStatement ps, String fate, String param)
      throws SQLException {
    List<BlocklistEntry> entries = new ArrayList<>();
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
