package io.guardwall.infra;

import io.guardwall.aws.DynamoDbSchema;
import io.guardwall.core.route.EventPatterns;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * guardwall in one construct: the blocklist and notification-log tables, the enforcement points
 * (the stateless rule group or an existing one; if asked for, managed prefix lists with a stateful
 * rule group and a RAM share, and WAF IP sets with a WAF rule group), the EventBridge rule built
 * from the same pattern files the local router uses, the event queue and its dead-letter queue, the
 * queue function that consumes it in batches, the scheduled maintenance state machine, the alarms
 * and their topic. Drop it into any CDK app; not thread-safe (construct trees are not).
 */
public class GuardwallConstruct extends Construct {

  /**
   * Lambda's guidance: a visibility timeout of at least six times the function's timeout (room to
   * retry a throttled batch), plus the batching window, during which messages are already taken.
   */
  static final int VISIBILITY_TIMEOUT_FACTOR = 6;

  private final GuardwallProps props;
  private final Table table;
  private final Table notificationsTable;
  private final EnforcementTargets targets;
  private final ISecret slackSecret;
  private final Queue deadLetterQueue;
  private final Queue eventQueue;
  private final @Nullable SlackEndpoint slackEndpoint;
  private final Map<Task, Alias> functions;
  private final @Nullable FunctionUrl slackUrl;
  private final StateMachine maintenanceStateMachine;
  private final ITopic alarmTopic;
  private final List<Alarm> alarms;

  public GuardwallConstruct(Construct scope, String id, GuardwallProps props) {
    super(scope, id);
    this.props = props;
    this.table = createTable();
    this.notificationsTable = createNotificationsTable();
    this.targets = createTargets();
    this.slackSecret = createSlackSecret();
    this.deadLetterQueue = createDeadLetterQueue();
    this.eventQueue = createEventQueue();
    this.slackEndpoint =
        props.slackInteractivity().enabled()
            ? SlackEndpoint.create(this, eventQueue, props.slackInteractivity())
            : null;
    this.functions = createFunctions();
    this.slackUrl = slackEndpoint == null ? null : SlackEndpoint.url(function(Task.INTERACTION));
    consumeEventQueue();
    this.maintenanceStateMachine = Flows.maintenance(this, functions);
    createRules();
    this.alarmTopic = createAlarmTopic();
    this.alarms = createAlarms();
  }

  /** The blocklist table. */
  public ITable getTable() {
    return table;
  }

  /** The notification log's table: a table of its own, so a reconcile never reads it. */
  public ITable getNotificationsTable() {
    return notificationsTable;
  }

  /**
   * The stateless rule group guardwall writes its two rules to; attach it to your firewall policy.
   * Empty when {@code statelessRuleGroup} is off.
   */
  public Optional<String> getRuleGroupArn() {
    return Optional.ofNullable(targets.ruleGroupArn());
  }

  /**
   * The stateful rule group that drops traffic to and from guardwall's prefix lists; add it to your
   * firewall policy. Empty unless {@code prefixLists} is on.
   */
  public Optional<String> getStatefulRuleGroupArn() {
    return Optional.ofNullable(targets.prefixLists())
        .map(lists -> lists.ruleGroup().getAttrRuleGroupArn());
  }

  /** The ARNs of guardwall's prefix lists (IPv4, IPv6); empty unless {@code prefixLists} is on. */
  public List<String> getPrefixListArns() {
    return Optional.ofNullable(targets.prefixLists()).map(PrefixLists::arns).orElse(List.of());
  }

  /** The WAF rule group to add to a web ACL; empty unless {@code wafScope} is set. */
  public Optional<String> getWafRuleGroupArn() {
    return Optional.ofNullable(targets.waf()).map(waf -> waf.ruleGroup().getAttrArn());
  }

  /** The secret whose value is the Slack incoming-webhook URL. */
  public ISecret getSlackSecret() {
    return slackSecret;
  }

  /** The URL Slack posts button clicks to; empty unless {@code slackInteractive}. */
  public Optional<String> getSlackInteractivityUrl() {
    return Optional.ofNullable(slackUrl).map(FunctionUrl::getUrl);
  }

  /** The secret to fill with the Slack app's signing secret; empty unless interactive. */
  public Optional<ISecret> getSlackSigningSecret() {
    return Optional.ofNullable(slackEndpoint).map(SlackEndpoint::signingSecret);
  }

  /** The queue the EventBridge rule delivers finding events to. */
  public IQueue getEventQueue() {
    return eventQueue;
  }

  /**
   * Where messages go that the queue function failed {@code queueMaxReceiveCount} times, and the
   * events EventBridge could not deliver at all.
   */
  public IQueue getDeadLetterQueue() {
    return deadLetterQueue;
  }

  public StateMachine getMaintenanceStateMachine() {
    return maintenanceStateMachine;
  }

  /** The {@code live} alias of the function that consumes the event queue. */
  public IFunction getQueueFunction() {
    return function(Task.QUEUE);
  }

  /** The {@code live} alias of the maintenance run's reconcile function. */
  public IFunction getReconcileFunction() {
    return function(Task.RECONCILE);
  }

  private Alias function(Task task) {
    return Objects.requireNonNull(functions.get(task), "every task has a function");
  }

  /** The SNS topic every alarm notifies, created or given. */
  public ITopic getAlarmTopic() {
    return alarmTopic;
  }

  public List<Alarm> getAlarms() {
    return alarms;
  }

