package io.guardwall.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;

/**
 * A local Network Firewall endpoint holding one stateless rule group, speaking the JSON 1.0
 * protocol as the SDK sends it ({@code POST /}, {@code X-Amz-Target:
 * NetworkFirewall_20201112.DescribeRuleGroup} or {@code .UpdateRuleGroup}), with the documented
 * behaviour that matters to a writer: the update token rotates on every update and a stale one is
 * rejected with {@code InvalidTokenException}; a group that needs more than its capacity is
 * rejected with {@code InvalidRequestException}. Throttling, token races (another writer updating
 * right before an update) and 500s can be injected with a seeded random, and every call can be
 * slowed by a fixed latency. Thread-safe.
 *
 * <pre>{@code
 * try (NetworkFirewallStub stub = NetworkFirewallStub.start(1000).faults(0.1, 0.1, 0.02, 42)) {
 *   StatelessRuleGroup firewall = stub.firewall();
 *   ...
 *   assertThat(stub.addresses()).hasSize(500);
 * }
 * }</pre>
 */
public final class NetworkFirewallStub implements AutoCloseable {

  /** The ARN of the stub's rule group; requests for any other group get ResourceNotFound. */
  public static final String RULE_GROUP_ARN =
      "arn:aws:network-firewall:us-east-1:123456789012:stateless-rulegroup/guardwall-blocklist";

  /** What the stub answered so far; immutable. */
  public record Counts(
      int describes,
      int updates,
      int successfulUpdates,
      int conflicts,
      int races,
      int throttles,
      int serverErrors,
      int rejected) {}

  private static final String TARGET_PREFIX = "NetworkFirewall_20201112.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final List<String> MATCH_SETTINGS =
      List.of(
          "Sources", "Destinations", "SourcePorts", "DestinationPorts", "Protocols", "TCPFlags");
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every call on
    // loopback, which would swamp any latency a test or benchmark sets. Read once per JVM, when
    // the first JDK HTTP server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final int capacity;
  private final String ruleGroupId = UUID.randomUUID().toString();
  private NetworkFirewallClient client;
  private volatile Duration latency = Duration.ZERO;

  // Guarded by this.
  private ObjectNode ruleGroup;
  private String token = UUID.randomUUID().toString();
  private Instant lastModified = Instant.now();
  private Random random = new Random(0);
  private double throttle;
  private double race;
  private double serverError;
  private int describes;
  private int updates;
  private int successfulUpdates;
  private int conflicts;
  private int races;
  private int throttles;
  private boolean throttleNext;
  private int serverErrors;
  private int rejected;

