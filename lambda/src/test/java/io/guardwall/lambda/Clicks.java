package io.guardwall.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.local.InMemoryReplayGuard;
import io.guardwall.slack.interact.RequestVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/** Slack clicks as a function URL delivers them: block_actions payloads, signed or not. */
final class Clicks {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String USER = "U0123ABCD";
  static final String CHANNEL = "C0456EFGH";

  private Clicks() {}

  /** A block_actions payload: {@code user} clicked {@code value} in {@code channel}. */
  static ObjectNode payload(String value, String userName, URI responseUrl) {
    ObjectNode p = Fixture.JSON.createObjectNode();
    p.put("type", "block_actions");
    p.putObject("user").put("id", USER).put("username", userName).put("name", userName);
    p.putObject("channel").put("id", CHANNEL).put("name", "security");
    p.put("response_url", responseUrl.toString());
    p.putArray("actions")
        .addObject()
        .put("action_id", "guardwall.act")
        .put("type", "button")
        .put("value", value);
    return p;
  }

  static String form(ObjectNode payload) {
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  /** The function URL event for {@code body}, signed with {@link #SECRET} at {@code at}. */
  static ObjectNode signed(String body, Instant at) {
    String timestamp = Long.toString(at.getEpochSecond());
    String signature =
        new RequestVerifier(SECRET, Clock.systemUTC(), new InMemoryReplayGuard())
            .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    return event(body, timestamp, signature);
  }

  /** A function URL event with the given Slack headers and a plain body. */
  static ObjectNode event(String body, String timestamp, String signature) {
    ObjectNode event = Fixture.JSON.createObjectNode().put("version", "2.0");
    ObjectNode headers = event.putObject("headers");
    headers.put("content-type", "application/x-www-form-urlencoded");
    headers.put("x-slack-request-timestamp", timestamp).put("x-slack-signature", signature);
    return event.put("body", body).put("isBase64Encoded", false);
  }

  /** {@code event} with its body base64-encoded, as function URLs may deliver it. */
  static ObjectNode base64(ObjectNode event) {
    String body = event.get("body").asText();
    return event
        .put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
        .put("isBase64Encoded", true);
  }
}
