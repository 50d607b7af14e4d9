package io.guardwall.infra.burst;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The queue consumer function as Lambda invokes it. One instance stands for one execution
 * environment: Lambda never runs two invocations in one environment at once, so neither does the
 * poller.
 */
interface QueueFunction {

  /** Starts an execution environment of the function. */
  @FunctionalInterface
  interface Factory {
    QueueFunction start(Map<String, String> environment, Duration timeout) throws Exception;
  }

  /**
   * One invocation: the Lambda SQS event JSON in, the function's response JSON out.
   *
   * @throws Exception a function error: Lambda fails the whole batch
   */
  String invoke(String sqsEvent) throws Exception;

  /** The metric values this environment published so far, by name. */
  default Map<String, List<Double>> metrics() {
    return Map.of();
  }
}
