package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.slack.SlackMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue consumer: one SQS batch in, the partial batch response out (issue 10). */
class QueueHandlerTest {

  private static final String C2 = Fixture.sampleText("02-guardduty-c2-outbound.json");
  private static final String RDS = Fixture.sampleText("06-guardduty-rds-login.json");
  private static final String C2_IN_SECURITY_HUB =
      Fixture.sampleText("10-securityhub-same-finding-as-02.json");

  private final Fixture f = new Fixture();
  private final Slack slack = new Slack(f);

  /** Forwards to the fixture's recorder unless told to refuse, or to have no webhook. */
  private static final class Slack implements Notifier {
    private final Fixture f;
    volatile boolean down;
    volatile String unconfigured;

    Slack(Fixture f) {
      this.f = f;
    }

    @Override
    public void send(SlackMessage message) {
      if (down) {
        throw new NotifyException("Slack webhook still failing after 5 attempts (HTTP 503)", null);
      }
      f.notifier.send(message);
    }

    @Override
    public Optional<String> unavailable() {
      return Optional.ofNullable(unconfigured);
    }
  }

  private QueueHandler handler() {
    return new QueueHandler(f.guardwall(slack), f.metrics);
  }

  private static List<String> failures(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.path("batchItemFailures").forEach(x -> ids.add(x.path("itemIdentifier").asText()));
    return ids;
  }

  @Test
  void handle_shouldRecordAllReconcileOnceDigestThenAlert_whenTheBatchIsGood() {
    JsonNode response = handler().handle(Fixture.sqsEvent(C2, RDS));

    assertThat(response.path("batchItemFailures").isArray()).isTrue();
    assertThat(failures(response)).isEmpty();
    assertThat(f.firewall.writes()).as("one reconcile for the batch").isEqualTo(1);
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.66/32", "192.0.2.77/32");
    assertThat(f.notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(
            SlackMessage.Kind.BLOCKED, SlackMessage.Kind.FINDING, SlackMessage.Kind.FINDING);
    assertThat(f.metrics.value("Blocked")).isEqualTo(2);
    assertThat(f.metrics.value("AlertsSent")).isEqualTo(2);
    assertThat(f.metrics.value(QueueHandler.REJECTED_METRIC)).isZero();
  }

  @Test
  void handle_shouldPutActionMenusInTheDigest_whenSlackButtonsIsTrue() {
    assertThat(digestWith(Map.of(Env.SLACK_BUTTONS, "true"))).contains("\"overflow\"");
  }

  @Test
  void handle_shouldPostADigestWithoutMenus_whenSlackButtonsIsUnsetOrNotTrue() {
    assertThat(digestWith(Map.of())).doesNotContain("overflow");
    assertThat(digestWith(Map.of(Env.SLACK_BUTTONS, "yes"))).doesNotContain("overflow");
  }

  /** The digest of one C2 block, by a queue function wired from {@code env}. */
  private String digestWith(Map<String, String> env) {
    Fixture fresh = new Fixture();
    Guardwall guardwall =
        new Wiring(env::get, "QueueHandler")
            .guardwall(
                new Guardwall.Ports(
                    fresh.store, fresh.notifications, List.of(fresh.firewall), fresh.notifier));
    new QueueHandler(guardwall, fresh.metrics).handle(Fixture.sqsEvent(C2));
    return fresh.notifier.messages().stream()
        .filter(m -> m.kind() == SlackMessage.Kind.BLOCKED)
        .findFirst()
        .orElseThrow()
        .payload()
        .toString();
  }

  @Test
  void handle_shouldAlertOnce_whenTheSecurityHubCopyArrivesInTheSameBatch() {
    JsonNode response = handler().handle(Fixture.sqsEvent(C2, C2_IN_SECURITY_HUB, C2));

    assertThat(failures(response)).isEmpty();
    assertThat(f.notifier.messages().stream().filter(m -> m.kind() == SlackMessage.Kind.FINDING))
        .hasSize(1);
    assertThat(f.notifier.messages().stream().filter(m -> m.kind() == SlackMessage.Kind.BLOCKED))
        .hasSize(1);
  }

  @Test
  void handle_shouldPostNoDigest_whenTheAddressIsAlreadyBlocked() {
    handler().handle(Fixture.sqsEvent(C2));
    int before = f.notifier.messages().size();

    handler()
        .handle(Fixture.sqsEvent(Fixture.sampleText("11-guardduty-c2-outbound-resighted.json")));

    assertThat(f.firewall.writes()).isEqualTo(1);
    assertThat(f.notifier.messages().subList(before, f.notifier.messages().size()))
        .extracting(SlackMessage::kind)
        .doesNotContain(SlackMessage.Kind.BLOCKED);
  }

  @Test
  void handle_shouldAcknowledgeAndCount_whenAMessageCanNeverBeRead() {
    JsonNode response =
        handler().handle(Fixture.sqsEvent("{not json", "[1, 2]", "", "{\"detail\":{}}", C2));

    assertThat(failures(response)).as("never retried, so they cannot loop").isEmpty();
    assertThat(f.metrics.value(QueueHandler.REJECTED_METRIC)).isEqualTo(4);
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.66/32");
  }

  @Test
  void handle_shouldRetryOnlyTheMessage_whoseFindingsCouldNotBeRecorded() {
    BlocklistStore failing =
        (BlocklistStore)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {BlocklistStore.class},
                (p, m, a) -> {
                  if (m.getName().startsWith("upsert") && a[0].toString().contains("192.0.2.77")) {
                    throw new StoreException("throttled", null);
                  }
                  return m.invoke(f.store, a);
                });

    JsonNode response =
        new QueueHandler(f.guardwall(failing, slack), f.metrics).handle(Fixture.sqsEvent(C2, RDS));

    assertThat(failures(response)).containsExactly("m-1");
    assertThat(f.metrics.value("EventsFailed")).isEqualTo(1);
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.66/32");
  }

