package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallContract;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dry-run group in the state file: the firewall contract, kept between runs and processes. */
class SqliteRuleGroupTest extends FirewallContract {

  @TempDir Path dir;
  private final List<SqliteState> opened = new ArrayList<>();

  @Override
  protected Firewall newFirewall(int capacity) {
    return open().dryRunFirewall(capacity).orElseThrow();
  }

  @AfterEach
  void closeStates() {
    opened.forEach(SqliteState::close);
  }

  @Test
  void describe_shouldSeeTheGroupWritten_whenTheFileIsOpenedAgain() {
    firewall.update(firewall.describe(), group("192.0.2.1/32"));
    FirewallSnapshot written = firewall.describe();

    FirewallSnapshot reopened = reopen().describe();

    assertThat(reopened).isEqualTo(written);
  }

  @Test
  void update_shouldThrowConflict_whenAnotherProcessWroteTheFileInBetween() {
    Firewall other = reopen();
    FirewallSnapshot mine = firewall.describe();
    other.update(other.describe(), group("192.0.2.2/32"));

    assertThatThrownBy(() -> firewall.update(mine, group("192.0.2.1/32")))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(file().toString());
    firewall.update(firewall.describe(), group("192.0.2.1/32"));
    assertThat(other.describe().ruleGroup()).isEqualTo(group("192.0.2.1/32"));
  }

  @Test
  void describe_shouldTakeTheConfiguredCapacity_whenTheGroupWasWrittenWithAnother() {
    firewall.update(firewall.describe(), group("192.0.2.1/32"));

    Firewall wider = open().dryRunFirewall(2 * CAPACITY).orElseThrow();

    assertThat(wider.describe().capacity()).isEqualTo(2 * CAPACITY);
    assertThat(wider.describe().ruleGroup()).isEqualTo(group("192.0.2.1/32"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "[1, 2]", "null", "\"text\""})
  void describe_shouldNameTheFileAndTheRowOnOneLine_whenTheStoredGroupIsCorrupt(String stored)
      throws SQLException {
    firewall.update(firewall.describe(), group("192.0.2.1/32"));
    try (Connection c = raw();
        PreparedStatement ps = c.prepareStatement("UPDATE rule_groups SET rule_group = ?")) {
      ps.setString(1, stored);
      ps.executeUpdate();
    }

    assertThatThrownBy(() -> firewall.describe())
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessage(
            "state "
                + file()
                + ": rule_groups row 'dry-run' is unreadable: rule_group is not a JSON object;"
                + " delete that row to start from an empty group");
  }

  @Test
  void dryRunFirewall_shouldBeEmpty_whenTheStateIsInMemory() {
    try (SqliteState memory = SqliteState.inMemory()) {
      assertThat(memory.dryRunFirewall(CAPACITY)).isEmpty();
    }
  }

  @Test
  void dryRunFirewall_shouldStartEmpty_whenTheFileHasTheSchemaBeforeRuleGroups()
      throws SQLException {
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      // schema version 2: no rule groups, nor what later steps added
      s.execute("DROP TABLE rule_groups");
      s.execute("DROP TABLE dry_run_targets");
      s.execute("DROP TABLE dry_run_cidrs");
      s.execute("ALTER TABLE blocklist DROP COLUMN sighting_keys");
      s.execute("DROP TABLE allow_list");
      s.execute("DROP TABLE audit");
      s.execute("DROP TABLE audit_reported");
      s.execute("PRAGMA user_version = 2");
    }

    Firewall migrated = reopen();

    assertThat(migrated.describe().ruleGroup()).isNull();
    migrated.update(migrated.describe(), group("192.0.2.1/32"));
    assertThat(migrated.describe().ruleGroup()).isEqualTo(group("192.0.2.1/32"));
  }

  @Test
  void dryRunFirewall_shouldRefuse_whenCapacityIsNotPositive() {
    SqliteState state = open();

    assertThatThrownBy(() -> state.dryRunFirewall(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  private SqliteState open() {
    SqliteState state = SqliteState.open(file());
    opened.add(state);
    return state;
  }

  /** The dry-run group through a second connection, as another process on the file sees it. */
  private Firewall reopen() {
    return open().dryRunFirewall(CAPACITY).orElseThrow();
  }

  private Path file() {
    return dir.resolve("state.db").toAbsolutePath();
  }

  private Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }
}
