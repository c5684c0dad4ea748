package io.megaphone.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.UsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** twitter-v2 takes the CSV dialect settings (for its twarc-csv files) and checks them before Spark starts. */
class TwitterV2FormatSettingsTest {
  final TwitterV2Format f = new TwitterV2Format();

  @Test
  void csvDialectSettingsAreKnownAndChecked() {
    assertThat(f.settingKeys()).containsExactlyInAnyOrder("separator", "quote", "encoding");
    f.checkSettings("twitter-v2=x.csv", Map.of("separator", ";", "encoding", "windows-1252", "timezone", "UTC"));
    assertThatThrownBy(() -> f.checkSettings("twitter-v2=x.csv", Map.of("separator", ";;")))
        .isInstanceOf(UsageException.class).hasMessageContaining("separator ';;' must be one character");
    assertThatThrownBy(() -> f.checkSettings("twitter-v2=x.csv", Map.of("delimiter", ";")))
        .isInstanceOf(UsageException.class).hasMessageContaining("unknown setting 'delimiter'");
  }
}
