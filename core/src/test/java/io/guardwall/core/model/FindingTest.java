package io.guardwall.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {

  private static Finding.Builder minimal() {
    return Finding.builder()
        .id("f-1")
        .type("Recon:EC2/Portscan")
        .severity(Severity.ofScore(5))
        .origin(Origin.GUARDDUTY);
  }

  @Test
  void build_shouldDefaultToNothingKnown_whenOnlyTheRequiredPartsAreSet() {
    Finding f = minimal().build();

    assertThat(f.resourceFacts()).isEqualTo(ResourceFacts.unknown());
    assertThat(f.remoteIps()).isEmpty();
    assertThat(f.warnings()).isEmpty();
    assertThat(f.archived()).isFalse();
    assertThat(f.accountId()).isNull();
  }

  @Test
  void build_shouldRejectAsTheConstructorDoes_whenTheTypeIsBlank() {
    assertThatThrownBy(() -> minimal().type(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("finding type missing");
    assertThatThrownBy(() -> minimal().origin(null).build()).hasMessage("origin");
  }

  @Test
  void build_shouldRejectIt_whenAListIsNull() {
    assertThatThrownBy(() -> minimal().remoteIps(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> minimal().warnings(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void build_shouldPutEachPartWhereItIsNamed_whenEverythingIsSet() {
    Finding f = minimal().accountId("111122223333").region("eu-west-1").arn("arn:x").build();

    assertThat(f.accountId()).isEqualTo("111122223333");
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.arn()).isEqualTo("arn:x");
  }
}
