package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.NotificationOutcome;
import io.guardwall.core.flow.Run;
import io.guardwall.slack.FakeTime;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendTest {

  /** Slack's limit per webhook, which the webhook notifier keeps. */
  private static final Duration PACE = Duration.ofSeconds(1);

  private HttpServer server;
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private final FakeTime time = FakeTime.advancing();

  @BeforeEach
  void startSlack() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/services/T0/B0/secret",
        exchange -> {
          posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = (status == 200 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopSlack() {
    server.stop(0);
  }

  private Host host() {
    return new Host(
        Map.of(
            Backend.WEBHOOK_ENV,
            "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/secret"),
        time);
  }

  private static void replayOneEvent(Backend backend) throws Exception {
    Run run = backend.guardwall.startRun();
    run.process(
        new ObjectMapper().readTree(ReplayCommandTest.event("w-1", 8, "198.51.100.60")), "t", 0);
    run.finish();
  }

  @Test
  void deliver_shouldPostAlertAndDigest_whenWebhookConfigured() throws Exception {
    try (Backend backend =
        Backend.dryRun(
            GuardwallConfig.defaults(), null, host(), Clock.systemUTC(), w -> {}, true)) {
      replayOneEvent(backend);
      assertThat(backend.deliver()).isEmpty();
    }
    assertThat(String.join("\n", posted)).contains("198.51.100.60").contains("w-1");
    assertThat(posted).hasSize(2);
    assertThat(time.sleeps()).as("paced one post per second").isNotEmpty().containsOnly(PACE);
  }

  @Test
  void deliver_shouldReportWithoutLeakingUrl_whenSlackRejects() throws Exception {
    status = 404;
    try (Backend backend =
        Backend.dryRun(
            GuardwallConfig.defaults(), null, host(), Clock.systemUTC(), w -> {}, true)) {
      replayOneEvent(backend);
      List<String> errors = backend.deliver();
      assertThat(errors)
          .singleElement()
          .asString()
          .contains("not delivered")
          .doesNotContain("secret");
      assertThat(backend.store.listActive(java.time.Instant.now())).hasSize(1);
    }
  }

  @Test
  void replay_shouldAlertAgainOnTheNextRun_whenSlackRejectedTheAlert(@TempDir Path dir)
      throws Exception {
    Path state = dir.resolve("state.db");
    status = 404;
    try (Backend backend =
        Backend.dryRun(
            GuardwallConfig.defaults(), state, host(), Clock.systemUTC(), w -> {}, true)) {
      assertThat(alert(backend)).isInstanceOf(NotificationOutcome.Failed.class);
      backend.deliver();
    }
    status = 200;
    posted.clear();

    try (Backend backend =
        Backend.dryRun(
            GuardwallConfig.defaults(), state, host(), Clock.systemUTC(), w -> {}, true)) {
      assertThat(alert(backend)).isEqualTo(NotificationOutcome.SENT);
      assertThat(backend.deliver()).isEmpty();
    }
    assertThat(String.join("\n", posted)).contains("w-1");
  }

  private static NotificationOutcome alert(Backend backend) throws Exception {
    Run run = backend.guardwall.startRun();
    EventReport report =
        run.process(
            new ObjectMapper().readTree(ReplayCommandTest.event("w-1", 8, "198.51.100.60")),
            "t",
            0);
    run.finish();
    return report.findings().get(0).notification();
  }
}
