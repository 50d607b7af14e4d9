package io.guardwall.lambda.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.guardwall.aws.DynamoDbState;
import io.guardwall.lambda.HandlerPlumbingTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of one handler: from JVM start to the first handled event, in a fresh JVM, against
 * local endpoints (moto). {@code ColdStart setup TABLE...} creates the tables first (the
 * blocklist's and the notification log's); {@code ColdStart HANDLER_CLASS EVENT_FILE} measures. Not
 * a test: run by hand (see the report).
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("setup")) {
      try (DynamoDbClient client =
          DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
        for (int i = 1; i < args.length; i++) {
          DynamoDbState.createTableIfMissing(client, args[i]);
        }
      }
      return;
    }
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainStart = System.currentTimeMillis();
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    long constructed = System.currentTimeMillis();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      handler.handleRequest(in, out, new HandlerPlumbingTest.FakeContext());
    }
    long handled = System.currentTimeMillis();
    System.err.printf(
        "cold start %s: jvm->main %d ms, init (constructor) %d ms, first event %d ms,"
            + " total jvm->handled %d ms%n",
        args[0].substring(args[0].lastIndexOf('.') + 1),
        mainStart - jvmStart,
        constructed - mainStart,
        handled - constructed,
        handled - jvmStart);
    // The shared reconciler's executor is not a daemon: end here, as a Lambda freeze would.
    System.exit(0);
  }
}
