package io.guardwall.aws;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * guardwall's JSON configuration (the format {@link ConfigReader} reads) from an SSM parameter, a
 * String or a SecureString, cached. Thread-safe.
 */
public final class SsmConfigSource {

  /** How long a read configuration is used before the parameter is read again. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

  private final SsmClient client;
  private final String parameter;
  private final Cached<GuardwallConfig> config;

  SsmConfigSource(SsmClient client, String parameter, Duration ttl, InstantSource clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.parameter = Objects.requireNonNull(parameter, "parameter");
    this.config = new Cached<>(this::read, ttl, clock);
  }

  /**
   * The configuration in parameter {@code parameter} (a name or an ARN), through {@code client}.
   */
  public static SsmConfigSource create(SsmClient client, String parameter) {
    return new SsmConfigSource(client, parameter, DEFAULT_CACHE_TTL, InstantSource.system());
  }

  /**
   * The configuration in parameter {@code parameter}, through a default client (region, credentials
   * and endpoint from the environment, including {@code AWS_ENDPOINT_URL_SSM}).
   */
  public static SsmConfigSource create(String parameter) {
    return create(AwsClients.build(SsmClient.builder()), parameter);
  }

  /**
   * The configuration, read at most once per cache period.
   *
   * @throws ConfigException naming the parameter (and the key, when one is wrong)
   */
  public GuardwallConfig config() {
    return config.get();
  }

  @Override
  public String toString() {
    return "SsmConfigSource[parameter=" + parameter + "]";
  }

  private GuardwallConfig read() {
    String text = fetch();
    try {
      return ConfigReader.parse(text);
    } catch (ConfigException e) {
      throw problem(e.getMessage(), e);
    }
  }

  private String fetch() {
    try {
      return client.getParameter(b -> b.name(parameter).withDecryption(true)).parameter().value();
    } catch (ParameterNotFoundException e) {
      throw problem("not found in SSM Parameter Store", e);
    } catch (SdkException e) {
      throw problem("could not be read: " + e.getMessage(), e);
    }
  }

  private ConfigException problem(String what, Throwable cause) {
    return new ConfigException("SSM parameter '" + parameter + "': " + what, cause);
  }
}
