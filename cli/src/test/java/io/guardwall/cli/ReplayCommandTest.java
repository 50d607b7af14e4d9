package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

  private static final Path SAMPLES = Path.of("..", "samples", "events");

  private static final String EVENT =
      """
      {"version":"0","id":"e1","detail-type":"GuardDuty Finding","source":"aws.guardduty",
       "account":"111122223333","region":"us-east-1","time":"2026-11-20T10:00:00Z","resources":[],
       "detail":{"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1",
         "id":"%s","type":"UnauthorizedAccess:EC2/SSHBruteForce","severity":%s,
         "title":"t","description":"d","resource":{"resourceType":"Instance"},
         "service":{"archived":false,"action":{"actionType":"NETWORK_CONNECTION",
           "networkConnectionAction":{"connectionDirection":"INBOUND",
             "remoteIpDetails":{"ipAddressV4":"%s"}}}}}}
      """;

  static String event(String id, double severity, String ip) {
    return EVENT.formatted(id, severity, ip).replace("\n", " ");
  }

  @Test
  void replay_shouldShowBlocksSkipsRuleGroupAndSlack_whenShippedSamples() {
    CliRunner r = CliRunner.run("replay", SAMPLES.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("block ")
        .contains("skip ")
        .contains("non-public address")
        .contains("Blocklist (")
        .contains("\"StatelessRules\"")
        .contains("Slack messages (");
  }

  @Test
  void replay_shouldPrintOneJsonDocument_whenFormatJson() {
    CliRunner r = CliRunner.run("replay", "--format", "json", SAMPLES.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = r.json();
    assertThat(doc.get("events").size()).isGreaterThan(10);
    assertThat(doc.get("blocklist").size()).isPositive();
    assertThat(
            doc.at("/ruleGroup/RulesSource/StatelessRulesAndCustomActions/StatelessRules").size())
        .isGreaterThanOrEqualTo(2);
    assertThat(doc.get("notifications").size()).isPositive();
    JsonNode ip = doc.at("/events/0/findings/0/ips/0");
    assertThat(ip.get("decision").asText()).isIn("block", "skip");
    assertThat(ip.has("reason")).isTrue();
  }

  @Test
  void replay_shouldReportBadEventsAndGoOn_whenFilesAreBroken(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a-not-json.json"), "{this is not json");
    Files.writeString(dir.resolve("b-wrong-type.json"), "[42, \"text\", null]");
    Files.writeString(dir.resolve("c-good.json"), event("good-1", 5, "198.51.100.9"));
    Files.writeString(
        dir.resolve("d-lines.jsonl"),
        event("line-1", 8, "203.0.113.4") + "\nnot json either\n" + event("line-2", 5, "10.1.2.3"));
    CliRunner r = CliRunner.run("replay", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = r.json();
    List<String> errors = new ArrayList<>();
    doc.get("events")
        .forEach(e -> errors.add(e.get("error").isNull() ? null : e.get("error").asText()));
    assertThat(errors.get(0)).contains("not JSON");
    assertThat(errors.subList(1, 4)).allSatisfy(e -> assertThat(e).isNotNull());
    assertThat(errors.get(4)).isNull();
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("line 2 is not JSON"));
    List<String> blocked = new ArrayList<>();
    doc.get("blocklist").forEach(e -> blocked.add(e.get("cidr").asText()));
    assertThat(blocked).containsExactly("198.51.100.9/32", "203.0.113.4/32");
  }

  @Test
  void replay_shouldReportFindingError_whenSeverityMissing(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("e.json"), event("no-sev", 5, "198.51.100.9").replace("\"severity\":5.0,", ""));
    CliRunner r = CliRunner.run("replay", "--format", "json", dir.toString());
    JsonNode finding = r.json().at("/events/0/findings/0");
    assertThat(finding.get("error").asText()).contains("severity");
    assertThat(r.json().get("blocklist")).isEmpty();
  }

  @Test
  void replay_shouldExitTwo_whenPathMissing() {
    CliRunner r = CliRunner.run("replay", "no/such/path");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no such file or folder: no/such/path");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void replay_shouldExitTwo_whenConfigInvalid(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"blockDuration\":\"forever\"}");
    CliRunner r = CliRunner.run("replay", "--config", config.toString(), SAMPLES.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("blockDuration");
  }

  @Test
  void replay_shouldKeepState_whenStateFileGiven(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("events");
    Files.createDirectories(events);
    Files.writeString(events.resolve("1.json"), event("k-1", 5, "198.51.100.44"));
    Path state = dir.resolve("state.db");
    CliRunner.run("replay", "--state", state.toString(), events.toString());
    CliRunner second =
        CliRunner.run("replay", "--format", "json", "--state", state.toString(), events.toString());
    assertThat(second.json().at("/blocklist/0/hits").asInt()).isEqualTo(2);
    assertThat(second.json().at("/events/0/findings/0/notificationStatus").asText())
        .isEqualTo("duplicate");
    CliRunner list = CliRunner.run("list", "--format", "json", "--state", state.toString());
    assertThat(list.json().get(0).get("cidr").asText()).isEqualTo("198.51.100.44/32");
  }

  @Test
  void replayHelp_shouldDescribeOptions_whenHelpRequested() {
    CliRunner r = CliRunner.run("replay", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--state").contains("--format").contains("SLACK_WEBHOOK_URL");
  }
}
