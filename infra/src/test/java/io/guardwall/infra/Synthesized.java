package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** A synthesized guardwall app for tests: the stack, its template and the template as JSON. */
record Synthesized(GuardwallStack stack, Template template, JsonNode json) {

  static final Path REPO_ROOT = repoRoot();
  static final Path LAMBDA_JAR = REPO_ROOT.resolve("lambda/target/guardwall-lambda.jar");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The app with the default props, plus {@code context}. */
  static Synthesized app(Map<String, Object> context) {
    Map<String, Object> all = new HashMap<>(context);
    all.putIfAbsent("lambdaJar", LAMBDA_JAR.toString());
    App app = App.Builder.create().context(all).build();
    GuardwallStack stack = GuardwallApp.build(app);
    Template template = Template.fromStack(stack);
    return new Synthesized(stack, template, JSON.valueToTree(template.toJSON()));
  }

  static Synthesized defaults() {
    return app(Map.of());
  }

  /** The resources of {@code type}, keyed by logical id. */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> out = new HashMap<>();
    json.path("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /** The state machines' definitions keyed by flow (Block, Notify, Maintenance). */
  Map<String, Asl> stateMachines() throws Exception {
    Map<String, Asl> machines = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : resources("AWS::StepFunctions::StateMachine").entrySet()) {
      String flow = e.getKey().replaceFirst("^Guardwall(\\w+?)Flow.*", "$1");
      machines.put(flow, Asl.of(e.getValue().at("/Properties/DefinitionString")));
    }
    return machines;
  }

  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("lambda")) && Files.isDirectory(dir.resolve("infra"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root (with lambda/ and infra/) not found");
  }
}
