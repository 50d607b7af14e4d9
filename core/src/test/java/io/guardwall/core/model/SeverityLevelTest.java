package io.guardwall.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SeverityLevelTest {

  @ParameterizedTest
  @CsvSource({
    "0.5,INFORMATIONAL",
    "1.0,LOW",
    "3.9,LOW",
    "4.0,MEDIUM",
    "6.9,MEDIUM",
    "7.0,HIGH",
    "8.9,HIGH",
    "9.0,CRITICAL",
    "10.0,CRITICAL"
  })
  void ofGuardDutyScore_shouldMapBands(double score, SeverityLevel expected) {
    assertThat(SeverityLevel.ofGuardDutyScore(score)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(SeverityLevel.class)
  void ofGuardDutyScore_shouldCoverEachBandFromItsFloorToJustBelowTheNext(SeverityLevel level) {
    double top =
        level == SeverityLevel.CRITICAL
            ? SeverityLevel.MAX_GUARDDUTY_SCORE
            : Math.nextDown(SeverityLevel.values()[level.ordinal() + 1].guardDutyFloor());

    assertThat(SeverityLevel.ofGuardDutyScore(level.guardDutyFloor())).isEqualTo(level);
    assertThat(SeverityLevel.ofGuardDutyScore(top)).isEqualTo(level);
  }

  @Test
  void guardDutyFloor_shouldBeGuardDutysDocumentedBands() {
    assertThat(SeverityLevel.values())
        .extracting(SeverityLevel::guardDutyFloor)
        .containsExactly(0.0, 1.0, 4.0, 7.0, 9.0);
    assertThat(SeverityLevel.MAX_GUARDDUTY_SCORE).isEqualTo(10.0);
  }

  @Test
  void ofGuardDutyScore_shouldReject_whenOutOfRange() {
    assertThatThrownBy(() -> SeverityLevel.ofGuardDutyScore(11)).hasMessageContaining("0-10");
    assertThatThrownBy(() -> SeverityLevel.ofGuardDutyScore(Double.NaN))
        .hasMessageContaining("0-10");
    assertThatThrownBy(() -> SeverityLevel.ofGuardDutyScore(-0.1)).hasMessageContaining("0-10");
  }

  @Test
  void parse_shouldIgnoreCase_andRejectUnknownLabels() {
    assertThat(SeverityLevel.parse(" high ")).isEqualTo(SeverityLevel.HIGH);
    assertThatThrownBy(() -> SeverityLevel.parse("SEVERE")).hasMessageContaining("'SEVERE'");
    assertThatThrownBy(() -> SeverityLevel.parse(null)).hasMessageContaining("missing");
  }
}
