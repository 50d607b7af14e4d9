package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry-run target kept in the state file: every command sees what the last one wrote. */
class DryRunGroupTest {

  private static final String SAMPLES = "../samples/events";

  @TempDir Path dir;

  private CliRunner run(String... args) {
    return CliRunner.withState(dir.resolve("state.db"), args);
  }

  @Test
  void status_shouldBeInSync_whenANewUserProcessesTheSamplesThenReconciles() {
    CliRunner process = run("process", SAMPLES);
    CliRunner before = run("status");
    CliRunner reconcile = run("reconcile");
    CliRunner after = run("status");

    assertThat(process.exitCode()).as(process.err()).isZero();
    assertThat(before.out())
        .as("process reconciled at its end")
        .startsWith("dry-run (dry-run): in sync\n");
    assertThat(reconcile.exitCode()).as(reconcile.err()).isZero();
    assertThat(reconcile.out()).startsWith("dry-run (dry-run): unchanged\n");
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(after.out()).startsWith("dry-run (dry-run): in sync\n").contains("missing (0)");
  }

  @Test
  void process_shouldDigestNothing_whenTheSameSamplesComeAgain() {
    CliRunner first = run("process", "--format", "json", SAMPLES);
    CliRunner second = run("process", "--format", "json", SAMPLES);

    assertThat(first.json().path("newlyBlocked")).isNotEmpty();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.json().path("newlyBlocked")).as(second.out()).isEmpty();
  }

  @Test
  void process_shouldDigestWhatItsReconcileAdded_whenTheKeptGroupLacksAStoredEntry()
      throws Exception {
    run("block", "198.51.100.1", "--pin");
    sql("DELETE FROM dry_run_cidrs"); // a state file written before guardwall kept the target

    CliRunner process =
        run("process", "--format", "json", SAMPLES + "/02-guardduty-c2-outbound.json");

    assertThat(process.json().path("newlyBlocked").toString())
        .contains("203.0.113.66/32")
        .as("the reconcile added it to the group, so the digest lists it")
        .contains("198.51.100.1/32");
  }

  @Test
  void status_shouldSeeTheGroupABlockAndAnUnblockWrote() {
    run("block", "198.51.100.1", "--pin");
    CliRunner blocked = run("status", "--format", "json");
    run("unblock", "198.51.100.1");
    CliRunner unblocked = run("status", "--format", "json");

    assertThat(blocked.json().at("/targets/0/inSync").asBoolean()).as(blocked.out()).isTrue();
    assertThat(blocked.json().at("/targets/0/blocked").asInt()).isEqualTo(1);
    assertThat(unblocked.json().at("/targets/0/inSync").asBoolean()).as(unblocked.out()).isTrue();
    assertThat(unblocked.json().at("/targets/0/blocked").asInt()).isZero();
    assertThat(unblocked.json().at("/targets/0/extra")).isEmpty();
  }

  @Test
  void status_shouldSeeTheGroupAReplayOnTheStateFileWrote() {
    CliRunner replay = run("replay", SAMPLES);
    CliRunner status = run("status");

    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(status.out()).startsWith("dry-run (dry-run): in sync\n");
  }

  @Test
  void status_shouldFailOnOneLineNamingTheStateAndTheRow_whenTheStoredTargetIsCorrupt()
      throws Exception {
    run("block", "198.51.100.1", "--pin");
    sql("UPDATE dry_run_cidrs SET cidr = 'not-a-cidr'");

    CliRunner status = run("status");
    CliRunner process = run("process", SAMPLES);

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.err().lines())
        .singleElement()
        .asString()
        .startsWith("guardwall: ")
        .contains(dir.resolve("state.db").toString())
        .contains("dry_run_cidrs row 'dry-run' is unreadable");
    assertThat(process.exitCode()).isEqualTo(1);
    assertThat(process.err()).contains("dry_run_cidrs row 'dry-run'").doesNotContain("\tat ");
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
