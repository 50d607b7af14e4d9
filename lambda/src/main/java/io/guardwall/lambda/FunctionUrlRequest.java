package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a Lambda function URL request (the API Gateway v2 HTTP event) the interaction
 * endpoint reads: the headers, names lower-cased, and the raw body, base64-decoded when the event
 * says so; immutable.
 */
final class FunctionUrlRequest {

  private final Map<String, String> headers;
  private final byte[] body;

  FunctionUrlRequest(Map<String, String> headers, byte[] body) {
    this.headers = Map.copyOf(headers);
    this.body = Objects.requireNonNull(body, "body").clone();
  }

  Map<String, String> headers() {
    return headers;
  }

  /** The raw body, a copy. */
  byte[] body() {
    return body.clone();
  }

  /**
   * The request in {@code event}.
   *
   * @throws IllegalArgumentException when a base64 body does not decode
   */
  static FunctionUrlRequest read(JsonNode event) {
    Map<String, String> headers = new HashMap<>();
    event
        .path("headers")
        .properties()
        .forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
    String body = event.path("body").asText("");
    boolean base64 = event.path("isBase64Encoded").asBoolean(false);
    return new FunctionUrlRequest(
        headers, base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
  }

  /** The request's {@code X-Slack-Request-Timestamp}, which a verified request carries. */
  Instant slackTimestamp() {
    return Instant.ofEpochSecond(
        Long.parseLong(headers.getOrDefault("x-slack-request-timestamp", "0").strip()));
  }
}
