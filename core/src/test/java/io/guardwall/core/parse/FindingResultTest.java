package io.guardwall.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Finding;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingResultTest {

  private static Finding finding() {
    return new Finding(
        "f1",
        null,
        "Recon:EC2/PortProbeUnprotectedPort",
        Severity.ofScore(2),
        null,
        null,
        "111122223333",
        "us-east-1",
        "GuardDuty",
        Origin.GUARDDUTY,
        null,
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  @Test
  void ok_shouldCopyIdAndType_whenGivenAFinding() {
    FindingResult result = FindingResult.ok(finding());

    assertThat(result.isValid()).isTrue();
    assertThat(result.id()).isEqualTo("f1");
    assertThat(result.type()).isEqualTo("Recon:EC2/PortProbeUnprotectedPort");
    assertThat(result.error()).isNull();
  }

  @Test
  void invalid_shouldKeepWhatWasRead_whenGivenAnError() {
    FindingResult result =
        FindingResult.invalid(null, "Recon:EC2/Portscan", "finding #1: id missing");

    assertThat(result.isValid()).isFalse();
    assertThat(result.finding()).isNull();
    assertThat(result.id()).isNull();
    assertThat(result.type()).isEqualTo("Recon:EC2/Portscan");
  }

  @Test
  void constructor_shouldRefuse_whenBothOrNeitherOfFindingAndError() {
    assertThatThrownBy(() -> new FindingResult(finding(), "f1", finding().type(), "boom"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FindingResult(null, "f1", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FindingResult.invalid("f1", null, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FindingResult.invalid("f1", null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FindingResult.ok(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void constructor_shouldRefuse_whenIdOrTypeDifferFromTheFinding() {
    assertThatThrownBy(() -> new FindingResult(finding(), "other", finding().type(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FindingResult(finding(), "f1", "Other:Type", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
