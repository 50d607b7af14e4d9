package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, as documented, driving a {@link QueueFunction} in-process: at
 * most {@code MaximumConcurrency} invocations at once, each in its own execution environment; a
 * batch is gathered until it holds {@code BatchSize} messages, its window ({@code
 * MaximumBatchingWindowInSeconds}, from the first message) runs out or the next message would pass
 * the 6 MB invocation payload; the messages stay invisible for the queue's visibility timeout.
 * After the invocation, the messages it succeeded on are deleted: all of them, or all but those
 * named in a valid partial batch response ({@code ReportBatchItemFailures}). A function error, a
 * timeout or an invalid response fails the whole batch, whose messages reappear once their
 * visibility timeout ends; SQS (moto) moves a message to the dead-letter queue when it is received
 * after {@code maxReceiveCount} receives. Short polling only: moto's serial server would stall
 * every other call during a long poll. Thread-safe.
 */
final class QueuePoller implements AutoCloseable {

  /** The mapping's settings and the function's timeout, in real time. */
  record Settings(
      int batchSize,
      Duration window,
      int maxConcurrency,
      boolean reportsItemFailures,
      Duration functionTimeout) {

    static Settings of(Topology t, Scale scale) {
      Topology.Mapping m = t.mapping();
      return new Settings(
          m.batchSize(),
          scale.real(Duration.ofSeconds(m.windowSeconds())),
          m.maxConcurrency(),
          m.reportsItemFailures(),
          scale.timeout(Duration.ofSeconds(t.function().timeoutSeconds())));
    }
  }

  /** One invocation as it ended. */
  record Invocation(Instant start, int size, Duration took, String outcome, int itemFailures) {}

  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final QueueFunction.Factory factory;
  private final Map<String, String> environment;
  private final List<QueueFunction> started = new CopyOnWriteArrayList<>();
  private final List<Thread> slots = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger held = new AtomicInteger();
  private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
  private final List<Duration> agesAtDelete = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Throwable> harnessErrors = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> functionErrors = new ConcurrentLinkedQueue<>();

  QueuePoller(
      Settings settings,
      SqsClient sqs,
      String queueUrl,
      String queueArn,
      QueueFunction.Factory factory,
      Map<String, String> environment) {
    this.settings = settings;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.factory = factory;
    this.environment = Map.copyOf(environment);
  }

  QueuePoller start() {
    for (int i = 0; i < settings.maxConcurrency(); i++) {
      Thread slot = new Thread(this::run, "lambda-poller-" + i);
      slot.setDaemon(true);
      slots.add(slot);
      slot.start();
    }
    return this;
  }

  /** Messages received and not yet settled by any slot. */
  int held() {
    return held.get();
  }

  List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  /** Real time from sending to deleting, per deleted message. */
  List<Duration> agesAtDelete() {
    return List.copyOf(agesAtDelete);
  }

  /** Function errors, timeouts and invalid responses, as Lambda's Errors metric counts them. */
  List<String> functionErrors() {
    return List.copyOf(functionErrors);
  }

