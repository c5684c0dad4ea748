package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Parameter;
import io.megaphone.job.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quality.* parameters of the flagger: defaults, job-file paths relative to the job file, checks. */
class QualityParametersTest {
  static JobSettings settings(Optional<String> job, String... sets) {
    return new JobSettingsResolver(Set.of("canonical")).resolve(new CliOverrides(job, List.of(), Optional.empty(),
        Optional.empty(), List.of(sets)), false, false);
  }

  @Test
  void defaults() {
    JobSettings s = settings(Optional.empty());
    assertThat(s.param(Parameter.QUALITY_LEXICONS)).isEmpty();
    assertThat(s.param(Parameter.QUALITY_CRISIS_EVENTS)).isEmpty();
    assertThat(s.integer(Parameter.QUALITY_HASHTAG_STUFFING)).isEqualTo(4);
    assertThat(s.integer(Parameter.QUALITY_LINK_ONLY_WORDS)).isEqualTo(3);
    PostFlagger f = PostFlagger.from(s);
    assertThat(f.events().source()).isEqualTo("bundled crises.csv");
  }

  @Test
  void jobFilePathsAreRelativeToTheJobFile(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("job"));
    Files.createDirectories(sub.resolve("lex/en"));
    Files.writeString(sub.resolve("lex/en/buzzwords.txt"), "moonshot\n");
    Files.writeString(sub.resolve("events.csv"), "name,start,end,keywords\nTest storm,2024-01-01,2024-01-03,#storm\n");
    Path job = sub.resolve("job.yaml");
    Files.writeString(job, """
        name: q
        params:
          quality.lexicons: lex
          quality.crisis-events: events.csv
          quality.hashtag-stuffing: 2
          quality.link-only-words: 5
        """);
    JobSettings s = settings(Optional.of(job.toString()));
    assertThat(s.param(Parameter.QUALITY_LEXICONS)).isEqualTo(sub.resolve("lex").toString());
    assertThat(s.param(Parameter.QUALITY_CRISIS_EVENTS)).isEqualTo(sub.resolve("events.csv").toString());
    PostFlagger f = PostFlagger.from(s);
    Instant storm = Instant.parse("2024-01-02T10:00:00Z");
    int m = f.flags("A moonshot #a #b: four words https://x.example", null, null, null, "en", storm);
    assertThat(QualityFlag.BUZZWORDS.in(m)).isTrue();
    assertThat(QualityFlag.HASHTAG_STUFFING.in(m)).isTrue();
    assertThat(QualityFlag.LINK_ONLY.in(m)).isTrue();
    assertThat(QualityFlag.CRISIS_OPPORTUNISM.in(f.flags("Shop now", null, null, null, "en", storm))).isTrue();
    assertThat(f.events().events()).hasSize(1);
  }

  @Test
  void badValuesAreUsageErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> PostFlagger.from(settings(Optional.empty(), "quality.hashtag-stuffing=0")))
        .isInstanceOf(UsageException.class).hasMessage("parameter quality.hashtag-stuffing: 0 must be from 1 to 1000");
    assertThatThrownBy(() -> settings(Optional.empty(), "quality.link-only-words=three"))
        .isInstanceOf(UsageException.class).hasMessageContaining("quality.link-only-words");
    assertThatThrownBy(() -> PostFlagger.from(settings(Optional.empty(), "quality.crisis-events=" + dir.resolve("no.csv"))))
        .isInstanceOf(UsageException.class).hasMessage("parameter quality.crisis-events: " + dir.resolve("no.csv")
            + " is not a file");
  }
}
