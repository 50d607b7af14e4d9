package io.guardwall.infra;

import io.guardwall.aws.RuleGroupArn;
import io.guardwall.core.config.BlockWidth;
import io.guardwall.core.config.FirewallSettings;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.Architecture;

/**
 * The settings of a {@link GuardwallConstruct}, validated when built; immutable and thread-safe.
 * Build with {@link #builder()}; every setting has the README's default.
 */
public final class GuardwallProps {

  /** Network Firewall's largest stateless rule group capacity. */
  public static final int MAX_CAPACITY = 30_000;

  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
  private static final Pattern RULE_GROUP_NAME = Pattern.compile("[A-Za-z0-9-]{1,128}");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final Pattern SCHEDULE = Pattern.compile("(rate|cron)\\(.+\\)");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final GuardwallConfig config;
  private final String ruleGroupArn;
  private final String ruleGroupName;
  private final String slackSecretName;
  private final String maintenanceSchedule;
  private final String alarmTopicArn;
  private final Path lambdaJar;
  private final Architecture architecture;

  private GuardwallProps(Builder b) {
    this.config = b.config();
    this.ruleGroupArn = b.ruleGroupArn;
    this.ruleGroupName = b.ruleGroupName;
    this.slackSecretName = b.slackSecretName;
    this.maintenanceSchedule = b.maintenanceSchedule;
    this.alarmTopicArn = b.alarmTopicArn;
    this.lambdaJar = b.lambdaJar;
    this.architecture = b.architecture;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings the functions run with, in {@code ConfigReader}'s format. */
  public GuardwallConfig config() {
    return config;
  }

  /** The rule group to write to; empty when the construct creates one. */
  public Optional<String> existingRuleGroupArn() {
    return Optional.ofNullable(ruleGroupArn);
  }

  /** The capacity of the rule group the construct creates. */
  public int ruleGroupCapacity() {
    return config.firewall().capacity();
  }

  /** The name of the rule group the construct creates. */
  public String ruleGroupName() {
    return ruleGroupName;
  }

  /** The existing secret holding the Slack webhook URL; empty when the construct creates one. */
  public Optional<String> slackSecretName() {
    return Optional.ofNullable(slackSecretName);
  }

  /** The EventBridge schedule expression of the maintenance run. */
  public String maintenanceSchedule() {
    return maintenanceSchedule;
  }

  /** The SNS topic the alarms notify; empty for alarms without actions. */
  public Optional<String> alarmTopicArn() {
    return Optional.ofNullable(alarmTopicArn);
  }

  /** The shaded jar of the Lambda handlers. */
  public Path lambdaJar() {
    return lambdaJar;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** Collects settings; {@link #build()} validates them all. Not thread-safe. */
  public static final class Builder {
    private final GuardwallConfig defaults = GuardwallConfig.defaults();
    private Duration blockDuration = defaults.blockDuration();
    private SeverityLevel notifyThreshold = defaults.notifyThreshold();
    private SeverityLevel apiBlockThreshold = defaults.apiBlockThreshold();
    private List<String> allowList = List.of();
    private Set<String> accounts = Set.of();
    private boolean blockSamples = defaults.blockSamples();
    private boolean blockVictims = defaults.blockVictims();
    private Duration notificationMemory = defaults.notificationMemory();
    private int maxBlockWidthIpv4 = defaults.maxBlockWidth().ipv4();
    private int maxBlockWidthIpv6 = defaults.maxBlockWidth().ipv6();
    private int sourcePriority = defaults.firewall().sourcePriority();
    private int destinationPriority = defaults.firewall().destinationPriority();
    private int ruleGroupCapacity = defaults.firewall().capacity();
    private String ruleGroupArn;
    private String ruleGroupName = "guardwall-blocklist";
    private String slackSecretName;
    private String maintenanceSchedule = "rate(15 minutes)";
    private String alarmTopicArn;
    private Path lambdaJar = Path.of("lambda", "target", "guardwall-lambda.jar");
    private Architecture architecture = Architecture.ARM_64;

    private Builder() {}

    /** Writes to this existing stateless rule group instead of creating one. */
    public Builder existingRuleGroupArn(String arn) {
      this.ruleGroupArn = arn;
      return this;
    }

    /** The capacity of the rule group to create (default 10000, at most 30000). */
    public Builder ruleGroupCapacity(int capacity) {
      this.ruleGroupCapacity = capacity;
      return this;
    }

    /** The name of the rule group to create (default guardwall-blocklist). */
    public Builder ruleGroupName(String name) {
      this.ruleGroupName = name;
      return this;
    }

    /** The priority of the rule matching blocked sources (default 30000). */
    public Builder sourcePriority(int priority) {
      this.sourcePriority = priority;
      return this;
    }

    /** The priority of the rule matching blocked destinations (default 30100). */
    public Builder destinationPriority(int priority) {
      this.destinationPriority = priority;
      return this;
    }

    public Builder blockDuration(Duration duration) {
      this.blockDuration = duration;
      return this;
    }

    /** CIDRs never blocked, on top of the non-public ranges. */
    public Builder allowList(Collection<String> cidrs) {
      this.allowList = List.copyOf(cidrs);
      return this;
    }

    public Builder notifyThreshold(SeverityLevel level) {
      this.notifyThreshold = level;
      return this;
    }

    public Builder apiBlockThreshold(SeverityLevel level) {
      this.apiBlockThreshold = level;
      return this;
    }

    /** Accounts whose findings are accepted; empty (the default) accepts all. */
    public Builder accounts(Collection<String> accountIds) {
      this.accounts = new LinkedHashSet<>(accountIds);
      return this;
    }

    public Builder blockSamples(boolean block) {
      this.blockSamples = block;
      return this;
    }

    /** Whether remote addresses a finding does not name as the attacker block too. */
    public Builder blockVictims(boolean block) {
      this.blockVictims = block;
      return this;
    }

    public Builder notificationMemory(Duration duration) {
      this.notificationMemory = duration;
      return this;
    }

    /** The shortest IPv4 prefix length guardwall blocks (8-32, default 16). */
    public Builder maxBlockWidthIpv4(int prefixLength) {
      this.maxBlockWidthIpv4 = prefixLength;
      return this;
    }

    /** The shortest IPv6 prefix length guardwall blocks (16-128, default 48). */
    public Builder maxBlockWidthIpv6(int prefixLength) {
      this.maxBlockWidthIpv6 = prefixLength;
      return this;
    }

    /** An existing Secrets Manager secret holding the webhook URL; else a secret is created. */
    public Builder slackSecretName(String name) {
      this.slackSecretName = name;
      return this;
    }

    /** An EventBridge {@code rate(...)} or {@code cron(...)} expression. */
    public Builder maintenanceSchedule(String expression) {
      this.maintenanceSchedule = expression;
      return this;
    }

    public Builder alarmTopicArn(String arn) {
      this.alarmTopicArn = arn;
      return this;
    }

    public Builder lambdaJar(Path jar) {
      this.lambdaJar = jar;
      return this;
    }

    public Builder architecture(Architecture architecture) {
      this.architecture = architecture;
      return this;
    }

    /**
     * Validates every setting.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    public GuardwallProps build() {
      ruleGroupArn = ruleGroupArn(ruleGroupArn);
      requireMatch(alarmTopicArn, TOPIC_ARN, "alarmTopicArn");
      requireMatch(
          Objects.requireNonNull(ruleGroupName, "ruleGroupName"), RULE_GROUP_NAME, "ruleGroupName");
      requireMatch(slackSecretName, SECRET_NAME, "slackSecretName");
      requireMatch(
          Objects.requireNonNull(maintenanceSchedule, "maintenanceSchedule"),
          SCHEDULE,
          "maintenanceSchedule");
      accounts.forEach(a -> requireMatch(a, ACCOUNT, "accounts"));
      Objects.requireNonNull(lambdaJar, "lambdaJar");
      Objects.requireNonNull(architecture, "architecture");
      if (ruleGroupCapacity < 1 || ruleGroupCapacity > MAX_CAPACITY) {
        throw new IllegalArgumentException(
            "ruleGroupCapacity must be 1-" + MAX_CAPACITY + ": " + ruleGroupCapacity);
      }
      return new GuardwallProps(this);
    }

    private GuardwallConfig config() {
      FirewallSettings firewall = defaults.firewall();
      return new GuardwallConfig(
          blockDuration,
          notifyThreshold,
          apiBlockThreshold,
          allowList.stream().map(Builder::cidr).toList(),
          accounts,
          blockSamples,
          blockVictims,
          notificationMemory,
          new FirewallSettings(
              sourcePriority,
              destinationPriority,
              firewall.customActionName(),
              firewall.metricDimension(),
              ruleGroupCapacity),
          new BlockWidth(maxBlockWidthIpv4, maxBlockWidthIpv6));
    }

    private static Cidr cidr(String text) {
      try {
        return Cidr.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("allowList: " + e.getMessage(), e);
      }
    }

    /** The ARN as the adapter will read it (trimmed); a token as it is. */
    private static String ruleGroupArn(String value) {
      if (!isKnown(value)) {
        return value;
      }
      try {
        return RuleGroupArn.parse(value).value();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("existingRuleGroupArn: " + e.getMessage(), e);
      }
    }

    private static void requireMatch(String value, Pattern pattern, String name) {
      if (isKnown(value) && !pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(
            name + " must match " + pattern.pattern() + ": " + abbreviate(value));
      }
    }

    // A token (a reference to another resource) is only known at deploy time.
    private static boolean isKnown(String value) {
      return value != null && !Token.isUnresolved(value);
    }

    private static String abbreviate(String value) {
      return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
  }
}
