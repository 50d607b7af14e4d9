package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Slack incoming webhook on loopback: accepts at most one message per second, answers any other
 * with HTTP 429 and a {@code Retry-After} in whole seconds, as Slack does, and can be down (HTTP
 * 503) for a while. Records every accepted message with when it was accepted. Thread-safe.
 */
final class SlackStub implements AutoCloseable {

  /** A message Slack accepted. */
  record Accepted(Instant at, JsonNode payload) {}

  static final Duration PACE = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  // Guarded by this.
  private final List<Accepted> accepted = new ArrayList<>();
  private Instant nextFree = Instant.EPOCH;
  private Instant downUntil = Instant.EPOCH;
  private int rateLimited;
  private int refusedWhileDown;

  private SlackStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/services/", this::handle);
    server.start();
  }

  static SlackStub start() {
    try {
      return new SlackStub();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Slack stub", e);
    }
  }

  URI webhook() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/burst");
  }

  /** Answers 503 to every message from now for {@code outage}. */
  synchronized void down(Duration outage) {
    downUntil = Instant.now().plus(outage);
  }

  synchronized Instant downUntil() {
    return downUntil;
  }

  synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  synchronized int rateLimited() {
    return rateLimited;
  }

  synchronized int refusedWhileDown() {
    return refusedWhileDown;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode payload = JSON.readTree(exchange.getRequestBody());
      Reply reply = answer(payload, Instant.now());
      reply.retryAfter().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", s));
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private synchronized Reply answer(JsonNode payload, Instant now) {
    if (now.isBefore(downUntil)) {
      refusedWhileDown++;
      return new Reply(503, "service_unavailable", Optional.empty());
    }
    if (now.isBefore(nextFree)) {
      rateLimited++;
      long millis = Duration.between(now, nextFree).toMillis();
      return new Reply(
          429, "rate_limited", Optional.of(Long.toString(Math.max(1, (millis + 999) / 1000))));
    }
    nextFree = now.plus(PACE);
    accepted.add(new Accepted(now, payload));
    return new Reply(200, "ok", Optional.empty());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Reply(int status, String body, Optional<String> retryAfter) {}
}
