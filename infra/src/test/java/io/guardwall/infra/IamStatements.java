package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Allow statements of a template's IAM policies, each with the logical id of its policy. */
record IamStatements(List<Statement> all) {

  record Statement(String policy, JsonNode json) {
    List<String> actions() {
      return strings(json.path("Action"));
    }

    List<JsonNode> resources() {
      JsonNode r = json.path("Resource");
      List<JsonNode> out = new ArrayList<>();
      if (r.isArray()) {
        r.forEach(out::add);
      } else {
        out.add(r);
      }
      return out;
    }
  }

  static IamStatements of(Synthesized app) {
    List<Statement> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> policy : app.resources("AWS::IAM::Policy").entrySet()) {
      policy
          .getValue()
          .at("/Properties/PolicyDocument/Statement")
          .forEach(s -> out.add(new Statement(policy.getKey(), s)));
    }
    return new IamStatements(out);
  }

  List<JsonNode> withAction(String action) {
    return all.stream().filter(s -> s.actions().contains(action)).map(Statement::json).toList();
  }

  List<Statement> ofPolicyPrefix(String prefix) {
    return all.stream().filter(s -> s.policy().startsWith(prefix)).toList();
  }

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }
}
