package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456789Z");
  private static final String IP = "198.51.100.7/32";

  @TempDir Path dir;

  @Test
  void open_shouldKeepState_whenReopened() {
    Path file = dir.resolve("state.db");
    BlockRequest blocked = Sighting.of(IP, T0).severity(SeverityLevel.HIGH).build();
    BlockRequest pinned = Sighting.of("2001:db8::/48", T0).pinned().build();
    try (SqliteState state = SqliteState.open(file)) {
      state.blocklist().upsert(blocked);
      state.blocklist().upsert(pinned);
      NotificationLog log = state.notifications();
      log.confirm(
          log.claim("f1", SeverityLevel.HIGH, T0, T0.plusSeconds(60)).orElseThrow(),
          T0,
          T0.plus(Duration.ofDays(30)));
    }

    try (SqliteState state = SqliteState.open(file)) {
      assertThat(state.blocklist().listActive(T0))
          .containsExactly(BlocklistEntry.create(blocked), BlocklistEntry.create(pinned));
      assertThat(state.notifications().claim("f1", SeverityLevel.HIGH, T0, T0.plusSeconds(1)))
          .isEmpty();
      assertThat(state.blocklist().upsert(Sighting.of(IP, T0.plusSeconds(1)).build()).created())
          .isFalse();
    }
  }

  @Test
  void open_shouldCreateFoldersAndSchema_whenMissing() throws SQLException {
    Path file = dir.resolve("a/b/c/state.db");

    SqliteState.open(file).close();

    assertThat(file).isRegularFile();
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      assertThat(single(s, "PRAGMA user_version")).isEqualTo(String.valueOf(Schema.VERSION));
      assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
    }
  }

  @Test
  void open_shouldCreateSchema_whenFileIsEmpty() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.db"));

    try (SqliteState state = SqliteState.open(file)) {
      assertThat(state.blocklist().upsert(Sighting.of(IP, T0).build()).created()).isTrue();
    }
  }

  @Test
  void open_shouldAcceptPath_whenItHoldsUriCharacters() {
    Path file = dir.resolve("odd ?#%20&name;/state file?.db");

    try (SqliteState state = SqliteState.open(file)) {
      state.blocklist().upsert(Sighting.of(IP, T0).build());
    }

    assertThat(file).isRegularFile();
    try (SqliteState state = SqliteState.open(file)) {
      assertThat(state.blocklist().get(Cidr.parse(IP))).isPresent();
    }
  }

  @Test
  void open_shouldThrowNamingFile_whenFileIsNotADatabase() throws Exception {
    Path file = dir.resolve("notes.txt");
    String text = "this is not a database, it is a shopping list\n".repeat(200);
    Files.writeString(file, text);

    assertThatThrownBy(() -> SqliteState.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a SQLite database");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void open_shouldThrowNamingPath_whenPathIsAFolder() {
    assertThatThrownBy(() -> SqliteState.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("is a folder");
  }

  @Test
  void open_shouldThrowNamingFile_whenParentIsAFile() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    Path file = blocker.resolve("state.db");

    assertThatThrownBy(() -> SqliteState.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cannot create the folder");
  }

  @Test
  void open_shouldThrowNamingFile_whenFileIsReadOnly() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteState.open(file).close(); // current schema, WAL mode: opening it needs no write
    String url = "jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro";

    assertThatThrownBy(() -> Database.open(url, file.toString(), w -> {}))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not writable");
  }

  @Test
  void open_shouldKeepNotificationsSent_whenFileHasTheFirstSchema() throws Exception {
    Path file = dir.resolve("v1.db");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      // the first schema's notifications table, as guardwall 0.1 wrote it
      s.execute(
          "CREATE TABLE notifications (finding_id TEXT PRIMARY KEY NOT NULL,"
              + " level INTEGER NOT NULL, expires_at TEXT NOT NULL)");
      s.execute(
          "CREATE TABLE blocklist (cidr TEXT PRIMARY KEY NOT NULL, first_seen TEXT NOT NULL,"
              + " last_seen TEXT NOT NULL, expires_at TEXT, hits INTEGER NOT NULL,"
              + " highest_severity TEXT NOT NULL, finding_types TEXT NOT NULL,"
              + " finding_ids TEXT NOT NULL, accounts TEXT NOT NULL, regions TEXT NOT NULL,"
              + " origins TEXT NOT NULL, pinned INTEGER NOT NULL)");
      s.execute(
          "INSERT INTO notifications VALUES ('f1', 3, '"
              + InstantText.format(T0.plus(Duration.ofDays(30)))
              + "')");
      s.execute("PRAGMA user_version = 1");
    }

    try (SqliteState state = SqliteState.open(file)) {
      NotificationLog log = state.notifications();
      assertThat(log.claim("f1", SeverityLevel.HIGH, T0, T0.plusSeconds(60))).isEmpty();
      assertThat(log.claim("f1", SeverityLevel.CRITICAL, T0, T0.plusSeconds(60))).isPresent();
    }
  }

  @Test
  void open_shouldReadOldRowsAndCountSightingsOnce_whenFileHasNoSightingKeys() throws Exception {
    Path file = dir.resolve("v3.db");
    try (SqliteState state = SqliteState.open(file)) {
      state.blocklist().upsert(Sighting.of(IP, T0).build());
    }
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      // back to the blocklist table before sighting keys, as guardwall wrote it until then
      s.execute("DROP TABLE allow_list");
      s.execute("DROP TABLE audit");
      s.execute("DROP TABLE dry_run_targets");
      s.execute("DROP TABLE dry_run_cidrs");
      s.execute("ALTER TABLE blocklist DROP COLUMN sighting_keys");
      s.execute("DROP TABLE audit_reported");
      s.execute("PRAGMA user_version = " + (Schema.VERSION - 4));
    }

    try (SqliteState state = SqliteState.open(file)) {
      assertThat(state.blocklist().get(Cidr.parse(IP)).orElseThrow().sightingKeys()).isEmpty();
      state.blocklist().upsert(Sighting.of(IP, T0.plusSeconds(1)).sightingKey("f@1").build());
      state.blocklist().upsert(Sighting.of(IP, T0.plusSeconds(2)).sightingKey("f@1").build());

      BlocklistEntry entry = state.blocklist().get(Cidr.parse(IP)).orElseThrow();
      assertThat(entry.hits()).isEqualTo(2);
      assertThat(entry.sightingKeys()).containsExactly("f@1");
    }
  }

  @Test
  void open_shouldRefuse_whenSchemaIsNewer() throws Exception {
    Path file = dir.resolve("state.db");
    SqliteState.open(file).close();
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
    }

    assertThatThrownBy(() -> SqliteState.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("newer than this guardwall");
  }

  @Test
  void open_shouldRefuseAndLeaveAlone_whenFileIsAnotherProgramsDatabase() throws Exception {
    Path file = dir.resolve("photos.db");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE photos (name TEXT)");
    }

    assertThatThrownBy(() -> SqliteState.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not guardwall state");
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      assertThat(single(s, "SELECT group_concat(name) FROM sqlite_master")).isEqualTo("photos");
    }
  }

  @Test
  void stores_shouldRefuseCalls_whenStateClosed() {
    SqliteState state = SqliteState.open(dir.resolve("state.db"));
    state.close();

    assertThatThrownBy(() -> state.blocklist().get(Cidr.parse(IP)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () -> state.notifications().claim("f", SeverityLevel.LOW, T0, T0.plusSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatCode(state::close).doesNotThrowAnyException();
  }

  @Test
  void closingAStore_shouldLeaveStateOpen_whenStateOwnsTheConnection() {
    try (SqliteState state = SqliteState.open(dir.resolve("state.db"))) {
      state.blocklist().close();
      state.notifications().close();

      assertThat(state.blocklist().upsert(Sighting.of(IP, T0).build()).created()).isTrue();
    }
  }

  @Test
  void inMemory_shouldKeepStatesApart_whenOpenedTwice() {
    try (SqliteState a = SqliteState.inMemory();
        SqliteState b = SqliteState.inMemory()) {
      a.blocklist().upsert(Sighting.of(IP, T0).build());

      assertThat(a.blocklist().get(Cidr.parse(IP))).isPresent();
      assertThat(b.blocklist().get(Cidr.parse(IP))).isEmpty();
    }
  }

  @Test
  void upsert_shouldRejectInstant_whenYearBeyond9999() {
    try (SqliteState state = SqliteState.inMemory()) {
      BlockRequest far = Sighting.of(IP, Instant.parse("9999-12-31T20:00:00Z")).build();

      assertThatThrownBy(() -> state.blocklist().upsert(far))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside years 0000-9999");
      assertThat(state.blocklist().get(Cidr.parse(IP))).isEmpty();
    }
  }

  @Test
  void claim_shouldPruneForgottenRecords_whenManyClaimsMade() throws SQLException {
    Path file = dir.resolve("state.db");
    try (SqliteState state = SqliteState.open(file)) {
      for (int i = 1; i < SqliteNotificationLog.PRUNE_EVERY; i++) {
        state.notifications().claim("old-" + i, SeverityLevel.HIGH, T0, T0.plusSeconds(60));
      }
      assertThat(rows(file)).isEqualTo(SqliteNotificationLog.PRUNE_EVERY - 1);

      Instant later = T0.plusSeconds(120);
      state.notifications().claim("new", SeverityLevel.HIGH, later, later.plusSeconds(60));

      assertThat(rows(file)).as("only the claim whose lease is live").isEqualTo(1);
      assertThat(state.notifications().claim("new", SeverityLevel.HIGH, later, later)).isEmpty();
    }
  }

  private static int rows(Path file) throws SQLException {
    try (Connection c = raw(file);
        Statement s = c.createStatement()) {
      return Integer.parseInt(single(s, "SELECT count(*) FROM notifications"));
    }
  }

  static Connection raw(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
