package io.guardwall.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stream entry point, the environment, the unavailable ports and the secret's notifier. */
public class HandlerPlumbingTest {

  private final Fixture f = new Fixture();

  @Test
  void handleRequest_shouldWriteTheResultAsJson_andFlushMetrics() throws Exception {
    MaintainHandler handler = new MaintainHandler(f.guardwall(), f.metrics);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(input("{\"trigger\":\"schedule\"}"), out, new FakeContext());
    assertThat(Fixture.json(out.toString(StandardCharsets.UTF_8)).path("deleted").asInt()).isZero();
    assertThat(f.metrics.flushes).isEqualTo(1);
  }

  @Test
  void handleRequest_shouldFailClearly_whenInputIsNotJson() {
    MaintainHandler handler = new MaintainHandler(f.guardwall(), f.metrics);
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    input("{not json"), new ByteArrayOutputStream(), new FakeContext()))
        .hasMessageContaining("input is not JSON");
    assertThatThrownBy(
            () -> handler.handleRequest(input(""), new ByteArrayOutputStream(), new FakeContext()))
        .hasMessageContaining("empty input");
    assertThat(f.metrics.flushes).isEqualTo(2);
  }

  @Test
  void summary_shouldLogFindingTextInert_whenResultHoldsHostileText() {
    String hostile = "id\u001b]0;x\u0007\n\u202E\u009b2J\u2028";
    String summary =
        JsonHandler.summary(io.guardwall.core.json.Jackson.objectNode().put("findingId", hostile));
    assertThat(summary).isEqualTo("{\"findingId\":\"id\\u001B]0;x\\u0007\\n2J \"}");
  }

  @Test
  void env_shouldNameTheMissingVariable() {
    assertThatThrownBy(() -> Env.required(Map.<String, String>of()::get, Env.TABLE))
        .hasMessageContaining("GUARDWALL_TABLE is not set");
    assertThatThrownBy(() -> Env.required(Map.of(Env.TABLE, " ")::get, Env.TABLE))
        .hasMessageContaining("GUARDWALL_TABLE");
  }

  @Test
  void env_shouldReadTheConfigTheStackWrites_andRejectBadOnes() {
    assertThat(Env.config(Map.<String, String>of()::get)).isEqualTo(GuardwallConfig.defaults());
    GuardwallConfig config =
        Env.config(
            Map.of(Env.CONFIG, "{\"blockDuration\":\"PT1H\",\"firewall\":{\"capacity\":500}}")
                ::get);
    assertThat(config.blockDuration()).hasHours(1);
    assertThat(config.firewall().capacity()).isEqualTo(500);
    assertThatThrownBy(() -> Env.config(Map.of(Env.CONFIG, "{nope")::get))
        .hasMessageContaining("GUARDWALL_CONFIG");
    assertThatThrownBy(() -> Env.config(Map.of(Env.CONFIG, "{\"blockDuraton\":\"PT1H\"}")::get))
        .hasMessageContaining("blockDuraton");
  }

  @Test
  void unavailablePort_shouldNameTheFunctionAndTheCall() {
    EnforcementPoint target = Unavailable.port(EnforcementPoint.class, "MaintainHandler");
    assertThatThrownBy(target::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("MaintainHandler has no EnforcementPoint: read");
    assertThat(target.toString()).isEqualTo("Unavailable[EnforcementPoint]");
    assertThat(target.name())
        .as("named, so that a flow can be built over it")
        .isEqualTo("Unavailable[EnforcementPoint]");
  }

  @Test
  void secretNotifier_shouldFollowTheSecret_whenItsValueChanges() {
    AtomicReference<String> secret = new AtomicReference<>("https://hooks.slack.com/services/A");
    List<String> built = new ArrayList<>();
    List<String> sentTo = new ArrayList<>();
    Notifier notifier =
        new SecretNotifier(
            secret::get,
            url -> {
              built.add(url);
              return m -> sentTo.add(url);
            });
    SlackMessage message =
        new SlackMessage(SlackMessage.Kind.FAILURE, null, Fixture.JSON.createObjectNode());
    notifier.send(message);
    notifier.send(message);
    secret.set("https://hooks.slack.com/services/B");
    notifier.send(message);
    assertThat(built).hasSize(2);
    assertThat(sentTo)
        .containsExactly(
            "https://hooks.slack.com/services/A",
            "https://hooks.slack.com/services/A",
            "https://hooks.slack.com/services/B");
    assertThat(notifier.toString()).doesNotContain("hooks");
  }

  @Test
  void secretNotifier_shouldSayWhyItCannotPost_andRefuseToSend_whenTheSecretHoldsNoUrl() {
    AtomicReference<String> secret = new AtomicReference<>();
    Notifier notifier =
        new SecretNotifier(
            () -> {
              if (secret.get() == null) {
                throw new io.guardwall.core.config.ConfigException(
                    "secret 'guardwall-slack' is not a webhook URL", null);
              }
              return secret.get();
            },
            url -> m -> {});
    SlackMessage message =
        new SlackMessage(SlackMessage.Kind.FAILURE, null, Fixture.JSON.createObjectNode());

    assertThat(notifier.unavailable())
        .hasValueSatisfying(why -> assertThat(why).contains("not a webhook URL"));
    assertThatThrownBy(() -> notifier.send(message))
        .isInstanceOf(io.guardwall.core.port.NotifyException.class)
        .hasMessageContaining("Slack is not configured");
    secret.set("https://hooks.slack.com/services/A");
    assertThat(notifier.unavailable()).isEmpty();
  }

  @Test
  void queueHandler_shouldAlert_whenTheInvocationHasTimeLeft() throws Exception {
    QueueHandler handler = new QueueHandler(f.guardwall(), f.metrics);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String event = Fixture.sqsEvent(Fixture.sampleText("02-guardduty-c2-outbound.json")).toString();

    handler.handleRequest(input(event), out, new FakeContext());

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(f.notifier.messages()).hasSize(2);
  }

  @Test
  void queueHandler_shouldStopAlerting_whenTheInvocationIsAboutToTimeOut() throws Exception {
    QueueHandler handler = new QueueHandler(f.guardwall(), f.metrics);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String event = Fixture.sqsEvent(Fixture.sampleText("02-guardduty-c2-outbound.json")).toString();

    handler.handleRequest(input(event), out, new FakeContext(60_000));

    // 60 s left is less than the alert reserve: the alert is retried later.
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-0\"}]}");
    assertThat(f.firewall.writes()).isPositive();
  }

  private static ByteArrayInputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The fields Powertools reads from the Lambda context (aws-lambda-java-tests 1.1.1 has no Context
   * to reuse: it loads typed events, which the handlers do not take).
   */
  public static final class FakeContext implements Context {
    private final int remainingMillis;

    /** A fresh invocation of the queue function: its whole 15-minute timeout ahead. */
    public FakeContext() {
      this(900_000);
    }

    /** An invocation with {@code remainingMillis} left before Lambda stops it. */
    public FakeContext(int remainingMillis) {
      this.remainingMillis = remainingMillis;
    }

    @Override
    public String getAwsRequestId() {
      return "req-1";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
      return "stream";
    }

    @Override
    public String getFunctionName() {
      return "guardwall-test";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:111122223333:function:guardwall-test:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  }
}
