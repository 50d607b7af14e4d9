package io.guardwall.infra;

import io.guardwall.aws.RuleGroupArn;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.text.Excerpt;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.Architecture;

/**
 * The settings of a {@link GuardwallConstruct}, validated when built; immutable and thread-safe.
 * Build with {@link #builder()}; every setting has the README's default. The functions'
 * configuration is one {@link GuardwallConfig}; the rest says where the construct puts things.
 */
public final class GuardwallProps {

  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
  static final Pattern RULE_GROUP_NAME = Pattern.compile("[A-Za-z0-9-]{1,128}");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final Pattern SCHEDULE = Pattern.compile("(rate|cron)\\(.+\\)");
  // AWS::Chatbot::SlackChannelConfiguration's patterns.
  private static final Pattern SLACK_WORKSPACE_ID = Pattern.compile("[0-9A-Z]{1,255}");
  private static final Pattern SLACK_CHANNEL_ID = Pattern.compile("[A-Za-z0-9]{1,256}");

  private final GuardwallConfig config;
  private final @Nullable String ruleGroupArn;
  private final String ruleGroupName;
  private final @Nullable String slackSecretName;
  private final String maintenanceSchedule;
  private final @Nullable String alarmTopicArn;
  private final @Nullable ChatbotChannel chatbotChannel;
  private final Path lambdaJar;
  private final Architecture architecture;
  private final QueueSettings queue;
  private final EnforcementSettings enforcement;
  private final SlackInteractivity slackInteractivity;

