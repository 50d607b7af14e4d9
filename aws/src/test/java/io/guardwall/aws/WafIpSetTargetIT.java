package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.EnforcementPointContract;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.TargetSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetIpSetResponse;
import software.amazon.awssdk.services.wafv2.model.IPAddressVersion;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;

/**
 * The WAF IP set target against moto 5.2.1, which serves WAFv2 IP sets and enforces their lock
 * tokens; throttling, which moto never does, is injected at the SDK edge by an interceptor.
 */
@ExtendWith(MotoServer.class)
class WafIpSetTargetIT extends EnforcementPointContract {

  private static final Throttler THROTTLER = new Throttler();
  private static Wafv2Client client;

  private final FakeTime time = new FakeTime();
  private String foreign = "";
  private GetIpSetResponse foreignAsAdded = GetIpSetResponse.builder().build();

  @Override
  protected EnforcementPoint newTarget(int room) {
    String spec =
        create("guardwall-v4", Scope.REGIONAL, IPAddressVersion.IPV4)
            + ","
            + create("guardwall-v6", Scope.REGIONAL, IPAddressVersion.IPV6);
    return WafIpSetTarget.open(client(), spec, room, time.pacer());
  }

  @Override
  protected boolean throttleNextCall() {
    THROTTLER.next = true;
    return true;
  }

  // guardwall owns its sets whole: what it does not own is every other IP set.
  @Override
  protected boolean addForeignEntry() {
    foreign = create("users-own", Scope.REGIONAL, IPAddressVersion.IPV4);
    WafIpSetArn arn = WafIpSetArn.parse(foreign);
    putByHand(arn, "192.0.2.1/32", "203.0.113.0/24");
    foreignAsAdded = get(arn);
    return true;
  }

  @Override
  protected boolean foreignEntryIntact() {
    GetIpSetResponse now = get(WafIpSetArn.parse(foreign));
    return now.lockToken().equals(foreignAsAdded.lockToken())
        && now.ipSet().addresses().equals(foreignAsAdded.ipSet().addresses());
  }

  @Test
  void apply_shouldWriteTheSet_whenItsScopeIsCloudFront() {
    String arn = create("guardwall-edge", Scope.CLOUDFRONT, IPAddressVersion.IPV4);
    EnforcementPoint edge = WafIpSetTarget.open(client(), arn, ROOM, time.pacer());

    edge.apply(edge.read(), cidrs("192.0.2.1/32", "198.51.100.0/24"));

    assertThat(arn).contains(":global/ipset/");
    assertThat(edge.read().blocked()).isEqualTo(set("192.0.2.1/32", "198.51.100.0/24"));
  }

  @Test
  void apply_shouldRefuseIpv4AndTakeIpv6_whenTheTargetHasOnlyAnIpv6Set() {
    String arn = create("guardwall-v6-only", Scope.REGIONAL, IPAddressVersion.IPV6);
    EnforcementPoint v6 = WafIpSetTarget.open(client(), arn, ROOM, time.pacer());

    assertThatThrownBy(() -> v6.apply(v6.read(), cidrs("192.0.2.1/32")))
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining("refusing to write 1 IPv4");
    v6.apply(v6.read(), cidrs("2001:db8::/64", "2001:db8:1::7/128"));

    assertThat(v6.read().blocked()).isEqualTo(set("2001:db8::/64", "2001:db8:1::7/128"));
  }

  @Test
  void read_shouldFailNamingTheSet_whenTheSetDoesNotExist() {
    String missing =
        "arn:aws:wafv2:us-east-1:123456789012:regional/ipset/gone/"
            + "00000000-0000-0000-0000-000000000000";
    EnforcementPoint gone = WafIpSetTarget.open(client(), missing, ROOM, time.pacer());

    assertThatThrownBy(gone::read)
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("WAFNonexistentItemException");
  }

  @Test
  void read_shouldRefuse_whenBothSetsHoldOneFamily() {
    String spec =
        create("a", Scope.REGIONAL, IPAddressVersion.IPV4)
            + ","
            + create("b", Scope.REGIONAL, IPAddressVersion.IPV4);
    EnforcementPoint twice = WafIpSetTarget.open(client(), spec, ROOM, time.pacer());

    assertThatThrownBy(twice::read)
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining("one set per family");
  }

