package io.guardwall.bench;

import io.guardwall.aws.MotoServer;
import io.guardwall.aws.NetworkFirewallStub;
import io.guardwall.aws.SdkEndpoints;
import io.guardwall.cli.GuardwallCli;
import io.guardwall.core.json.Jackson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code process} burst benchmark: 10,000 findings over 2,000 addresses through the real CLI
 * against DynamoDB on moto and the Network Firewall stub with a simulated API latency; prints wall
 * time, findings per second, UpdateRuleGroup calls and conflicts retried.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.guardwall.bench.ProcessBurst [findings]
 * [addresses] [latencyMs] [workers] [store]}, store defaulting to {@code dynamodb:burst}.
 */
public final class ProcessBurst {

  private ProcessBurst() {}

  // "try": the SdkEndpoints resource is never read; being open is what points the SDK at the stubs.
  @SuppressWarnings("try")
  public static void main(String[] args) throws Exception {
    int findings = arg(args, 0, 10_000);
    int addresses = arg(args, 1, 2_000);
    Duration latency = Duration.ofMillis(arg(args, 2, 30));
    int workers = arg(args, 3, 16);
    String store = args.length > 4 ? args[4] : "dynamodb:burst";
    Path dir = Files.createTempDirectory("guardwall-burst");
    StringBuilder lines = new StringBuilder();
    SyntheticEvents.guardDutyEvents(findings, addresses, 99)
        .forEach(e -> lines.append(e).append('\n'));
    Files.writeString(dir.resolve("burst.jsonl"), lines);
    try (NetworkFirewallStub stub =
            NetworkFirewallStub.start(30_000).latency(latency).faults(0.10, 0.10, 0.02, 1L);
        SdkEndpoints endpoints = SdkEndpoints.use(MotoServer.endpoint(), stub.endpoint())) {
      cli("init", "--store", store);
      long start = System.nanoTime();
      String out =
          cli(
              "process",
              "--workers",
              String.valueOf(workers),
              "--store",
              store,
              "--firewall",
              NetworkFirewallStub.RULE_GROUP_ARN,
              "--notify",
              "print",
              "--format",
              "json",
              dir.toString());
      double seconds = (System.nanoTime() - start) / 1e9;
      NetworkFirewallStub.Counts c = stub.counts();
      System.out.printf(
          "store=%s findings=%d addresses=%d workers=%d latency=%dms%n"
              + "wall=%.1fs findingsPerSecond=%.0f%n"
              + "updateRuleGroupCalls=%d successfulUpdates=%d conflictsRetried=%d"
              + " throttlesRetried=%d serverErrorsRetried=%d describes=%d%n"
              + "addressesInRuleGroup=%d%n",
          store,
          findings,
          addresses,
          workers,
          latency.toMillis(),
          seconds,
          findings / seconds,
          c.updates(),
          c.successfulUpdates(),
          c.conflicts(),
          c.throttles(),
          c.serverErrors(),
          c.describes(),
          stub.addresses().size());
      com.fasterxml.jackson.databind.JsonNode summary = Jackson.reader().readTree(out);
      System.out.printf(
          "reconciles=%d newlyBlocked=%d failedEvents=%d failedFindings=%d errors=%s%n",
          summary.get("reconciles").asInt(),
          summary.get("newlyBlocked").size(),
          summary.get("failedEvents").size(),
          summary.get("failedFindings").size(),
          summary.get("errors"));
      summary.get("failedFindings").forEach(f -> System.out.println("  " + f.asText()));
    }
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = GuardwallCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    if (code != 0) {
      throw new IllegalStateException(
          "guardwall " + args[0] + " exited " + code + ":\n" + out + err);
    }
    return out.toString();
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
