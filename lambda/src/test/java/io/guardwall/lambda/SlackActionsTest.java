package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.AuditTrail;
import io.guardwall.core.port.StoreException;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.slack.BlockedIp;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.slack.SlackMessages;
import io.guardwall.core.slack.Verb;
import io.guardwall.slack.WebhookRetry;
import io.guardwall.slack.interact.Interaction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue consumer performing Slack actions and replying through the response URL. */
class SlackActionsTest {

  private static final String C2 = Fixture.sampleText("02-guardduty-c2-outbound.json");

  private final Fixture f = new Fixture();
  private final ResponseUrlStub slack = new ResponseUrlStub();

  @AfterEach
  void stop() {
    slack.close();
  }

  private QueueHandler handler(Replier replier) {
    return new QueueHandler(
        f.guardwall(), new SlackActions(f.guardwall(), replier, slack::owns, f.clock), f.metrics);
  }

  private QueueHandler handler() {
    return handler(Replier.slack(new WebhookRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
  }

  private String action(Verb verb, String cidr, String userName, URI responseUrl) {
    return action(Clicks.USER, userName, verb, cidr, responseUrl, null);
  }

  private static String action(
      String userId,
      String userName,
      Verb verb,
      String cidr,
      URI responseUrl,
      @Nullable String message) {
    Interaction i =
        new Interaction(
            userId, userName, Clicks.CHANNEL, verb, Cidr.parse(cidr), responseUrl, message);
    return new ActionMessage(i, Fixture.NOW).toJson();
  }

  /** The digest Slack shows, as the click's payload carries it back. */
  private String digestWithMenus() {
    List<SlackMessage> digests =
        new SlackMessages("guardwall unblock", true)
            .blockedDigests(
                List.of(BlockedIp.of(f.store.get(Cidr.parse("203.0.113.7/32")).orElseThrow())),
                Fixture.NOW);
    return digests.get(0).payload().toString();
  }

  private String action(Verb verb, String cidr) {
    return action(verb, cidr, "renée", slack.url());
  }

  @Test
  void handle_shouldUnblockReconcileAndTellTheChannel_whenAnUnblockActionArrives() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));
    f.guardwall().reconcile();
    assertThat(f.firewall.read().blocked().toString()).contains("203.0.113.7/32");

    JsonNode response = handler().handle(Fixture.sqsEvent(action(Verb.UNBLOCK, "203.0.113.7/32")));

