package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events file: format, bundled crises, windows (inclusive UTC days) and one-line errors. */
class CrisisEventsTest {
  static final String HEADER = "name,start,end,keywords\n";

  static CrisisEvents parse(String text) {
    return CrisisEvents.parse(text, "t.csv");
  }

  @Test
  void bundledCrises() {
    CrisisEvents c = CrisisEvents.bundled();
    CrisisEvents.Event sandy = c.events().stream().filter(e -> e.name().equals("Hurricane Sandy")).findFirst().orElseThrow();
    assertThat(sandy.start()).isEqualTo(LocalDate.parse("2012-10-28"));
    assertThat(sandy.end()).isEqualTo(LocalDate.parse("2012-11-02"));
    assertThat(sandy.keywords()).contains("hurricane sandy", "#HurricaneSandy");
    assertThat(c.events()).extracting(CrisisEvents.Event::name).anyMatch(n -> n.startsWith("Arab Spring"))
        .anyMatch(n -> n.contains("Fukushima")).contains("COVID-19 first lockdown (France)",
            "COVID-19 second lockdown (France)", "COVID-19 third lockdown (France)");
    CrisisEvents.Event first = c.events().stream().filter(e -> e.name().equals("COVID-19 first lockdown (France)"))
        .findFirst().orElseThrow();
    assertThat(first.start()).isEqualTo(LocalDate.parse("2020-03-17"));
    assertThat(first.until()).isEqualTo(Instant.parse("2020-05-11T00:00:00Z"));
    assertThat(c.events()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(c.source()).isEqualTo("bundled crises.csv");
    assertThat(c.hashtags()).contains("covid19", "stayhome", "hurricanesandy", "arabspring", "prayforjapan");
    assertThat(c.words()).contains("covid", "confinement", "lockdown", "fukushima");
  }

  @Test
  void windowsAreWholeUtcDaysBothEndsIncluded() {
    CrisisEvents c = CrisisEvents.bundled();
    assertThat(c.inWindow(Instant.parse("2012-10-27T23:59:59Z"))).isFalse();
    assertThat(c.inWindow(Instant.parse("2012-10-28T00:00:00Z"))).isTrue();
    assertThat(c.inWindow(Instant.parse("2012-11-02T23:59:59Z"))).isTrue();
    assertThat(c.inWindow(Instant.parse("2012-11-03T00:00:00Z"))).isFalse();
    assertThat(c.inWindow(Instant.parse("2011-03-20T10:00:00Z"))).isTrue(); // Arab Spring and Fukushima overlap
    assertThat(c.inWindow(Instant.parse("2020-11-20T10:00:00Z"))).isTrue();
    assertThat(c.inWindow(Instant.parse("2019-06-01T10:00:00Z"))).isFalse();
    assertThat(c.inWindow(null)).isFalse();
  }

  @Test
  void formatDetails() {
    CrisisEvents c = parse("\uFEFF# comment\n\nName , Start,END,Keywords\r\n"
        + "\"Storm, with a comma\",2024-01-02,2024-01-02,storm|#Storm_24\n"
        + "# another comment\n"
        + "Quiet window,2024-02-01,2024-02-03,\n");
    assertThat(c.events()).hasSize(2);
    assertThat(c.events().get(0)).isEqualTo(new CrisisEvents.Event("Storm, with a comma", LocalDate.parse("2024-01-02"),
        LocalDate.parse("2024-01-02"), List.of("storm", "#Storm_24")));
    assertThat(c.events().get(1).keywords()).isEmpty();
    assertThat(c.inWindow(Instant.parse("2024-01-02T23:00:00Z"))).isTrue();
    assertThat(c.inWindow(Instant.parse("2024-01-03T00:00:00Z"))).isFalse();
    assertThat(c.hashtags()).containsExactly("storm_24");
    assertThat(parse(HEADER).events()).isEmpty();

    PostFlagger f = new PostFlagger(Lexicons.bundled(), c);
    Instant later = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(QualityFlag.CRISIS_OPPORTUNISM.in(f.flags("Soldes #storm_24", null, null, null, "fr", later))).isTrue();
    assertThat(QualityFlag.CRISIS_OPPORTUNISM.in(f.flags("Soldes #storm", null, null, null, "fr", later))).isTrue();
    assertThat(QualityFlag.CRISIS_OPPORTUNISM.in(f.flags("Soldes #storm24", null, null, null, "fr", later))).isFalse();
    assertThat(QualityFlag.CRISIS_OPPORTUNISM.in(f.flags("Soldes", null, null, null, "fr",
        Instant.parse("2024-02-03T12:00:00Z")))).isTrue();
  }

  @Test
  void errorsAreOneLineNamingFileLineAndField() {
    assertError("", "crisis events t.csv: empty (expected the header name,start,end,keywords)");
    assertError("# only a comment\n", "crisis events t.csv: empty (expected the header name,start,end,keywords)");
    assertError("name,start,end\n", "crisis events t.csv line 1: expected the header name,start,end,keywords,"
        + " found name,start,end");
    assertError(HEADER + "A,2020-01-01,2020-01-02\n", "crisis events t.csv line 2: expected 4 fields"
        + " (name,start,end,keywords), found 3");
    assertError(HEADER + "A,2020-01-01,2020-01-02,x,y\n", "crisis events t.csv line 2: expected 4 fields"
        + " (name,start,end,keywords), found 5");
    assertError(HEADER + "# c\nA,2020-01-01,2020-01-02,x\nB,2020-13-01,2020-01-02,x\n",
        "crisis events t.csv line 4: start '2020-13-01' is not a date yyyy-MM-dd");
    assertError(HEADER + "A,2020-01-01,02/01/2020,x\n", "crisis events t.csv line 2: end '02/01/2020' is not a date"
        + " yyyy-MM-dd");
    assertError(HEADER + "A,2020-02-01,2020-01-02,x\n", "crisis events t.csv line 2: end 2020-01-02 is before start"
        + " 2020-02-01");
    assertError(HEADER + " ,2020-01-01,2020-01-02,x\n", "crisis events t.csv line 2: empty name");
    assertError(HEADER + "A,2020-01-01,2020-01-02,x||y\n", "crisis events t.csv line 2: empty keyword in 'x||y'");
    assertError(HEADER + "A,2020-01-01,2020-01-02,#a-b\n", "crisis events t.csv line 2: hashtag '#a-b' must be #"
        + " then letters, digits or _");
    assertError(HEADER + "A,2020-01-01,2020-01-02,?!\n", "crisis events t.csv line 2: keyword '?!' has no word");
    assertError(HEADER + "\"A,2020-01-01,2020-01-02,x\n", "crisis events t.csv line 2: unterminated quote");
    assertError(HEADER + "A\"b,2020-01-01,2020-01-02,x\n", "crisis events t.csv line 2: stray quote in field 1");
  }

  static void assertError(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(UsageException.class).hasMessage(message);
  }

  @Test
  void loadFromAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.csv");
    Files.writeString(f, HEADER + "Test,2021-06-01,2021-06-30,#test\n");
    CrisisEvents c = CrisisEvents.load(f.toString());
    assertThat(c.source()).isEqualTo(f.toString());
    assertThat(c.events()).hasSize(1);
    assertThat(CrisisEvents.load(" ").source()).isEqualTo("bundled crises.csv");
    assertThatThrownBy(() -> CrisisEvents.load(dir.resolve("missing.csv").toString()))
        .isInstanceOf(UsageException.class)
        .hasMessage("parameter quality.crisis-events: " + dir.resolve("missing.csv") + " is not a file");
    Files.write(f, new byte[] {'n', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> CrisisEvents.load(f.toString())).hasMessage("crisis events " + f + ": not valid UTF-8");
  }
}
