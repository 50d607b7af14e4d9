package io.guardwall.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic benchmark inputs: GuardDuty events and blocklist entries. */
final class SyntheticEvents {

  private static final String[] ACTIONS = {"NETWORK_CONNECTION", "PORT_PROBE", "AWS_API_CALL"};

  private SyntheticEvents() {}

  /** {@code count} native GuardDuty events over {@code distinctIps} public addresses. */
  static List<String> guardDutyEvents(int count, int distinctIps, long seed) {
    Random random = new Random(seed);
    List<String> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(
          event(i, address(random.nextInt(distinctIps)), ACTIONS[i % ACTIONS.length]).toString());
    }
    return events;
  }

  /** The levels a finding blocks at, drawn at random for the entries. */
  private static final List<SeverityLevel> LEVELS =
      List.of(SeverityLevel.LOW, SeverityLevel.MEDIUM, SeverityLevel.HIGH, SeverityLevel.CRITICAL);

  /** A public address per index: 11.x.y.z is outside every non-public range. */
  static String address(int i) {
    return "11." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
  }

  static ObjectNode event(int i, String ip, String actionType) {
    ObjectNode e = Jackson.objectNode();
    e.put("version", "0").put("id", "evt-" + i).put("detail-type", "GuardDuty Finding");
    e.put("source", "aws.guardduty").put("account", "111122223333").put("region", "us-east-1");
    e.set(
        "detail",
        finding("finding-" + i, ip, actionType, "UnauthorizedAccess:EC2/SSHBruteForce", 5 + i % 4));
    return e;
  }

  /** A bare GuardDuty finding, as the S3 export and an event's {@code detail} hold it. */
  static ObjectNode finding(String id, String ip, String actionType, String type, double severity) {
    ObjectNode d = Jackson.objectNode();
    d.put("schemaVersion", "2.0").put("accountId", "111122223333").put("region", "us-east-1");
    d.put("id", id).put("type", type);
    d.put("severity", severity).put("title", "Activity from " + ip);
    d.put("arn", "arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/" + id);
    d.putObject("resource").put("resourceType", "Instance");
    ObjectNode action = d.putObject("service").putObject("action").put("actionType", actionType);
    ObjectNode remote = remoteIpHolder(action, actionType).putObject("remoteIpDetails");
    remote.put("ipAddressV4", ip);
    remote.putObject("country").put("countryName", "Testland");
    remote.putObject("organization").put("asn", "64500").put("asnOrg", "Example");
    return d;
  }

  private static ObjectNode remoteIpHolder(ObjectNode action, String actionType) {
    return switch (actionType) {
      case "PORT_PROBE" ->
          action.putObject("portProbeAction").putArray("portProbeDetails").addObject();
      case "AWS_API_CALL" -> action.putObject("awsApiCallAction");
      default -> action.putObject("networkConnectionAction").put("connectionDirection", "INBOUND");
    };
  }

  /** {@code count} active entries, a mix of isolated addresses and adjacent runs. */
  static List<BlocklistEntry> entries(int count, long seed) {
    Random random = new Random(seed);
    Instant now = Instant.parse("2026-11-28T00:00:00Z");
    List<BlocklistEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Every fourth address is adjacent to the previous one so that merging has work to do.
      int index = i % 4 == 0 ? i * 3 + 1 : i * 3;
      SeverityLevel level = LEVELS.get(random.nextInt(LEVELS.size()));
      BlockRequest r =
          new BlockRequest(
              Cidr.ofAddress(address(index)),
              now.minusSeconds(random.nextInt(40_000)),
              now.plusSeconds(3600 + random.nextInt(40_000)),
              level,
              "Recon:EC2/PortProbeUnprotectedPort",
              "f-" + i,
              null,
              "111122223333",
              "us-east-1",
              Origin.GUARDDUTY,
              false);
      entries.add(BlocklistEntry.create(r));
    }
    return entries;
  }
}
