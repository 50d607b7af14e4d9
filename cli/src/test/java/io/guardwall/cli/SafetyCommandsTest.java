package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 defects 1, 4, 8, 12, 16 (unblock) and 17a, through the command line. */
class SafetyCommandsTest {

  @TempDir Path dir;

  private CliRunner run(String... args) {
    return CliRunner.withState(dir.resolve("state.db"), args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0/0",
        "::/0",
        "10.0.0.0/8",
        "192.168.1.1",
        "169.254.169.254",
        "127.0.0.1",
        "::1",
        "::ffff:0:0/96",
        "64:ff9b::10.0.0.1",
        "2002::/16"
      })
  void block_shouldRefuseWithExitOne_whenCidrBreaksTheSafetyRule(String cidr) {
    CliRunner b = run("block", cidr, "--format", "json");

    assertThat(b.exitCode()).as(b.err()).isEqualTo(1);
    assertThat(b.json().at("/refused/reason").asText()).isNotBlank();
    assertThat(run("list", "--format", "json").json()).isEmpty();
  }

  @Test
  void block_shouldSayRefusedAndWhy_whenTextFormat() {
    CliRunner b = run("block", "0.0.0.0/0");

    assertThat(b.out())
        .isEqualTo(
            "refused: 0.0.0.0/0 is wider than /16, the widest IPv4 block allowed"
                + " (maxBlockWidth)\n");
  }

  @Test
  void block_shouldExitTwo_whenIpv4HasLeadingZeros() {
    CliRunner b = run("block", "010.0.0.1");

    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err()).contains("010.0.0.1");
  }

  @Test
  void block_shouldStoreIpv4_whenGivenAMappedSlash128() {
    assertThat(run("block", "::ffff:198.51.100.7/128").exitCode()).isZero();

    assertThat(run("list", "--format", "json").json().get(0).get("cidr").asText())
        .isEqualTo("198.51.100.7/32");
    assertThat(run("unblock", "198.51.100.7").exitCode()).isZero();
  }

  @Test
  void unblock_shouldNameTheCoveringEntry_whenAddressIsInsideABlockedRange() {
    run("block", "198.51.100.0/24");

    CliRunner u = run("unblock", "198.51.100.7");

    assertThat(u.exitCode()).isEqualTo(1);
    assertThat(u.out())
        .isEqualTo(
            "198.51.100.7/32 is not an entry of its own, but the entry [198.51.100.0/24] still"
                + " block it: unblock that entry instead\n");
  }

  @Test
  void block_shouldExitOneAndSayLeftOut_whenCapacityLeavesItOut() throws Exception {
    Path config = Files.writeString(dir.resolve("c.json"), "{\"firewall\":{\"capacity\":2}}");
    run("block", "198.51.100.1", "--config", config.toString());

    CliRunner b = run("block", "203.0.113.9", "--severity", "LOW", "--config", config.toString());
    CliRunner json =
        run(
            "block",
            "203.0.113.9",
            "--severity",
            "LOW",
            "--config",
            config.toString(),
            "--format",
            "json");
    CliRunner reconcile = run("reconcile", "--config", config.toString(), "--format", "json");

    assertThat(b.exitCode()).isEqualTo(1);
    assertThat(b.out()).contains("recorded 203.0.113.9/32 until", "NOT in dry-run: its room");
    assertThat(b.err()).contains("left out for room (1): 203.0.113.9/32");
    assertThat(json.json().get("inFirewall").asBoolean()).isFalse();
    assertThat(json.json().at("/leftOutOf/0").asText()).isEqualTo("dry-run");
    assertThat(reconcile.exitCode()).isEqualTo(1);
    assertThat(reconcile.json().at("/targets/0/evicted/0").asText()).isEqualTo("203.0.113.9/32");
  }

  @Test
  void reconcile_shouldRefuseAndExitOne_whenAStateRowWasEditedByHand() throws Exception {
    run("block", "198.51.100.77", "--pin");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE blocklist SET cidr = '0.0.0.0/0' WHERE cidr = '198.51.100.77/32'");
    }

    CliRunner r = run("reconcile", "--format", "json");
    CliRunner status = run("status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.json().at("/targets/0/refused/0/cidr").asText()).isEqualTo("0.0.0.0/0");
    assertThat(r.json().at("/targets/0/cidrs").toString()).doesNotContain("0.0.0.0/0");
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out()).contains("refused by the safety rule (1)");
  }

  @Test
  void reconcile_shouldRefuse_whenEntryWasRecordedBeforeItsAddressWasAllowListed()
      throws Exception {
    run("block", "203.0.113.66");
    Path config = Files.writeString(dir.resolve("c.json"), "{\"allowList\":[\"203.0.113.0/24\"]}");

    CliRunner r = run("reconcile", "--config", config.toString(), "--format", "json");
    CliRunner again = run("block", "203.0.113.66", "--config", config.toString());

    assertThat(r.json().at("/targets/0/refused/0/reason").asText())
        .isEqualTo("allow-listed (in 203.0.113.0/24)");
    assertThat(r.json().at("/targets/0/cidrs").toString()).doesNotContain("203.0.113.66");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).startsWith("refused: allow-listed (in 203.0.113.0/24)");
  }
}
