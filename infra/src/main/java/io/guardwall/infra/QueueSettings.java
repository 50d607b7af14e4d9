package io.guardwall.infra;

/**
 * How the queue function consumes the event queue; validated when built, immutable.
 *
 * @param batchSize the most messages one invocation gets (1-10,000)
 * @param batchWindowSeconds how long Lambda gathers messages before it invokes (0-300 s; at least 1
 *     for batches over 10, as Lambda requires)
 * @param maxConcurrency the most invocations at once (2-1,000; 2 is Lambda's minimum): at most this
 *     many reconciles race for the rule group's update token
 * @param maxReceiveCount receives before a message moves to the dead-letter queue (1-1,000)
 */
public record QueueSettings(
    int batchSize, int batchWindowSeconds, int maxConcurrency, int maxReceiveCount) {

  public QueueSettings {
    require("queueBatchSize", batchSize, 1, 10_000);
    require("queueBatchWindowSeconds", batchWindowSeconds, 0, 300);
    require("queueMaxConcurrency", maxConcurrency, 2, 1_000);
    require("queueMaxReceiveCount", maxReceiveCount, 1, 1_000);
    if (batchSize > 10 && batchWindowSeconds < 1) {
      throw new IllegalArgumentException(
          "queueBatchWindowSeconds must be at least 1 when queueBatchSize is over 10 (Lambda's"
              + " rule): "
              + batchSize);
    }
  }

  /** Batches of up to 1,000 gathered for 10 s, two at a time, five receives before the DLQ. */
  public static QueueSettings defaults() {
    return new QueueSettings(1_000, 10, 2, 5);
  }

  public QueueSettings withBatchSize(int size) {
    return new QueueSettings(size, batchWindowSeconds, maxConcurrency, maxReceiveCount);
  }

  public QueueSettings withBatchWindowSeconds(int seconds) {
    return new QueueSettings(batchSize, seconds, maxConcurrency, maxReceiveCount);
  }

  public QueueSettings withMaxConcurrency(int concurrency) {
    return new QueueSettings(batchSize, batchWindowSeconds, concurrency, maxReceiveCount);
  }

  public QueueSettings withMaxReceiveCount(int count) {
    return new QueueSettings(batchSize, batchWindowSeconds, maxConcurrency, count);
  }

  private static void require(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + "-" + max + ": " + value);
    }
  }
}
