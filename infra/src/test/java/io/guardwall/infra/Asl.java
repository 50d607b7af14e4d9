package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A state machine's definition read back from the template, with its references resolved. */
record Asl(JsonNode definition) {

  /** The region of the fake Lambda ARNs that stand for the template's references. */
  static final String FAKE_REGION = "eu-west-1";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a {@code DefinitionString}; each reference (Ref, Fn::GetAtt) becomes a fake Lambda ARN
   * that names the referenced logical id, as deploy time would put an ARN there.
   */
  static Asl of(JsonNode definitionString) throws Exception {
    if (definitionString.isTextual()) {
      return new Asl(JSON.readTree(definitionString.asText()));
    }
    JsonNode join = definitionString.path("Fn::Join");
    StringBuilder text = new StringBuilder();
    for (JsonNode part : join.get(1)) {
      text.append(part.isTextual() ? part.asText() : fakeArn(part));
    }
    return new Asl(JSON.readTree(text.toString()));
  }

  JsonNode states() {
    return definition.path("States");
  }

  JsonNode state(String name) {
    return states().path(name);
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    states().fieldNames().forEachRemaining(names::add);
    return names;
  }

  List<String> tasks() {
    return names().stream().filter(n -> "Task".equals(state(n).path("Type").asText())).toList();
  }

  /** Every state a state can go to next: Next, Default, each choice's Next, each catcher's Next. */
  static List<String> successors(JsonNode state) {
    List<String> next = new ArrayList<>();
    addText(next, state.path("Next"));
    addText(next, state.path("Default"));
    state.path("Choices").forEach(c -> addText(next, c.path("Next")));
    state.path("Catch").forEach(c -> addText(next, c.path("Next")));
    return next;
  }

  Set<String> reachable() {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(definition.path("StartAt").asText()));
    while (!todo.isEmpty()) {
      String name = todo.remove(todo.size() - 1);
      if (seen.add(name)) {
        todo.addAll(successors(state(name)));
      }
    }
    return seen;
  }

  private static void addText(List<String> out, JsonNode node) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
  }

  private static String fakeArn(JsonNode reference) {
    String id =
        reference.has("Ref")
            ? reference.get("Ref").asText()
            : reference.path("Fn::GetAtt").path(0).asText();
    return "arn:aws:lambda:" + FAKE_REGION + ":111122223333:function:" + id + ":live";
  }
}
