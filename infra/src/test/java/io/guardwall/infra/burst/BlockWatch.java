package io.guardwall.infra.burst;

import io.guardwall.aws.NetworkFirewallStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the Network Firewall stub's rule group and notes when each address first appeared in it,
 * to a tenth of a second. Thread-safe.
 */
final class BlockWatch implements AutoCloseable {

  private static final Duration EVERY = Duration.ofMillis(100);

  private final NetworkFirewallStub firewall;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Thread thread = new Thread(this::run, "block-watch");
  private volatile boolean stopped;

  private BlockWatch(NetworkFirewallStub firewall) {
    this.firewall = firewall;
  }

  static BlockWatch start(NetworkFirewallStub firewall) {
    BlockWatch watch = new BlockWatch(firewall);
    watch.thread.setDaemon(true);
    watch.thread.start();
    return watch;
  }

  /** When each address (without its /32) was first seen in the rule group. */
  Map<String, Instant> firstSeen() {
    return Map.copyOf(firstSeen);
  }

  private void run() {
    while (!stopped) {
      Instant now = Instant.now();
      for (String cidr : firewall.addresses()) {
        firstSeen.putIfAbsent(cidr.replace("/32", ""), now);
      }
      try {
        Thread.sleep(EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join();
  }
}
