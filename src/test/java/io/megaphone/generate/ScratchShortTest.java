package io.megaphone.generate;

import io.megaphone.cli.JobRunner;
import io.megaphone.ingest.SourceFormats;
import io.megaphone.job.CliOverrides;
import io.megaphone.job.JobSettings;
import io.megaphone.job.JobSettingsResolver;
import io.megaphone.job.Stage;
import io.megaphone.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScratchShortTest {
  @Test
  void shortPeriod() throws Exception {
    Path dir = Path.of("/tmp/scratch-short");
    GeneratorOptions o = new GeneratorOptions(20_000, "canonical", 1, dir.toString(), 250_000, 0,
        Instant.parse("2021-12-30T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"), true, true);
    ArchiveGenerator.prepareOutput(o);
    GeneratedArchives.generate(o);
    JobSettings s = new JobSettingsResolver(SourceFormats.all().keySet()).resolve(new CliOverrides(
        Optional.of(dir.resolve("job.yaml").toString()), List.of(), Optional.empty(), Optional.empty(), List.of()),
        true, true);
    new JobRunner(s, EnumSet.of(Stage.INGEST, Stage.ANALYZE), "test").run(TestSpark.session());
  }
}