  private GuardwallProps(Builder b) {
    this.config = b.config;
    this.ruleGroupArn = b.ruleGroupArn;
    this.ruleGroupName = b.ruleGroupName;
    this.slackSecretName = b.slackSecretName;
    this.maintenanceSchedule = b.maintenanceSchedule;
    this.alarmTopicArn = b.alarmTopicArn;
    String workspace = b.chatbotWorkspaceId;
    String channel = b.chatbotChannelId;
    this.chatbotChannel =
        workspace == null || channel == null ? null : new ChatbotChannel(workspace, channel);
    this.lambdaJar = b.lambdaJar;
    this.architecture = b.architecture;
    this.queue = b.queue;
    this.enforcement = b.enforcement;
    this.slackInteractivity = b.slackInteractivity;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings the functions run with. */
  public GuardwallConfig config() {
    return config;
  }

  /** The rule group to write to; empty when the construct creates one. */
  public Optional<String> existingRuleGroupArn() {
    return Optional.ofNullable(ruleGroupArn);
  }

  /** The capacity of the rule group the construct creates: the configuration's. */
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

  /** The existing SNS topic the alarms notify; empty when the construct creates one. */
  public Optional<String> alarmTopicArn() {
    return Optional.ofNullable(alarmTopicArn);
  }

  /** The Slack channel AWS Chatbot posts the alarm topic to; empty for no Chatbot channel. */
  public Optional<ChatbotChannel> chatbotChannel() {
    return Optional.ofNullable(chatbotChannel);
  }

  /** The shaded jar of the Lambda handlers. */
  public Path lambdaJar() {
    return lambdaJar;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** How the queue function consumes the event queue. */
  public QueueSettings queue() {
    return queue;
  }

  /** Which enforcement points the construct creates and the functions write. */
  public EnforcementSettings enforcement() {
    return enforcement;
  }

  /** Whether the Slack interaction endpoint is deployed and the digests carry buttons. */
  public SlackInteractivity slackInteractivity() {
    return slackInteractivity;
  }

  /**
   * A Slack channel of a workspace already authorized in the AWS Chatbot console; immutable.
   *
   * @param workspaceId the workspace (team) id, such as {@code T07ABCDEFGH}
   * @param channelId the channel id, such as {@code C07ABCDEFGH}
   */
  public record ChatbotChannel(String workspaceId, String channelId) {
    public ChatbotChannel {
      Objects.requireNonNull(workspaceId, "chatbotSlackWorkspaceId");
      Objects.requireNonNull(channelId, "chatbotSlackChannelId");
    }
  }

  /** Collects settings; {@link #build()} validates them all. Not thread-safe. */
  public static final class Builder {
    private GuardwallConfig config = GuardwallConfig.defaults();
    private @Nullable String ruleGroupArn;
    private String ruleGroupName = "guardwall-blocklist";
    private @Nullable String slackSecretName;
    private String maintenanceSchedule = "rate(15 minutes)";
    private @Nullable String alarmTopicArn;
    private @Nullable String chatbotWorkspaceId;
    private @Nullable String chatbotChannelId;
    private Path lambdaJar = Path.of("lambda", "target", "guardwall-lambda.jar");
    private Architecture architecture = Architecture.ARM_64;
    private QueueSettings queue = QueueSettings.defaults();
    private EnforcementSettings enforcement = EnforcementSettings.statelessOnly();
    private SlackInteractivity slackInteractivity = SlackInteractivity.off();

    private Builder() {}

    /** Writes to this existing stateless rule group instead of creating one. */
    public Builder existingRuleGroupArn(String arn) {
      this.ruleGroupArn = arn;
      return this;
    }

    /** The name of the rule group to create (default guardwall-blocklist). */
    public Builder ruleGroupName(String name) {
      this.ruleGroupName = name;
      return this;
    }

    /**
     * The configuration the functions run with (default {@link GuardwallConfig#defaults()}). Its
     * firewall settings also give the created rule group's capacity and guardwall's two rule
     * priorities. Read one with {@code ConfigReader}: from a file, from JSON text, or key by key.
     */
    public Builder config(GuardwallConfig config) {
      this.config = config;
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

    /** An existing SNS topic for the alarms; else an encrypted topic is created. */
    public Builder alarmTopicArn(String arn) {
      this.alarmTopicArn = arn;
      return this;
    }

    /** The Slack workspace of the AWS Chatbot channel; give the channel id too. */
    public Builder chatbotSlackWorkspaceId(String workspaceId) {
      this.chatbotWorkspaceId = workspaceId;
      return this;
    }

    /** The Slack channel AWS Chatbot posts the alarm topic to; give the workspace id too. */
    public Builder chatbotSlackChannelId(String channelId) {
      this.chatbotChannelId = channelId;
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

    /** How the queue function consumes the event queue (default {@link QueueSettings#defaults}). */
    public Builder queue(QueueSettings queue) {
      this.queue = queue;
      return this;
    }

    /** Which enforcement points (default: only the stateless rule group). */
    public Builder enforcement(EnforcementSettings enforcement) {
      this.enforcement = enforcement;
      return this;
    }

    /** The Slack interaction endpoint (default {@link SlackInteractivity#off()}). */
    public Builder slackInteractivity(SlackInteractivity interactivity) {
      this.slackInteractivity = interactivity;
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
      requireMatch(chatbotWorkspaceId, SLACK_WORKSPACE_ID, "chatbotSlackWorkspaceId");
      requireMatch(chatbotChannelId, SLACK_CHANNEL_ID, "chatbotSlackChannelId");
      if ((chatbotWorkspaceId == null) != (chatbotChannelId == null)) {
        throw new IllegalArgumentException(
            "chatbotSlackWorkspaceId and chatbotSlackChannelId go together: give both or neither");
      }
      requireMatch(
          Objects.requireNonNull(maintenanceSchedule, "maintenanceSchedule"),
          SCHEDULE,
          "maintenanceSchedule");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(lambdaJar, "lambdaJar");
      Objects.requireNonNull(architecture, "architecture");
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(enforcement, "enforcement");
      Objects.requireNonNull(slackInteractivity, "slackInteractivity");
      if (ruleGroupArn != null && !enforcement.statelessRuleGroup()) {
        throw new IllegalArgumentException(
            "ruleGroupArn names a stateless rule group, but statelessRuleGroup is false: give one");
      }
      return new GuardwallProps(this);
    }

    /** The ARN as the adapter will read it (trimmed); a token as it is. */
    private static @Nullable String ruleGroupArn(@Nullable String value) {
      if (value == null || !isKnown(value)) {
        return value;
      }
      try {
        return RuleGroupArn.parse(value).value();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("existingRuleGroupArn: " + e.getMessage(), e);
      }
    }

    private static void requireMatch(@Nullable String value, Pattern pattern, String name) {
      if (value != null && isKnown(value) && !pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(
            name + " must match " + pattern.pattern() + ": " + Excerpt.of(value));
      }
    }

    // A token (a reference to another resource) is only known at deploy time.
    private static boolean isKnown(String value) {
      return !Token.isUnresolved(value);
    }
  }
}
