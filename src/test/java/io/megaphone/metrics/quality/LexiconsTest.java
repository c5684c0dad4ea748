package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled lexicons, a job's override folder, and one-line errors naming file and line. */
class LexiconsTest {
  static final Instant CALM = Instant.parse("2019-06-01T12:00:00Z");

  @Test
  void everyBundledListIsPresentAndNotEmpty() {
    Lexicons l = Lexicons.bundled();
    for (String lang : Lexicons.LANGS) {
      for (Lexicons.Kind k : Lexicons.Kind.values()) {
        assertThat(l.entries(k, lang)).as(lang + "/" + k.file()).isNotEmpty();
        assertThat(l.source(k, lang)).isEqualTo("bundled " + lang + "/" + k.file());
      }
    }
  }

  @Test
  void aFolderOverridesTheListsItHoldsAndKeepsTheOthers(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fr"));
    Files.writeString(dir.resolve("fr/bait_tag.txt"), "# mes entrées\n\ninvite tes potes\nconvoque ... copains\n",
        StandardCharsets.UTF_8);
    Lexicons l = Lexicons.load(dir.toString());
    assertThat(l.entries(Lexicons.Kind.BAIT_TAG, "fr")).containsExactly("invite tes potes", "convoque ... copains");
    assertThat(l.source(Lexicons.Kind.BAIT_TAG, "fr")).isEqualTo(dir.resolve("fr/bait_tag.txt").toString());
    assertThat(l.source(Lexicons.Kind.BAIT_TAG, "en")).isEqualTo("bundled en/bait_tag.txt");

    PostFlagger f = new PostFlagger(l, CrisisEvents.bundled());
    assertThat(QualityFlag.BAIT_TAG.in(f.flags("Invite tes potes !", null, null, null, "fr", CALM))).isTrue();
    assertThat(QualityFlag.BAIT_TAG.in(f.flags("Convoque tous tes copains", null, null, null, "fr", CALM))).isTrue();
    // the bundled French list is replaced, the English one kept, other French lists kept
    assertThat(QualityFlag.BAIT_TAG.in(f.flags("Identifie ton binôme", null, null, null, "fr", CALM))).isFalse();
    assertThat(QualityFlag.BAIT_TAG.in(f.flags("Tag a friend", null, null, null, "en", CALM))).isTrue();
    assertThat(QualityFlag.SELF_PROMOTION.in(f.flags("Soldes !", null, null, null, "fr", CALM))).isTrue();
    // and the bundled flagger still has the bundled list
    assertThat(QualityFlag.BAIT_TAG.in(PostFlagger.defaults().flags("Identifie ton binôme", null, null, null, "fr", CALM)))
        .isTrue();
  }

  @Test
  void blankMeansBundled() {
    assertThat(Lexicons.load("").source(Lexicons.Kind.JOKEY, "fr")).isEqualTo("bundled fr/jokey.txt");
    assertThat(Lexicons.load(null).entries(Lexicons.Kind.STOPWORDS, "en")).contains("the");
  }

  @Test
  void errorsAreOneLineAndNameTheCulprit(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Lexicons.load(dir.resolve("nope").toString())).isInstanceOf(UsageException.class)
        .hasMessage("parameter quality.lexicons: " + dir.resolve("nope") + " is not a folder");
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("parameter quality.lexicons: " + dir + " holds no lexicon file");

    Files.createDirectories(dir.resolve("en"));
    Path f = dir.resolve("en/buzzwords.txt");
    Files.writeString(f, "synergy\n# comment\n... leverage\n");
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).isInstanceOf(UsageException.class)
        .hasMessage("lexicon " + f + " line 3: '...' cannot start an entry");
    Files.writeString(f, "synergy\nab*\n");
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).hasMessageStartingWith("lexicon " + f + " line 2: a prefix");
    Files.writeString(f, "synergy\n?!\n");
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).hasMessage("lexicon " + f + " line 2: entry '?!' has no word,"
        + " number or symbol");
    Files.write(f, new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).hasMessage("lexicon " + f + ": not valid UTF-8");
    Files.delete(f);
    Files.writeString(dir.resolve("en/stopwords.txt"), "the\nlet's\n");
    assertThatThrownBy(() -> Lexicons.load(dir.toString())).hasMessage("lexicon " + dir.resolve("en/stopwords.txt")
        + " line 2: a stopword is one word: 'let's'");
  }
}
