package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link TextRepair}: what it repairs, what it must leave alone, on made-up and real texts. */
class TextRepairTest {
  /** Correct texts that must come out unchanged. */
  static final List<String> CORRECT = List.of(
      "It’s fine", "été à Paris", "Ça coûte 5 €", "naïve", "Größe", "São Paulo", "Привет мир", "Ελληνικά",
      "日本語のテキスト", "œuvre", "l’été", "Zürich", "façade", "ÉTÉ", "CAFÉ’S", "IRMÃ” disse", "OÙ\u00A0?",
      "« égalité\u00A0»", "la liberté’» fin", "Hanoï\u00A0»", "Voilà — “quoted” « guillemets »", "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ",
      "mañana…", "está”", "amanhã…", "você\u00A0!", "avô»", "Nestlé®", "Citroën™", "100\u00A0°C", "½ prix",
      "😀 emoji 👍 ok 🇫🇷 ❤️", "a © b", "plain ASCII text, nothing to do", "");

  @Test
  void correctTextIsLeftAlone() {
    for (String s : CORRECT) assertThat(TextRepair.clean(s)).as(s).isEqualTo(s);
    assertThat(TextRepair.clean(null)).isNull();
  }

  @Test
  void cleanTextIsReturnedAsTheSameObject() {
    for (String s : List.of("plain", "été 😀", "Ça coûte 5 €")) assertThat(TextRepair.clean(s)).isSameAs(s);
  }

  /**
   * Word-final accented letters followed by up to three of the signs that follow words in French, Spanish,
   * Portuguese or German text (no-break space, quotes, ellipsis, ®, ™, °, dashes): none may change. Upper-case
   * Â and lower-case â are left out: no French, Spanish or Portuguese word ends with them, and {@code Â} +
   * no-break space, {@code â™} and {@code â…} are exactly the mojibake of a no-break space, of ♠ ♥ ♦ and of
   * number forms.
   */
  @Test
  void accentedWordEndsBeforePunctuationAreNeverTakenForMojibake() {
    String letters = "àäçéèêëîïôöùûüÿœæÀÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆßñãõáíóúÁÍÓÚÑåøÅØ";
    String[] signs = {"\u00A0", "’", "”", "»", "…", "™", "®", "©", "“", "«", "–", "—", "°"};
    List<String> changed = new ArrayList<>();
    int tried = 0;
    for (char l : letters.toCharArray()) {
      for (String a : signs) {
        for (String b : signs) {
          for (String c : signs) {
            for (String s : List.of("mot" + l + a + " fin", "mot" + l + a + b + " fin", "mot" + l + a + b + c + " fin")) {
              tried++;
              if (!TextRepair.clean(s).equals(s)) changed.add(s + " -> " + TextRepair.clean(s));
            }
          }
        }
      }
    }
    assertThat(tried).isGreaterThan(300_000);
    assertThat(changed).isEmpty();
  }

