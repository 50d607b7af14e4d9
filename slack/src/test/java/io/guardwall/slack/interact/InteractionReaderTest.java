package io.guardwall.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.Verb;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESPONSE_URL =
      "https://hooks.slack.com/actions/T0001/1234567890/abcdefABCDEF";

  private final InteractionReader reader =
      new InteractionReader(InteractionReader.SLACK_RESPONSE_URLS);

  @Test
  void read_shouldReturnTheInteraction_whenAButtonWasClicked() {
    Interaction i = reader.read(form(button("unblock 203.0.113.7/32")));

    assertThat(i)
        .isEqualTo(
            new Interaction(
                "U0123ABCD",
                "renée",
                "C0456EFGH",
                Verb.UNBLOCK,
                Cidr.parse("203.0.113.7/32"),
                URI.create(RESPONSE_URL)));
  }

  @Test
  void read_shouldReadTheSelectedOption_whenAnOverflowMenuWasUsed() {
    ObjectNode payload = button("ignored");
    ObjectNode action = (ObjectNode) payload.get("actions").get(0);
    action.remove("value");
    action.put("type", "overflow").putObject("selected_option").put("value", "pin 2001:db8::/64");

    Interaction i = reader.read(form(payload));

    assertThat(i.verb()).isEqualTo(Verb.PIN);
    assertThat(i.cidr()).isEqualTo(Cidr.parse("2001:db8::/64"));
  }

  @Test
  void read_shouldUseTheNameField_whenUsernameIsAbsent() {
    ObjectNode payload = button("allow 198.51.100.0/24");
    ((ObjectNode) payload.get("user")).remove("username");

    assertThat(reader.read(form(payload)).userName()).isEqualTo("Renée D.");
  }

  @Test
  void read_shouldTakeEveryVerb() {
    for (Verb verb : Verb.values()) {
      assertThat(reader.read(form(button(verb.value("192.0.2.1/32")))).verb()).isEqualTo(verb);
    }
  }

  static Stream<Arguments> brokenPayloads() {
    return Stream.of(
        broken("type", p -> p.remove("type")),
        broken("not block_actions", p -> p.put("type", "view_submission")),
        broken("type", p -> p.put("type", 7)),
        broken("user", p -> p.remove("user")),
        broken("user", p -> p.put("user", "U0123ABCD")),
        broken("id is missing", p -> ((ObjectNode) p.get("user")).remove("id")),
        broken("id is missing", p -> ((ObjectNode) p.get("user")).put("id", 42)),
        broken("channel", p -> p.remove("channel")),
        broken("channel", p -> p.putArray("channel")),
        broken("id is missing", p -> ((ObjectNode) p.get("channel")).putNull("id")),
        broken("actions", p -> p.remove("actions")),
        broken("actions", p -> p.putArray("actions")),
        broken("actions", p -> p.put("actions", "unblock 203.0.113.7/32")),
        broken(
            "actions[0]",
            p -> ((ArrayNode) p.get("actions")).set(0, JSON.getNodeFactory().textNode("x"))),
        broken("value", p -> action(p).remove("value")),
        broken("value", p -> action(p).put("value", true)),
        broken("selected_option", p -> action(p).put("selected_option", "pin 1.2.3.4/32")),
        broken("value", p -> action(p).putObject("selected_option")),
        broken("not one guardwall offers", p -> action(p).put("value", "delete 203.0.113.7/32")),
        broken("not one guardwall offers", p -> action(p).put("value", "UNBLOCK 203.0.113.7/32")),
        broken("names no address", p -> action(p).put("value", "unblock")),
        broken("not a CIDR", p -> action(p).put("value", "unblock 203.0.113.300/32")),
        broken("not a CIDR", p -> action(p).put("value", "unblock 203.0.113.7/32 extra")),
        broken("response_url", p -> p.remove("response_url")),
        broken("response_url", p -> p.put("response_url", 5)),
        broken("not a URL", p -> p.put("response_url", "https://hooks.slack.com/a b")),
        broken("not Slack's", p -> p.put("response_url", "http://hooks.slack.com/actions/x")),
        broken("not Slack's", p -> p.put("response_url", "https://evil.example/actions/x")),
        broken("not Slack's", p -> p.put("response_url", "https://hooks.slack.com@evil.example/")),
        broken("not Slack's", p -> p.put("response_url", "https://hooks.slack.com:8443/x")),
        broken("not Slack's", p -> p.put("response_url", "https://hooks.slack.com.evil.example/")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPayloads")
  void read_shouldRefuseNamingTheField_whenAFieldIsMissingOrOfTheWrongType(
      String expected, Consumer<ObjectNode> breakIt) {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    breakIt.accept(payload);

    assertThatThrownBy(() -> reader.read(form(payload)))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageContaining(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "token=x",
        "payload",
        "payload=%ZZ",
        "payload=not%20json",
        "payload=%5B1%2C2%5D",
        "payload=null",
        "payload="
      })
  void read_shouldRefuse_whenTheBodyIsNotAFormWithAJsonPayload(String body) {
    assertThatThrownBy(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageContaining("payload");
  }

  @Test
  void read_shouldQuoteAttackerTextInert_whenItIsRefused() {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    payload.put("type", "\u001b[31mred\u202e" + "x".repeat(500));

    assertThatThrownBy(() -> reader.read(form(payload)))
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("\u202e")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void read_shouldKeepTheMessagesTextBlocksAndAttachments_whenThePayloadHasAMessage()
      throws Exception {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    ObjectNode message = payload.putObject("message");
    message.put("type", "message").put("ts", "1764583200.000100").put("text", "guardwall blocked");
    message.putArray("blocks").addObject().put("type", "header");
    message.putArray("attachments").addObject().put("color", "#E01E5A");

    String kept = reader.read(form(payload)).message();

    assertThat(kept).isNotNull();
    JsonNode json = JSON.readTree(kept);
    assertThat(json.get("text").asText()).isEqualTo("guardwall blocked");
    assertThat(json.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(json.at("/attachments/0/color").asText()).isEqualTo("#E01E5A");
    assertThat(json.has("ts")).isFalse();
  }

  @Test
  void read_shouldReadTheClickWithoutItsMessage_whenTheMessageIsMissing() {
    assertThat(reader.read(form(button("unblock 203.0.113.7/32"))).message()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"text\"", "42", "[1,2]", "null", "true"})
  void read_shouldReadTheClickWithoutItsMessage_whenTheMessageIsNotAnObject(String message)
      throws Exception {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    payload.set("message", JSON.readTree(message));

    Interaction i = reader.read(form(payload));

    assertThat(i.message()).isNull();
    assertThat(i.verb()).isEqualTo(Verb.UNBLOCK);
  }

  @Test
  void read_shouldReadTheClickWithoutItsMessage_whenTheMessageIsHuge() {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    ArrayNode blocks = payload.putObject("message").putArray("blocks");
    for (int i = 0; i < 200; i++) {
      blocks.addObject().put("type", "section").put("text", "x".repeat(1000));
    }

    assertThat(reader.read(form(payload)).message()).isNull();
  }

  @Test
  void read_shouldKeepAMalformedBlocksField_forTheReplyToRefuse() throws Exception {
    ObjectNode payload = button("unblock 203.0.113.7/32");
    payload.putObject("message").put("blocks", "not an array");

    String kept = reader.read(form(payload)).message();

    assertThat(JSON.readTree(kept).get("blocks").asText()).isEqualTo("not an array");
  }

  private static Arguments broken(String expected, Consumer<ObjectNode> breakIt) {
    return Arguments.of(expected, breakIt);
  }

  private static ObjectNode action(ObjectNode payload) {
    return (ObjectNode) payload.get("actions").get(0);
  }

  private static ObjectNode button(String value) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "block_actions");
    p.putObject("user").put("id", "U0123ABCD").put("username", "renée").put("name", "Renée D.");
    p.putObject("channel").put("id", "C0456EFGH").put("name", "security");
    p.putObject("container").put("type", "message").put("message_ts", "1764583200.000100");
    p.put("response_url", RESPONSE_URL);
    p.putArray("actions")
        .addObject()
        .put("action_id", "guardwall.act")
        .put("type", "button")
        .put("value", value);
    return p;
  }

  private static byte[] form(JsonNode payload) {
    return ("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }
}
