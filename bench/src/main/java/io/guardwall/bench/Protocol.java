package io.guardwall.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every benchmark here is measured, the protocol docs/BENCHMARKS.md reports under: 3 warm-up
 * and 5 measured iterations of 2 s each, in one fork. JMH reads these annotations from the
 * superclass; a benchmark states only its mode and time unit.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
abstract class Protocol {

  /** Events a throughput benchmark processes per invocation, so that it reports findings/s. */
  static final int BATCH = 1000;
}
