package io.guardwall.bench;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.parse.FindingEvent;
import io.guardwall.core.parse.FindingParser;
import io.guardwall.core.parse.FindingResult;
import io.guardwall.core.policy.Policy;
import io.guardwall.core.route.Route;
import io.guardwall.core.route.Router;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/** Findings per second through parse + route + decide, from the raw event text. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecideBenchmark extends Protocol {

  private final FindingParser parser = FindingParser.create();
  private final Router router = Router.create(SeverityLevel.MEDIUM);
  private final Policy policy = new Policy(GuardwallConfig.defaults());
  private List<String> events;

  @Setup
  public void setUp() {
    events = SyntheticEvents.guardDutyEvents(BATCH, 500, 42);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void parseRouteDecide(Blackhole bh) throws Exception {
    for (String text : events) {
      for (FindingEvent part : parser.split(parser.normalize(Jackson.reader().readTree(text)))) {
        Set<Route> routes = router.routes(part.event());
        FindingResult r = parser.read(part);
        bh.consume(policy.decide(r.finding(), routes.contains(Route.BLOCK)));
        bh.consume(policy.notifySkipReason(r.finding(), routes.contains(Route.NOTIFY)));
      }
    }
  }
}
