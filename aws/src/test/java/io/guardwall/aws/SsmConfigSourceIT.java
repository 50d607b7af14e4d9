package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

@ExtendWith(MotoServer.class)
class SsmConfigSourceIT {
  private static final String NAME = "/guardwall/config";
  private static final String CONFIG =
      "{\"blockDuration\": \"PT6H\", \"notifyThreshold\": \"HIGH\","
          + " \"allowList\": [\"203.0.113.0/24\"]}";

  private final SsmClient client = MotoServer.ssm();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

  @Test
  void config_shouldReadConfiguration_whenParameterIsString() {
    parameter(CONFIG, ParameterType.STRING);

    GuardwallConfig config = source().config();

    assertThat(config.blockDuration()).isEqualTo(Duration.ofHours(6));
    assertThat(config.notifyThreshold()).isEqualTo(SeverityLevel.HIGH);
    assertThat(config.allowList()).hasSize(1);
    assertThat(config.notificationMemory())
        .isEqualTo(GuardwallConfig.defaults().notificationMemory());
  }

  @Test
  void config_shouldDecrypt_whenParameterIsSecureString() {
    parameter(CONFIG, ParameterType.SECURE_STRING);

    assertThat(source().config().blockDuration()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void config_shouldReturnDefaults_whenParameterIsEmptyObject() {
    parameter("{}", ParameterType.STRING);

    assertThat(source().config()).isEqualTo(GuardwallConfig.defaults());
  }

  @Test
  void config_shouldFailNamingParameter_whenParameterMissing() {
    assertThatThrownBy(() -> source().config())
        .isInstanceOf(ConfigException.class)
        .hasMessage("SSM parameter '" + NAME + "': not found in SSM Parameter Store");
  }

  @Test
  void config_shouldFailNamingParameter_whenJsonInvalid() {
    parameter("{\"blockDuration\": ", ParameterType.STRING);

    assertThatThrownBy(() -> source().config())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SSM parameter '" + NAME + "': not valid JSON");
  }

  @Test
  void config_shouldFailNamingParameterAndKey_whenKeyUnknown() {
    parameter("{\"blockDurations\": \"PT1H\"}", ParameterType.STRING);

    assertThatThrownBy(() -> source().config())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SSM parameter '" + NAME + "': ")
        .hasMessageContaining("'blockDurations'")
        .hasMessageContaining("unknown key");
  }

  @Test
  void config_shouldFailNamingParameterAndKey_whenValueHasWrongType() {
    parameter("{\"blockDuration\": 12}", ParameterType.STRING);

    assertThatThrownBy(() -> source().config())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("'blockDuration'");
  }

  @Test
  void config_shouldFail_whenJsonIsNotAnObject() {
    parameter("[\"PT1H\"]", ParameterType.STRING);

    assertThatThrownBy(() -> source().config())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void config_shouldNotCallSsm_whenReadAgainWithinCachePeriod() {
    parameter(CONFIG, ParameterType.STRING);
    CallCounter calls = new CallCounter();
    SsmConfigSource source =
        new SsmConfigSource(
            calls.wrap(SsmClient.class, client), NAME, Duration.ofMinutes(5), now::get);

    GuardwallConfig first = source.config();
    client.deleteParameter(b -> b.name(NAME));

    assertThat(source.config()).isSameAs(first);
    assertThat(calls.count("getParameter")).isEqualTo(1);
    now.set(now.get().plus(Duration.ofMinutes(5)));
    assertThatThrownBy(source::config).hasMessageContaining("not found");
  }

  private void parameter(String value, ParameterType type) {
    client.putParameter(b -> b.name(NAME).value(value).type(type));
  }

  private SsmConfigSource source() {
    return new SsmConfigSource(client, NAME, SsmConfigSource.DEFAULT_CACHE_TTL, now::get);
  }
}