  @Test
  void handle_shouldRetryTheMessages_whoseAlertSlackRefused_andAlertOnceWhenTheyReturn() {
    slack.down = true;
    JsonNode first = handler().handle(Fixture.sqsEvent(C2, C2_IN_SECURITY_HUB));
    slack.down = false;
    JsonNode redelivered = handler().handle(Fixture.sqsEvent(C2, C2_IN_SECURITY_HUB));
    JsonNode again = handler().handle(Fixture.sqsEvent(C2));

    assertThat(failures(first)).containsExactly("m-0", "m-1");
    assertThat(failures(redelivered)).isEmpty();
    assertThat(failures(again)).isEmpty();
    assertThat(f.notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.FINDING);
    assertThat(f.firewall.read().blocked().toString())
        .as("blocking never waits for Slack")
        .contains("203.0.113.66/32");
  }

  @Test
  void handle_shouldClaimNothingAndSaySo_whenSlackIsNotConfigured() {
    slack.unconfigured = "secret 'guardwall-slack' is not a webhook URL";

    JsonNode response = handler().handle(Fixture.sqsEvent(C2, "{not json"));

    assertThat(failures(response)).containsExactly("m-0");
    assertThat(f.metrics.value(QueueHandler.SLACK_NOT_CONFIGURED_METRIC)).isEqualTo(1);
    String findingId = "a2ef406e2c2351e0b9e80029c909242d";
    assertThat(f.notifications.claim(findingId, SeverityLevel.HIGH, Fixture.NOW, Fixture.NOW))
        .isPresent();
    assertThat(f.store.get(Cidr.ofAddress("203.0.113.66"))).isPresent();
  }

  @Test
  void handle_shouldRetryTheAlertsItHadNoTimeFor() {
    JsonNode response = handler().handle(Fixture.sqsEvent(C2, RDS), () -> false);

    assertThat(failures(response)).containsExactly("m-0", "m-1");
    assertThat(f.notifier.messages())
        .extracting(SlackMessage::kind)
        .containsExactly(SlackMessage.Kind.BLOCKED);
  }

  @Test
  void handle_shouldAnswerAnEmptyList_whenTheBatchIsEmpty() {
    JsonNode response = handler().handle(Fixture.sqsEvent());

    assertThat(response.toString()).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(f.firewall.writes()).isZero();
  }

  @Test
  void handle_shouldFailTheBatch_whenTheInputIsNotAnSqsEvent() {
    assertThatThrownBy(() -> handler().handle(Fixture.JSON.createObjectNode()))
        .hasMessageContaining("no Records array");
    assertThatThrownBy(
            () ->
                handler()
                    .handle(
                        Fixture.JSON
                            .createObjectNode()
                            .set(
                                "Records",
                                Fixture.JSON
                                    .createArrayNode()
                                    .add(Fixture.JSON.createObjectNode()))))
        .hasMessageContaining("Records[0] has no messageId");
  }
}
