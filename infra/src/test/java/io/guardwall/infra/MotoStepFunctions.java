package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.aws.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * moto as a Step Functions runtime without Docker: its ASL interpreter executes the state machines,
 * and its Docker-free Lambda answers every invocation, whatever the function, with the next canned
 * result of one queue per region (echoing the payload once the queue is empty). Thread-safe as far
 * as moto is, but the queue is shared: run one execution at a time.
 */
final class MotoStepFunctions {

  /** The function error moto's Lambda (like Lambda) returns for a response over 6 MB. */
  static final String OVERSIZED_ERROR = "Function.ResponseSizeTooLarge";

  /** The role the state machines run as; moto's interpreter does not check it. */
  static final String ROLE = "arn:aws:iam::123456789012:role/guardwall-test";

  // moto answers with the function error above once the response, as a Python object, is over
  // 6,000,000 bytes.
  private static final int OVERSIZED_CHARS = 6_000_001;

  // A hang guard only: with quick retries no path sleeps more than a few seconds.
  private static final Duration EXECUTION_LIMIT = Duration.ofSeconds(120);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MotoStepFunctions() {}

  /** Turns on execution and the Docker-free Lambda; moto's reset keeps this setting. */
  static void enable() throws IOException, InterruptedException {
    post(
        "/moto-api/config",
        Map.of(
            "lambda", Map.of("use_docker", false),
            "stepfunctions", Map.of("execute_state_machine", true)));
  }

  /** Queues the responses of the next Lambda invocations (to any function of the fake ARNs). */
  static void cannedResults(List<String> results) throws IOException, InterruptedException {
    post(
        "/moto-api/static/lambda-simple/response",
        Map.of("results", results, "region", Asl.FAKE_REGION));
  }

  /** A response that fails its invocation with {@link #OVERSIZED_ERROR}. */
  static String failingResult() {
    return "\"" + "x".repeat(OVERSIZED_CHARS) + "\"";
  }

  /**
   * {@code definition} with every retry waiting one second at most: moto sleeps the template's
   * intervals for real (5 s, then 15 s, for a failing task), while these tests check which tries
   * happen, not how long apart (StateMachineTest checks the intervals).
   */
  static String withQuickRetries(JsonNode definition) {
    JsonNode copy = definition.deepCopy();
    copy.path("States")
        .forEach(
            state ->
                state
                    .path("Retry")
                    .forEach(
                        retry ->
                            ((ObjectNode) retry).put("IntervalSeconds", 1).put("BackoffRate", 1)));
    return copy.toString();
  }

  /** Starts an execution named {@code name} and waits for it to end. */
  static Execution run(SfnClient sfn, String stateMachineArn, String name, String input) {
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input))
            .executionArn();
    Instant deadline = Instant.now().plus(EXECUTION_LIMIT);
    while (sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(arn + " still running after " + EXECUTION_LIMIT);
      }
      sleep();
    }
    return new Execution(
        sfn.describeExecution(b -> b.executionArn(arn)),
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream().toList());
  }

  private static void post(String path, Object body) throws IOException, InterruptedException {
    URI uri = MotoServer.endpoint().resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          uri + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an execution", e);
    }
  }
}
