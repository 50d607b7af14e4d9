package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetIpSetResponse;
import software.amazon.awssdk.services.wafv2.model.IPAddressVersion;
import software.amazon.awssdk.services.wafv2.model.IPSet;
import software.amazon.awssdk.services.wafv2.model.WafLimitsExceededException;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;

/**
 * AWS WAFv2 IP sets as an enforcement point: one set per address family (its IPAddressVersion says
 * which), read with GetIPSet and replaced whole with UpdateIPSet and the lock token of the read.
 * Thread-safe (the SDK client is; writes go through the process-wide {@link WafWritePacer}).
 *
 * <p>An IP set has no per-address owner, so guardwall owns the sets it is given (the CDK stack
 * creates them for it): addresses someone adds to them by hand are drift and the next apply removes
 * them. What guardwall does not own is every other IP set (the user's own, another deployment's):
 * this target never reads or writes one. UpdateIPSet replaces the description too, so the one last
 * read is sent back with each write.
 */
final class WafIpSetTarget implements EnforcementPoint {

  /** WAF's quota of addresses (CIDRs) in one IP set. */
  static final int MAX_ADDRESSES_PER_SET = 10_000;

  private final Wafv2Client client;
  private final List<WafIpSetArn> sets;
  private final int room;
  private final WafWritePacer pacer;
  private final Map<String, String> descriptions = new ConcurrentHashMap<>();

  WafIpSetTarget(Wafv2Client client, List<WafIpSetArn> sets, int maxPerSet, WafWritePacer pacer) {
    this.client = Objects.requireNonNull(client, "client");
    this.sets = List.copyOf(sets);
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    if (maxPerSet < 1) {
      throw new IllegalArgumentException("room per WAF IP set must be at least 1: " + maxPerSet);
    }
    this.room = Math.min(MAX_ADDRESSES_PER_SET, maxPerSet);
  }

  /**
   * The IP sets of {@code spec} (one or two ARNs joined by commas, one per address family), through
   * a client of their own in their region (us-east-1 for CLOUDFRONT), with room for {@code
   * maxPerSet} CIDRs per set, at most WAF's 10,000; writes are paced for the whole process.
   *
   * @throws IllegalArgumentException naming the problem when {@code spec} is not such a list
   */
  static WafIpSetTarget open(String spec, int maxPerSet) {
    List<WafIpSetArn> sets = WafIpSetSpec.parse(spec);
    Wafv2Client client = AwsClients.build(Wafv2Client.builder(), sets.get(0).region());
    return new WafIpSetTarget(client, sets, maxPerSet, WafWritePacer.shared());
  }

  /** As {@link #open(String, int)}, through {@code client} (the caller keeps and closes it). */
  static WafIpSetTarget open(Wafv2Client client, String spec, int maxPerSet, WafWritePacer pacer) {
    return new WafIpSetTarget(client, WafIpSetSpec.parse(spec), maxPerSet, pacer);
  }

  @Override
  public String name() {
    return sets.stream().map(WafIpSetArn::value).collect(Collectors.joining(","));
  }

  @Override
  public TargetKind kind() {
    return TargetKind.WAF_IP_SET;
  }

  @Override
  public TargetSnapshot read() {
    List<SetRead> reads = sets.stream().map(this::get).toList();
    requireOnePerFamily(reads);
    return new TargetSnapshot(
        reads.stream().flatMap(r -> r.cidrs().stream()).collect(Collectors.toSet()),
        CidrBudget.perFamily(roomFor(reads, true), roomFor(reads, false)),
        reads.stream().map(r -> r.version().render()).collect(Collectors.joining(",")));
  }

  @Override
  public void apply(TargetSnapshot base, List<Cidr> blocked) {
    base.requireFits(blocked);
    requireNoZeroPrefix(blocked);
    Map<String, WafIpSetVersion> versions = WafIpSetVersion.parseAll(base.version());
    for (WafIpSetArn set : sets) {
      WafIpSetVersion version = versionOf(versions, set);
      List<Cidr> wanted = family(blocked, version.ipv4());
      if (version.rewrite() || differs(family(base.blocked(), version.ipv4()), wanted)) {
        write(set, version, wanted);
      }
    }
  }

  @Override
  public String toString() {
    return "WafIpSetTarget[" + name() + "]";
  }

