package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  @ParameterizedTest
  @CsvSource({"7, 7", "' 30 ', 30", "0, 0", "00012, 12", "99999999999999999999, 999999999"})
  void parse_shouldReadSeconds(String header, long seconds) {
    assertThat(RetryAfter.parse(Optional.of(header))).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-1", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", "7s", "٣"})
  void parse_shouldGiveUp_whenTheHeaderIsNotSeconds(String header) {
    assertThat(RetryAfter.parse(Optional.of(header))).isEmpty();
  }

  @Test
  void parse_shouldBeEmpty_whenThereIsNoHeader() {
    assertThat(RetryAfter.parse(Optional.empty())).isEmpty();
  }
}
