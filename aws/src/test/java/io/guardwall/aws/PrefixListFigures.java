package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The prefix-list figures of docs/BENCHMARKS.md, against {@link Ec2PrefixListStub}: the calls a
 * burst of 500 new addresses costs, and the time 10,000 addresses take to converge. A modify's time
 * in {@code modify-in-progress} is simulated: the stub answers in progress for N looks and the
 * adapter's pauses (1 s each) are added to a fake clock, not slept; the wall time of the calls
 * themselves is added on top. Not a test: run its main.
 */
public final class PrefixListFigures {

  private PrefixListFigures() {}

  public static void main(String[] args) {
    for (int busy = 1; busy <= 3; busy++) {
      run("burst of 500, lists at MaxEntries 1000", busy, 1, 1_000, 1_000, 500);
      run("burst of 500, a list at MaxEntries 100", busy, 1, 100, 1_000, 500);
      run("10,000 into 5 lists (ceiling 2000)", busy, 5, 100, 2_000, 10_000);
    }
  }

  private static void run(
      String name, int busyLooks, int lists, int maxEntries, int ceiling, int addresses) {
    try (Ec2PrefixListStub stub = Ec2PrefixListStub.start().busyFor(busyLooks)) {
      List<String> ids = new ArrayList<>();
      IntStream.range(0, lists).forEach(i -> ids.add(stub.createList(true, maxEntries)));
      // Lists are written side by side: the simulated time is the longest of the writers' waits.
      Map<Thread, Long> waited = new ConcurrentHashMap<>();
      EnforcementPoint target =
          Ec2PrefixListTarget.open(
              stub.client(),
              String.join(",", ids),
              PrefixListSettings.defaults()
                  .withCeiling(ceiling)
                  .withPause(d -> waited.merge(Thread.currentThread(), d.toMillis(), Long::sum)));
      long start = System.nanoTime();
      target.apply(target.read(), addresses(addresses));
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      Ec2PrefixListStub.Counts c = stub.counts();
      System.out.printf(
          "%-42s modify-in-progress %d s | calls %4d (describe %4d, entry pages %3d, modify %3d,"
              + " resize %d) | simulated wait %4d s + calls %5d ms%n",
          name,
          busyLooks,
          c.calls(),
          c.describes(),
          c.entryPages(),
          c.modifies(),
          c.resizes(),
          waited.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1000,
          wall.toMillis());
    }
  }

  private static List<Cidr> addresses(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> Cidr.parse("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + "/32"))
        .sorted()
        .toList();
  }
}