  /** Bytes decoded as Windows-1252, undefined bytes becoming C1 controls (what Windows and Latin-1 give). */
  static String asCp1252(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int v = x & 0xFF;
      if (v >= 0x80 && v <= 0x9F) {
        String d = new String(new byte[] {x}, Charset.forName("windows-1252"));
        b.append(d.equals("\uFFFD") ? (char) v : d.charAt(0));
      } else {
        b.append((char) v);
      }
    }
    return b.toString();
  }

  /** What Java's or Python's lossy Windows-1252 decoder gives: U+FFFD for the five undefined bytes. */
  static String asLossyCp1252(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
  }

  static String asLatin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void mojibakeIsRepairedWhateverTheWrongDecoding() {
    List<String> texts = List.of("It’s a “test” — voilà…", "Ça coûte 5 € à l’été, naïve Größe", "São Paulo",
        "Привет мир", "Ελληνικά", "日本語のテキスト", "œuvre et cœur", "Zürich", "ÉTÉ brûlant",
        "Emoji 😀 👍 🇫🇷 ❤️ ✅ ⭐ fin", "Przepraszam, że się spóźniłem", "Şoför și țară", "l’été à Paris");
    for (String t : texts) {
      assertThat(TextRepair.clean(asCp1252(t))).as("cp1252 of %s: %s", t, asCp1252(t)).isEqualTo(t);
      assertThat(TextRepair.clean(asLatin1(t))).as("latin-1 of %s", t).isEqualTo(t);
      assertThat(TextRepair.clean(asCp1252(asCp1252(t)))).as("double cp1252 of %s", t).isEqualTo(t);
    }
    assertThat(TextRepair.clean("Itâ€™s")).isEqualTo("It’s");
    assertThat(TextRepair.clean("Ã©tÃ©")).isEqualTo("été");
    assertThat(TextRepair.clean("lâ€œÃ¨reâ€\u009D")).isEqualTo("l“ère”");
    assertThat(TextRepair.clean("ðŸ˜€")).isEqualTo("😀");
    // three rounds would be needed: repaired twice, no more
    String triple = asCp1252(asCp1252(asCp1252("été")));
    assertThat(TextRepair.clean(triple)).isEqualTo(asCp1252("été"));
  }

  @Test
  void bytesLostToAReplacementCharacterAreGuessedOrDropped() {
    // ” is E2 80 9D: a lossy decoder gives â€ + U+FFFD; taken for ”
    assertThat(TextRepair.clean(asLossyCp1252("“quoted”"))).isEqualTo("“quoted”");
    // 👍 is F0 9F 91 8D: which of the undefined bytes was lost cannot be told; the emoji becomes U+FFFD
    assertThat(TextRepair.clean(asLossyCp1252("ok 👍 😀"))).isEqualTo("ok \uFFFD 😀");
    // ❤️ is E2 9D A4 EF B8 8F: the heart is lost, the variation selector guessed
    assertThat(TextRepair.clean(asLossyCp1252("love ❤️ é"))).isEqualTo("love \uFFFD\uFE0F é");
    // a letter whose byte was lost (Ð is C3 90) is left as it is
    String lossy = asLossyCp1252("Ð");
    assertThat(TextRepair.clean(lossy)).isEqualTo(lossy);
  }

  @Test
  void aWithGraveWhoseNoBreakSpaceBecameASpaceIsRepairedOnlyInMojibakeText() {
    assertThat(TextRepair.clean("VoilÃ  Ã  Paris, câ€™est lâ€™Ã©tÃ©")).isEqualTo("Voilà à Paris, c’est l’été");
    assertThat(TextRepair.clean("Ã  Paris")).isEqualTo("Ã  Paris"); // nothing else says it is mojibake
  }

  @Test
  void weakEvidenceNeedsAStrongRepairInTheSameText() {
    // a two-character run at the end of a word (ę, C4 99) is repaired only with other mojibake
    assertThat(TextRepair.clean("siÄ™")).isEqualTo("siÄ™");
    // Ã and a closing quote (Ô, C3 94) likewise: it may be upper-case Portuguese before a quote
    assertThat(TextRepair.clean("IRMÃ” disse")).isEqualTo("IRMÃ” disse");
    assertThat(TextRepair.clean("IRMÃ” Ã©tÃ©")).isEqualTo("IRMÔ été");
    assertThat(TextRepair.clean("siÄ™ spÃ³ÅºniÅ‚em")).isEqualTo("się spóźniłem");
  }

  @Test
  void htmlEntitiesAreDecoded() {
    assertThat(TextRepair.clean("R&amp;D &lt;b&gt; &quot;x&quot; &#39;y&#39; &eacute;t&eacute;"))
        .isEqualTo("R&D <b> \"x\" 'y' été");
    assertThat(TextRepair.clean("smile &#x1F600; &#128512;")).isEqualTo("smile \uD83D\uDE00 \uD83D\uDE00");
    assertThat(TextRepair.clean("fish & chips; AT&T")).isEqualTo("fish & chips; AT&T");
    assertThat(TextRepair.clean("&amp;amp;")).isEqualTo("&amp;"); // decoded once
    assertThat(TextRepair.clean("nul &#0; here")).isEqualTo("nul  here");
    assertThat(TextRepair.clean("caf&Atilde;&copy;")).isEqualTo("café"); // entities spelling mojibake
  }

  @Test
  void nulsAreDroppedAndLoneSurrogatesReplaced() {
    assertThat(TextRepair.clean("a\u0000b\u0000")).isEqualTo("ab");
    assertThat(TextRepair.clean("half \uD83D emoji")).isEqualTo("half \uFFFD emoji");
    assertThat(TextRepair.clean("low \uDE00 first")).isEqualTo("low \uFFFD first");
    assertThat(TextRepair.clean("end \uD83D")).isEqualTo("end \uFFFD");
    assertThat(TextRepair.clean("pair \uD83D\uDE00 kept")).isEqualTo("pair \uD83D\uDE00 kept");
    assertThat(TextRepair.clean("swapped \uDE00\uD83D")).isEqualTo("swapped \uFFFD\uFFFD");
  }

  /**
   * The real French media tweets and YouTube titles, the Facebook news messages and the TWCS tweets: none
   * may change except by HTML-entity decoding (they hold no mojibake). Prints how many changed.
   */
  @Test
  void realTextsChangeOnlyByEntityDecoding() throws IOException {
    String skip = Pipeline.missingRealFiles("frenchmedia/twitter/tweets.json", "frenchmedia/youtube/videos2.csv",
        "facebook-news/fb_news_posts_20K.csv", "twcs/twcs_head5000.csv");
    Assumptions.assumeTrue(skip == null, skip);
    List<String> texts = new ArrayList<>();
    JsonNode root = new ObjectMapper().readTree(Pipeline.realFile("frenchmedia/twitter/tweets.json").toFile());
    root.forEach(list -> list.forEach(t -> texts.add(t.get("text").asText())));
    int tweets = texts.size();
    texts.addAll(column("frenchmedia/youtube/videos2.csv", ';', "title_video"));
    texts.addAll(column("facebook-news/fb_news_posts_20K.csv", ',', "message"));
    texts.addAll(column("twcs/twcs_head5000.csv", ',', "text"));
    int changed = 0;
    int changedTweets = 0;
    List<String> beyond = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      String c = TextRepair.clean(t);
      if (c.equals(t)) continue;
      changed++;
      if (i < tweets) changedTweets++;
      if (!c.equals(StringEscapeUtils.unescapeHtml4(t))) beyond.add(t + " -> " + c);
    }
    System.out.printf("TextRepair on %,d real texts: %d changed (%d of %d tweets), all by HTML entities: %s%n",
        texts.size(), changed, changedTweets, tweets, beyond.isEmpty());
    assertThat(texts.size()).isGreaterThan(38_000);
    assertThat(beyond).isEmpty();
    assertThat(changedTweets).isEqualTo(22); // R&amp;D, &gt; ...
  }

  /** The non-empty values of a column of a real CSV. */
  static List<String> column(String file, char sep, String name) throws IOException {
    return Pipeline.realColumn(file, sep, name).stream().filter(v -> !v.isEmpty()).toList();
  }

  @Test
  void byteOfInvertsWindows1252() {
    Charset cp = Charset.forName("windows-1252");
    for (int b = 0x80; b <= 0xFF; b++) {
      String d = new String(new byte[] {(byte) b}, cp);
      char c = d.equals("\uFFFD") ? (char) b : d.charAt(0);
      assertThat(TextRepair.byteOf(c)).as("byte %x", b).isEqualTo(b);
    }
    assertThat(TextRepair.byteOf('\u4E00')).isEqualTo(-1);
  }
}
