package io.guardwall.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A local EC2 endpoint holding managed prefix lists, speaking the EC2 Query protocol as the SDK
 * sends it (a form-encoded {@code POST /} with {@code Action=…}; XML answers in the EC2 namespace)
 * for DescribeManagedPrefixLists, GetManagedPrefixListEntries (paginated) and
 * ModifyManagedPrefixList, with the documented behaviour a writer meets: adding or removing entries
 * creates a new version and a stale {@code CurrentVersion} is refused ({@code
 * PrefixListVersionMismatch}); at most 100 AddEntry and 100 RemoveEntry items; MaxEntries cannot
 * change together with entries, and no list holds more than its MaxEntries; after each change the
 * list stays {@code modify-in-progress} for a set number of describes, and a modify meanwhile is
 * refused ({@code IncorrectState}). Faults: throttle the next call, fail the next modify (the list
 * ends {@code modify-failed}), another writer changing a list right after a modify, and a latency
 * on every call. Codes EC2 does not document (too many entries, an absent entry) are answered as
 * {@code InvalidParameterValue}. Thread-safe.
 */
public final class Ec2PrefixListStub implements AutoCloseable {

  private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private static final String OWNER = "123456789012";
  private static final int MAX_ITEMS = 100;

  /** What the stub answered so far; immutable. */
  public record Counts(
      int describes, int entryPages, int modifies, int resizes, int conflicts, int throttles) {

    /** Every call that reached the stub. */
    public int calls() {
      return describes + entryPages + modifies + resizes;
    }
  }

  /** The entries one successful ModifyManagedPrefixList added and removed. */
  public record Modify(String id, int added, int removed) {}

  private static final class PrefixList {
    final String id;
    final boolean ipv4;
    final Map<String, String> entries = new LinkedHashMap<>();
    long version = 1;
    int maxEntries;
    String state = "create-complete";
    String stateMessage = "";
    int busyDescribes;
    String settledState = "create-complete";

    PrefixList(String id, boolean ipv4, int maxEntries) {
      this.id = id;
      this.ipv4 = ipv4;
      this.maxEntries = maxEntries;
    }
  }

  private record Reply(int status, String body) {}

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Ec2Client client;
  private volatile Duration latency = Duration.ZERO;

  // Guarded by this.
  private final Map<String, PrefixList> lists = new LinkedHashMap<>();
  private final List<Modify> modifies = new ArrayList<>();
  private int busyDescribes;
  private int pageSize = MAX_ITEMS;
  private boolean throttleNext;
  private String failNext;
  private int interfereAfter = -1;
  private int describes;
  private int entryPages;
  private int modifyCalls;
  private int resizes;
  private int conflicts;
  private int throttles;