    assertThat(response.get("batchItemFailures")).isEmpty();
    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isEmpty();
    assertThat(f.firewall.read().blocked().toString()).doesNotContain("203.0.113.7");
    assertThat(slack.posts).hasSize(1);
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(reply.get("text").asText())
        .isEqualTo("✓ <@" + Clicks.USER + "> unblocked `203.0.113.7/32` at 2026-11-28 06:00 UTC");
    assertThat(f.metrics.value(SlackActions.PERFORMED)).isEqualTo(1);
  }

  @Test
  void handle_shouldReplyEphemerallyWithTheReason_whenTheAddressIsNotBlocked() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler().handle(Fixture.sqsEvent(action(Verb.UNBLOCK, "198.51.100.9/32")));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isPresent();
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("text").asText()).contains("not in the blocklist: 198.51.100.9/32");
    assertThat(f.metrics.value(SlackActions.REFUSED)).isEqualTo(1);
  }

  @Test
  void handle_shouldPinTheEntry_whenPinWasClicked() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler().handle(Fixture.sqsEvent(action(Verb.PIN, "203.0.113.7/32")));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32")).orElseThrow().pinned()).isTrue();
    assertThat(slack.posts.get(0).toString()).contains("203.0.113.7/32");
    assertThat(f.metrics.value(SlackActions.PERFORMED)).isEqualTo(1);
  }

  @Test
  void handle_shouldExtendTheEntry_whenExtendWasClicked() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler().handle(Fixture.sqsEvent(action(Verb.EXTEND, "203.0.113.7/32")));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32")).orElseThrow().expiresAt())
        .isAfter(Fixture.NOW.plus(Duration.ofHours(20)));
    assertThat(f.metrics.value(SlackActions.PERFORMED)).isEqualTo(1);
  }

  @Test
  void handle_shouldAllowAndRemoveTheEntry_whenAllowWasClicked() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler().handle(Fixture.sqsEvent(action(Verb.ALLOW, "203.0.113.7/32")));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isEmpty();
    assertThat(f.metrics.value(SlackActions.PERFORMED)).isEqualTo(1);
  }

  @Test
  void handle_shouldRefuseEphemerally_whenExtendingAnAddressThatIsNotBlocked() {
    handler().handle(Fixture.sqsEvent(action(Verb.EXTEND, "203.0.113.8/32")));

    assertThat(slack.posts.get(0).get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(f.metrics.value(SlackActions.REFUSED)).isEqualTo(1);
  }

  @Test
  void handle_shouldMakeTheUserNameInert_whenItCarriesMarkup() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler()
        .handle(
            Fixture.sqsEvent(
                action(
                    "not-an-id",
                    "<!channel> *x*",
                    Verb.UNBLOCK,
                    "203.0.113.7/32",
                    slack.url(),
                    null)));

    String text = slack.posts.get(0).toString();
    assertThat(text).doesNotContain("<!channel>", "*x*").contains("&lt;!channel&gt;");
  }

  @Test
  void handle_shouldReplaceTheClickedMenuInTheOriginal_whenTheActionCarriesTheMessage() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));
    String original = digestWithMenus();

    handler()
        .handle(
            Fixture.sqsEvent(
                action(
                    Clicks.USER, "renée", Verb.UNBLOCK, "203.0.113.7/32", slack.url(), original)));

    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("replace_original").asBoolean()).isTrue();
    assertThat(reply.toString()).doesNotContain("\"action_id\"");
    assertThat(reply.toString())
        .contains("✓ <@" + Clicks.USER + "> unblocked `203.0.113.7/32` at 2026-11-28 06:00 UTC");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"blocks\":\"x\"}", "{\"blocks\":[]}", "not json", "[]"})
  void handle_shouldPostANewMessage_whenTheCarriedMessageCannotBeRebuilt(String message) {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));

    handler()
        .handle(
            Fixture.sqsEvent(
                action(
                    Clicks.USER, "renée", Verb.UNBLOCK, "203.0.113.7/32", slack.url(), message)));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isEmpty();
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
    assertThat(reply.get("response_type").asText()).isEqualTo("in_channel");
  }

  @Test
  void handle_shouldReplyEphemerallyAndNotReplace_whenRefusedDespiteACarriedMessage() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));
    String original = digestWithMenus();

    handler()
        .handle(
            Fixture.sqsEvent(
                action(
                    Clicks.USER, "renée", Verb.UNBLOCK, "198.51.100.9/32", slack.url(), original)));

    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
  }

  @Test
  void actionMessage_shouldCarryTheMessage_throughTheQueue() throws Exception {
    String json =
        action(Clicks.USER, "renée", Verb.PIN, "203.0.113.7/32", slack.url(), "{\"blocks\":[]}");

    ActionMessage read = ActionMessage.read(Fixture.JSON.readTree(json)).orElseThrow();

    assertThat(read.interaction().message()).isEqualTo("{\"blocks\":[]}");
  }

  @Test
  void actionMessage_shouldReadNoMessage_whenTheFieldIsNotText() throws Exception {
    ObjectNode json =
        (ObjectNode)
            Fixture.JSON.readTree(action(Verb.PIN, "203.0.113.7/32", "renée", slack.url()));
    json.putObject("message").put("blocks", "x");

    assertThat(ActionMessage.read(json).orElseThrow().interaction().message()).isNull();
  }

  @Test
  void handle_shouldReplyEphemerallyAndAuditTheFailure_whenTheActionFails() {
    AuditTrail audit = AuditTrail.inMemory();
    AllowListStore broken =
        new AllowListStore() {
          @Override
          public boolean add(AllowedCidr allowed) {
            throw new StoreException("table down", null);
          }

          @Override
          public boolean remove(Cidr cidr) {
            throw new StoreException("table down", null);
          }

          @Override
          public List<AllowedCidr> list() {
            return List.of();
          }
        };
    Guardwall gw =
        new Guardwall(
            GuardwallConfig.defaults(),
            new Guardwall.Ports(
                f.store, f.notifications, List.of(f.firewall), f.notifier, broken, audit),
            f.clock,
            RetryPolicy.immediate(1));
    QueueHandler handler =
        new QueueHandler(
            gw,
            new SlackActions(
                gw,
                Replier.slack(new WebhookRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
                slack::owns,
                f.clock),
            f.metrics);

    JsonNode response = handler.handle(Fixture.sqsEvent(action(Verb.ALLOW, "203.0.113.7/32")));

    assertThat(response.get("batchItemFailures")).isEmpty();
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
    assertThat(reply.get("text").asText()).contains("The action failed", "table down");
    assertThat(audit.since(Instant.EPOCH))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(AuditRecord.Status.FAILED));
    assertThat(f.metrics.value(SlackActions.FAILED)).isEqualTo(1);
    assertThat(f.metrics.puts)
        .noneMatch(
            p -> p.name().equals(SlackActions.REFUSED) || p.name().equals(SlackActions.PERFORMED));
  }

  @Test
  void handle_shouldStillUnblock_whenTheReplyFails() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));
    Replier down =
        (url, payload) -> {
          throw new io.guardwall.core.port.NotifyException("Slack answered 500", null);
        };

    JsonNode response =
        handler(down).handle(Fixture.sqsEvent(action(Verb.UNBLOCK, "203.0.113.7/32")));

    assertThat(response.get("batchItemFailures")).isEmpty();
    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isEmpty();
    assertThat(f.metrics.value(SlackActions.REPLY_FAILURES)).isEqualTo(1);
  }

  @Test
  void handle_shouldDropTheAction_whenItsResponseUrlIsNotSlacks() {
    f.store.upsert(Fixture.blockRequest("203.0.113.7", Duration.ofHours(1)));
    URI elsewhere = URI.create("http://169.254.169.254/latest/meta-data/");

    handler().handle(Fixture.sqsEvent(action(Verb.UNBLOCK, "203.0.113.7/32", "renée", elsewhere)));

    assertThat(f.store.get(Cidr.parse("203.0.113.7/32"))).isPresent();
    assertThat(f.metrics.value(SlackActions.REJECTED)).isEqualTo(1);
  }

  @Test
  void handle_shouldDropAMalformedActionAndRecordTheFindings_whenBothShareABatch() {
    String broken =
        "{\"kind\":\"" + ActionMessage.KIND + "\",\"verb\":\"unblock\",\"cidr\":\"nope\"}";

    JsonNode response = handler().handle(Fixture.sqsEvent(broken, C2));

    assertThat(response.get("batchItemFailures")).isEmpty();
    assertThat(f.metrics.value(SlackActions.REJECTED)).isEqualTo(1);
    assertThat(f.metrics.value("EventsReceived")).isEqualTo(1);
    assertThat(f.metrics.value(QueueHandler.REJECTED_METRIC)).isZero();
    assertThat(slack.posts).isEmpty();
  }
}
