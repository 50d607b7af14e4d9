package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The notify, maintenance and failure tasks, each given the input its state sends. */
class OtherHandlersTest {

  private final Fixture f = new Fixture();

  @Test
  void notifyFinding_shouldAlertOnce_whenTheSameFindingArrivesTwice() throws Exception {
    NotifyFindingHandler handler = new NotifyFindingHandler(f.guardwall(), f.metrics);
    JsonNode first = handler.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    JsonNode second = handler.handle(Fixture.sample("02-guardduty-c2-outbound.json"));
    assertThat(first.at("/findings/0/notificationStatus").asText()).isEqualTo("sent");
    assertThat(second.at("/findings/0/notificationStatus").asText()).isEqualTo("duplicate");
    assertThat(f.notifier.messages())
        .singleElement()
        .extracting(SlackMessage::kind)
        .isEqualTo(SlackMessage.Kind.FINDING);
    assertThat(f.store.get(Cidr.ofAddress("203.0.113.66"))).as("notify never blocks").isEmpty();
    assertThat(f.metrics.value("Notified")).isZero();
  }

  @Test
  void notifyFinding_shouldFailTheTask_whenSlackRejects() throws Exception {
    NotifyFindingHandler handler =
        new NotifyFindingHandler(
            new io.guardwall.core.flow.Guardwall(
                io.guardwall.core.config.GuardwallConfig.defaults(),
                new io.guardwall.core.flow.Guardwall.Ports(
                    f.store,
                    f.notifications,
                    f.firewall,
                    m -> {
                      throw new NotifyException("HTTP 404 no_service", null);
                    }),
                f.clock,
                io.guardwall.core.reconcile.RetryPolicy.immediate(1)),
            f.metrics);
    assertThatThrownBy(() -> handler.handle(Fixture.sample("02-guardduty-c2-outbound.json")))
        .isInstanceOf(NotifyException.class)
        .hasMessageContaining("no_service");
  }

  @Test
  void notifyFinding_shouldSendOnTheTaskRetry_whenSlackFailedTheFirstTime() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    NotifyFindingHandler handler =
        new NotifyFindingHandler(
            new io.guardwall.core.flow.Guardwall(
                io.guardwall.core.config.GuardwallConfig.defaults(),
                new io.guardwall.core.flow.Guardwall.Ports(
                    f.store,
                    f.notifications,
                    f.firewall,
                    m -> {
                      if (down.getAndSet(false)) {
                        throw new NotifyException("Slack webhook still failing (HTTP 503)", null);
                      }
                      f.notifier.send(m);
                    }),
                f.clock,
                io.guardwall.core.reconcile.RetryPolicy.immediate(1)),
            f.metrics);
    JsonNode event = Fixture.sample("02-guardduty-c2-outbound.json");

    assertThatThrownBy(() -> handler.handle(event)).hasMessageContaining("HTTP 503");
    JsonNode retry = handler.handle(event);

    assertThat(retry.at("/findings/0/notificationStatus").asText()).isEqualTo("sent");
    assertThat(f.notifier.messages()).hasSize(1);
    assertThat(f.metrics.value("Notified")).isOne();
  }

  @Test
  void record_shouldFailTheTask_whenTheStoreFails() {
    RecordHandler handler =
        new RecordHandler(
            new io.guardwall.core.flow.Guardwall(
                io.guardwall.core.config.GuardwallConfig.defaults(),
                new io.guardwall.core.flow.Guardwall.Ports(
                    (io.guardwall.core.port.BlocklistStore)
                        java.lang.reflect.Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {io.guardwall.core.port.BlocklistStore.class},
                            (p, m, a) -> {
                              throw new io.guardwall.core.port.StoreException("throttled", null);
                            }),
                    f.notifications,
                    f.firewall,
                    f.notifier),
                f.clock,
                io.guardwall.core.reconcile.RetryPolicy.immediate(1)),
            f.metrics);
    assertThatThrownBy(() -> handler.handle(Fixture.sample("02-guardduty-c2-outbound.json")))
        .isInstanceOf(io.guardwall.core.port.StoreException.class)
        .hasMessageContaining("throttled");
  }

  @Test
  void notifyFinding_shouldRejectNonEvents() {
    NotifyFindingHandler handler = new NotifyFindingHandler(f.guardwall(), f.metrics);
    assertThatThrownBy(() -> handler.handle(Fixture.json("42")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maintain_shouldDeleteOnlyExpiredEntries() throws Exception {
    f.store.upsert(request("198.51.100.1", Duration.ofHours(-1)));
    f.store.upsert(request("198.51.100.2", Duration.ofHours(1)));
    MaintainHandler handler = new MaintainHandler(f.guardwall(), f.metrics);
    JsonNode out = handler.handle(Fixture.json("{\"trigger\":\"schedule\"}"));
    assertThat(out.path("deleted").asInt()).isEqualTo(1);
    assertThat(out.path("cidrs").get(0).asText()).isEqualTo("198.51.100.1/32");
    assertThat(f.store.get(Cidr.ofAddress("198.51.100.2"))).isPresent();
    assertThat(f.metrics.value("EntriesExpired")).isEqualTo(1);
    assertThat(handler.handle(Fixture.json("{}")).path("cidrs")).isEmpty();
  }

  @Test
  void alertFailure_shouldPostTheErrorEscaped() throws Exception {
    AlertFailureHandler handler = new AlertFailureHandler(f.notifier, f.metrics);
    handler.handle(
        Fixture.json(
            "{\"stateMachine\":\"Block\",\"execution\":\"arn:aws:states:x\","
                + "\"error\":{\"Error\":\"StoreException\",\"Cause\":\"<!channel> & `rm`\"}}"));
    SlackMessage message = f.notifier.messages().get(0);
    assertThat(message.kind()).isEqualTo(SlackMessage.Kind.FAILURE);
    String text = message.payload().toString();
    assertThat(text).contains("Block failed", "StoreException", "arn:aws:states:x");
    assertThat(text).contains("&lt;!channel&gt; &amp; ｀rm｀").doesNotContain("<!channel>", "`rm`");
  }

  @Test
  void alertFailure_shouldStillAlert_whenFieldsAreMissingOrHuge() throws Exception {
    AlertFailureHandler handler = new AlertFailureHandler(f.notifier, f.metrics);
    handler.handle(Fixture.json("{\"error\":{\"Cause\":\"" + "x".repeat(50_000) + "\"}}"));
    String text = f.notifier.messages().get(0).payload().toString();
    assertThat(text).contains("unknown failed").hasSizeLessThan(4_000);
  }

  private BlockRequest request(String ip, Duration expiresIn) {
    return new BlockRequest(
        Cidr.ofAddress(ip),
        Fixture.NOW.minus(Duration.ofHours(2)),
        Fixture.NOW.plus(expiresIn),
        SeverityLevel.HIGH,
        "Recon:EC2/PortProbeUnprotectedPort",
        "f-" + ip,
        "111122223333",
        "eu-west-1",
        Origin.GUARDDUTY,
        false);
  }
}
