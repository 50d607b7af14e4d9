package io.guardwall.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The queue function as deployed, run in-process for infra's burst test: {@link QueueHandler} with
 * its ports built by the production wiring from an environment (through the default SDK clients,
 * which the test points at moto and the stubs), invoked through {@code handleRequest} with a
 * context whose remaining time counts down from the function's timeout. Its metrics are recorded
 * rather than printed. One instance per execution environment: not thread-safe.
 */
public final class DeployedQueueFunction {

  private final QueueHandler handler;
  private final Duration timeout;
  private final Map<String, List<Double>> metrics = new TreeMap<>();

  public DeployedQueueFunction(Map<String, String> environment, Duration timeout) {
    this.handler = new QueueHandler(new Wiring(environment::get, "QueueHandler"), new Recorded());
    this.timeout = timeout;
  }

  /** One invocation: the SQS event in, the partial batch response out. */
  public String invoke(String sqsEvent) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = sqsEvent.getBytes(StandardCharsets.UTF_8);
    handler.handleRequest(
        new ByteArrayInputStream(in), out, new Invocation(Instant.now().plus(timeout)));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every value published so far, by metric name. */
  public synchronized Map<String, List<Double>> metrics() {
    Map<String, List<Double>> copy = new TreeMap<>();
    metrics.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  private final class Recorded implements MetricsSink {
    @Override
    public void put(String name, double value, MetricUnit unit) {
      synchronized (DeployedQueueFunction.this) {
        metrics.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }

    @Override
    public void flush() {}
  }

  /** One invocation's context: its time left runs out at the function's timeout. */
  private record Invocation(Instant deadline) implements Context {
    @Override
    public String getAwsRequestId() {
      return UUID.randomUUID().toString();
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/guardwall-queue";
    }

    @Override
    public String getLogStreamName() {
      return "burst";
    }

    @Override
    public String getFunctionName() {
      return "guardwall-queue";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:guardwall-queue:live";
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
      return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
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
