package io.guardwall.lambda;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Where a handler's metrics go: CloudWatch EMF through Powertools, or a test's recorder. */
interface MetricsSink {

  void put(String name, double value, MetricUnit unit);

  /** Writes the metrics of one invocation. */
  void flush();

  /** Powertools' EMF metrics (namespace and service from the environment). Thread-safe. */
  static MetricsSink powertools() {
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.setRaiseOnEmptyMetrics(false);
    return new MetricsSink() {
      @Override
      public void put(String name, double value, MetricUnit unit) {
        metrics.addMetric(name, value, unit);
      }

      @Override
      public void flush() {
        metrics.flush();
      }
    };
  }
}
