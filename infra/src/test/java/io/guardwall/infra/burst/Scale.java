package io.guardwall.infra.burst;

import java.time.Duration;

/**
 * How fast modelled time runs: {@code speed} modelled seconds per real second. Above 1 a scenario
 * runs faster than life (arrivals, batching window, visibility timeout and a Slack outage all
 * shrink alike); below 1 it runs in slow motion, for work the local stand-ins cannot do at AWS's
 * pace. Only the harness's clocks are scaled: the handler's own waits (Slack's
 * one-message-per-second pace, retry backoffs) run in real time, so the function timeout is never
 * shortened. Immutable.
 */
record Scale(double speed) {

  Scale {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
  }

  static Scale realTime() {
    return new Scale(1);
  }

  Duration real(Duration modelled) {
    return Duration.ofNanos((long) (modelled.toNanos() / speed));
  }

  Duration modelled(Duration real) {
    return Duration.ofNanos((long) (real.toNanos() * speed));
  }

  /** Whole real seconds, as SQS takes a visibility timeout: rounded up, at least one. */
  int realSeconds(int modelledSeconds) {
    return (int) Math.max(1, Math.ceil(modelledSeconds / speed));
  }

  /** A function timeout in real time: scaled, but never shorter than the function's own. */
  Duration timeout(Duration modelled) {
    Duration scaled = real(modelled);
    return scaled.compareTo(modelled) > 0 ? scaled : modelled;
  }
}
