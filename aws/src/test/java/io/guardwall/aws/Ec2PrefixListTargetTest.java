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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Ec2PrefixListTargetTest extends EnforcementPointContract {

  private static final String FOREIGN = "203.0.113.0/24";

  private final Ec2PrefixListStub stub = Ec2PrefixListStub.start().busyFor(1);
  private final List<Duration> pauses = new ArrayList<>();
  private String ipv4List = "";
  private String ipv6List = "";

  @Override
  protected EnforcementPoint newTarget(int room) {
    ipv4List = stub.createList(true, 4);
    ipv6List = stub.createList(false, 4);
    return open(ipv4List + "," + ipv6List, room);
  }

  @Override
  protected boolean throttleNextCall() {
    stub.throttleNext();
    return true;
  }

  @Override
  protected boolean addForeignEntry() {
    stub.addEntry(ipv4List, FOREIGN, "ops: office range");
    return true;
  }

  @Override
  protected boolean foreignEntryIntact() {
    return "ops: office range".equals(stub.entries(ipv4List).get(FOREIGN));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void apply_shouldSendCallsOfAtMostHundredEntries_when250EntriesChange() {
    target = open(ipv4List + "," + ipv6List, 1000);
    target.apply(target.read(), addresses(0, 250));

    target.apply(target.read(), addresses(1000, 250));

    assertThat(stub.modifies())
        .allSatisfy(m -> assertThat(m.added()).isLessThanOrEqualTo(100))
        .allSatisfy(m -> assertThat(m.removed()).isLessThanOrEqualTo(100));
    assertThat(stub.modifies().stream().mapToInt(Ec2PrefixListStub.Modify::added).sum())
        .isEqualTo(500);
    assertThat(target.read().blocked()).containsExactlyInAnyOrderElementsOf(addresses(1000, 250));
  }

  @Test
  void apply_shouldWaitForEachChange_whenTheListStaysModifyInProgress() {
    stub.busyFor(3);

    target.apply(target.read(), addresses(0, 5));

    // One resize (4 -> 8 entries) and one modify, each seen in progress on three looks.
    assertThat(pauses).hasSize(6).containsOnly(Duration.ofSeconds(1));
    assertThat(target.read().blocked()).containsExactlyInAnyOrderElementsOf(addresses(0, 5));
  }

  @Test
  void apply_shouldThrowRetryable_whenTheChangeStaysInProgressLongerThanTheWait() {
    stub.busyFor(1_000);

    assertThatThrownBy(() -> target.apply(target.read(), cidrs("192.0.2.1/32")))
        .isInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining(ipv4List)
        .hasMessageContaining("still being modified");
    assertThat(pauses).hasSize(120);
  }

  @Test
  void apply_shouldThrowConflictAndConvergeNextTime_whenAnotherWriterChangesTheListMidway() {
    target = open(ipv4List + "," + ipv6List, 1000);
    stub.interfereAfter(1);

    assertThatThrownBy(() -> target.apply(target.read(), addresses(0, 250)))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("PrefixListVersionMismatch");
    assertThat(target.read().blocked()).hasSize(100);

    target.apply(target.read(), addresses(0, 250));

    assertThat(target.read().blocked()).containsExactlyInAnyOrderElementsOf(addresses(0, 250));
    assertThat(stub.entries(ipv4List)).containsEntry("198.18.0.1/32", "another writer");
  }

  @Test
  void apply_shouldGrowMaxEntriesInACallOfItsOwn_whenTheListIsTooSmall() {
    target = open(ipv4List + "," + ipv6List, 1000);

    target.apply(target.read(), addresses(0, 150));

    assertThat(stub.maxEntries(ipv4List)).isEqualTo(200);
    assertThat(stub.counts().resizes()).isEqualTo(1);
    assertThat(stub.maxEntries(ipv6List)).isEqualTo(4);
  }

  @Test
  void apply_shouldGrowNoFurtherThanTheCeiling() {
    target = open(ipv4List + "," + ipv6List, 130);
    TargetSnapshot before = target.read();

    target.apply(before, addresses(0, 130));

    assertThat(before.budget().ipv4()).isEqualTo(130);
    assertThat(stub.maxEntries(ipv4List)).isEqualTo(130);
    assertThatThrownBy(() -> target.apply(target.read(), addresses(0, 131)))
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining("room for");
  }

  @Test
  void apply_shouldFillTheListsOfOneFamilyInOrder() {
    String second = stub.createList(true, 5);
    target = open(ipv4List + "," + second, 5);
    TargetSnapshot before = target.read();

    target.apply(before, addresses(0, 8));

    assertThat(before.budget().ipv4()).isEqualTo(10);
    assertThat(before.budget().ipv6()).isZero();
    assertThat(stub.entries(ipv4List)).containsOnlyKeys(values(addresses(0, 5)));
    assertThat(stub.entries(second)).containsOnlyKeys(values(addresses(5, 3)));
    assertThat(target.read().version()).matches(ipv4List + ":\\d+," + second + ":\\d+");
  }

  @Test
  void apply_shouldKeepEntriesInTheirList_whenAnEarlierListFreesRoom() {
    String second = stub.createList(true, 5);
    target = open(ipv4List + "," + second, 5);
    target.apply(target.read(), addresses(0, 8));
    List<Cidr> lessInTheFirst = new ArrayList<>(addresses(2, 6));

    target.apply(target.read(), lessInTheFirst);

    assertThat(stub.entries(second)).containsOnlyKeys(values(addresses(5, 3)));
    assertThat(stub.entries(ipv4List)).containsOnlyKeys(values(addresses(2, 3)));
  }

  @Test
  void apply_shouldThrowNamingTheListAndItsMessage_whenTheModifyFails() {
    stub.failNextModify("The rule group rg-1 cannot support 200 entries");

    assertThatThrownBy(() -> target.apply(target.read(), cidrs("192.0.2.1/32")))
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining(ipv4List)
        .hasMessageContaining("modify-failed")
        .hasMessageContaining("cannot support 200 entries");
  }

  @Test
  void apply_shouldFinishTheOtherLists_whenOneListsModifyFails() {
    String second = stub.createList(true, 5);
    target = open(ipv4List + "," + second, 5);
    stub.failNextModify("rejected");

    assertThatThrownBy(() -> target.apply(target.read(), addresses(0, 8)))
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining("modify-failed: rejected");

    // The lists are written side by side: whichever modify came first failed, the other landed.
    assertThat(List.of(stub.entries(ipv4List).size(), stub.entries(second).size()))
        .containsAnyOf(5, 3)
        .contains(0);
  }

  @Test
  void read_shouldThrowNamingTheList_whenTheListIsDeleted() {
    stub.state(ipv6List, "delete-complete", "");

    assertThatThrownBy(() -> target.read())
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining(ipv6List)
        .hasMessageContaining("delete-complete");
  }

  @Test
  void read_shouldThrowNamingTheList_whenTheListDoesNotExist() {
    target = open(ipv4List + ",pl-00000000000000bad", 8);

    assertThatThrownBy(() -> target.read())
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining("pl-00000000000000bad")
        .hasMessageContaining("InvalidPrefixListID.NotFound");
  }

  @Test
  void read_shouldReadEveryPage_whenTheEntriesSpanSeveralPages() {
    stub.pageSize(5);
    target = open(ipv4List + "," + ipv6List, 100);
    target.apply(target.read(), addresses(0, 23));
    stub.addEntry(ipv4List, FOREIGN, "ops");

    TargetSnapshot read = target.read();

    assertThat(read.blocked()).hasSize(23);
    assertThat(read.budget().ipv4()).isEqualTo(99);
  }

  @Test
  void read_shouldCountForeignEntriesAgainstTheRoom() {
    stub.addEntry(ipv4List, FOREIGN, "ops");
    stub.addEntry(ipv4List, "192.0.2.1/32", "guardwall-old");

    TargetSnapshot read = target.read();

    assertThat(read.blocked()).isEmpty();
    assertThat(read.budget().ipv4()).isEqualTo(ROOM - 2);
    assertThat(read.budget().ipv6()).isEqualTo(ROOM);
  }

  @Test
  void open_shouldRefuse_whenTheSpecIsNoPrefixList() {
    assertThatThrownBy(() -> open("sg-0123456789abcdef0", 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sg-0123456789abcdef0'");
  }

  private EnforcementPoint open(String spec, int ceiling) {
    return Ec2PrefixListTarget.open(
        stub.client(),
        spec,
        PrefixListSettings.defaults().withCeiling(ceiling).withPause(pauses::add));
  }

  /** {@code count} IPv4 /32s from the {@code first}th on, ascending. */
  private static List<Cidr> addresses(int first, int count) {
    return IntStream.range(first, first + count)
        .mapToObj(
            i -> Cidr.parse("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + "/32"))
        .sorted()
        .toList();
  }

  private static List<String> values(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::value).toList();
  }
}
