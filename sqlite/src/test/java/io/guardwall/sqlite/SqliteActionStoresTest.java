package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.ActionStoresContract;
import io.guardwall.core.port.StateBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteActionStoresTest extends ActionStoresContract {

  @TempDir Path dir;

  @Override
  protected StateBackend newBackend() {
    return SqliteState.open(file());
  }

  private Path file() {
    return dir.resolve("state.db");
  }

  @Test
  void open_shouldAddTheActionTables_whenTheFileHasTheSchemaBeforeThem() throws SQLException {
    backend.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE allow_list");
      s.execute("DROP TABLE audit");
      s.execute("DROP TABLE audit_reported");
      s.execute("PRAGMA user_version = " + (Schema.VERSION - 2));
    }

    backend = newBackend();
    AllowedCidr a =
        new AllowedCidr(
            Cidr.parse("198.51.100.7"), "scanner", Actor.osUser("alice"), Instant.EPOCH);

    assertThat(backend.allowList().add(a)).isTrue();
    assertThat(backend.allowList().list()).containsExactly(a);
  }

  @Test
  void open_shouldAddTheReportedMark_whenTheFileHasTheSchemaBeforeIt() throws SQLException {
    backend.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE audit_reported");
      s.execute("ALTER TABLE audit DROP COLUMN status");
      s.execute("PRAGMA user_version = " + (Schema.VERSION - 1));
      // Rows as guardwall wrote them before: done or refused, nothing in between.
      s.execute(
          "INSERT INTO audit (at, actor_source, actor_id, actor_name, action, cidr, reason, done,"
              + " outcome) VALUES ('2030-01-01T00:00:00.000000000Z', 'CLI', 'bob', 'bob', 'PIN',"
              + " '198.51.100.7/32', '', 1, 'pinned'), ('2030-01-01T00:00:01.000000000Z', 'CLI',"
              + " 'bob', 'bob', 'PIN', '198.51.100.8/32', '', 0, 'not in the blocklist')");
    }

    backend = newBackend();

    assertThat(backend.audit().since(Instant.EPOCH))
        .extracting(r -> r.status().name())
        .containsExactly("DONE", "REFUSED");

    assertThat(backend.audit().reportedUntil()).isEqualTo(Instant.EPOCH);
    backend.audit().markReported(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(backend.audit().reportedUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void reportedUntil_shouldSurviveReopening() {
    backend.audit().markReported(Instant.parse("2030-01-01T00:00:00Z"));
    backend.close();

    backend = newBackend();

    assertThat(backend.audit().reportedUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void list_shouldSkipAndReportARow_thatCannotBeReadBack() throws SQLException {
    backend.close();
    List<String> warnings = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO allow_list VALUES ('not a cidr', 'r', 'CLI', 'bob', 'bob',"
              + " '2030-01-01T00:00:00.000000000Z')");
    }

    backend = SqliteState.open(file(), warnings::add);

    assertThat(backend.allowList().list()).isEmpty();
    assertThat(warnings).singleElement().asString().contains("allow_list", "not a cidr");
  }
}
