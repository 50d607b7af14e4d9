package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.guardwall.sqlite.SqliteState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCommandsTest {

  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private CliRunner run(String... args) {
    return CliRunner.withState(dir.resolve("state.db"), args);
  }

  @Test
  void block_shouldPinAndList_whenPinGiven() {
    CliRunner b = run("block", "203.0.113.7", "--pin");
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).contains("blocked 203.0.113.7/32 (pinned)");
    assertThat(b.err()).contains("dry-run (dry-run): updated, 1 CIDRs");
    CliRunner list = run("list", "--format", "json");
    assertThat(list.json().get(0).get("pinned").asBoolean()).isTrue();
  }

  @Test
  void block_shouldExpire_whenDurationGiven() {
    CliRunner b = run("block", "2001:db8::/48", "--for", "PT1H", "--format", "json");
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.json().at("/entry/cidr").asText()).isEqualTo("2001:db8::/48");
    assertThat(b.json().at("/entry/expiresAt").isNull()).isFalse();
  }

  @Test
  void list_shouldExitTwo_whenDynamoDbTablesMalformed() {
    for (String tables : List.of("a,b,c", "a,", ",b", "a, ")) {
      CliRunner r = CliRunner.run("list", "--store", "dynamodb:" + tables);
      assertThat(r.exitCode()).as(tables).isEqualTo(2);
      assertThat(r.err()).contains("expects TABLE or TABLE,NOTIFICATIONS_TABLE, got " + tables);
    }
  }

  @Test
  void block_shouldExitTwo_whenCidrInvalid() {
    CliRunner b = run("block", "10.0.0.1/8");
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err()).contains("host bits");
  }

  @Test
  void block_shouldExitTwo_whenDurationNotPositive() {
    assertThat(run("block", "198.51.100.1", "--for", "PT0S").exitCode()).isEqualTo(2);
    assertThat(run("block", "198.51.100.1", "--for", "soon").exitCode()).isEqualTo(2);
  }

  @Test
  void unblock_shouldRemove_thenReportMissing() {
    run("block", "198.51.100.1");
    CliRunner first = run("unblock", "198.51.100.1");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("unblocked 198.51.100.1/32");
    CliRunner again = run("unblock", "198.51.100.1");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("not in the blocklist");
  }

  @Test
  void reconcile_shouldPruneAndRender() {
    run("block", "198.51.100.1", "--pin");
    run("block", "198.51.100.0", "--pin");
    CliRunner r = run("reconcile", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("pruned 0 expired entries");
    assertThat(r.out()).contains("198.51.100.0/31");
  }

  @Test
  void process_shouldDigestOnlyWhatItAdded_whenTheStoredBlocklistIsAlreadyThere() {
    CliRunner first =
        run("process", "--format", "json", "../samples/events/02-guardduty-c2-outbound.json");
    CliRunner second =
        run("process", "--format", "json", "../samples/events/06-guardduty-rds-login.json");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.json().path("newlyBlocked").toString()).contains("203.0.113.66/32");
    assertThat(second.json().path("newlyBlocked").toString())
        .as("the dry-run group kept in the state file holds what the first run added")
        .contains("192.0.2.77/32")
        .doesNotContain("203.0.113.66");
  }

  @Test
  void main_shouldExitTwo_whenNoSubcommand() {
    assertThat(CliRunner.run().exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void block_shouldExitTwo_whenPinAndForTogether() {
    CliRunner b = run("block", "198.51.100.1", "--pin", "--for", "PT1H");
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err()).isEqualTo("guardwall: give --pin or --for, not both" + NL);
    assertThat(dir.resolve("state.db")).doesNotExist();
  }

  @Test
  void block_shouldExitTwoNamingTheOption_whenDurationAbsurd() {
    CliRunner b = run("block", "198.51.100.1", "--for", "PT2562047788015215H");
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err())
        .isEqualTo("guardwall: --for must be at most P3650D (3650 days): PT2562047788015215H" + NL);
    assertThat(run("block", "198.51.100.1", "--for", "P3650D").exitCode()).isZero();
  }

  @Test
  void process_shouldExitTwoNamingTheOption_whenCheckpointIntervalAbsurd() {
    CliRunner p = run("process", "--checkpoint-every", "P3650000D", "../samples/events");
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(p.err()).startsWith("guardwall: --checkpoint-every must be at most P1D");
  }

  @Test
  void list_shouldReportUnreadableRowOnOneInertLine() throws Exception {
    run("block", "198.51.100.1", "--pin");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        Statement s = c.createStatement()) {
      s.execute("UPDATE blocklist SET highest_severity = 'SEVERE' || char(10, 27) || '[2J'");
    }
    CliRunner list = run("list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.err().lines())
        .singleElement()
        .asString()
        .startsWith("guardwall: warning: state ")
        .contains("198.51.100.1/32")
        .doesNotContain("\u001b");
  }

  @Test
  void block_shouldNameTheFolder_whenStateFolderReadOnly() throws Exception {
    Path folder = dir.resolve("ro");
    Files.createDirectories(folder);
    Path state = folder.resolve("state.db");
    SqliteState.open(state).close();
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(folder), "permissions do not bind this user (root)");
      CliRunner b = CliRunner.run("block", "198.51.100.1", "--state", state.toString());
      assertThat(b.exitCode()).isEqualTo(1);
      assertThat(b.err()).contains("folder " + folder.toAbsolutePath() + " of state file");
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
