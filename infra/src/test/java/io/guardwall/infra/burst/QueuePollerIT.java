package io.guardwall.infra.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The poller follows Lambda's SQS semantics against moto: batch size and window, partial batch
 * responses, and a function error that returns the batch until the redrive policy moves it to the
 * dead-letter queue.
 */
@Needs(ExternalTool.MOTO)
class QueuePollerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static SqsOnMoto sqs;

  /** A message body and its ApproximateReceiveCount, as one invocation saw it. */
  private record Seen(String body, int receiveCount) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Integer> sizes = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    sqs = new SqsOnMoto();
  }

  @AfterAll
  static void stop() {
    sqs.close();
  }

  @Test
  void batches_shouldHoldAtMostBatchSize_whenMoreArriveWithinTheWindow() throws Exception {
    String url = queue("window", 30, 5);
    send(url, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    try (QueuePoller p = poller(url, 5, 1, event -> "{}")) {
      await(() -> sqs.depth(url) == 0 && p.held() == 0);
    }

    assertThat(sizes).containsExactly(5, 5, 2);
  }

  @Test
  void partialResponse_shouldReturnOnlyTheNamedMessage_afterItsVisibilityTimeout()
      throws Exception {
    String url = queue("partial", 2, 5);
    send(url, "a", "b", "c");
    QueueFunction failBOnce =
        event -> {
          for (JsonNode r : JSON.readTree(event).path("Records")) {
            if (r.path("body").asText().equals("b") && receiveCount(r) == 1) {
              return "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                  + r.path("messageId").asText()
                  + "\"}]}";
            }
          }
          return "{\"batchItemFailures\":[]}";
        };

    try (QueuePoller p = poller(url, 10, 0, failBOnce)) {
      await(() -> sqs.depth(url) == 0 && p.held() == 0);
    }

    assertThat(seen)
        .containsExactlyInAnyOrder(
            new Seen("a", 1), new Seen("b", 1), new Seen("c", 1), new Seen("b", 2));
  }

  @Test
  void functionError_shouldMoveTheBatchToTheDeadLetterQueue_afterMaxReceiveCount()
      throws Exception {
    String url = queue("poison", 2, 2);
    String deadLetters = sqs.create("poison-dlq", Map.of());
    send(url, "x", "y");
    QueueFunction failing =
        event -> {
          throw new IllegalStateException("boom");
        };

    try (QueuePoller p = poller(url, 10, 0, failing)) {
      await(() -> sqs.depth(deadLetters) == 2);
      assertThat(p.functionErrors()).hasSize(2).allMatch(e -> e.contains("boom"));
    }

    assertThat(seen)
        .containsExactlyInAnyOrder(
            new Seen("x", 1), new Seen("y", 1), new Seen("x", 2), new Seen("y", 2));
  }

  /** A queue whose dead-letter queue is {@code name-dlq}, created first. */
  private static String queue(String name, int visibilitySeconds, int maxReceiveCount) {
    String dlq = sqs.create(name + "-dlq", Map.of());
    return sqs.create(
        name,
        Map.of(
            QueueAttributeName.VISIBILITY_TIMEOUT,
            Integer.toString(visibilitySeconds),
            QueueAttributeName.REDRIVE_POLICY,
            SqsOnMoto.redrive(sqs.arn(dlq), maxReceiveCount)));
  }

  private static void send(String url, String... bodies) {
    for (int from = 0; from < bodies.length; from += 10) {
      List<SendMessageBatchRequestEntry> entries =
          List.of(bodies).subList(from, Math.min(bodies.length, from + 10)).stream()
              .map(
                  body -> SendMessageBatchRequestEntry.builder().id(body).messageBody(body).build())
              .toList();
      sqs.client().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
    }
  }

  /**
   * One slot, so batches come one after the other; every invocation is recorded. A window shorter
   * than the visibility timeout, as Lambda's is, or a batch would meet its own messages again.
   */
  private QueuePoller poller(String url, int batchSize, int windowSeconds, QueueFunction f) {
    QueuePoller.Settings settings =
        new QueuePoller.Settings(
            batchSize, Duration.ofSeconds(windowSeconds), 1, true, Duration.ofSeconds(30));
    QueueFunction recording =
        event -> {
          JsonNode records = JSON.readTree(event).path("Records");
          sizes.add(records.size());
          records.forEach(r -> seen.add(new Seen(r.path("body").asText(), receiveCount(r))));
          return f.invoke(event);
        };
    return new QueuePoller(
            settings, sqs.client(), url, sqs.arn(url), (env, timeout) -> recording, Map.of())
        .start();
  }

  private static int receiveCount(JsonNode record) {
    return record.at("/attributes/ApproximateReceiveCount").asInt();
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(LIMIT);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("condition met within " + LIMIT).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