  private Ec2PrefixListStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(16, StubThreads.daemons("ec2-stub"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    client = newClient();
  }

  /** Starts a stub without lists on a free loopback port. */
  public static Ec2PrefixListStub start() {
    try {
      return new Ec2PrefixListStub();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the EC2 stub", e);
    }
  }

  /** Creates a list of {@code maxEntries} for one family, as CreateManagedPrefixList would. */
  public synchronized String createList(boolean ipv4, int maxEntries) {
    String id = String.format("pl-%017x", lists.size() + 0xabc0L);
    lists.put(id, new PrefixList(id, ipv4, maxEntries));
    return id;
  }

  /** Adds an entry as another writer would: the list's version moves. */
  public synchronized void addEntry(String id, String cidr, String description) {
    PrefixList list = lists.get(id);
    list.entries.put(cidr, description);
    list.version++;
  }

  /** The list's entries, CIDR to description, in the order added. */
  public synchronized Map<String, String> entries(String id) {
    return Map.copyOf(lists.get(id).entries);
  }

  public synchronized int maxEntries(String id) {
    return lists.get(id).maxEntries;
  }

  /** Puts a list in {@code state}, as EC2 would after a failure. */
  public synchronized void state(String id, String state, String message) {
    PrefixList list = lists.get(id);
    list.state = state;
    list.settledState = state;
    list.stateMessage = message;
  }

  /** After every change a list stays modify-in-progress for {@code describes} describes of it. */
  public synchronized Ec2PrefixListStub busyFor(int describes) {
    this.busyDescribes = describes;
    return this;
  }

  /** GetManagedPrefixListEntries answers at most {@code entries} per page. */
  public synchronized Ec2PrefixListStub pageSize(int entries) {
    this.pageSize = entries;
    return this;
  }

  /** The next call fails with RequestLimitExceeded. */
  public synchronized void throttleNext() {
    throttleNext = true;
  }

  /** The next modify is accepted, then the list ends modify-failed with {@code message}. */
  public synchronized void failNextModify(String message) {
    failNext = message;
  }

  /** Right after the {@code n}th successful modify from now, another writer adds an entry. */
  public synchronized void interfereAfter(int n) {
    interfereAfter = n;
  }

  /** Delays every call by {@code latency}, outside any lock. */
  public Ec2PrefixListStub latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The successful entry modifies so far, in order. */
  public synchronized List<Modify> modifies() {
    return List.copyOf(modifies);
  }

  public synchronized Counts counts() {
    return new Counts(describes, entryPages, modifyCalls, resizes, conflicts, throttles);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A real SDK client for this stub, closed with it. */
  public Ec2Client client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private Ec2Client newClient() {
    return Ec2Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        Map<String, String> form =
            form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        StubThreads.sleep(latency);
        reply = dispatch(form);
      } catch (RuntimeException e) {
        reply = error(500, "InternalError", "stub failure: " + e);
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private synchronized Reply dispatch(Map<String, String> form) {
    if (throttleNext) {
      throttleNext = false;
      throttles++;
      return error(503, "RequestLimitExceeded", "Request limit exceeded.");
    }
    String action = form.getOrDefault("Action", "");
    return switch (action) {
      case "DescribeManagedPrefixLists" -> describe(form);
      case "GetManagedPrefixListEntries" -> entries(form);
      case "ModifyManagedPrefixList" -> modify(form);
      default -> error(400, "InvalidAction", "The action " + action + " is not valid");
    };
  }

  private Reply describe(Map<String, String> form) {
    describes++;
    List<String> ids = indexed(form, "PrefixListId.", "");
    if (ids.isEmpty()) {
      ids = List.copyOf(lists.keySet());
    }
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      PrefixList list = lists.get(id);
      if (list == null) {
        return notFound(id);
      }
      settleOneStep(list);
      items.append("<item>").append(listXml(list)).append("</item>");
    }
    return ok("DescribeManagedPrefixLists", "<prefixListSet>" + items + "</prefixListSet>");
  }

  private Reply entries(Map<String, String> form) {
    entryPages++;
    PrefixList list = lists.get(form.getOrDefault("PrefixListId", ""));
    if (list == null) {
      return notFound(form.getOrDefault("PrefixListId", ""));
    }
    int max = Integer.parseInt(form.getOrDefault("MaxResults", "100"));
    if (max < 5 || max > 100) {
      return error(400, "InvalidParameterValue", "MaxResults must be between 5 and 100");
    }
    int from = Integer.parseInt(form.getOrDefault("NextToken", "0"));
    List<Map.Entry<String, String>> all = new ArrayList<>(list.entries.entrySet());
    int to = Math.min(all.size(), from + Math.min(max, pageSize));
    StringBuilder items = new StringBuilder("<entrySet>");
    for (Map.Entry<String, String> e : all.subList(from, to)) {
      items.append("<item><cidr>").append(xml(e.getKey())).append("</cidr><description>");
      items.append(xml(e.getValue())).append("</description></item>");
    }
    items.append("</entrySet>");
    if (to < all.size()) {
      items.append("<nextToken>").append(to).append("</nextToken>");
    }
    return ok("GetManagedPrefixListEntries", items.toString());
  }

  private Reply modify(Map<String, String> form) {
    PrefixList list = lists.get(form.getOrDefault("PrefixListId", ""));
    if (list == null) {
      modifyCalls++;
      return notFound(form.getOrDefault("PrefixListId", ""));
    }
    List<String> adds = indexed(form, "AddEntry.", ".Cidr");
    List<String> removes = indexed(form, "RemoveEntry.", ".Cidr");
    String max = form.get("MaxEntries");
    if (max != null) {
      resizes++;
    } else {
      modifyCalls++;
    }
    Reply refused = refuse(list, form, adds, removes, max);
    if (refused != null) {
      return refused;
    }
    if (failNext != null) {
      list.settledState = "modify-failed";
      list.stateMessage = failNext;
      failNext = null;
    } else if (max != null) {
      list.maxEntries = Integer.parseInt(max);
      list.settledState = "modify-complete";
    } else {
      apply(list, form, adds, removes);
    }
    list.state = "modify-in-progress";
    list.busyDescribes = busyDescribes;
    Reply reply = ok("ModifyManagedPrefixList", "<prefixList>" + listXml(list) + "</prefixList>");
    if (max == null) {
      interfere(list);
    }
    return reply;
  }

  private void apply(
      PrefixList list, Map<String, String> form, List<String> adds, List<String> removes) {
    removes.forEach(list.entries::remove);
    for (int i = 0; i < adds.size(); i++) {
      list.entries.put(adds.get(i), form.getOrDefault("AddEntry." + (i + 1) + ".Description", ""));
    }
    list.version++;
    list.settledState = "modify-complete";
    list.stateMessage = "";
    modifies.add(new Modify(list.id, adds.size(), removes.size()));
  }

  // After the answer is rendered: the writer learns its own version, then loses the race.
  private void interfere(PrefixList list) {
    if (interfereAfter > 0 && --interfereAfter == 0) {
      list.entries.put(list.ipv4 ? "198.18.0.1/32" : "2001:db8:ffff::/48", "another writer");
      list.version++;
    }
  }

  private Reply refuse(
      PrefixList list,
      Map<String, String> form,
      List<String> adds,
      List<String> removes,
      String max) {
    if (list.state.endsWith("-in-progress")) {
      conflicts++;
      return error(
          400,
          "IncorrectState",
          "The request cannot be completed with the prefix list in the current state ("
              + list.state
              + ").");
    }
    String current = form.get("CurrentVersion");
    if (current != null && Long.parseLong(current) != list.version) {
      conflicts++;
      return error(
          400, "PrefixListVersionMismatch", "The prefix list has the incorrect version number.");
    }
    if (max != null && !(adds.isEmpty() && removes.isEmpty())) {
      return error(
          400,
          "InvalidParameterCombination",
          "You cannot modify the entries of a prefix list and modify the size of a prefix list at the same time.");
    }
    if (max != null) {
      return Integer.parseInt(max) < list.entries.size()
          ? error(400, "InvalidParameterValue", "MaxEntries is less than the number of entries")
          : null;
    }
    return invalidEntries(list, adds, removes);
  }

  private Reply invalidEntries(PrefixList list, List<String> adds, List<String> removes) {
    if (adds.size() > MAX_ITEMS || removes.size() > MAX_ITEMS) {
      return error(400, "InvalidParameterValue", "at most 100 AddEntry and 100 RemoveEntry items");
    }
    for (String cidr : removes) {
      if (!list.entries.containsKey(cidr)) {
        return error(400, "InvalidParameterValue", "The prefix list has no entry " + cidr);
      }
    }
    for (String cidr : adds) {
      if (list.entries.containsKey(cidr) || cidr.contains(":") == list.ipv4) {
        return error(400, "InvalidParameterValue", "cannot add " + cidr + " to " + list.id);
      }
    }
    if (list.entries.size() - removes.size() + adds.size() > list.maxEntries) {
      return error(
          400,
          "InvalidParameterValue",
          "The prefix list would exceed its MaxEntries " + list.maxEntries);
    }
    return null;
  }

  private static void settleOneStep(PrefixList list) {
    if (list.state.endsWith("-in-progress") && list.busyDescribes-- <= 0) {
      list.state = list.settledState;
    }
  }

  private static String listXml(PrefixList list) {
    return "<prefixListId>"
        + list.id
        + "</prefixListId>"
        + "<addressFamily>"
        + (list.ipv4 ? "IPv4" : "IPv6")
        + "</addressFamily>"
        + "<state>"
        + list.state
        + "</state>"
        + "<stateMessage>"
        + xml(list.stateMessage)
        + "</stateMessage>"
        + "<prefixListArn>arn:aws:ec2:us-east-1:"
        + OWNER
        + ":prefix-list/"
        + list.id
        + "</prefixListArn>"
        + "<prefixListName>guardwall-"
        + list.id
        + "</prefixListName>"
        + "<maxEntries>"
        + list.maxEntries
        + "</maxEntries>"
        + "<version>"
        + list.version
        + "</version>"
        + "<ownerId>"
        + OWNER
        + "</ownerId>";
  }

  private static List<String> indexed(Map<String, String> form, String prefix, String suffix) {
    List<String> values = new ArrayList<>();
    for (int i = 1; form.containsKey(prefix + i + suffix); i++) {
      values.add(form.get(prefix + i + suffix));
    }
    return values;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return form;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Reply ok(String action, String members) {
    return new Reply(
        200,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><"
            + action
            + "Response xmlns=\""
            + NAMESPACE
            + "\"><requestId>"
            + UUID.randomUUID()
            + "</requestId>"
            + members
            + "</"
            + action
            + "Response>");
  }

  private static Reply notFound(String id) {
    return error(
        400, "InvalidPrefixListID.NotFound", "The prefix list ID '" + xml(id) + "' does not exist");
  }

  private static Reply error(int status, String code, String message) {
    return new Reply(
        status,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>"
            + code
            + "</Code><Message>"
            + xml(message)
            + "</Message></Error></Errors><RequestID>"
            + UUID.randomUUID()
            + "</RequestID></Response>");
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