  private NetworkFirewallStub(int capacity) throws IOException {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.ruleGroup = emptyGroup();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(32, StubThreads.daemons("nfw-stub"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a stub on a free loopback port with an empty rule group of {@code capacity}. */
  public static NetworkFirewallStub start(int capacity) {
    try {
      return new NetworkFirewallStub(capacity);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Network Firewall stub", e);
    }
  }

  /**
   * Injects faults from now on, each call drawing from a random seeded with {@code seed}: the
   * probability that a call is throttled, that another writer updates the group right before an
   * update (so its token is stale), and that a call fails with a 500.
   */
  public synchronized NetworkFirewallStub faults(
      double throttle, double race, double serverError, long seed) {
    this.throttle = probability(throttle);
    this.race = probability(race);
    this.serverError = probability(serverError);
    this.random = new Random(seed);
    return this;
  }

  /** Delays every call by {@code latency} (outside any lock: concurrent calls overlap). */
  public NetworkFirewallStub latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.latency = latency;
    return this;
  }

  /** The endpoint to give a client as its endpoint override. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * A real SDK client for this stub (region us-east-1, static credentials, url-connection HTTP
   * client, the SDK's default retry settings); created once and closed with the stub.
   */
  public synchronized NetworkFirewallClient client() {
    if (client == null) {
      client = clientFor(endpoint());
    }
    return client;
  }

  /**
   * A real SDK client for {@code endpoint}, configured as {@link #client()}; the caller closes it.
   */
  public static NetworkFirewallClient clientFor(URI endpoint) {
    return NetworkFirewallClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** guardwall's adapter for the stub's rule group, through {@link #client()}. */
  StatelessRuleGroup firewall() {
    return new NetworkFirewallRuleGroup(client(), RuleGroupArn.parse(RULE_GROUP_ARN));
  }

  /** Makes the next call, whichever it is, fail as throttled. */
  public synchronized void throttleNextCall() {
    throttleNext = true;
  }

  /** The rule group as stored (a copy). */
  public synchronized ObjectNode ruleGroupJson() {
    return ruleGroup.deepCopy();
  }

  /** Replaces the rule group as another writer would: the update token rotates. */
  public synchronized void replaceRuleGroup(ObjectNode group) {
    ruleGroup = group.deepCopy();
    rotate();
  }

  /** The current update token. */
  public synchronized String updateToken() {
    return token;
  }

  /**
   * The {@code AddressDefinition}s of guardwall's source rule (the rule at the default layout's
   * source priority that publishes its metric), in the order stored; empty when there is none.
   */
  public synchronized List<String> addresses() {
    RuleGroupLayout layout = RuleGroupLayout.defaults();
    List<String> addresses = new ArrayList<>();
    for (JsonNode rule : rules(ruleGroup)) {
      JsonNode definition = rule.path("RuleDefinition");
      if (rule.path("Priority").asInt() == layout.sourcePriority()
          && contains(definition.path("Actions"), layout.customActionName())) {
        definition
            .path("MatchAttributes")
            .path("Sources")
            .forEach(a -> addresses.add(a.path("AddressDefinition").asText()));
      }
    }
    return addresses;
  }

  /** How many UpdateRuleGroup calls arrived (whatever their outcome). */
  public synchronized int updates() {
    return updates;
  }

  public synchronized Counts counts() {
    return new Counts(
        describes, updates, successfulUpdates, conflicts, races, throttles, serverErrors, rejected);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (client != null) {
        client.close();
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Network Firewall's stateless capacity: per rule, the product of the value counts of its match
   * settings, an absent or empty setting counting one; saturating.
   */
  static int capacityOf(JsonNode group) {
    long total = 0;
    for (JsonNode rule : rules(group)) {
      long product = 1;
      JsonNode match = rule.path("RuleDefinition").path("MatchAttributes");
      for (String setting : MATCH_SETTINGS) {
        product *= Math.max(1, match.path(setting).size());
        product = Math.min(product, Integer.MAX_VALUE);
      }
      total = Math.min(total + product, Integer.MAX_VALUE);
    }
    return (int) total;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = dispatch(exchange);
      } catch (RuntimeException e) {
        reply = error(500, "InternalServerError", "stub failure: " + e);
      }
      byte[] body = JSON.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Reply dispatch(HttpExchange exchange) {
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      request = JSON.readTree(in);
    } catch (IOException e) {
      return error(400, "SerializationException", "request body is not JSON: " + e.getMessage());
    }
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    if (!"POST".equals(exchange.getRequestMethod()) || request == null || !request.isObject()) {
      return error(400, "SerializationException", "expected a POST of a JSON object");
    }
    StubThreads.sleep(latency);
    return switch (target) {
      case TARGET_PREFIX + "DescribeRuleGroup" -> describe(request);
      case TARGET_PREFIX + "UpdateRuleGroup" -> update(request);
      default -> error(400, "UnknownOperationException", "unknown operation: " + target);
    };
  }

  private synchronized Reply describe(JsonNode request) {
    describes++;
    Reply refused = injectedFault();
    if (refused == null) {
      refused = wrongGroup(request);
    }
    if (refused != null) {
      return refused;
    }
    ObjectNode body = JSON.createObjectNode().put("UpdateToken", token);
    body.set("RuleGroup", ruleGroup.deepCopy());
    body.set("RuleGroupResponse", ruleGroupResponse());
    return new Reply(200, body);
  }

  private synchronized Reply update(JsonNode request) {
    updates++;
    Reply refused = injectedFault();
    if (refused != null) {
      return refused;
    }
    if (random.nextDouble() < race) {
      races++;
      rotate();
    }
    refused = wrongGroup(request);
    if (refused == null) {
      refused = invalidUpdate(request);
    }
    if (refused != null) {
      return refused;
    }
    ruleGroup = (ObjectNode) request.get("RuleGroup").deepCopy();
    rotate();
    successfulUpdates++;
    ObjectNode body = JSON.createObjectNode().put("UpdateToken", token);
    body.set("RuleGroupResponse", ruleGroupResponse());
    return new Reply(200, body);
  }

  private Reply invalidUpdate(JsonNode request) {
    JsonNode presented = request.get("UpdateToken");
    if (presented == null || !presented.isTextual()) {
      return error(400, "InvalidRequestException", "UpdateToken is required");
    }
    if (!presented.textValue().equals(token)) {
      conflicts++;
      return error(
          400,
          "InvalidTokenException",
          "Update token is invalid or stale. Describe the rule group to get a current token.");
    }
    JsonNode group = request.get("RuleGroup");
    if (group == null || !group.isObject()) {
      return error(
          400, "InvalidRequestException", "RuleGroup is required (Rules is not supported)");
    }
    int needed = capacityOf(group);
    if (needed > capacity) {
      rejected++;
      return error(
          400,
          "InvalidRequestException",
          "The rule group requires capacity "
              + needed
              + ", which exceeds its capacity of "
              + capacity);
    }
    return null;
  }

  private Reply wrongGroup(JsonNode request) {
    if (!RULE_GROUP_ARN.equals(request.path("RuleGroupArn").asText())) {
      return error(
          400,
          "ResourceNotFoundException",
          "Rule group not found: " + request.path("RuleGroupArn").asText());
    }
    if (!request.path("Type").asText("STATELESS").equals("STATELESS")) {
      return error(400, "InvalidRequestException", "rule group type mismatch");
    }
    return null;
  }

  private Reply injectedFault() {
    boolean forced = throttleNext;
    throttleNext = false;
    if (forced || random.nextDouble() < throttle) {
      throttles++;
      return error(400, "ThrottlingException", "Rate exceeded");
    }
    if (random.nextDouble() < serverError) {
      serverErrors++;
      return error(500, "InternalServerError", "injected internal error");
    }
    return null;
  }

  private ObjectNode ruleGroupResponse() {
    ObjectNode r = JSON.createObjectNode();
    r.put("RuleGroupArn", RULE_GROUP_ARN);
    r.put("RuleGroupName", RULE_GROUP_ARN.substring(RULE_GROUP_ARN.lastIndexOf('/') + 1));
    r.put("RuleGroupId", ruleGroupId);
    r.put("Type", "STATELESS");
    r.put("Capacity", capacity);
    r.put("ConsumedCapacity", capacityOf(ruleGroup));
    r.put("NumberOfAssociations", 0);
    r.put("RuleGroupStatus", "ACTIVE");
    r.put("LastModifiedTime", lastModified.toEpochMilli() / 1000.0);
    return r;
  }

  private void rotate() {
    token = UUID.randomUUID().toString();
    lastModified = Instant.now();
  }

  private static Iterable<JsonNode> rules(JsonNode group) {
    return group.path("RulesSource").path("StatelessRulesAndCustomActions").path("StatelessRules");
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode element : array) {
      if (text.equals(element.asText())) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode emptyGroup() {
    ObjectNode group = JSON.createObjectNode();
    group
        .putObject("RulesSource")
        .putObject("StatelessRulesAndCustomActions")
        .putArray("StatelessRules");
    return group;
  }

  private static Reply error(int status, String type, String message) {
    return new Reply(status, JSON.createObjectNode().put("__type", type).put("message", message));
  }

  private static double probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a probability must be in [0, 1]: " + p);
    }
    return p;
  }

  private record Reply(int status, ObjectNode body) {}
}
