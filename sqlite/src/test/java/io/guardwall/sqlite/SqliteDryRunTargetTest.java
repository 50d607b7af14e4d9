package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.LocalTargetContract;
import io.guardwall.core.port.TargetSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry-run target in the state file: the contract, kept between runs and processes. */
class SqliteDryRunTargetTest extends LocalTargetContract {

  @TempDir Path dir;
  private final List<SqliteState> opened = new ArrayList<>();

  @Override
  protected EnforcementPoint newTarget(int room) {
    return open().dryRunTarget(CidrBudget.shared(room)).orElseThrow();
  }

  @AfterEach
  void closeStates() {
    opened.forEach(SqliteState::close);
  }

  @Test
  void read_shouldSeeWhatWasWritten_whenTheFileIsOpenedAgain() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "2001:db8::/64"));
    TargetSnapshot written = target.read();

    assertThat(reopen().read()).isEqualTo(written);
  }

  @Test
  void apply_shouldThrowConflictNamingTheFile_whenAnotherProcessWroteInBetween() {
    EnforcementPoint other = reopen();
    TargetSnapshot mine = target.read();
    other.apply(other.read(), cidrs("192.0.2.2/32"));

    assertThatThrownBy(() -> target.apply(mine, cidrs("192.0.2.1/32")))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(file().toString());
    assertThat(other.read().blocked()).containsExactly(Cidr.parse("192.0.2.2/32"));
  }

  @Test
  void read_shouldNameTheTableAndTheFile_whenAStoredCidrIsCorrupt() throws SQLException {
    target.apply(target.read(), cidrs("192.0.2.1/32"));
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      s.execute("UPDATE dry_run_cidrs SET cidr = 'not-a-cidr'");
    }

    assertThatThrownBy(() -> target.read())
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("dry_run_cidrs row 'dry-run' is unreadable");
  }

  @Test
  void dryRunTarget_shouldStartEmpty_whenTheFileHasTheSchemaBeforeDryRunTargets()
      throws SQLException {
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE allow_list");
      s.execute("DROP TABLE audit");
      s.execute("DROP TABLE dry_run_targets");
      s.execute("DROP TABLE dry_run_cidrs");
      s.execute("DROP TABLE audit_reported");
      s.execute("PRAGMA user_version = " + (Schema.VERSION - 3));
    }

    EnforcementPoint migrated = reopen();

    assertThat(migrated.read().blocked()).isEmpty();
    migrated.apply(migrated.read(), cidrs("192.0.2.1/32"));
    assertThat(migrated.read().blocked()).containsExactly(Cidr.parse("192.0.2.1/32"));
  }

  @Test
  void dryRunTarget_shouldBeEmpty_whenTheStateIsInMemory() {
    try (SqliteState memory = SqliteState.inMemory()) {
      assertThat(memory.dryRunTarget(CidrBudget.shared(ROOM))).isEmpty();
    }
  }

  private SqliteState open() {
    SqliteState state = SqliteState.open(file());
    opened.add(state);
    return state;
  }

  /** The target through a second connection, as another process on the file sees it. */
  private EnforcementPoint reopen() {
    return open().dryRunTarget(CidrBudget.shared(ROOM)).orElseThrow();
  }

  private Path file() {
    return dir.resolve("state.db").toAbsolutePath();
  }

  private Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }
}
