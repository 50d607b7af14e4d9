package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.Sighting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows edited by hand: each is reported by name, and the readable rows stay usable. */
class SqliteCorruptRowTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String BAD = "198.51.100.7/32";
  private static final String GOOD = "192.0.2.1/32";

  @TempDir Path dir;
  private Path file;
  private final List<String> warnings = new ArrayList<>();
  private BlockRequest good;

  @BeforeEach
  void twoRows() {
    file = dir.resolve("state.db");
    good = Sighting.of(GOOD, T0).build();
    try (SqliteState state = SqliteState.open(file)) {
      state.blocklist().upsert(good);
      state.blocklist().upsert(Sighting.of(BAD, T0).build());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cidr             | not-a-cidr          | not-a-cidr      | not a CIDR",
        "cidr             | 198.51.100.7        | 198.51.100.7    | not in canonical form",
        "cidr             | 198.51.100.7/24     | 198.51.100.7/24 | host bits set",
        "first_seen       | yesterday           | " + BAD + "     | yesterday",
        "highest_severity | SEVERE              | " + BAD + "     | unknown severity label",
        "finding_types    | '[not json'         | "
            + BAD
            + "     | finding_types is not a JSON array",
        "regions          | '{\"a\":1}'          | " + BAD + "     | regions is not a JSON array",
        "finding_ids      | null                | " + BAD + "     | not a JSON array of strings",
        "accounts         | '[\"a\",null]'      | " + BAD + "     | not a JSON array of strings",
        "origins          | '[\"CLOUDTRAIL\"]'  | " + BAD + "     | CLOUDTRAIL",
        "sighting_keys    | '[1,{}]'            | "
            + BAD
            + "     | sighting_keys is not a JSON array",
        "hits             | many                | " + BAD + "     | hits must be positive",
      })
  void listActive_shouldSkipAndReportRow_whenRowIsUnreadable(
      String column, String value, String key, String reason) throws SQLException {
    corrupt(column, value);

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().listActive(T0)).containsExactly(BlocklistEntry.create(good));
    }

    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(file.toString(), "blocklist row '" + key + "'", reason, "skipped");
  }

  @Test
  void get_shouldReturnEmptyAndReport_whenRowIsUnreadable() throws SQLException {
    corrupt("regions", "[");

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().get(Cidr.parse(BAD))).isEmpty();
      assertThat(state.blocklist().get(Cidr.parse(GOOD))).isPresent();
    }

    assertThat(warnings).singleElement().asString().contains("'" + BAD + "'", "skipped");
  }

  @Test
  void upsert_shouldReplaceAndReport_whenStoredRowIsUnreadable() throws SQLException {
    corrupt("regions", "[");
    BlockRequest again = Sighting.of(BAD, T0.plusSeconds(5)).build();

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      UpsertResult result = state.blocklist().upsert(again);

      assertThat(result.created()).isTrue();
      assertThat(state.blocklist().get(Cidr.parse(BAD))).contains(BlocklistEntry.create(again));
    }

    assertThat(warnings).singleElement().asString().contains("'" + BAD + "'", "replaced");
  }

  @Test
  void deleteExpired_shouldLeaveAndReport_whenExpiredRowIsUnreadable() throws SQLException {
    corrupt("cidr", "not-a-cidr");
    Instant later = T0.plus(Duration.ofDays(1));

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().deleteExpired(later))
          .containsExactly(BlocklistEntry.create(good));
    }
    assertThat(warnings).singleElement().asString().contains("'not-a-cidr'", "left in place");

    warnings.clear();
    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().deleteExpired(later)).isEmpty();
    }
    assertThat(warnings).as("still there, reported again").hasSize(1);
  }

  @Test
  void delete_shouldRemoveRow_whenRowIsUnreadable() throws SQLException {
    corrupt("origins", "[]]");

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().delete(Cidr.parse(BAD))).isTrue();
      assertThat(state.blocklist().listActive(T0)).hasSize(1);
    }

    assertThat(warnings).isEmpty();
  }

  @Test
  void listActive_shouldReportHugeKeyAbbreviated_whenCidrTextIsHuge() throws SQLException {
    corrupt("cidr", "9".repeat(100_000));

    try (SqliteState state = SqliteState.open(file, warnings::add)) {
      assertThat(state.blocklist().listActive(T0)).hasSize(1);
    }

    assertThat(warnings).singleElement().asString().hasSizeLessThan(1_000).contains("999...'");
  }

  private void corrupt(String column, String value) throws SQLException {
    try (Connection c = SqliteStateTest.raw(file);
        PreparedStatement ps =
            c.prepareStatement("UPDATE blocklist SET " + column + " = ? WHERE cidr = ?")) {
      ps.setString(1, value);
      ps.setString(2, BAD);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