  private SetRead get(WafIpSetArn set) {
    GetIpSetResponse response =
        call(
            "GetIPSet",
            set,
            () ->
                client.getIPSet(
                    r ->
                        r.name(set.name())
                            .scope(set.scope())
                            .id(set.id())
                            .overrideConfiguration(SdkRetries.NONE)));
    IPSet ipSet = response.ipSet();
    if (ipSet == null || response.lockToken() == null || !knownFamily(ipSet)) {
      throw new FirewallException(
          "GetIPSet on IP set " + set + " returned no IP set, lock token or address family", null);
    }
    if (ipSet.description() != null) {
      descriptions.put(set.id(), ipSet.description());
    }
    return SetRead.of(set, ipSet, response.lockToken());
  }

  private void write(WafIpSetArn set, WafIpSetVersion version, List<Cidr> wanted) {
    List<String> addresses = wanted.stream().map(Cidr::value).toList();
    pacer.write(
        set.paceKey(),
        set.value(),
        () ->
            call(
                "UpdateIPSet",
                set,
                () ->
                    client.updateIPSet(
                        r ->
                            r.name(set.name())
                                .scope(set.scope())
                                .id(set.id())
                                .description(descriptions.get(set.id()))
                                .addresses(addresses)
                                .lockToken(version.lockToken())
                                .overrideConfiguration(SdkRetries.NONE))));
  }

  private long roomFor(List<SetRead> reads, boolean ipv4) {
    return reads.stream().anyMatch(r -> r.version().ipv4() == ipv4) ? room : 0;
  }

  private static void requireOnePerFamily(List<SetRead> reads) {
    if (reads.size() == 2 && reads.get(0).version().ipv4() == reads.get(1).version().ipv4()) {
      throw new FirewallException(
          "IP sets "
              + reads.get(0).set()
              + " and "
              + reads.get(1).set()
              + " hold the same address family; a WAF target takes one set per family",
          null);
    }
  }

  private static void requireNoZeroPrefix(List<Cidr> blocked) {
    blocked.stream()
        .filter(c -> c.prefixLength() == 0)
        .findFirst()
        .ifPresent(
            c -> {
              throw new FirewallException("AWS WAF takes no /0 range: refusing " + c, null);
            });
  }

  private WafIpSetVersion versionOf(Map<String, WafIpSetVersion> versions, WafIpSetArn set) {
    WafIpSetVersion version = versions.get(set.id());
    if (version == null) {
      throw new FirewallException(
          "the snapshot was not read from " + this + ": it has no version of " + set, null);
    }
    return version;
  }

  private static List<Cidr> family(Collection<Cidr> cidrs, boolean ipv4) {
    return cidrs.stream().filter(c -> c.isIpv4() == ipv4).toList();
  }

  private static boolean differs(List<Cidr> held, List<Cidr> wanted) {
    return !Set.copyOf(held).equals(Set.copyOf(wanted));
  }

  private static boolean knownFamily(IPSet ipSet) {
    return ipSet.ipAddressVersion() == IPAddressVersion.IPV4
        || ipSet.ipAddressVersion() == IPAddressVersion.IPV6;
  }

  private static <T> T call(String operation, WafIpSetArn set, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw translate(operation, set, e);
    }
  }

  /** The port exception for {@code e}, thrown by {@code operation} on {@code set}. */
  static FirewallException translate(String operation, WafIpSetArn set, SdkException e) {
    String where = operation + " on IP set " + set;
    if (e instanceof WafOptimisticLockException) {
      return new FirewallConflictException(
          where + ": the lock token is stale (the IP set changed since it was read)", e);
    }
    if (e instanceof WafLimitsExceededException) {
      return new FirewallRetryableException(where + " exceeded a WAF limit: " + e.getMessage(), e);
    }
    return FirewallErrors.translate(where, "AWS WAF", e);
  }

  /** One IP set as read: the CIDRs guardwall can read back from it, and its version. */
  private record SetRead(WafIpSetArn set, List<Cidr> cidrs, WafIpSetVersion version) {

    static SetRead of(WafIpSetArn set, IPSet ipSet, String lockToken) {
      boolean ipv4 = ipSet.ipAddressVersion() == IPAddressVersion.IPV4;
      List<Cidr> cidrs =
          ipSet.addresses().stream()
              .map(SetRead::parse)
              .filter(c -> c != null && c.isIpv4() == ipv4)
              .map(Objects::requireNonNull)
              .toList();
      boolean rewrite = cidrs.size() != ipSet.addresses().size();
      return new SetRead(set, cidrs, new WafIpSetVersion(set.id(), ipv4, lockToken, rewrite));
    }

    private static @org.jspecify.annotations.Nullable Cidr parse(String address) {
      try {
        return Cidr.parse(address);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
