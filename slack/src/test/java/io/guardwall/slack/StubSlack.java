package io.guardwall.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Slack's incoming-webhook endpoint on 127.0.0.1: answers from a script (then
 * 200 "ok"), records every post with the fake time it arrived, and can hold the first request until
 * the test lets it go.
 */
final class StubSlack implements AutoCloseable {

  /** The secret part of the URL: it must never show up in an error. */
  static final String SECRET = "T0GUARD/B0WALL/xoxSecretToken42";

  /** One scripted answer. */
  record Answer(int status, String body, Map<String, String> headers) {
    static Answer of(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  /** One recorded post. */
  record Post(String body, String contentType, Duration at) {}

  private final HttpServer server;
  private final FakeTime time;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Post> posts = new ArrayList<>();
  private CountDownLatch arrived;
  private CountDownLatch release;

  StubSlack(FakeTime time) {
    this.time = time;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + SECRET;
  }

  /** A webhook URL on a loopback port where nothing listens. */
  static String refusingUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/services/" + SECRET;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SlackWebhookNotifier notifier(WebhookRetry retry) {
    return notifier(url(), retry, time);
  }

  static SlackWebhookNotifier notifier(String url, WebhookRetry retry, Time time) {
    return new SlackWebhookNotifier(
        SlackWebhookNotifier.httpClient(), Webhook.parse(url), retry, time, () -> 0.5);
  }

  synchronized StubSlack answer(int status, String body) {
    script.add(Answer.of(status, body));
    return this;
  }

  synchronized StubSlack answer(int times, int status, String body) {
    for (int i = 0; i < times; i++) {
      answer(status, body);
    }
    return this;
  }

  synchronized StubSlack answer(Answer answer) {
    script.add(answer);
    return this;
  }

  /** Every answer from now on is {@code status}. */
  synchronized StubSlack always(int status, String body) {
    return answer(1000, status, body);
  }

  /** Holds the first post until {@link #release()}. */
  synchronized void holdFirstPost() {
    arrived = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  void awaitFirstPost() throws InterruptedException {
    if (!arrived.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no post arrived");
    }
  }

  void release() {
    release.countDown();
  }

  synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  synchronized List<String> bodies() {
    return posts.stream().map(Post::body).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    holdIfAsked();
    Answer answer;
    synchronized (this) {
      posts.add(
          new Post(body, exchange.getRequestHeaders().getFirst("Content-Type"), time.elapsed()));
      answer = script.isEmpty() ? Answer.of(200, "ok") : script.poll();
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void holdIfAsked() {
    CountDownLatch gate;
    synchronized (this) {
      if (arrived == null || arrived.getCount() == 0) {
        return;
      }
      arrived.countDown();
      gate = release;
    }
    try {
      // Bounded so a broken test cannot hang the build.
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
