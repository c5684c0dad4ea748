package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link LanguageDetection}: codes, the too-short rule, thread safety, and accuracy on real texts. */
class LanguageDetectionTest {
  @Test
  void detectsFrenchAndEnglishAsIso6391Codes() {
    assertThat(LanguageDetection.detect("Le gouvernement a annoncé de nouvelles mesures pour les retraites"))
        .isEqualTo("fr");
    assertThat(LanguageDetection.detect("The government announced new measures for pensions this morning"))
        .isEqualTo("en");
    assertThat(LanguageDetection.detect("Die Regierung hat heute neue Maßnahmen für die Renten angekündigt"))
        .isEqualTo("de");
    assertThat(LanguageDetection.detect("El gobierno anunció hoy nuevas medidas para las pensiones"))
        .isEqualTo("es");
  }

  @Test
  void tooFewLettersWithoutUrlsMentionsAndHashtagsGivesNoLanguage() {
    assertThat(LanguageDetection.detect(null)).isNull();
    assertThat(LanguageDetection.detect("")).isNull();
    assertThat(LanguageDetection.detect("😀😀😀 !!! 12345")).isNull();
    assertThat(LanguageDetection.detect("Merci beaucoup !")).isNull(); // 14 letters
    assertThat(LanguageDetection.detect("@sprintcare @AppleSupport #fail #help https://t.co/abcdefghijklmnop ok"))
        .isNull();
    assertThat(LanguageDetection.judgeable("@someone hello #tag https://x.y/z world"))
        .isNull(); // 10 letters
    // normalised as the model was trained: no URL, mention, e-mail, hashtag or digit, lower case, "ooo" -> "oo"
    assertThat(LanguageDetection.judgeable("@someone Bonjour #tag https://x.y/z TOUT le monde (écrire à "
        + "info@brand.fr), ça va 2000 fois mieuuuux 😀!")).isEqualTo("bonjour tout le monde (écrire à ça va fois mieuux !");
    // a very long text is judged on its first MAX_CHARS characters
    assertThat(LanguageDetection.judgeable("mot ".repeat(100_000)))
        .hasSizeBetween(LanguageDetection.MAX_CHARS - 1, LanguageDetection.MAX_CHARS);
  }

  @Test
  void givenCodesAreKeptAndUndMeansAbsent() {
    assertThat(LanguageDetection.given("fr")).isEqualTo("fr");
    assertThat(LanguageDetection.given(" EN ")).isEqualTo("en");
    assertThat(LanguageDetection.given("fr-FR")).isEqualTo("fr"); // RSS, HTML lang attributes
    assertThat(LanguageDetection.given("en_US")).isEqualTo("en");
    assertThat(LanguageDetection.given("und-Latn")).isNull();
    assertThat(LanguageDetection.given("und")).isNull();
    assertThat(LanguageDetection.given("zxx")).isNull(); // Twitter: no linguistic content
    assertThat(LanguageDetection.given("qme")).isNull(); // Twitter: media only
    assertThat(LanguageDetection.given("")).isNull();
    assertThat(LanguageDetection.given(null)).isNull();
  }

  @Test
  void oneDetectorServesManyThreads() {
    String fr = "Le gouvernement a annoncé de nouvelles mesures pour les retraites";
    String en = "The government announced new measures for pensions this morning";
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    IntStream.range(0, 2000).parallel().forEach(i -> {
      String got = LanguageDetection.detect(i % 2 == 0 ? fr : en);
      answers.merge((i % 2 == 0 ? "fr:" : "en:") + got, 1, Integer::sum);
    });
    assertThat(answers).containsOnly(Map.entry("fr:fr", 1000), Map.entry("en:en", 1000));
  }

  /**
   * The French media YouTube titles are nearly all French, the Facebook news messages English: share detected
   * as such among the texts long enough to judge (printed).
   */
  @Test
  void accuracyOnRealTitlesAndMessages() throws IOException {
    String skip = Pipeline.missingRealFiles("frenchmedia/youtube/videos2.csv", "facebook-news/fb_news_posts_20K.csv");
    Assumptions.assumeTrue(skip == null, skip);
    double fr = share("YouTube titles (French media)",
        TextRepairTest.column("frenchmedia/youtube/videos2.csv", ';', "title_video"), "fr");
    double en = share("Facebook news messages",
        TextRepairTest.column("facebook-news/fb_news_posts_20K.csv", ',', "message"), "en");
    assertThat(fr).isGreaterThan(0.95);
    assertThat(en).isGreaterThan(0.98);
  }

  private static double share(String what, List<String> texts, String expected) {
    Map<String, Integer> counts = new TreeMap<>();
    int judged = 0;
    long t0 = System.nanoTime();
    for (String t : texts) {
      String lang = LanguageDetection.detect(t);
      counts.merge(String.valueOf(lang), 1, Integer::sum);
      if (lang != null) judged++;
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    double share = (double) counts.getOrDefault(expected, 0) / judged;
    System.out.printf("%s: %,d texts, %,d judged (%,d too short), %.1f%% %s, %,.0f texts/s; %s%n", what,
        texts.size(), judged, texts.size() - judged, 100 * share, expected, texts.size() / sec, counts);
    return share;
  }
}
