package io.guardwall.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.text.Excerpt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.constructs.IConstruct;

/**
 * The guardwall CDK app: one {@link GuardwallStack} with props from CDK context, checked by cdk-nag
 * AwsSolutions. Runs under the CDK CLI ({@code cdk.json}) or alone, synthesizing to {@code
 * cdk.out}.
 */
public final class GuardwallApp {

  /** The context key of the stack name (default Guardwall). */
  public static final String STACK_NAME = "stackName";

  // The metadata type of Annotations.addError, where cdk-nag puts its findings too.
  private static final String ERROR = "aws:cdk:error";

  private GuardwallApp() {}

  /**
   * Synthesizes the app: into the directory the CDK CLI gives, or else into {@code cdk.out} with
   * the context of {@code cdk.json} and {@code -c key=value} arguments over it, both relative to
   * the working directory.
   */
  public static void main(String[] args) {
    if (System.getenv("CDK_OUTDIR") != null) {
      App app = new App();
      buildSelected(app);
      app.synth();
      return;
    }
    Map<String, Object> context = new HashMap<>(readContext(Path.of("cdk.json")));
    context.putAll(contextArguments(List.of(args)));
    Path template = synth(Path.of("cdk.out"), context);
    System.out.println(template);
  }

  /**
   * Synthesizes the stack into {@code outDir} without the CDK CLI.
   *
   * @param context CDK context values, as {@code cdk.json}'s {@code context} holds them
   * @return the CloudFormation template file
   * @throws IllegalArgumentException when a context value is bad
   * @throws IllegalStateException when synthesis reports errors (cdk-nag findings included)
   */
  public static Path synth(Path outDir, Map<String, Object> context) {
    App app = App.Builder.create().outdir(outDir.toString()).context(context).build();
    Stack stack = buildSelected(app);
    CloudAssembly assembly = app.synth();
    List<String> errors = errors(stack);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("synthesis reported errors:\n" + String.join("\n", errors));
    }
    return Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath());
  }

  /** The errors synthesis attached to {@code scope} and the constructs below it, with paths. */
  static List<String> errors(IConstruct scope) {
    return scope.getNode().findAll().stream()
        .flatMap(
            c ->
                c.getNode().getMetadata().stream()
                    .filter(m -> ERROR.equals(m.getType()))
                    .map(m -> c.getNode().getPath() + ": " + m.getData()))
        .toList();
  }

  /**
   * Adds the stack the context selects: the member stack when {@code memberStack} is true, else
   * guardwall's stack.
   */
  public static Stack buildSelected(App app) {
    boolean member =
        ContextProps.value(
            key -> app.getNode().tryGetContext(key),
            MemberSettings.SELECT,
            ContextProps::bool,
            false);
    return member ? buildMember(app) : build(app);
  }

  /** Adds the stack, with props from {@code app}'s context, and the cdk-nag checks to the app. */
  public static GuardwallStack build(App app) {
    GuardwallProps props = ContextProps.read(key -> app.getNode().tryGetContext(key));
    return new GuardwallStack(
        app,
        stackName(app, STACK_NAME, "Guardwall"),
        checkedStackProps(
            app, "guardwall: GuardDuty and Security Hub findings to firewall blocks and Slack"),
        props);
  }

  /** Adds the member-account stack, with settings from {@code app}'s context, and cdk-nag. */
  public static GuardwallMemberStack buildMember(App app) {
    MemberSettings settings = MemberSettings.read(key -> app.getNode().tryGetContext(key));
    return new GuardwallMemberStack(
        app,
        stackName(app, MemberSettings.STACK_NAME, "GuardwallMember"),
        checkedStackProps(
            app, "guardwall member account: drops traffic to and from the shared blocklist"),
        settings);
  }

  private static String stackName(App app, String key, String fallback) {
    Object name = app.getNode().tryGetContext(key);
    return name == null ? fallback : name.toString();
  }

  /** The stack props; adds the cdk-nag checks to the app, which every stack gets. */
  private static StackProps checkedStackProps(App app, String description) {
    Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
    return StackProps.builder()
        .description(description)
        .env(
            Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build())
        .build();
  }

  /**
   * The context values of {@code -c key=value} (or {@code --context key=value}) arguments, as the
   * CDK CLI takes them: each value a string.
   *
   * @throws IllegalArgumentException naming the first argument of another form
   */
  static Map<String, String> contextArguments(List<String> args) {
    Map<String, String> context = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      String pair = i + 1 < args.size() ? args.get(i + 1) : "";
      int eq = pair.indexOf('=');
      if (!(flag.equals("-c") || flag.equals("--context")) || eq < 1) {
        throw new IllegalArgumentException(
            "synth takes -c key=value arguments, got: " + Excerpt.of(flag + " " + pair));
      }
      context.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return context;
  }

  /** The {@code context} object of a {@code cdk.json}; empty when the file does not exist. */
  public static Map<String, Object> readContext(Path cdkJson) {
    if (!Files.exists(cdkJson)) {
      return Map.of();
    }
    try {
      JsonNode context = Jackson.reader().readTree(Files.readString(cdkJson)).path("context");
      return context.isObject() ? Jackson.toMap((ObjectNode) context) : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(cdkJson + ": cannot read: " + e.getMessage(), e);
    }
  }
}
