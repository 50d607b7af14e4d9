package io.guardwall.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic GuardDuty findings export for the backfill benchmark: gzipped JSON lines, one
 * bare finding per line, as GuardDuty's export to S3 writes them. Attackers are public addresses
 * drawn from a few thousand; each address and finding type is one finding, exported again with a
 * later {@code updatedAt} and a higher count each time it recurs, as GuardDuty does.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.guardwall.bench.GenerateExport --findings
 * 1000000 [--addresses 3000] [--seed 7] OUT.jsonl.gz}.
 */
public final class GenerateExport {

  /** A finding type, the action that carries its remote address, and its usual severity. */
  private record Kind(String type, String action, double severity) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("UnauthorizedAccess:EC2/SSHBruteForce", "NETWORK_CONNECTION", 2),
          new Kind("UnauthorizedAccess:EC2/RDPBruteForce", "NETWORK_CONNECTION", 2),
          new Kind("Recon:EC2/PortProbeUnprotectedPort", "PORT_PROBE", 2),
          new Kind("UnauthorizedAccess:EC2/MaliciousIPCaller.Custom", "NETWORK_CONNECTION", 5),
          new Kind("UnauthorizedAccess:IAMUser/MaliciousIPCaller", "AWS_API_CALL", 5),
          new Kind("Backdoor:EC2/C&CActivity.B", "NETWORK_CONNECTION", 8));

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private GenerateExport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args.length % 2 == 0) {
      System.err.println(
          "usage: GenerateExport [--findings N] [--addresses N] [--seed N] OUT.jsonl.gz");
      System.exit(2);
    }
    long findings = option(args, "--findings", 1_000_000);
    int addresses = (int) option(args, "--addresses", 3_000);
    Path out = Path.of(args[args.length - 1]);
    write(out, findings, addresses, option(args, "--seed", 7));
    System.out.printf("wrote %d findings over %d addresses to %s%n", findings, addresses, out);
  }

  /** Writes {@code findings} lines to {@code out}, gzipped; the same seed writes the same file. */
  static void write(Path out, long findings, int addresses, long seed) throws IOException {
    Random random = new Random(seed);
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out), 65536), StandardCharsets.UTF_8))) {
      for (long i = 0; i < findings; i++) {
        w.write(line(i, random, addresses));
        w.write('\n');
      }
    }
  }

  private static String line(long i, Random random, int addresses) {
    // A few attackers are busy, most are seen now and then: the square skews towards low indexes.
    double u = random.nextDouble();
    int address = (int) (u * u * addresses);
    int kindIndex = random.nextInt(KINDS.size());
    Kind kind = KINDS.get(kindIndex);
    String id = String.format("%08x%024x", kindIndex, address);
    ObjectNode f =
        SyntheticEvents.finding(
            id, SyntheticEvents.address(address), kind.action(), kind.type(), kind.severity());
    Instant updated = START.plusSeconds(i);
    f.put("createdAt", START.toString()).put("updatedAt", updated.toString());
    ((ObjectNode) f.get("service")).put("count", 1 + i / addresses);
    return f.toString();
  }

  private static long option(String[] args, String name, long fallback) {
    for (int i = 0; i + 1 < args.length - 1; i += 2) {
      if (args[i].equals(name)) {
        return Long.parseLong(args[i + 1]);
      }
    }
    return fallback;
  }
}
