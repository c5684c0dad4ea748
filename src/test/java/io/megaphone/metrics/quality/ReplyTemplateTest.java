package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReplyTemplateTest {
  @Test
  void sameTemplate_differentCustomer_sameSkeleton() {
    String a = ReplyTemplate.skeleton("@marie_l Bonjour Marie, nous sommes désolés pour ce désagrément. Pouvez-vous"
        + " nous envoyer votre numéro de commande en message privé ? ^AB");
    String b = ReplyTemplate.skeleton("@jdupont75 Bonjour Jean, nous sommes désolés pour ce désagrément. Pouvez-vous"
        + " nous envoyer votre numéro de commande en message privé ? ^KZ");
    assertThat(a).isEqualTo(b).contains("<user> bonjour <name>, nous sommes désolés").endsWith("<sig>");
    assertThat(ReplyTemplate.skeleton("Tom, we've passed your request on to the right team. Have a nice day! ^QW"))
        .isEqualTo(ReplyTemplate.skeleton("Anna, we've passed your request on to the right team. Have a nice day! ^ZZ"));
    assertThat(ReplyTemplate.skeleton("Hi Sam, your order 12345 ships on 12/03. See https://x.example/t/1"))
        .isEqualTo(ReplyTemplate.skeleton("Hi Lee, your order 998 ships on 01/04. See https://x.example/t/77"));
  }

  @Test
  void differentMessages_differentSkeletons() {
    assertThat(ReplyTemplate.skeleton("Bonjour Marie, le colis part demain matin."))
        .isNotEqualTo(ReplyTemplate.skeleton("Bonjour Marie, le remboursement est validé."));
    assertThat(ReplyTemplate.skeleton("Merci pour votre retour")).isEqualTo("merci pour votre retour");
    assertThat(ReplyTemplate.skeleton(null)).isEmpty();
  }

  /**
   * The skeleton equals its plain statement — every pattern applied with replaceAll, words split on \\s+ — on the
   * customer-support tweets, the Facebook news posts and texts built to reach the edge of each shortcut.
   */
  @Test
  void equalsThePlainRegularExpressionStatement() throws Exception {
    List<String> texts = new ArrayList<>(List.of("", "   ", "@a", "a@b", "x.y@mail.example.com merci", "@@x",
        "e-mail: jean.dupont+tag@exemple.fr, ou @support", "@ann Bonjour Ann, voir https://t.co/x1 -Julie  ",
        "Thanks! ^JK\n", "ok — Marc", "prix: 12,50 € le 01/02/2024 à 14:30", "٣٤ items ⅷ ½", "𝟙𝟚 digits",
        "call\u000Bnow\fplease\r\nthanks", "Hi Bob,\tyour ticket #4521 is closed ~Zoé", "a\u2028b ^Xy\u2028",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ -Abcdefghijklmnopqr", "word ^Abcdefghijklmnop", "trailing ^Ab \t \n"));
    texts.addAll(io.megaphone.testing.Pipeline.realColumn("twcs/twcs_head5000.csv", ',', "text"));
    texts.addAll(io.megaphone.testing.Pipeline.realColumn("facebook-news/fb_news_posts_20K.csv", ',', "message"));
    int differ = 0;
    String first = null;
    for (String t : texts) {
      String fast = ReplyTemplate.skeleton(t);
      String plain = PlainStatement.skeleton(t);
      if (!fast.equals(plain)) {
        differ++;
        if (first == null) first = t + " -> " + fast + " / " + plain;
      }
    }
    System.out.println("reply skeletons compared with the plain statement: " + texts.size() + " texts, " + differ
        + " differ");
    assertThat(texts.size()).isGreaterThan(20);
    assertThat(differ).as("first difference: %s", first).isZero();
  }

  /**
   * The same comparison on 200,000 random texts assembled from the pieces each hand-written loop decides on: '@',
   * "http", "https://", separators between digits, non-ASCII digits and letters, capitalised names, greetings,
   * commas, every kind of white space.
   */
  @Test
  void equalsThePlainStatementOnRandomTexts() {
    String[] pieces = {"@", "@@", "http", "https://", "http://", "://", "s", "x", "a.b", "_", ".", ",", ":", "/",
        "-", "1", "23", "4.5", "٣", "ⅷ", "½", "𝟙", "é", "É", "Zoé", "Marie", "Bonjour", "bonjour", "Hi", "hi", "Thanks",
        "merci", "İ", "ß", "^", "^Ab", "-Julie", "~", "—", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0",
        "\u2028", "mail@ex.fr", "+", "%", "ﬁ", "Ａ", "①", "<", ">", "?", "!"};
    java.util.Random random = new java.util.Random(20261122);
    int differ = 0;
    String first = null;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(12); n >= 0; n--) b.append(pieces[random.nextInt(pieces.length)]);
      String t = b.toString();
      String fast = ReplyTemplate.skeleton(t);
      String plain = PlainStatement.skeleton(t);
      if (!fast.equals(plain)) {
        differ++;
        if (first == null) first = "'" + t + "' -> '" + fast + "' / '" + plain + "'";
      }
    }
    assertThat(differ).as("first difference: %s", first).isZero();
  }

  /** The rule as first written: independent of the shortcuts of {@link ReplyTemplate}. */
  private static final class PlainStatement {
    static final Pattern URL = Pattern.compile("https?://\\S+");
    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.]+");
    static final Pattern SIGNATURE = Pattern.compile("(?:\\^|[-–—~]\\s?)\\p{Lu}[\\p{L}]{0,15}\\s*$");
    static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,:/-]\\p{N}+)*");
    static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]");
    static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut",
        "coucou", "merci", "thanks", "thank", "hola", "hallo", "ciao");

    static String skeleton(String text) {
      if (text == null) return "";
      String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
      t = URL.matcher(t).replaceAll("<url>");
      t = EMAIL.matcher(t).replaceAll("<email>");
      t = HANDLE.matcher(t).replaceAll("<user>");
      t = SIGNATURE.matcher(t).replaceAll("<sig>");
      t = NUMBER.matcher(t).replaceAll("<n>");
      String[] words = t.strip().split("\\s+");
      StringBuilder out = new StringBuilder();
      boolean nameNext = false;
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        String bare = NON_LETTERS.matcher(w).replaceAll("").toLowerCase(Locale.ROOT);
        boolean leading = i == 0 || (i == 1 && words[0].equals("<user>"));
        boolean capitalised = !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
        if ((nameNext && capitalised) || (leading && capitalised && w.endsWith(",") && !GREETINGS.contains(bare))) {
          w = "<name>" + (w.endsWith(",") ? "," : "");
        }
        nameNext = GREETINGS.contains(bare) && !w.endsWith(",");
        if (out.length() > 0) out.append(' ');
        out.append(w);
      }
      return out.toString().toLowerCase(Locale.ROOT);
    }
  }
}
