package io.guardwall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

  private static GuardwallConfig read(String json) throws Exception {
    return ConfigReader.read(new ObjectMapper().readTree(json));
  }

  @Test
  void read_shouldGiveDefaults_whenEmptyObject() throws Exception {
    assertThat(read("{}")).isEqualTo(GuardwallConfig.defaults());
    assertThat(GuardwallConfig.defaults().blockDuration()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void read_shouldApplyEveryKey() throws Exception {
    GuardwallConfig c =
        read(
            """
            {"blockDuration":"PT2H","notifyThreshold":"high","apiBlockThreshold":"LOW",
             "allowList":["203.0.113.0/24","2001:db8::/32"],"accounts":["111122223333"],
             "blockSamples":false,"blockVictims":true,"notificationMemory":"P1D",
             "firewall":{"sourcePriority":100,"destinationPriority":200,
                         "customActionName":"Blocked","metricDimension":"gw","capacity":500}}
            """);
    assertThat(c.blockDuration()).isEqualTo(Duration.ofHours(2));
    assertThat(c.notifyThreshold()).isEqualTo(SeverityLevel.HIGH);
    assertThat(c.allowList()).contains(Cidr.parse("2001:db8::/32"));
    assertThat(c.accepts("111122223333")).isTrue();
    assertThat(c.accepts("999999999999")).isFalse();
    assertThat(c.firewall()).isEqualTo(new FirewallSettings(100, 200, "Blocked", "gw", 500));
    assertThat(c.blockVictims()).isTrue();
    assertThat(GuardwallConfig.defaults().blockVictims()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"blockDurations\":\"PT1H\"}|'blockDurations': unknown key (known: accounts, allowList,",
        "{\"blockDuration\":\"12h\"}|'blockDuration': not an ISO-8601 duration",
        "{\"blockDuration\":\"-PT1H\"}|blockDuration must be positive",
        "{\"blockDuration\":\"P3650000D\"}|blockDuration must be at most P3650D (3650 days)",
        "{\"blockDuration\":\"PT2562047788015215H\"}|blockDuration must be at most P3650D",
        "{\"notificationMemory\":\"P3651D\"}|notificationMemory must be at most P3650D",
        "{\"blockDuration\":12}|'blockDuration': must be a string",
        "{\"notifyThreshold\":\"SEVERE\"}|'notifyThreshold': unknown severity label",
        "{\"allowList\":\"10.0.0.0/8\"}|'allowList': must be an array",
        "{\"allowList\":[\"10.0.0.1/8\"]}|'allowList[0]': not a network address",
        "{\"allowList\":null}|'allowList': must be an array, got null",
        "{\"accounts\":[1]}|'accounts[0]': must be a string, got 1",
        "{\"accounts\":[\"1111\"]}|accounts must be 12-digit AWS account IDs: 1111",
        "{\"notifyThreshold\":null}|'notifyThreshold': must be a string, got null",
        "{\"blockSamples\":\"true\"}|'blockSamples': must be true or false, got \"true\"",
        "{\"firewall\":{\"capacity\":\"500\"}}|'firewall.capacity': must be an integer, got \"500\"",
        "{\"firewall\":{\"capacity\":1.5}}|'firewall.capacity': must be an integer, got 1.5",
        "{\"firewall\":{\"capacity\":99999999999}}|'firewall.capacity': ",
        "{\"firewall\":{\"customActionName\":5}}|'firewall.customActionName': must be a string",
        "{\"firewall\":null}|'firewall': must be an object, got null",
        "{\"maxBlockWidth\":{\"ipv4\":7}}|'maxBlockWidth': ipv4 must be a prefix length from 8 to 32",
        "{\"maxBlockWidth\":{\"ipv6\":true}}|'maxBlockWidth.ipv6': must be an integer, got true",
        "{\"blockSamples\":\"yes\"}|'blockSamples': must be true or false",
        "{\"blockVictims\":null}|'blockVictims': must be true or false",
        "{\"firewall\":{\"capacity\":0}}|'firewall': capacity must be 1-30000",
        "{\"firewall\":{\"sourcePriority\":5,\"destinationPriority\":5}}|must differ",
        "{\"firewall\":{\"customActionName\":\"bad name\"}}|customActionName must be",
        "{\"firewall\":{\"colour\":1}}|'firewall.colour': unknown key (known: capacity, customAc",
        "{\"firewall\":[]}|'firewall': must be an object",
        "[]|must be a JSON object"
      })
  void read_shouldNameTheProblem_whenInvalid(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parse_shouldReject_whenAKeyIsGivenTwice() {
    assertThatThrownBy(
            () -> ConfigReader.parse("{\"blockDuration\":\"PT1H\",\"blockDuration\":\"PT2H\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("not valid JSON: Duplicate field 'blockDuration'");
  }

  @Test
  void readFile_shouldNameTheFile_whenNotJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> ConfigReader.read(file)).hasMessageContaining(file.toString());
  }

  @Test
  void readFile_shouldNameTheFile_whenMissing(@TempDir Path dir) {
    Path file = dir.resolve("missing.json");
    assertThatThrownBy(() -> ConfigReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void read_shouldAcceptLongestDuration() throws Exception {
    assertThat(read("{\"blockDuration\":\"P3650D\"}").blockDuration()).isEqualTo(Durations.MAX);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"blockDuration\":\"PT1H\"} }",
        "{} {\"blockDuration\":\"PT1H\"}",
        "{} x",
        "{} []"
      })
  void parse_shouldReject_whenTextFollowsTheObject(String text) {
    assertThatThrownBy(() -> ConfigReader.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("not valid JSON: ")
        .hasMessageContaining(" at line ");
  }

  @Test
  void readFile_shouldSayMissing_whenFileMissing(@TempDir Path dir) {
    Path file = dir.resolve("missing.json");
    assertThatThrownBy(() -> ConfigReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + file + ": no such file");
  }

  @Test
  void readFile_shouldAcceptByteOrderMark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.json");
    Files.write(file, ("\uFEFF{\"blockDuration\":\"PT1H\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(ConfigReader.read(file).blockDuration()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void readFile_shouldNameTheByte_whenNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.json");
    Files.write(file, "{\"accounts\":[\"\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ConfigReader.read(file))
        .hasMessage("config file " + file + ": not UTF-8: byte 0xE9 at byte offset 14 (line 1)");
  }

  @Test
  @Timeout(10)
  void readFile_shouldRefuseWithoutReading_whenDevice() {
    assertThatThrownBy(() -> ConfigReader.read(Path.of("/dev/zero")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file /dev/zero: not a regular file (a character device)");
  }
}
