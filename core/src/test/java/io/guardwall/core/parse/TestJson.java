package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds test events: JSON from text, resources and files, and the two envelopes. */
final class TestJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  static ObjectNode resource(String name) {
    try (InputStream in = TestJson.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode file(Path path) {
    try {
      return MAPPER.readTree(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode guardDutyEvent(JsonNode detail) {
    ObjectNode event =
        object(
            """
            {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602",
             "detail-type": "GuardDuty Finding", "source": "aws.guardduty",
             "account": "111122223333", "time": "2025-06-03T09:52:07Z", "region": "us-east-1",
             "resources": []}
            """);
    event.set("detail", detail);
    return event;
  }

  static ObjectNode securityHubEvent(JsonNode... findings) {
    ObjectNode event =
        object(
            """
            {"version": "0", "id": "3c6a2b9e-2f4d-4c1e-9d0a-6f5b8e7c1a2d",
             "detail-type": "Security Hub Findings - Imported", "source": "aws.securityhub",
             "account": "111122223333", "time": "2025-06-06T08:31:28Z", "region": "eu-west-1",
             "resources": []}
            """);
    ArrayNode array = event.putObject("detail").putArray("findings");
    for (JsonNode finding : findings) {
      array.add(finding);
    }
    return event;
  }

  static ObjectNode ocsfEvent(JsonNode... findings) {
    ObjectNode event = securityHubEvent(findings);
    event.put("detail-type", "Findings Imported V2");
    return event;
  }

  /** Sets {@code value} at a slash-separated path, creating the objects on the way. */
  static ObjectNode with(ObjectNode root, String path, JsonNode value) {
    String[] names = path.split("/");
    ObjectNode node = root;
    for (int i = 0; i < names.length - 1; i++) {
      node = node.has(names[i]) ? (ObjectNode) node.get(names[i]) : node.putObject(names[i]);
    }
    node.set(names[names.length - 1], value);
    return root;
  }

  static ObjectNode with(ObjectNode root, String path, String value) {
    return with(root, path, MAPPER.getNodeFactory().textNode(value));
  }

  static ObjectNode without(ObjectNode root, String path) {
    String[] names = path.split("/");
    ObjectNode node = root;
    for (int i = 0; i < names.length - 1; i++) {
      node = (ObjectNode) node.get(names[i]);
    }
    node.remove(names[names.length - 1]);
    return root;
  }
}
