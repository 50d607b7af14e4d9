package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A burst of finding events as EventBridge would see them: GuardDuty findings built from the
 * shipped sample 02, each with its own id, severity and remote address, arriving at random over the
 * burst; plus the Security Hub (ASFF) copies of some, built from sample 10 (sample 02 as Security
 * Hub imports it), arriving a few seconds after their original. Every address is in at least one
 * finding; addresses are never adjacent, so the rule group lists each one. Immutable.
 */
record Burst(List<Burst.Arrival> arrivals, Set<String> addresses, Set<String> alertable) {

  /** One event about {@code address}, due {@code at} (modelled) after the burst starts. */
  record Arrival(Duration at, String address, String event) {}

  /** What a burst holds; {@code alerted} findings are MEDIUM or HIGH, the others LOW. */
  record Shape(
      int findings, int addresses, Duration span, int alerted, int copies, Duration copyLag) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FINDING_ARN =
      "arn:aws:guardduty:us-east-1:111122223333:detector/3ec6f1d2a7b84c0e9f5d2b1a6c8e4f70/finding/";
  private static final String ASFF_IP =
      "aws/guardduty/service/action/networkConnectionAction/remoteIpDetails/ipAddressV4";

  static Burst generate(Shape shape, long seed) {
    Random random = new Random(seed);
    List<Integer> owners = owners(shape, random);
    Set<Integer> alerted = pick(shape.findings(), shape.alerted(), random);
    Set<Integer> copied = pick(shape.findings(), shape.copies(), random);
    List<Arrival> arrivals = new ArrayList<>();
    Set<String> alertable = new TreeSet<>();
    for (int i = 0; i < shape.findings(); i++) {
      double score = !alerted.contains(i) ? 2.0 : i % 2 == 0 ? 5.0 : 8.0;
      Duration at = fraction(shape.span(), random.nextDouble());
      String ip = address(owners.get(i));
      arrivals.add(new Arrival(at, ip, guardDuty(id(i), score, ip, random)));
      if (copied.contains(i)) {
        Duration copyAt = at.plus(fraction(shape.copyLag(), random.nextDouble()));
        Duration latest = shape.span().minusMillis(1);
        Duration due = copyAt.compareTo(latest) > 0 ? latest : copyAt;
        arrivals.add(new Arrival(due, ip, securityHub(id(i), score, ip, random)));
      }
      if (score >= 4) {
        alertable.add(id(i));
      }
    }
    arrivals.sort(Comparator.comparing(Arrival::at));
    Set<String> addresses = new TreeSet<>();
    owners.forEach(o -> addresses.add(address(o)));
    return new Burst(List.copyOf(arrivals), addresses, alertable);
  }

  /** Odd last octets: no two addresses are adjacent, so none merge into a wider CIDR. */
  static String address(int i) {
    return "11.0." + (i / 100) + "." + (2 * (i % 100) + 1);
  }

  static String id(int finding) {
    return String.format("b%031x", finding);
  }

  /** Which address each finding is about: every address once, the rest at random, shuffled. */
  private static List<Integer> owners(Shape shape, Random random) {
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < shape.findings(); i++) {
      owners.add(i < shape.addresses() ? i : random.nextInt(shape.addresses()));
    }
    Collections.shuffle(owners, random);
    return owners;
  }

  private static Set<Integer> pick(int from, int count, Random random) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < from; i++) {
      all.add(i);
    }
    Collections.shuffle(all, random);
    return new HashSet<>(all.subList(0, count));
  }

  private static Duration fraction(Duration d, double f) {
    return Duration.ofMillis((long) (d.toMillis() * f));
  }

  private static String guardDuty(String id, double score, String ip, Random random) {
    ObjectNode event = sample("events/02-guardduty-c2-outbound.json");
    event.put("id", uuid(random));
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.put("id", id).put("arn", FINDING_ARN + id).put("severity", score);
    ((ObjectNode) detail.at("/service/action/networkConnectionAction/remoteIpDetails"))
        .put("ipAddressV4", ip);
    return event.toString();
  }

  private static String securityHub(String id, double score, String ip, Random random) {
    ObjectNode event = sample("events/10-securityhub-same-finding-as-02.json");
    event.put("id", uuid(random));
    event.putArray("resources").add("arn:aws:securityhub:us-east-1::product/aws/guardduty/" + id);
    ObjectNode f = (ObjectNode) event.at("/detail/findings/0");
    String label = score >= 7 ? "HIGH" : score >= 4 ? "MEDIUM" : "LOW";
    f.put("Id", FINDING_ARN + id);
    ((ObjectNode) f.get("Severity"))
        .put("Label", label)
        .put("Product", score)
        .put("Normalized", (int) (score * 10));
    ((ObjectNode) f.at("/FindingProviderFields/Severity")).put("Label", label);
    ((ObjectNode) f.get("ProductFields")).put(ASFF_IP, ip);
    ((ObjectNode) f.at("/Action/NetworkConnectionAction/RemoteIpDetails")).put("IpAddressV4", ip);
    return event.toString();
  }

  private static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static ObjectNode sample(String name) {
    try {
      return (ObjectNode) JSON.readTree(Resources.sample(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
