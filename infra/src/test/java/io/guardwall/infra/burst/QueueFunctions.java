package io.guardwall.infra.burst;

import io.guardwall.lambda.DeployedQueueFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The queue function the poller runs: the deployed {@code QueueHandler}, in-process. */
final class QueueFunctions {

  private QueueFunctions() {}

  /** A new execution environment of the queue function, with {@code env} as its environment. */
  static QueueFunction start(Map<String, String> env, Duration timeout) {
    DeployedQueueFunction deployed = new DeployedQueueFunction(env, timeout);
    return new QueueFunction() {
      @Override
      public String invoke(String sqsEvent) throws Exception {
        return deployed.invoke(sqsEvent);
      }

      @Override
      public Map<String, List<Double>> metrics() {
        return deployed.metrics();
      }
    };
  }
}
