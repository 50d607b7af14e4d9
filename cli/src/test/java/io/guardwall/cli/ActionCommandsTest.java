package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.sqlite.SqliteState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allow, disallow, allowed, history, extend and pin on a state file (issue 8). */
class ActionCommandsTest {

  private static final String USER = System.getProperty("user.name");

  @TempDir Path dir;

  private CliRunner run(String... args) {
    return CliRunner.withState(dir.resolve("state.db"), args);
  }

  @Test
  void allow_shouldRemoveTheEntryAndRefuseLaterBlocks() {
    run("block", "198.51.100.7");

    CliRunner allow = run("allow", "198.51.100.7", "--reason", "partner NAT");
    CliRunner block = run("block", "198.51.100.7");

    assertThat(allow.exitCode()).as(allow.err()).isZero();
    assertThat(allow.out()).contains("allow 198.51.100.7/32: allowed; removed from the blocklist");
    assertThat(run("list", "--format", "json").json()).isEmpty();
    assertThat(block.exitCode()).isEqualTo(1);
    assertThat(block.out()).contains("allow-listed");
  }

  @Test
  void allow_shouldExitOne_whenNoReasonOrTooWide() {
    CliRunner noReason = run("allow", "198.51.100.7");
    CliRunner wide = run("allow", "198.0.0.0/8", "--reason", "x", "--format", "json");

    assertThat(noReason.exitCode()).isEqualTo(1);
    assertThat(noReason.out()).contains("allow refused: allow needs a reason");
    assertThat(wide.exitCode()).isEqualTo(1);
    assertThat(wide.json().get("done").asBoolean()).isFalse();
    assertThat(wide.json().get("outcome").asText()).contains("wider than /16");
  }

  @Test
  void allow_shouldExitTwo_whenNotACidrOrReasonTooLong() {
    CliRunner bad = run("allow", "example.com", "--reason", "x");
    CliRunner longReason = run("allow", "198.51.100.7", "--reason", "x".repeat(501));

    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("guardwall:", "not a");
    assertThat(longReason.exitCode()).isEqualTo(2);
    assertThat(longReason.err()).contains("--reason", "longer than 500");
  }

  @Test
  void allowedAndDisallow_shouldListThenRemove() {
    run("allow", "2001:db8::/48", "--reason", "our \u001b[31mscanner");

    CliRunner text = run("allowed");
    CliRunner json = run("allowed", "--format", "json");
    CliRunner disallow = run("disallow", "2001:db8::/48");
    CliRunner again = run("disallow", "2001:db8::/48");

    assertThat(text.out()).contains("2001:db8::/48  by " + USER).doesNotContain("\u001b");
    assertThat(json.json().at("/dynamic/0/reason").asText()).isEqualTo("our \u001b[31mscanner");
    assertThat(json.json().at("/dynamic/0/actor/source").asText()).isEqualTo("cli");
    assertThat(json.out()).doesNotContain("\u001b");
    assertThat(disallow.exitCode()).isZero();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("is not on the allow-list");
  }

  @Test
  void extendAndPin_shouldChangeTheEntry_andRefuseAPinnedOne() {
    run("block", "203.0.113.7", "--for", "PT1H");

    CliRunner extend = run("extend", "203.0.113.7", "--for", "P2D", "--format", "json");
    CliRunner pin = run("pin", "203.0.113.7");
    CliRunner extendPinned = run("extend", "203.0.113.7");

    assertThat(extend.exitCode()).as(extend.err()).isZero();
    assertThat(extend.json().at("/entries/0/expiresAt").isNull()).isFalse();
    assertThat(pin.exitCode()).isZero();
    assertThat(pin.out()).contains("pin 203.0.113.7/32: pinned");
    assertThat(extendPinned.exitCode()).isEqualTo(1);
    assertThat(extendPinned.out()).contains("is pinned");
  }

  @Test
  void extendAndPin_shouldExitOneOrTwo_onBadInput() {
    assertThat(run("extend", "203.0.113.7").exitCode()).isEqualTo(1);
    assertThat(run("pin", "203.0.113.7").exitCode()).isEqualTo(1);
    assertThat(run("extend", "203.0.113.7", "--for", "PT0S").exitCode()).isEqualTo(2);
    assertThat(run("pin", "10.0.0.1/8").exitCode()).isEqualTo(2);
  }

  @Test
  void history_shouldListEveryAction_filteredByCidrAndTime() {
    run("allow", "198.51.100.7", "--reason", "partner");
    run("unblock", "203.0.113.9");

    CliRunner all = run("history", "--format", "json");
    CliRunner one = run("history", "--cidr", "198.51.100.0/24");
    CliRunner future = run("history", "--since", "2999-01-01T00:00:00Z");

    assertThat(all.json()).hasSize(2);
    assertThat(all.json().get(0).at("/actor/id").asText()).isEqualTo(USER);
    assertThat(all.json().get(1).get("done").asBoolean()).isFalse();
    assertThat(one.out())
        .contains("allow 198.51.100.7 (partner): allowed")
        .doesNotContain("203.0.113.9");
    assertThat(future.out()).contains("no actions recorded");
    assertThat(run("history", "--since", "yesterday").exitCode()).isEqualTo(2);
  }

  @Test
  void history_shouldShowAFailedAndAnUnfinishedAction() {
    try (SqliteState state = SqliteState.open(dir.resolve("state.db"))) {
      AuditRecord requested =
          AuditRecord.requested(
              Instant.parse("2026-12-01T10:00:00Z"),
              Actor.slackUser("U0123ABCD", "renée"),
              Action.UNBLOCK,
              Cidr.parse("203.0.113.7/32"),
              "from Slack");
      String id = state.audit().record(requested);
      state
          .audit()
          .complete(id, requested.completed(AuditRecord.Status.FAILED, "failed: table down"));
      state
          .audit()
          .record(
              AuditRecord.requested(
                  Instant.parse("2026-12-01T10:01:00Z"),
                  Actor.osUser("bob"),
                  Action.PIN,
                  Cidr.parse("203.0.113.8/32"),
                  ""));
    }

    CliRunner json = run("history", "--format", "json");
    CliRunner text = run("history");

    assertThat(json.json().get(0).get("status").asText()).isEqualTo("failed");
    assertThat(json.json().get(0).get("done").asBoolean()).isFalse();
    assertThat(json.json().get(1).get("status").asText()).isEqualTo("requested");
    assertThat(text.out())
        .contains("unblock 203.0.113.7 (from Slack): failed: table down")
        .contains("pin 203.0.113.8: requested, not completed");
  }
}
