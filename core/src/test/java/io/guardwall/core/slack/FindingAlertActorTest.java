package io.guardwall.core.slack;

import static io.guardwall.core.slack.SlackFixtures.finding;
import static io.guardwall.core.slack.SlackFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A finding alert shows the policy's note that the workload is the actor, escaped; what the note
 * says is the policy's (ThreatSidesTest, RunVictimTest).
 */
class FindingAlertActorTest {

  private final SlackMessages messages = new SlackMessages("./guardwall unblock");

  private List<String> alertTexts(Optional<String> actorNote) {
    return texts(messages.findingAlert(finding().build(), actorNote, List.of()).payload());
  }

  @Test
  void findingAlert_shouldWarnWithTheActorNoteEscaped_whenThereIsOne() {
    assertThat(alertTexts(Optional.of("The workload is the actor. Consider isolating <b> & co.")))
        .contains(":warning: The workload is the actor. Consider isolating &lt;b&gt; &amp; co.");
  }

  @Test
  void findingAlert_shouldAddNoActorLine_whenThereIsNoNote() {
    assertThat(alertTexts(Optional.empty())).noneMatch(t -> t.contains("actor"));
  }
}
