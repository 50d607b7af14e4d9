package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a Lambda SQS event: the id a partial batch response names it by, and its body
 * (here, an EventBridge event as EventBridge delivers it to a queue); immutable.
 */
record SqsMessage(String messageId, String body) {

  SqsMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(body, "body");
  }

  /**
   * The messages of an SQS event, in order.
   *
   * @throws IllegalArgumentException when it is not an SQS event: no {@code Records} array, or a
   *     record without a {@code messageId} (Lambda never sends one; without an id no failure could
   *     be reported for it, so the whole batch fails)
   */
  static List<SqsMessage> read(JsonNode event) {
    JsonNode records = event.path("Records");
    if (!records.isArray()) {
      throw new IllegalArgumentException("not an SQS event: no Records array");
    }
    List<SqsMessage> messages = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode id = records.get(i).path("messageId");
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new IllegalArgumentException("not an SQS event: Records[" + i + "] has no messageId");
      }
      JsonNode body = records.get(i).path("body");
      messages.add(new SqsMessage(id.asText(), body.isTextual() ? body.asText() : ""));
    }
    return messages;
  }
}