  private Table createTable() {
    // The blocklist is the desired state: keep it when the stack goes.
    Table table = table("Blocklist", RemovalPolicy.RETAIN);
    // The audit trail's records, in time order: history queries it instead of scanning the table.
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(DynamoDbSchema.AUDIT_INDEX)
            .partitionKey(
                Attribute.builder()
                    .name(DynamoDbSchema.AUDIT_LOG)
                    .type(AttributeType.STRING)
                    .build())
            .sortKey(
                Attribute.builder()
                    .name(DynamoDbSchema.AUDIT_AT)
                    .type(AttributeType.NUMBER)
                    .build())
            .projectionType(ProjectionType.ALL)
            .build());
    return table;
  }

  private Table createNotificationsTable() {
    // Only remembers what was alerted: losing it with the stack costs at most repeated alerts.
    return table("Notifications", RemovalPolicy.DESTROY);
  }

  private Table table(String id, RemovalPolicy removal) {
    return Table.Builder.create(this, id)
        .partitionKey(
            Attribute.builder()
                .name(DynamoDbSchema.PARTITION_KEY)
                .type(AttributeType.STRING)
                .build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(
            PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
        .encryption(TableEncryption.AWS_MANAGED)
        .timeToLiveAttribute(DynamoDbSchema.TTL_ATTRIBUTE)
        .removalPolicy(removal)
        .build();
  }

  private EnforcementTargets createTargets() {
    EnforcementSettings e = props.enforcement();
    return new EnforcementTargets(
        e.statelessRuleGroup() ? createRuleGroup() : null,
        e.prefixLists() ? PrefixLists.create(this, e) : null,
        e.waf().map(scope -> WafRules.create(this, scope)).orElse(null));
  }

  private String createRuleGroup() {
    return props
        .existingRuleGroupArn()
        .orElseGet(() -> RuleGroups.create(this, props).getAttrRuleGroupArn());
  }

  private ISecret createSlackSecret() {
    return props
        .slackSecretName()
        .map(name -> Secret.fromSecretNameV2(this, "SlackWebhook", name))
        .orElseGet(
            () -> {
              Secret secret =
                  secretToFillIn(this, "SlackWebhook", "the Slack incoming-webhook URL");
              NagFindings.webhookCannotRotate(secret);
              return secret;
            });
  }

  /** A secret created without a usable value: the user puts {@code what} in after deploy. */
  static Secret secretToFillIn(Construct scope, String id, String what) {
    return Secret.Builder.create(scope, id)
        .description("guardwall: " + what + "; replace this value after deploy")
        .build();
  }

  private Queue createDeadLetterQueue() {
    Queue queue =
        Queue.Builder.create(this, "DeadLetterQueue")
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14))
            .build();
    NagFindings.isDeadLetterQueue(queue);
    return queue;
  }

  private Queue createEventQueue() {
    QueueSettings q = props.queue();
    int visibility =
        VISIBILITY_TIMEOUT_FACTOR * Task.QUEUE.timeoutSeconds() + q.batchWindowSeconds();
    return Queue.Builder.create(this, "EventQueue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .visibilityTimeout(Duration.seconds(visibility))
        .retentionPeriod(Duration.days(4))
        .deadLetterQueue(
            DeadLetterQueue.builder()
                .queue(deadLetterQueue)
                .maxReceiveCount(q.maxReceiveCount())
                .build())
        .build();
  }

  private Map<Task, Alias> createFunctions() {
    // An imported secret's ARN lacks the random suffix; its name is what GetSecretValue takes.
    String secretId = props.slackSecretName().orElseGet(slackSecret::getSecretArn);
    Map<String, String> environment =
        FunctionEnvironment.of(
            table.getTableName(),
            notificationsTable.getTableName(),
            targets,
            secretId,
            props.config(),
            slackEndpoint);
    return new Functions(
            this,
            props,
            table,
            notificationsTable,
            targets,
            slackSecret,
            environment,
            slackEndpoint)
        .createAll();
  }

  private void consumeEventQueue() {
    QueueSettings q = props.queue();
    function(Task.QUEUE)
        .addEventSource(
            SqsEventSource.Builder.create(eventQueue)
                .batchSize(q.batchSize())
                .maxBatchingWindow(Duration.seconds(q.batchWindowSeconds()))
                .maxConcurrency(q.maxConcurrency())
                .reportBatchItemFailures(true)
                .build());
  }

  private void createRules() {
    Rules rules = new Rules(this, deadLetterQueue);
    // One rule for every route: an event two routes want is queued once, not twice.
    rules.onPattern(
        "EventsRule",
        "guardwall: findings to block or to notify, queued for the queue function",
        EventPatterns.anyRoute(props.config().notifyThreshold()),
        eventQueue);
    rules.onSchedule(
        "MaintenanceSchedule",
        "guardwall: prunes expired blocks and reconciles the firewall",
        props.maintenanceSchedule(),
        maintenanceStateMachine);
  }

  private ITopic createAlarmTopic() {
    String prefix = Alarms.namePrefix(this);
    ITopic topic = AlarmTopic.create(this, props, prefix);
    AlarmTopic.subscribe(topic, function(Task.ALERT_FAILURE), prefix);
    AlarmTopic.chatbot(this, props, topic);
    return topic;
  }

  private List<Alarm> createAlarms() {
    Alarms builder = new Alarms(this, alarmTopic, Alarms.namePrefix(this));
    builder.deadLetterQueueNotEmpty(deadLetterQueue);
    builder.eventQueueDelayed(eventQueue);
    functions.forEach(
        (task, alias) -> {
          builder.functionErrors(task.id(), alias.getVersion().getLambda());
          builder.functionThrottles(task.id(), alias.getVersion().getLambda());
        });
    builder.maintenanceNotSucceeding(maintenanceStateMachine, props.maintenanceSchedule());
    builder.capacityHigh();
    builder.entriesEvicted();
    builder.enforcementPointFailed();
    builder.slackNotConfigured();
    if (slackEndpoint != null) {
      builder.signatureFailures();
    }
    return builder.all();
  }
}
