package io.guardwall.aws;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** What the local HTTP stubs share: their daemon threads and their simulated latency; stateless. */
final class StubThreads {

  private StubThreads() {}

  /** Daemon threads named {@code name}, so that a stub left open never holds the JVM. */
  static ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Sleeps {@code d}, keeping the interrupt for the server's shutdown. */
  static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
