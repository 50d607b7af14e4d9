package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySummaryTest {

  @TempDir Path dir;

  @Test
  void replay_shouldPrintCountsTopAddressesAndRuleGroupSize_whenSummary() throws Exception {
    Files.writeString(
        dir.resolve("events.jsonl"),
        ReplayCommandTest.event("f1", 8.0, "198.51.100.7")
            + "\n"
            + ReplayCommandTest.event("f2", 8.0, "198.51.100.7")
            + "\n"
            + ReplayCommandTest.event("f3", 8.0, "10.0.0.1")
            + "\nnot json\n");
    CliRunner r = CliRunner.run("replay", "--summary", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Replayed 4 events, 3 findings; 1 unreadable")
        .contains("line 4 is not JSON")
        .containsPattern("\\s2  block")
        .containsPattern("\\s1  skip .*non-public address")
        .contains("Top blocked addresses (1 of 1):")
        .containsPattern("198\\.51\\.100\\.7\\s+2 findings")
        .contains("Rule group (dry run): 1 CIDRs after merging")
        .doesNotContain("StatelessRules");
  }

  @Test
  void replay_shouldExitTwo_whenSummaryAskedAsJson() {
    CliRunner r = CliRunner.run("replay", "--summary", "--format", "json", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--summary is a text report");
  }
}
