package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.slack.AlarmChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the CloudWatch alarm state changes out of the SNS event Lambda delivers for a topic
 * subscription: each record's {@code Sns.Message} is the alarm notification as a JSON string.
 * Stateless and thread-safe.
 */
final class AlarmNotifications {

  private AlarmNotifications() {}

  /** True for an SNS event; the state machine's catch sends an object without records. */
  static boolean isSnsEvent(JsonNode request) {
    return request.has("Records");
  }

  /**
   * The alarm state change of every record.
   *
   * @throws IllegalArgumentException naming the record and what makes it no alarm notification
   */
  static List<AlarmChange> parse(JsonNode event) {
    JsonNode records = event.path("Records");
    if (!records.isArray() || records.isEmpty()) {
      throw new IllegalArgumentException("the SNS event has no records");
    }
    List<AlarmChange> changes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      changes.add(change(message(records.get(i), i), i));
    }
    return changes;
  }

  private static JsonNode message(JsonNode record, int index) {
    JsonNode message = record.at("/Sns/Message");
    if (!message.isTextual()) {
      throw notAlarm(index, "it has no Sns.Message text");
    }
    try {
      JsonNode alarm = Jackson.reader().readTree(message.textValue());
      if (alarm == null || !alarm.isObject()) {
        throw notAlarm(index, "its message is not a JSON object");
      }
      return alarm;
    } catch (IOException e) {
      throw notAlarm(index, "its message is not JSON");
    }
  }

  private static AlarmChange change(JsonNode alarm, int index) {
    String name = text(alarm, "AlarmName");
    if (name == null || name.isBlank()) {
      throw notAlarm(index, "its message has no AlarmName");
    }
    return new AlarmChange(
        name,
        state(alarm, "NewStateValue", index),
        state(alarm, "OldStateValue", index),
        text(alarm, "AlarmDescription"),
        text(alarm, "NewStateReason"),
        text(alarm, "StateChangeTime"),
        text(alarm, "AWSAccountId"),
        text(alarm, "Region"),
        text(alarm, "AlarmArn"));
  }

  private static AlarmChange.State state(JsonNode alarm, String field, int index) {
    String value = text(alarm, field);
    if (value == null) {
      throw notAlarm(index, "its message has no " + field);
    }
    try {
      return AlarmChange.State.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // The value is outside text: the error does not quote it.
      throw notAlarm(index, field + " is none of OK, ALARM, INSUFFICIENT_DATA");
    }
  }

  private static @Nullable String text(JsonNode alarm, String field) {
    JsonNode value = alarm.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  private static IllegalArgumentException notAlarm(int index, String why) {
    return new IllegalArgumentException(
        "SNS record " + index + " is not a CloudWatch alarm notification: " + why);
  }
}
