package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.local.InMemoryReplayGuard;
import io.guardwall.slack.WebhookRetry;
import io.guardwall.slack.interact.InteractionReader;
import io.guardwall.slack.interact.Permissions;
import io.guardwall.slack.interact.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Slack interaction endpoint: every refusal, and the click that reaches the queue. */
class InteractionHandlerTest {

  private final Fixture f = new Fixture();
  private final ResponseUrlStub slack = new ResponseUrlStub();
  private final List<String> queued = new CopyOnWriteArrayList<>();
  private @Nullable String secret = Clicks.SECRET;
  private Permissions permissions = new Permissions(Set.of(Clicks.USER), Set.of(Clicks.CHANNEL));

  @AfterEach
  void stop() {
    slack.close();
  }

  private InteractionHandler handler() {
    return new InteractionHandler(
        new InteractionHandler.Ports(
            () -> secret,
            new InMemoryReplayGuard(),
            f.clock,
            new InteractionReader(slack::owns),
            permissions,
            queued::add,
            Replier.slack(new WebhookRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))),
        f.metrics);
  }

  private String unblockForm(String userName) {
    return Clicks.form(Clicks.payload("unblock 203.0.113.7/32", userName, slack.url()));
  }

  @Test
  void handle_shouldQueueTheAction_whenSignedAndAllowed() throws Exception {
    JsonNode response = handler().handle(Clicks.signed(unblockForm("renée"), Fixture.NOW));

    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(queued).hasSize(1);
    JsonNode message = Fixture.json(queued.get(0));
    assertThat(message.get("kind").asText()).isEqualTo(ActionMessage.KIND);
    assertThat(message.get("verb").asText()).isEqualTo("unblock");
    assertThat(message.get("cidr").asText()).isEqualTo("203.0.113.7/32");
    assertThat(message.get("userId").asText()).isEqualTo(Clicks.USER);
    assertThat(message.get("userName").asText()).isEqualTo("renée");
    assertThat(message.get("channelId").asText()).isEqualTo(Clicks.CHANNEL);
    assertThat(message.get("responseUrl").asText()).isEqualTo(slack.url().toString());
    assertThat(message.get("requestedAt").asText()).isEqualTo(Fixture.NOW.toString());
    assertThat(f.metrics.value(InteractionHandler.QUEUED)).isEqualTo(1);
    assertThat(slack.posts).isEmpty();
  }

  @Test
  void handle_shouldQueueTheAction_whenTheBodyIsBase64() {
    JsonNode response =
        handler().handle(Clicks.base64(Clicks.signed(unblockForm("renée"), Fixture.NOW)));

    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(queued).hasSize(1);
  }

  static Stream<Arguments> refusedRequests() {
    String body = "payload=%7B%7D";
    return Stream.of(
        Arguments.of(Verdict.BAD_SIGNATURE, (Consumer<ObjectNode>) e -> e.put("body", body + "x")),
        Arguments.of(
            Verdict.BAD_SIGNATURE,
            (Consumer<ObjectNode>)
                e ->
                    ((ObjectNode) e.get("headers"))
                        .put("x-slack-signature", "v0=" + "0".repeat(64))),
        Arguments.of(
            Verdict.MISSING_HEADERS,
            (Consumer<ObjectNode>)
                e -> ((ObjectNode) e.get("headers")).remove("x-slack-signature")),
        Arguments.of(
            Verdict.MALFORMED_TIMESTAMP,
            (Consumer<ObjectNode>)
                e -> ((ObjectNode) e.get("headers")).put("x-slack-request-timestamp", "soon")));
  }

  @ParameterizedTest
  @MethodSource("refusedRequests")
  void handle_shouldAnswer401AndCountIt_whenTheSignatureIsRefused(
      Verdict verdict, Consumer<ObjectNode> breakIt) {
    ObjectNode event = Clicks.signed(unblockForm("renée"), Fixture.NOW);
    breakIt.accept(event);

    JsonNode response = handler().handle(event);

    assertRefused(response, verdict);
  }

  @Test
  void handle_shouldAnswer401_whenTheTimestampIsStale() {
    ObjectNode event =
        Clicks.signed(unblockForm("renée"), Fixture.NOW.minus(Duration.ofMinutes(6)));

    assertRefused(handler().handle(event), Verdict.STALE);
  }

  @Test
  void handle_shouldAnswer401_whenTheRequestIsReplayed() {
    InteractionHandler handler = handler();
    ObjectNode event = Clicks.signed(unblockForm("renée"), Fixture.NOW);
    handler.handle(event.deepCopy());
    queued.clear();

    assertRefused(handler.handle(event), Verdict.REPLAYED);
  }

  private void assertRefused(JsonNode response, Verdict verdict) {
    assertThat(response.get("statusCode").asInt()).isEqualTo(401);
    assertThat(response.get("body").asText()).isEqualTo(verdict.reason());
    assertThat(f.metrics.value(InteractionHandler.SIGNATURE_FAILURES)).isEqualTo(1);
    assertThat(f.metrics.value(InteractionHandler.SIGNATURE_FAILURES + "_" + verdict.name()))
        .isEqualTo(1);
    assertThat(queued).isEmpty();
    assertThat(slack.posts).isEmpty();
  }

  @Test
  void handle_shouldRefuseEveryRequest_whenTheSigningSecretIsEmpty() {
    secret = " ";
    InteractionHandler handler = handler();

    JsonNode response = handler.handle(Clicks.signed(unblockForm("renée"), Fixture.NOW));

    assertThat(response.get("statusCode").asInt()).isEqualTo(401);
    assertThat(f.metrics.value(InteractionHandler.SECRET_MISSING)).isEqualTo(1);
    assertThat(queued).isEmpty();
    secret = Clicks.SECRET;
    assertThat(
            handler
                .handle(Clicks.signed(unblockForm("renée"), Fixture.NOW))
                .get("statusCode")
                .asInt())
        .as("a secret filled in later is read")
        .isEqualTo(200);
  }

  @Test
  void handle_shouldRefuseEveryRequest_whenTheSigningSecretCannotBeRead() {
    InteractionHandler handler =
        new InteractionHandler(
            new InteractionHandler.Ports(
                () -> {
                  throw new IllegalStateException("AccessDenied");
                },
                new InMemoryReplayGuard(),
                f.clock,
                new InteractionReader(slack::owns),
                permissions,
                queued::add,
                (url, payload) -> {}),
            f.metrics);

    JsonNode response = handler.handle(Clicks.signed(unblockForm("renée"), Fixture.NOW));

    assertThat(response.get("statusCode").asInt()).isEqualTo(401);
    assertThat(f.metrics.value(InteractionHandler.SECRET_MISSING)).isEqualTo(1);
    assertThat(queued).isEmpty();
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("text=hello", "payload"),
        Arguments.of("payload=%7Bnot+json", "JSON"),
        Arguments.of("payload=" + "%7B%22type%22%3A%22view_submission%22%7D", "block_actions"));
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void handle_shouldAnswer400WithTheReason_whenThePayloadIsMalformed(String body, String reason) {
    JsonNode response = handler().handle(Clicks.signed(body, Fixture.NOW));

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(response.get("body").asText()).containsIgnoringCase(reason);
    assertThat(f.metrics.value(InteractionHandler.MALFORMED)).isEqualTo(1);
    assertThat(queued).isEmpty();
  }

  @Test
  void handle_shouldAnswer400_whenTheCidrIsNotOne() {
    String body = Clicks.form(Clicks.payload("unblock 999.1.1.1/32", "renée", slack.url()));

    assertThat(handler().handle(Clicks.signed(body, Fixture.NOW)).get("statusCode").asInt())
        .isEqualTo(400);
    assertThat(queued).isEmpty();
  }

  @Test
  void handle_shouldPostAnEphemeralRefusal_whenTheUserIsNotAllowed() {
    permissions = new Permissions(Set.of("U999"), Set.of(Clicks.CHANNEL));

    JsonNode response = handler().handle(Clicks.signed(unblockForm("renée"), Fixture.NOW));

    assertEphemeralRefusal(response);
  }

  @Test
  void handle_shouldPostAnEphemeralRefusal_whenTheChannelIsNotAllowed() {
    permissions = new Permissions(Set.of(Clicks.USER), Set.of());

    JsonNode response = handler().handle(Clicks.signed(unblockForm("renée"), Fixture.NOW));

    assertEphemeralRefusal(response);
  }

  private void assertEphemeralRefusal(JsonNode response) {
    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(queued).isEmpty();
    assertThat(slack.posts).hasSize(1);
    JsonNode reply = slack.posts.get(0);
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("replace_original").asBoolean()).isFalse();
    assertThat(reply.get("text").asText()).contains("not allowed");
    assertThat(f.metrics.value(InteractionHandler.NOT_ALLOWED)).isEqualTo(1);
  }
}
