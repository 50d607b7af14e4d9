package io.guardwall.aws;

import io.guardwall.core.testing.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * One moto server per test JVM, on a free loopback port, started on first use and stopped when the
 * JVM exits; as a JUnit extension ({@code @ExtendWith(MotoServer.class)}) it resets moto's state
 * before each test. Thread-safe.
 *
 * <p>moto's threaded server does not make a conditional write atomic (two requests can both pass
 * the same condition), whereas DynamoDB guarantees it. The server is therefore started through a
 * tiny WSGI wrapper that handles one request at a time, giving the race tests the guarantee they
 * rely on. Set {@code -Dmoto.python=...} (or {@code MOTO_PYTHON}) to choose the Python; without
 * moto the first test to start it fails at once, saying how to install it. A test that needs a
 * server of its own (another process, so another core) starts one with {@link #dedicated}.
 */
public final class MotoServer implements BeforeEachCallback {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);

  // The argument after the port is Python run before serving (empty for the shared server).
  private static final String SERIAL_SERVER =
      """
      import sys, threading
      exec(sys.argv[3])
      from werkzeug.serving import run_simple
      from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
      app = DomainDispatcherApplication(create_backend_app)
      lock = threading.Lock()
      def serial(environ, start_response):
          with lock:
              return list(app(environ, start_response))
      run_simple(sys.argv[1], int(sys.argv[2]), serial, threaded=True)
      """;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static URI endpoint;
  private static DynamoDbClient dynamoDb;
  private static SecretsManagerClient secretsManager;
  private static SsmClient ssm;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    reset();
  }

  /** The server's base URI, starting it on first use. */
  public static synchronized URI endpoint() {
    if (endpoint == null) {
      endpoint = start();
    }
    return endpoint;
  }

  /** Forgets every table, secret and parameter. */
  public static void reset() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("moto reset answered HTTP " + status);
    }
  }

  public static synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = client(DynamoDbClient.builder());
    }
    return dynamoDb;
  }

  public static synchronized SecretsManagerClient secretsManager() {
    if (secretsManager == null) {
      secretsManager = client(SecretsManagerClient.builder());
    }
    return secretsManager;
  }

  public static synchronized SsmClient ssm() {
    if (ssm == null) {
      ssm = client(SsmClient.builder());
    }
    return ssm;
  }

  /** A new client of moto; the caller closes it. */
  public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(
      B builder) {
    return configured(builder, endpoint());
  }

  private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C configured(
      B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A moto server of its own, serial like the shared one, running {@code prelude} first. */
  public static final class Dedicated implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private Dedicated(Process process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
    }

    public URI endpoint() {
      return endpoint;
    }

    /** A new client of this server; the caller closes it. */
    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(B builder) {
      return configured(builder, endpoint);
    }

    @Override
    public void close() {
      stop(process);
    }
  }

  /**
   * Starts another moto server on a free port, which runs the Python statements {@code prelude}
   * before serving (say, to patch moto); stopped by {@link Dedicated#close} or when the JVM exits.
   */
  public static Dedicated dedicated(String prelude) {
    return launch(prelude);
  }

  private static URI start() {
    return launch("").endpoint();
  }

  private static Dedicated launch(String prelude) {
    ExternalTool.MOTO.require();
    try {
      int port = freePort();
      Path log = Files.createTempFile("moto-", ".log");
      log.toFile().deleteOnExit();
      ProcessBuilder pb =
          new ProcessBuilder(
                  python(), "-c", SERIAL_SERVER, "127.0.0.1", Integer.toString(port), prelude)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("MOTO_PORT", Integer.toString(port));
      Process process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
      URI uri = URI.create("http://127.0.0.1:" + port);
      awaitReady(process, uri, log);
      return new Dedicated(process, uri);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start moto with " + python(), e);
    }
  }

  private static void awaitReady(Process process, URI uri, Path log) {
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto exited at startup: " + tail(log));
      }
      if (answers(uri)) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    stop(process);
    throw new IllegalStateException(
        "moto did not answer within " + STARTUP_LIMIT + ": " + tail(log));
  }

  private static boolean answers(URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build();
      HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto", e);
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String python() {
    return ExternalTool.MOTO.executable();
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto", e);
    }
  }
}
