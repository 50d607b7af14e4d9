package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import io.guardwall.slack.FakeTime;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole process command against DynamoDB on moto, the Network Firewall stub with injected
 * faults and a local Slack webhook: 16 workers, 2,000 findings, 500 addresses.
 */
@ExtendWith(MotoServer.class)
class ProcessConvergenceIT {

  private static final int ADDRESSES = 500;
  private static final int FINDINGS = 2_000;

  @TempDir Path dir;
  private NetworkFirewallStub stub;
  private HttpServer slack;
  private final List<String> posts = new CopyOnWriteArrayList<>();
  private SdkEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    // Events go to the workers 500 at a time, so a run makes few firewall calls: the rates are high
    // so that faults are met in a handful of calls, and the first call is always throttled.
    stub = NetworkFirewallStub.start(30_000).faults(0.30, 0.30, 0.05, 20261128L);
    stub.throttleNextCall();
    slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext(
        "/hook",
        exchange -> {
          posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
          exchange.close();
        });
    slack.start();
    endpoints = SdkEndpoints.use(MotoServer.endpoint(), stub.endpoint());
  }

  @AfterEach
  void stop() {
    endpoints.close();
    slack.stop(0);
    stub.close();
  }

  /** Odd last octets: no two addresses are adjacent, so the rule group lists each one. */
  private static String address(int i) {
    return "11.0." + (i / 100) + "." + (2 * (i % 100) + 1);
  }

  private Set<String> writeEvents() throws Exception {
    Random random = new Random(7);
    Set<String> cidrs = new TreeSet<>();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < FINDINGS; i++) {
      // Every address at least once, then random re-sightings; LOW, so no per-finding alerts.
      String ip = address(i < ADDRESSES ? i : random.nextInt(ADDRESSES));
      cidrs.add(ip + "/32");
      events.add(ReplayCommandTest.event("conv-" + i, 2, ip));
    }
    // New addresses keep arriving through the whole run, so reconciles (and faults) do too.
    Collections.shuffle(events, random);
    Files.writeString(dir.resolve("burst.jsonl"), String.join("\n", events));
    return cidrs;
  }

  @Test
  void process_shouldConverge_whenSixteenWorkersMeetThrottlingRacesAndServerErrors()
      throws Exception {
    Set<String> expected = writeEvents();
    CliRunner init = CliRunner.run("init", "--store", "dynamodb:guardwall");
    assertThat(init.exitCode()).as(init.err()).isZero();

    FakeTime slackTime = FakeTime.advancing();
    CliRunner r =
        CliRunner.runIn(
            new Host(Map.of(), slackTime),
            "process",
            "--workers",
            "16",
            "--checkpoint-every",
            "PT0.5S",
            "--store",
            "dynamodb:guardwall",
            "--firewall",
            NetworkFirewallStub.RULE_GROUP_ARN,
            "--notify",
            "webhook:http://127.0.0.1:" + slack.getAddress().getPort() + "/hook",
            "--format",
            "json",
            dir.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.json().get("findings").asInt()).isEqualTo(FINDINGS);
    assertThat(new TreeSet<>(stub.addresses())).isEqualTo(expected);
    try (DynamoDbState state = DynamoDbState.create(MotoServer.dynamoDb(), "guardwall")) {
      assertThat(state.blocklist().listActive(Instant.now())).hasSize(ADDRESSES);
    }
    String slackText = String.join("\n", posts);
    List<String> undigested = new ArrayList<>();
    expected.forEach(
        c -> {
          if (!slackText.contains("*" + c.replace("/32", "") + "*")) {
            undigested.add(c);
          }
        });
    assertThat(undigested).isEmpty();
    assertThat(slackTime.sleeps())
        .as("Slack posts paced one per second, on the fake clock")
        .isNotEmpty()
        .containsOnly(Duration.ofSeconds(1));
    assertThat(stub.counts().throttles() + stub.counts().races() + stub.counts().serverErrors())
        .as("faults were injected")
        .isPositive();
    stub.faults(0, 0, 0, 1);
    CliRunner status =
        CliRunner.run(
            "status",
            "--store",
            "dynamodb:guardwall",
            "--firewall",
            NetworkFirewallStub.RULE_GROUP_ARN,
            "--format",
            "json");
    assertThat(status.json().at("/targets/0/inSync").asBoolean())
        .as(status.out() + status.err())
        .isTrue();
  }
}
