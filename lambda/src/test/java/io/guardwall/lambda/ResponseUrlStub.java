package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for Slack's response URLs: records each JSON post, answers 200.
 */
final class ResponseUrlStub implements AutoCloseable {

  final List<JsonNode> posts = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  ResponseUrlStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          posts.add(Fixture.JSON.readTree(exchange.getRequestBody()));
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          exchange.close();
        });
    server.start();
  }

  /** A response URL on this stub. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actions/T1/2/abc");
  }

  /** Whether {@code uri} points at this stub, as the reader's predicate in tests. */
  boolean owns(URI uri) {
    return uri.toString().startsWith("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