  @Test
  void apply_shouldConflictThenRemoveTheDrift_whenSomeoneEditsTheSetAfterTheRead() {
    target.apply(target.read(), cidrs("192.0.2.1/32"));
    TargetSnapshot read = target.read();
    addByHand("198.51.100.77/32", "192.0.2.1/32");

    assertThatThrownBy(() -> target.apply(read, cidrs("192.0.2.1/32", "192.0.2.2/32")))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("lock token");
    TargetSnapshot fresh = target.read();
    target.apply(fresh, cidrs("192.0.2.1/32", "192.0.2.2/32"));

    assertThat(fresh.blocked()).contains(Cidr.parse("198.51.100.77/32"));
    assertThat(target.read().blocked()).isEqualTo(set("192.0.2.1/32", "192.0.2.2/32"));
  }

  @Test
  void apply_shouldRewriteTheSet_whenItHoldsAnEntryGuardwallCannotRead() {
    target.apply(target.read(), cidrs("192.0.2.1/32"));
    addByHand("192.0.2.1/32", "not-a-cidr");
    TargetSnapshot read = target.read();

    target.apply(read, cidrs("192.0.2.1/32"));

    assertThat(read.blocked()).isEqualTo(set("192.0.2.1/32"));
    assertThat(get(ipv4Set()).ipSet().addresses()).containsExactly("192.0.2.1/32");
  }

  @Test
  void apply_shouldWriteEachFamilyASecondApart_whenBothChange() {
    Instant start = time.now();

    target.apply(target.read(), cidrs("192.0.2.1/32", "2001:db8::/64"));

    assertThat(Duration.between(start, time.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(target.read().blocked()).isEqualTo(set("192.0.2.1/32", "2001:db8::/64"));
  }

  @Test
  void apply_shouldCostTwoReadsAndOneWrite_whenABurstOf500NewAddressesArrives() {
    CallCounter calls = new CallCounter();
    Wafv2Client counted = calls.wrap(Wafv2Client.class, client());
    EnforcementPoint waf =
        WafIpSetTarget.open(
            counted, target.name(), WafIpSetTarget.MAX_ADDRESSES_PER_SET, time.pacer());
    List<Cidr> burst =
        IntStream.range(0, 500)
            .mapToObj(i -> Cidr.parse("198.51." + (i / 250) + "." + (i % 250) + "/32"))
            .toList();

    waf.apply(waf.read(), burst);

    assertThat(calls.count("getIPSet")).isEqualTo(2);
    assertThat(calls.count("updateIPSet")).isEqualTo(1);
    assertThat(waf.read().blocked()).hasSize(500);
  }

  @Test
  void apply_shouldHoldTenThousandCidrsPerFamily_whenTheRoomIsTheDefault() {
    EnforcementPoint waf =
        WafIpSetTarget.open(client(), target.name(), Integer.MAX_VALUE, time.pacer());
    TargetSnapshot empty = waf.read();
    List<Cidr> full =
        IntStream.range(0, WafIpSetTarget.MAX_ADDRESSES_PER_SET)
            .mapToObj(i -> Cidr.parse("45." + (i / 256) + "." + (i % 256) + ".1/32"))
            .toList();

    waf.apply(empty, full);

    assertThat(empty.budget().fits(10_000, 10_000)).isTrue();
    assertThat(empty.budget().fits(10_001, 0)).isFalse();
    assertThat(waf.read().blocked()).hasSize(10_000);
  }

  private WafIpSetArn ipv4Set() {
    return WafIpSetArn.parse(target.name().split(",")[0]);
  }

  private void addByHand(String... addresses) {
    putByHand(ipv4Set(), addresses);
  }

  private static void putByHand(WafIpSetArn arn, String... addresses) {
    client()
        .updateIPSet(
            r ->
                r.name(arn.name())
                    .scope(arn.scope())
                    .id(arn.id())
                    .addresses(addresses)
                    .lockToken(get(arn).lockToken()));
  }

  private static GetIpSetResponse get(WafIpSetArn arn) {
    return client().getIPSet(r -> r.name(arn.name()).scope(arn.scope()).id(arn.id()));
  }

  private static String create(String name, Scope scope, IPAddressVersion family) {
    return client()
        .createIPSet(
            r ->
                r.name(name)
                    .scope(scope)
                    .ipAddressVersion(family)
                    .addresses(List.of())
                    .description("created by the test"))
        .summary()
        .arn();
  }

  private static synchronized Wafv2Client client() {
    if (client == null) {
      client =
          MotoServer.client(
              Wafv2Client.builder()
                  .overrideConfiguration(c -> c.addExecutionInterceptor(THROTTLER)));
    }
    return client;
  }

  /** Fails the next call as WAF's throttling does, when told to. */
  private static final class Throttler implements ExecutionInterceptor {
    volatile boolean next;

    @Override
    public void beforeExecution(
        Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
      if (next) {
        next = false;
        throw Wafv2Exception.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ThrottlingException")
                    .errorMessage("Rate exceeded")
                    .build())
            .build();
      }
    }
  }
}
