package io.guardwall.infra.burst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.event.ruler.Machine;

/**
 * EventBridge's delivery to the event queue, as the template's rules declare it: each event is
 * matched with event-ruler against every rule's pattern and sent whole, one copy per matching rule
 * (as EventBridge sends one per rule), to that rule's queue. moto's own EventBridge is not used: it
 * matches {@code $or} and {@code suffix} patterns incompletely. Thread-safe.
 */
final class RuleDelivery {

  private static final int SQS_BATCH = 10;

  private final Machine machine = Machine.builder().build();
  private final Map<String, String> queueUrlByRule = new LinkedHashMap<>();
  private final SqsClient sqs;
  private final AtomicInteger sent = new AtomicInteger();

  RuleDelivery(Topology topology, Deployment deployment) {
    this.sqs = deployment.sqs().client();
    for (Topology.QueueRule rule : topology.rules()) {
      try {
        machine.addRule(rule.id(), rule.pattern());
      } catch (Exception e) {
        throw new IllegalStateException("event-ruler rejects " + rule.id() + "'s pattern", e);
      }
      queueUrlByRule.put(rule.id(), deployment.queueUrl());
    }
  }

  /** The rules {@code event} matches. */
  List<String> rulesFor(String event) {
    try {
      return machine.rulesForJSONEvent(event);
    } catch (Exception e) {
      throw new IllegalArgumentException("event-ruler cannot read the event", e);
    }
  }

  /** Sends each event to the queue of every rule it matches; returns the copies sent. */
  int deliver(List<String> events) {
    Map<String, List<String>> byQueue = new LinkedHashMap<>();
    for (String event : events) {
      for (String rule : rulesFor(event)) {
        byQueue.computeIfAbsent(queueUrlByRule.get(rule), q -> new ArrayList<>()).add(event);
      }
    }
    int copies = 0;
    for (Map.Entry<String, List<String>> e : byQueue.entrySet()) {
      copies += send(e.getKey(), e.getValue());
    }
    sent.addAndGet(copies);
    return copies;
  }

  /** How many copies were sent so far. */
  int sent() {
    return sent.get();
  }

  private int send(String queueUrl, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += SQS_BATCH) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + SQS_BATCH); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i - from))
                .messageBody(bodies.get(i))
                .build());
      }
      SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      if (!r.failed().isEmpty()) {
        throw new IllegalStateException("SQS refused deliveries: " + r.failed());
      }
    }
    return bodies.size();
  }
}
