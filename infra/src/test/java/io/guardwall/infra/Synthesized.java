package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * A synthesized guardwall app for tests: the stack, its template and the template as JSON. The app
 * gets the feature flags of the repository's {@code cdk.json}, so tests see the template a deploy
 * would, and a stand-in code asset: the shaded Lambda jar only exists after {@code package}, and
 * LambdaJarIT checks that one.
 */
public record Synthesized(GuardwallStack stack, Template template, JsonNode json) {

  static final Path CDK_JSON = Resources.repositoryRoot().resolve("cdk.json");

  /** An empty jar standing in for the functions' code; synthesis only copies and hashes it. */
  static final Path STAND_IN_JAR = standInJar();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The app with the default props, plus {@code context}. */
  public static Synthesized app(Map<String, Object> context) {
    App app = App.Builder.create().context(context(context)).build();
    GuardwallStack stack = GuardwallApp.build(app);
    Template template = Template.fromStack(stack);
    return new Synthesized(stack, template, JSON.valueToTree(template.toJSON()));
  }

  public static Synthesized defaults() {
    return app(Map.of());
  }

  /** {@code context} with cdk.json's feature flags and, unless it names one, the stand-in jar. */
  static Map<String, Object> context(Map<String, Object> context) {
    Map<String, Object> all = new HashMap<>(featureFlags());
    all.put("lambdaJar", STAND_IN_JAR.toString());
    all.putAll(context);
    return all;
  }

  /** The {@code @aws-cdk/...} entries of cdk.json's context. */
  static Map<String, Object> featureFlags() {
    return GuardwallApp.readContext(CDK_JSON).entrySet().stream()
        .filter(e -> e.getKey().startsWith("@aws-cdk"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The resources of {@code type}, keyed by logical id. */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> out = new HashMap<>();
    json.path("Resources")
        .properties()
        .forEach(
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

  private static Path standInJar() {
    try {
      Path jar = Files.createTempFile("guardwall-lambda-stand-in-", ".jar");
      jar.toFile().deleteOnExit();
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
        out.finish();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
