package io.megaphone.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.ingest.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Record-level fuzz of every registered format's reader: 50,000 mutated records in all (at least 5,000 per
 * format; {@code -Dfuzz.reader.mutations=N} to change), read with {@link SourceFormat#read} and every row
 * checked (see {@link FuzzReads}). The reader must not throw; it must make well-formed rows that name their file
 * and position (accepted ones with a known platform, an id and a timestamp in range; quarantined ones with a
 * known reason and a detail); no parser may throw on a mutated record (JsonSources would quarantine it as
 * "unexpected structure"); and each file, and each record of a batch, must give at least the plausible number
 * of rows (see {@link FuzzCorpus#implausible}).
 *
 * <p>The formats' parsers are private to them and created inside {@code read}, so {@code read} is the one API
 * that reaches every format's parser; Spark is only the executor here (local tasks, no ingest stage, no
 * Parquet), which keeps 50,000 mutations to about a minute.
 */
class ReaderFuzzTest {
  static final String NAME = "reader-fuzz";
  static final int TOTAL = Integer.getInteger("fuzz.reader.mutations", 50_000);
  static final int PER_FORMAT_MIN = 5_000;
  static final int DOCUMENT_FILES = 1_000;

  @BeforeAll
  static void reset() {
    Fuzz.resetReport(NAME);
  }

  @Test
  void everyRegisteredFormatHasRecordsToMutate() {
    assertThat(Fuzz.formatsWithoutSeeds()).as(Fuzz.noSeedsMessage(Fuzz.formatsWithoutSeeds())).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyFormatReadsMutatedRecordsWithoutFailing() {
    List<SourceFormat> formats = Fuzz.formats();
    int budget = Math.max(PER_FORMAT_MIN, (TOTAL + formats.size() - 1) / formats.size());
    return formats.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> fuzz(f, budget)));
  }

  private static void fuzz(SourceFormat format, int budget) {
    String name = format.name();
    FuzzSeeds seeds = FuzzSeeds.of(format, Fuzz.WORK);
    assertThat(seeds.units).as(name + ": no seed record (" + seeds.notes + ")").isNotEmpty();
    FuzzCorpus corpus = FuzzCorpus.build(seeds, Fuzz.WORK.resolve(NAME).resolve(name), Fuzz.seedFor(name), budget,
        DOCUMENT_FILES);
    List<String> files = FuzzCrash.files(corpus);
    FuzzReads.Outcome o = FuzzCrash.read(format, seeds, corpus);

    List<String> implausible = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FuzzCorpus.FuzzFile f = corpus.files.get(i);
      long rows = o.perFile().getOrDefault(files.get(i), new FuzzReads.Tally(0, 0, 0)).rows();
      implausible.addAll(FuzzCorpus.implausible(f, rows, o.perPosition().get(files.get(i))));
    }
    Fuzz.report(NAME, String.format("%s: %,d mutations in %d files -> %,d rows (%,d quarantined, %d parser"
            + " exceptions quarantined as '%s'); %s; ops: %s", name, corpus.mutations, files.size(), o.rows(),
        o.quarantined(), o.unexpectedCount(), FuzzReads.UNEXPECTED, Fuzz.seedsLine(seeds), Fuzz.top(corpus.ops, 12)));
    if (!o.unexpected().isEmpty()) Fuzz.report(NAME, "  " + name + " parser exceptions at: " + o.unexpected());
    assertThat(o.problems()).as(name + ": " + o.problemCount() + " malformed row(s)").isEmpty();
    // JsonSources turns a parser exception into a quarantined record; on mutated input it is still a parser bug
    assertThat(o.unexpected()).as(name + ": parser exceptions on mutated records (quarantined as '"
        + FuzzReads.UNEXPECTED + "')").isEmpty();
    assertThat(implausible).as(name + ": files with fewer rows than plausible").isEmpty();
    assertThat(corpus.mutations).isGreaterThanOrEqualTo(Math.min(budget, DOCUMENT_FILES));
  }
}