  /** Every metric value the execution environments published, by name. */
  Map<String, List<Double>> metrics() {
    Map<String, List<Double>> all = new TreeMap<>();
    started.forEach(
        f ->
            f.metrics()
                .forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
    return all;
  }

  /** The harness's own failures (SQS calls): a test fails on any. */
  List<Throwable> harnessErrors() {
    return List.copyOf(harnessErrors);
  }

  @Override
  public void close() throws InterruptedException {
    stopped.set(true);
    for (Thread slot : slots) {
      slot.join(Duration.ofMinutes(2).toMillis());
    }
  }

  private void run() {
    QueueFunction function = null;
    List<Message> carry = new ArrayList<>();
    while (!stopped.get()) {
      try {
        List<Message> batch = gather(carry);
        if (!batch.isEmpty()) {
          // The environment starts on first use, as a cold start does.
          function = function == null ? startEnvironment() : function;
          invokeAndSettle(function, batch);
        }
      } catch (RuntimeException e) {
        harnessErrors.add(e);
        pause(POLL_INTERVAL);
      }
    }
  }

  private QueueFunction startEnvironment() {
    try {
      QueueFunction f = factory.start(environment, settings.functionTimeout());
      started.add(f);
      return f;
    } catch (Exception e) {
      throw new IllegalStateException("the function's environment did not start", e);
    }
  }

  /** Gathers one batch; a message over the payload limit is carried to the next one. */
  private List<Message> gather(List<Message> carry) {
    List<Message> batch = new ArrayList<>(carry);
    carry.clear();
    long bytes = batch.stream().mapToLong(QueuePoller::size).sum();
    Instant windowEnd = batch.isEmpty() ? null : Instant.now().plus(settings.window());
    while (!stopped.get() && batch.size() < settings.batchSize() && carry.isEmpty()) {
      if (windowEnd != null && !Instant.now().isBefore(windowEnd)) {
        break;
      }
      int wanted = Math.min(10, settings.batchSize() - batch.size());
      List<Message> got = receive(wanted);
      for (Message m : got) {
        if (bytes + size(m) > MAX_PAYLOAD_BYTES) {
          carry.add(m);
        } else {
          batch.add(m);
          bytes += size(m);
        }
      }
      if (!got.isEmpty() && windowEnd == null) {
        windowEnd = Instant.now().plus(settings.window());
      }
      // Lambda long-polls; short polls as fast as moto answers would only load it.
      if (got.size() < wanted) {
        pause(POLL_INTERVAL);
      }
    }
    return batch;
  }

  private List<Message> receive(int count) {
    List<Message> got =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queueUrl)
                        .maxNumberOfMessages(count)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    held.addAndGet(got.size());
    return got;
  }

  private void invokeAndSettle(QueueFunction function, List<Message> batch) {
    Instant start = Instant.now();
    String response;
    try {
      response = function.invoke(sqsEvent(batch));
    } catch (Exception e) {
      failed(start, batch, "function error: " + e);
      return;
    }
    Duration took = Duration.between(start, Instant.now());
    if (took.compareTo(settings.functionTimeout()) > 0) {
      failed(start, batch, "timed out after " + took);
      return;
    }
    Set<String> failures =
        settings.reportsItemFailures() ? itemFailures(response, batch) : Set.of();
    if (failures == null) {
      failed(start, batch, "invalid partial batch response: " + response);
      return;
    }
    delete(batch.stream().filter(m -> !failures.contains(m.messageId())).toList());
    held.addAndGet(-batch.size());
    invocations.add(new Invocation(start, batch.size(), took, "ok", failures.size()));
  }

  private void failed(Instant start, List<Message> batch, String why) {
    functionErrors.add(why);
    held.addAndGet(-batch.size());
    Duration took = Duration.between(start, Instant.now());
    invocations.add(new Invocation(start, batch.size(), took, why, batch.size()));
  }

  /**
   * The message ids a partial batch response names; empty for a complete success (no response, an
   * empty or null list); null for a complete failure (not JSON, or an item without a message id of
   * this batch).
   */
  static Set<String> itemFailures(String response, List<Message> batch) {
    JsonNode root;
    try {
      root = response == null || response.isBlank() ? null : JSON.readTree(response);
    } catch (Exception e) {
      return null;
    }
    JsonNode items = root == null ? null : root.get("batchItemFailures");
    if (items == null || items.isNull()) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    Set<String> failed = new HashSet<>();
    for (JsonNode item : items) {
      JsonNode id = item.get("itemIdentifier");
      if (id == null || !id.isTextual() || !ids.contains(id.asText())) {
        return null;
      }
      failed.add(id.asText());
    }
    return failed;
  }

  private void delete(List<Message> done) {
    Instant now = Instant.now();
    for (int from = 0; from < done.size(); from += 10) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(done.size(), from + 10); i++) {
        Message m = done.get(i);
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i - from))
                .receiptHandle(m.receiptHandle())
                .build());
        agesAtDelete.add(Duration.between(sentAt(m), now));
      }
      var r = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      if (!r.failed().isEmpty()) {
        throw new IllegalStateException("SQS refused deletes: " + r.failed());
      }
    }
  }

  /** The event Lambda passes: one record per message, with its system attributes. */
  private String sqsEvent(List<Message> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      r.putObject("messageAttributes");
      r.put("md5OfBody", m.md5OfBody());
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", queueArn);
      r.put("awsRegion", "us-east-1");
    }
    return event.toString();
  }

  static Instant sentAt(Message m) {
    return Instant.ofEpochMilli(
        Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
  }

  private static long size(Message m) {
    return m.body().getBytes(StandardCharsets.UTF_8).length + 1024L;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
