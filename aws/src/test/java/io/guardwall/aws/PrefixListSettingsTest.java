package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrefixListSettingsTest {

  @Test
  void defaults_shouldGrowToTheDefaultQuotaAndWaitTwoMinutes() {
    PrefixListSettings settings = PrefixListSettings.defaults();

    assertThat(settings.ceiling()).isEqualTo(1_000);
    assertThat(settings.maxPolls()).isEqualTo(120);
  }

  @Test
  void withCeiling_shouldRefuse_whenPastEc2sHardLimit() {
    assertThatThrownBy(() -> PrefixListSettings.defaults().withCeiling(5_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 5000: 5001");
  }

  @Test
  void new_shouldRefuse_whenTheDescriptionIsBlank() {
    PrefixListSettings d = PrefixListSettings.defaults();

    assertThatThrownBy(
            () -> new PrefixListSettings(" ", 10, d.pollInterval(), d.maxWait(), d.pause()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("description");
  }

  @Test
  void new_shouldRefuse_whenThePollIntervalIsZero() {
    PrefixListSettings d = PrefixListSettings.defaults();

    assertThatThrownBy(
            () -> new PrefixListSettings("guardwall", 10, Duration.ZERO, d.maxWait(), d.pause()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poll interval");
  }
}
