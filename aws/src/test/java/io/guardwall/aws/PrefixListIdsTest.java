package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrefixListIdsTest {

  @Test
  void parse_shouldTakeIdsAndArnsInOrder() {
    PrefixListIds ids =
        PrefixListIds.parse(
            "pl-0123456789abcdef0, arn:aws:ec2:eu-west-1:123456789012:prefix-list/pl-00000000000000001");

    assertThat(ids.ids()).containsExactly("pl-0123456789abcdef0", "pl-00000000000000001");
  }

  @Test
  void parse_shouldRefuseNamingThePart_whenAPartIsNoPrefixList() {
    assertThatThrownBy(() -> PrefixListIds.parse("pl-0123456789abcdef0,sg-0123456789abcdef0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sg-0123456789abcdef0'");
  }

  @Test
  void parse_shouldRefuse_whenAListIsNamedTwice() {
    assertThatThrownBy(() -> PrefixListIds.parse("pl-0123456789abcdef0,pl-0123456789abcdef0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named twice");
  }

  @Test
  void parse_shouldRefuse_whenMoreThanFiveListsAreNamed() {
    String six =
        "pl-00000000000000001,pl-00000000000000002,pl-00000000000000003,"
            + "pl-00000000000000004,pl-00000000000000005,pl-00000000000000006";

    assertThatThrownBy(() -> PrefixListIds.parse(six))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 5 lists: 6");
  }

  @Test
  void parse_shouldRefuse_whenAPartIsEmpty() {
    assertThatThrownBy(() -> PrefixListIds.parse("pl-0123456789abcdef0,"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("''");
  }

  @Test
  void matches_shouldTellPrefixListSpecsFromOthers() {
    assertThat(PrefixListIds.matches("pl-0123456789abcdef0,pl-00000000000000001")).isTrue();
    assertThat(
            PrefixListIds.matches(
                "arn:aws:network-firewall:us-east-1:123456789012:stateless-rulegroup/x"))
        .isFalse();
  }
}
