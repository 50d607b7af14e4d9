package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import io.guardwall.aws.SqsMessageQueue;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.model.Action;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.slack.BlockedIp;
import io.guardwall.core.slack.SlackMessages;
import io.guardwall.core.slack.Verb;
import io.guardwall.slack.interact.InteractionReader;
import io.guardwall.slack.interact.Permissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 8's end to end: a signed click → the interaction endpoint → the event queue on moto → the
 * queue consumer → DynamoDB on moto and the Network Firewall stub → the reply at a local
 * response_url; and forged, stale and replayed clicks that change nothing.
 */
@ExtendWith(MotoServer.class)
class SlackUnblockIT {

  private static final String ADDRESS = "203.0.113.7/32";

  private final NetworkFirewallStub firewall = NetworkFirewallStub.start(10_000);
  private final SdkEndpoints endpoints =
      SdkEndpoints.use(MotoServer.endpoint(), firewall.endpoint());
  private final ResponseUrlStub slack = new ResponseUrlStub();
  private final Fixture.Metrics metrics = new Fixture.Metrics();
  private SqsClient sqs;
  private String queueUrl;
  private BlocklistStore store;
  private Guardwall guardwall;
  private InteractionHandler endpoint;
  private QueueHandler consumer;

  @BeforeEach
  void deploy() {
    sqs = MotoServer.client(SqsClient.builder());
    queueUrl = sqs.createQueue(b -> b.queueName("guardwall-events")).queueUrl();
    Map<String, String> env =
        Map.of(
            Env.TABLE, "guardwall-blocklist",
            Env.NOTIFICATIONS_TABLE, "guardwall-notifications",
            Env.RULE_GROUP_ARN, NetworkFirewallStub.RULE_GROUP_ARN,
            Env.SLACK_SECRET, "guardwall-slack");
    DynamoDbState state = DynamoDbState.create("guardwall-blocklist", "guardwall-notifications");
    state.createIfMissing();
    Wiring w = new Wiring(env::get, "QueueHandler");
    store = w.store();
    guardwall = w.guardwall(store, w.notifications(), w.targets(), w.notifier());
    consumer =
        new QueueHandler(
            guardwall,
            new SlackActions(
                guardwall,
                Replier.slack(InteractionHandler.ONE_ATTEMPT),
                slack::owns,
                Clock.systemUTC()),
            metrics);
    endpoint =
        new InteractionHandler(
            new InteractionHandler.Ports(
                () -> Clicks.SECRET,
                state.replayGuard(),
                Clock.systemUTC(),
                new InteractionReader(slack::owns),
                new Permissions(Set.of(Clicks.USER), Set.of(Clicks.CHANNEL)),
                SqsMessageQueue.create(queueUrl)::send,
                Replier.slack(InteractionHandler.ONE_ATTEMPT)),
            metrics);
    guardwall.block(Fixture.blockRequest("203.0.113.7", Duration.ofDays(30)));
    guardwall.reconcile();
  }

  @AfterEach
  void stop() {
    slack.close();
    endpoints.close();
    firewall.close();
  }

  /** The click as Slack sends it: with the digest the menu sits in, as its {@code message}. */
  private String unblockForm() {
    ObjectNode payload = Clicks.payload(Verb.UNBLOCK.value(ADDRESS), "renée", slack.url());
    payload.set("message", digest());
    return Clicks.form(payload);
  }

  /** The digest with menus that announced the block. */
  private ObjectNode digest() {
    BlockedIp blocked = BlockedIp.of(store.get(Cidr.parse(ADDRESS)).orElseThrow());
    return new SlackMessages("guardwall unblock", true)
        .blockedDigests(List.of(blocked), Instant.now())
        .get(0)
        .payload();
  }

  /** Lambda's event source mapping, once: what the queue holds, handed to the consumer. */
  private int deliverQueue() {
    List<Message> messages =
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();
    if (!messages.isEmpty()) {
      consumer.handle(
          Fixture.sqsEvent(messages.stream().map(Message::body).toArray(String[]::new)),
          () -> true);
    }
    return messages.size();
  }

  @Test
  void signedUnblock_shouldTakeTheAddressOutOfTheRuleGroupAndUpdateTheMessage() {
    assertThat(firewall.addresses()).contains(ADDRESS);

    JsonNode answer = endpoint.handle(Clicks.signed(unblockForm(), Instant.now()));
    int delivered = deliverQueue();

    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(delivered).isEqualTo(1);
    assertThat(firewall.addresses()).doesNotContain(ADDRESS);
    assertThat(slack.posts).hasSize(1);
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("replace_original").asBoolean()).isTrue();
    JsonNode entry = reply.at("/blocks/1");
    assertThat(entry.at("/text/text").asText()).startsWith("*203.0.113.7*");
    assertThat(entry.has("accessory")).isFalse();
    assertThat(reply.at("/blocks/2/elements/0/text").asText())
        .startsWith("✓ <@" + Clicks.USER + "> unblocked `" + ADDRESS + "` at ");
    assertThat(guardwall.actions().history(Instant.EPOCH, null))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(Action.UNBLOCK);
              assertThat(r.cidr().toString()).isEqualTo(ADDRESS);
              assertThat(r.actor().id()).isEqualTo(Clicks.USER);
              assertThat(r.done()).isTrue();
            });
  }

  @Test
  void forgedStaleAndReplayedClicks_shouldChangeNothing() {
    ObjectNode forged = Clicks.signed(unblockForm(), Instant.now());
    ((ObjectNode) forged.get("headers")).put("x-slack-signature", "v0=" + "a".repeat(64));
    ObjectNode stale = Clicks.signed(unblockForm(), Instant.now().minus(Duration.ofMinutes(6)));
    ObjectNode genuine = Clicks.signed(unblockForm(), Instant.now());
    endpoint.handle(genuine.deepCopy());
    sqs.purgeQueue(b -> b.queueUrl(queueUrl));

    assertThat(endpoint.handle(forged).get("statusCode").asInt()).isEqualTo(401);
    assertThat(endpoint.handle(stale).get("statusCode").asInt()).isEqualTo(401);
    assertThat(endpoint.handle(genuine).get("statusCode").asInt()).isEqualTo(401);
    assertThat(deliverQueue()).isZero();
    assertThat(firewall.addresses()).contains(ADDRESS);
    assertThat(slack.posts).isEmpty();
    assertThat(metrics.value(InteractionHandler.SIGNATURE_FAILURES + "_REPLAYED")).isEqualTo(1);
  }
}
