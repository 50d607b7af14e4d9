package io.guardwall.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.json.JsonText;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link BlocklistEntry} to rows of the {@code blocklist} table and back, exactly: instants as
 * {@link InstantText}, sets and the finding id and sighting key lists as JSON arrays of strings.
 */
final class EntryRows {
  static final String COLUMNS =
      "cidr, first_seen, last_seen, expires_at, hits, highest_severity,"
          + " finding_types, finding_ids, accounts, regions, origins, pinned, sighting_keys";
  static final String REPLACE =
      "INSERT OR REPLACE INTO blocklist (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private EntryRows() {}

  static void bind(PreparedStatement ps, BlocklistEntry e) throws SQLException {
    ps.setString(1, e.cidr().value());
    ps.setString(2, InstantText.format(e.firstSeen()));
    ps.setString(3, InstantText.format(e.lastSeen()));
    ps.setString(4, e.expiresAt() == null ? null : InstantText.format(e.expiresAt()));
    ps.setLong(5, e.hits());
    ps.setString(6, e.highestSeverity().name());
    ps.setString(7, json(e.findingTypes()));
    ps.setString(8, json(e.findingIds()));
    ps.setString(9, json(e.accounts()));
    ps.setString(10, json(e.regions()));
    ps.setString(11, json(e.origins().stream().map(Origin::name).toList()));
    ps.setInt(12, e.pinned() ? 1 : 0);
    ps.setString(13, json(e.sightingKeys()));
  }

  /** The entry in the current row of {@code rs}, selected with {@link #COLUMNS}. */
  static BlocklistEntry read(ResultSet rs) throws SQLException, CorruptRowException {
    String key = rs.getString("cidr");
    try {
      return new BlocklistEntry(
          canonical(key),
          InstantText.parse(rs.getString("first_seen")),
          InstantText.parse(rs.getString("last_seen")),
          instantOrNull(rs.getString("expires_at")),
          rs.getLong("hits"),
          SeverityLevel.parse(rs.getString("highest_severity")),
          new TreeSet<>(strings(rs, "finding_types")),
          strings(rs, "finding_ids"),
          strings(rs, "sighting_keys"),
          new TreeSet<>(strings(rs, "accounts")),
          new TreeSet<>(strings(rs, "regions")),
          new TreeSet<>(strings(rs, "origins").stream().map(Origin::valueOf).toList()),
          rs.getInt("pinned") != 0);
    } catch (RuntimeException e) {
      throw new CorruptRowException("blocklist", key, e);
    }
  }

  /** Only the canonical spelling can be found again by its key, so anything else is corrupt. */
  private static Cidr canonical(String key) {
    Cidr cidr = Cidr.parse(Objects.requireNonNull(key, "cidr"));
    if (!cidr.value().equals(key)) {
      throw new IllegalArgumentException("CIDR not in canonical form " + cidr.value());
    }
    return cidr;
  }

  private static @Nullable Instant instantOrNull(@Nullable String text) {
    return text == null ? null : InstantText.parse(text);
  }

  /** A JSON array of strings, written by hand: a serializer per row cost more than the write. */
  static String json(Collection<String> values) {
    // Sized for the usual case (nothing to escape): growing the builder was a tenth of a
    // backfill's time, its rows holding up to 20 finding ids and 32 sighting keys.
    int length = 2;
    for (String v : values) {
      length += v.length() + 3;
    }
    StringBuilder b = new StringBuilder(length).append('[');
    for (String v : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      JsonText.appendString(b, v);
    }
    return b.append(']').toString();
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    String text = Objects.requireNonNull(rs.getString(column), column);
    List<String> values;
    try {
      values = Jackson.reader().forType(STRINGS).readValue(text);
    } catch (JsonProcessingException e) {
      values = null; // Jackson's message quotes the text and spans lines: ours names the column
    }
    if (values == null || values.contains(null)) {
      throw new IllegalArgumentException(column + " is not a JSON array of strings");
    }
    return values;
  }
}
