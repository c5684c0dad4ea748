package io.megaphone.metrics.duplication;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void specExamples() {
    assertThat(TextNormalizer.normalize("#soldes")).isEqualTo("soldes");
    assertThat(TextNormalizer.normalize("l'offre")).isEqualTo("l offre");
    assertThat(TextNormalizer.normalize("super 😀 offre")).isEqualTo("super offre");
    assertThat(TextNormalizer.normalize("Voir https://t.co/AbC?x=1 et http://a.example/b, merci"))
        .isEqualTo("voir et merci");
    assertThat(TextNormalizer.normalize("Merci @Brand_FR et @café2 !")).isEqualTo("merci et");
    assertThat(TextNormalizer.normalize("  ÉTÉ\t\n  2024  ")).isEqualTo("été 2024");
  }

  @Test
  void nfkcThenLowerCase() {
    assertThat(TextNormalizer.normalize("ﬁn ＳＯＬＤＥＳ ①")).isEqualTo("fin soldes 1"); // ligature, full width, circled
    assertThat(TextNormalizer.normalize("e\u0301te\u0301")).isEqualTo("été"); // combining accents composed
    assertThat(TextNormalizer.normalize("non\u00a0merci")).isEqualTo("non merci");
  }

  @Test
  void urlsGoBeforeMentions_asTheSpecOrdersThem() {
    assertThat(TextNormalizer.normalize("@foohttps://x.example/a suite")).isEqualTo("suite");
    assertThat(TextNormalizer.normalize("mail a@b.com")).isEqualTo("mail a com");
    assertThat(TextNormalizer.normalize("@ seul")).isEqualTo("seul");
    assertThat(TextNormalizer.normalize("httpx est un mot")).isEqualTo("httpx est un mot");
  }

  @Test
  void words() {
    assertThat(TextNormalizer.words("")).isZero();
    assertThat(TextNormalizer.words("un")).isEqualTo(1);
    assertThat(TextNormalizer.words("un deux trois quatre cinq")).isEqualTo(5);
    assertThat(TextNormalizer.normalize(null)).isEmpty();
  }

  /** The hand-written passes agree with the regular-expression statement of the SPEC on real texts. */
  @Test
  void agreesWithTheRegexStatement_onRealTexts() throws IOException {
    String missing = Pipeline.missingRealFiles("facebook-news/fb_news_posts_20K.csv");
    List<String> texts = new ArrayList<>(List.of("Ça c'est l'été !!! 🌞 #Soldes -30 % sur https://x.example @moi",
        "RT @a_b: «Citation» — fin…", "Ünïcödé ＦＵＬＬ ｗｉｄｔｈ ﬁ"));
    if (missing == null) {
      texts.addAll(Pipeline.realColumn("facebook-news/fb_news_posts_20K.csv", ',', "message"));
      texts.addAll(Pipeline.realColumn("facebook-news/fb_news_posts_20K.csv", ',', "description"));
    }
    int compared = 0;
    for (String t : texts) {
      assertThat(TextNormalizer.normalize(t)).as(t).isEqualTo(BruteForceDuplication.normalise(t));
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(3);
  }
}
