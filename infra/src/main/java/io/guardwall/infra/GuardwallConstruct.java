package io.guardwall.infra;

import io.guardwall.aws.DynamoDbSchema;
import io.guardwall.core.route.EventPatterns;
import io.guardwall.core.route.Route;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * guardwall in one construct: the blocklist table, the rule group (or an existing one), the
 * functions, the block, notify and maintenance state machines, the EventBridge rules built from the
 * same pattern files the local router uses, the dead-letter queue, the alarms and their topic. Drop
 * it into any CDK app; not thread-safe (construct trees are not).
 */
public class GuardwallConstruct extends Construct {

  private final GuardwallProps props;
  private final Table table;
  private final String ruleGroupArn;
  private final ISecret slackSecret;
  private final Queue deadLetterQueue;
  private final Map<Task, Alias> functions;
  private final StateMachine blockStateMachine;
  private final StateMachine notifyStateMachine;
  private final StateMachine maintenanceStateMachine;
  private final ITopic alarmTopic;
  private final List<Alarm> alarms;

  public GuardwallConstruct(Construct scope, String id, GuardwallProps props) {
    super(scope, id);
    this.props = props;
    this.table = createTable();
    this.ruleGroupArn = createRuleGroup();
    this.slackSecret = createSlackSecret();
    this.deadLetterQueue = createDeadLetterQueue();
    this.functions = createFunctions();
    this.blockStateMachine = Flows.block(this, functions);
    this.notifyStateMachine = Flows.notify(this, functions);
    this.maintenanceStateMachine = Flows.maintenance(this, functions);
    createRules();
    this.alarmTopic = createAlarmTopic();
    this.alarms = createAlarms();
  }

  public ITable getTable() {
    return table;
  }

  /** The rule group guardwall writes its two rules to; attach it to your firewall policy. */
  public String getRuleGroupArn() {
    return ruleGroupArn;
  }

  /** The secret whose value is the Slack incoming-webhook URL. */
  public ISecret getSlackSecret() {
    return slackSecret;
  }

  public IQueue getDeadLetterQueue() {
    return deadLetterQueue;
  }

  public StateMachine getBlockStateMachine() {
    return blockStateMachine;
  }

  public StateMachine getNotifyStateMachine() {
    return notifyStateMachine;
  }

  public StateMachine getMaintenanceStateMachine() {
    return maintenanceStateMachine;
  }

  /** The {@code live} alias of the single-writer reconciler function. */
  public IFunction getReconcileFunction() {
    return functions.get(Task.RECONCILE);
  }

  /** The SNS topic every alarm notifies, created or given. */
  public ITopic getAlarmTopic() {
    return alarmTopic;
  }

  public List<Alarm> getAlarms() {
    return alarms;
  }

  private Table createTable() {
    return Table.Builder.create(this, "Blocklist")
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
        // The blocklist is the desired state: keep it when the stack goes.
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
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
                  Secret.Builder.create(this, "SlackWebhook")
                      .description(
                          "guardwall: the Slack incoming-webhook URL; replace this value after"
                              + " deploy")
                      .build();
              NagFindings.webhookCannotRotate(secret);
              return secret;
            });
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

  private Map<Task, Alias> createFunctions() {
    // An imported secret's ARN lacks the random suffix; its name is what GetSecretValue takes.
    String secretId = props.slackSecretName().orElseGet(slackSecret::getSecretArn);
    Map<String, String> environment =
        FunctionEnvironment.of(table.getTableName(), ruleGroupArn, secretId, props.config());
    return new Functions(this, props, table, ruleGroupArn, slackSecret, environment).createAll();
  }

  private void createRules() {
    Rules rules = new Rules(this, deadLetterQueue);
    rules.onPattern(
        "BlockRule",
        "guardwall: findings whose remote addresses may be blocked",
        EventPatterns.load(Route.BLOCK, props.config().notifyThreshold()),
        blockStateMachine);
    rules.onPattern(
        "NotifyRule",
        "guardwall: findings at or above the notify threshold",
        EventPatterns.load(Route.NOTIFY, props.config().notifyThreshold()),
        notifyStateMachine);
    rules.onSchedule(
        "MaintenanceSchedule",
        "guardwall: prunes expired blocks and reconciles the firewall",
        props.maintenanceSchedule(),
        maintenanceStateMachine);
  }

  private ITopic createAlarmTopic() {
    String prefix = Alarms.namePrefix(this);
    ITopic topic = AlarmTopic.create(this, props, prefix);
    AlarmTopic.subscribe(topic, functions.get(Task.ALERT_FAILURE), prefix);
    AlarmTopic.chatbot(this, props, topic);
    return topic;
  }

  private List<Alarm> createAlarms() {
    Alarms builder = new Alarms(this, alarmTopic, Alarms.namePrefix(this));
    builder.deadLetterQueueNotEmpty(deadLetterQueue);
    functions.forEach(
        (task, alias) -> {
          builder.functionErrors(task.id(), alias.getVersion().getLambda());
          builder.functionThrottles(task.id(), alias.getVersion().getLambda());
        });
    builder.maintenanceNotSucceeding(maintenanceStateMachine, props.maintenanceSchedule());
    builder.capacityHigh();
    builder.entriesEvicted();
    builder.slackNotConfigured();
    return builder.all();
  }
}
