package io.guardwall.infra.burst;

import java.time.Duration;
import java.util.Map;

/**
 * The one place that chooses which queue function the poller runs: the stand-in until {@code
 * io.guardwall.lambda.QueueHandler} lands on main, then the handler itself.
 */
final class QueueFunctions {

  private QueueFunctions() {}

  /** A new execution environment of the queue function, with {@code env} as its environment. */
  static QueueFunction start(Map<String, String> env, Duration timeout) {
    return new StandInFunction(env);
  }
}
