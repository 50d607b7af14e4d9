package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.guardwall.core.text.InertText;
import io.guardwall.sqlite.SqliteState;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

  private static final Path SAMPLES = Path.of("..", "samples", "events");
  private static final ObjectMapper JSON = new ObjectMapper();

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
    // The quick start's first command: a newcomer sees no warning about the samples' README.
    assertThat(r.err()).isEmpty();
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

  private static final String HOSTILE =
      "evil\u001b]0;pwned\u0007\n  finding forged\u202Edi\u0085\u009b31m\u200B\u2028x";

  private static String hostileEvent() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(event("h-1", 8, "198.51.100.66"));
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.put("id", HOSTILE);
    detail.put("type", "UnauthorizedAccess:EC2/SSHBruteForce" + HOSTILE);
    detail.put("title", HOSTILE);
    return event.toString();
  }

  private static void assertInert(String output) {
    assertThat(output.split("\n", -1))
        .allSatisfy(line -> assertThat(InertText.isClean(line)).as("inert: %s", line).isTrue())
        .noneSatisfy(line -> assertThat(line).startsWith("  finding forged"));
  }

  @Test
  void replay_shouldPrintFindingTextInert_whenTextFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hostile\u001b[2J.json");
    Files.writeString(file, hostileEvent());
    Files.writeString(dir.resolve("notes\u001b]8;;x\u0007.txt"), "x");
    Path state = dir.resolve("state.db");
    CliRunner r = CliRunner.run("replay", "--state", state.toString(), dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("finding evil]0;pwned");
    assertInert(r.out());
    assertThat(r.err()).contains("guardwall: warning: skipped");
    assertInert(r.err());
    CliRunner list = CliRunner.run("list", "--state", state.toString());
    assertThat(list.out()).contains("SSHBruteForceevil");
    assertInert(list.out());
  }

  @Test
  void replay_shouldEscapeHostileCharactersButKeepValues_whenFormatJson(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("hostile.json"), hostileEvent());
    CliRunner r = CliRunner.run("replay", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertInert(r.out());
    assertThat(r.out()).contains("\\u202E").contains("\\u009B").contains("\\u2028");
    assertThat(r.json().at("/events/0/findings/0/id").asText()).isEqualTo(HOSTILE);
  }

  @Test
  void replay_shouldExitOneNamingTheFailure_whenStateWriteFails(@TempDir Path dir)
      throws Exception {
    Path state = dir.resolve("state.db");
    SqliteState.open(state).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON blocklist"
              + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    }
    Files.writeString(dir.resolve("e.json"), event("w-1", 5, "198.51.100.9"));
    CliRunner r =
        CliRunner.run(
            "replay",
            "--format",
            "json",
            "--state",
            state.toString(),
            dir.resolve("e.json").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("guardwall: error: finding w-1 not recorded")
        .contains("disk full");
    assertThat(r.json().get("errors").get(0).asText()).contains("finding w-1 not recorded");
  }

  @Test
  void replay_shouldExitOneNamingTheFailure_whenSlackRejectsMessages(@TempDir Path dir)
      throws Exception {
    HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    slack.start();
    try {
      Files.writeString(dir.resolve("e.json"), event("s-1", 8, "198.51.100.10"));
      String url = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T0/B0/x";
      CliRunner r =
          CliRunner.runWith(
              Map.of(Backend.WEBHOOK_ENV, url), "replay", "--format", "json", dir.toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("guardwall: error: ").contains("not delivered");
      assertThat(r.json().get("errors").toString()).contains("not delivered");
    } finally {
      slack.stop(0);
    }
  }

  @Test
  @Timeout(20)
  void replay_shouldExitTwoAtOnce_whenDeviceOrFifoNamed(@TempDir Path dir) throws Exception {
    CliRunner zero = CliRunner.run("replay", "/dev/zero");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err())
        .isEqualTo(
            "guardwall: not a regular file (a character device): /dev/zero"
                + System.lineSeparator());
    Path fifo = EventFilesTest.fifo(dir.resolve("events.json"));
    CliRunner pipe = CliRunner.run("replay", fifo.toString());
    assertThat(pipe.exitCode()).isEqualTo(2);
    assertThat(pipe.err()).contains("not a regular file (a FIFO)");
  }

  @Test
  void replay_shouldReadByteOrderMarkAndNameBadUtf8(@TempDir Path dir) throws Exception {
    byte[] event = event("b-1", 5, "198.51.100.11").getBytes(StandardCharsets.UTF_8);
    Files.write(
        dir.resolve("a-bom.json"),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, event));
    Files.write(
        dir.resolve("b-latin1.json"),
        "{\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    CliRunner r = CliRunner.run("replay", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.json().at("/events/0/error").isNull()).isTrue();
    assertThat(r.json().at("/blocklist/0/cidr").asText()).isEqualTo("198.51.100.11/32");
    assertThat(r.json().at("/events/1/error").asText())
        .isEqualTo("cannot read file: not UTF-8: byte 0xE9 at byte offset 9 (line 1)");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
