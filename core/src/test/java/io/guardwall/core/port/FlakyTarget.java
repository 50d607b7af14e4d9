package io.guardwall.core.port;

import io.guardwall.core.testing.ForwardingTarget;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake enforcement point that fails every read with {@code failure} while it is down, and is
 * {@code real} otherwise. Thread-safe.
 */
public final class FlakyTarget extends ForwardingTarget {

  private final RuntimeException failure;
  private final AtomicBoolean down = new AtomicBoolean(true);

  public FlakyTarget(EnforcementPoint real, RuntimeException failure) {
    super(real);
    this.failure = failure;
  }

  /** A target that is down with a transient failure whose message is {@code message}. */
  public static FlakyTarget retryable(EnforcementPoint real, String message) {
    return new FlakyTarget(real, new FirewallRetryableException(message, null));
  }

  public void up() {
    down.set(false);
  }

  @Override
  public TargetSnapshot read() {
    if (down.get()) {
      throw failure;
    }
    return super.read();
  }
}
