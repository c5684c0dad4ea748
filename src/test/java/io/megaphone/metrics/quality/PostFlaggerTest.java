package io.megaphone.metrics.quality;

import static io.megaphone.metrics.quality.QualityFlag.BAIT_COMMENT;
import static io.megaphone.metrics.quality.QualityFlag.BAIT_REACT;
import static io.megaphone.metrics.quality.QualityFlag.BAIT_SHARE;
import static io.megaphone.metrics.quality.QualityFlag.BAIT_TAG;
import static io.megaphone.metrics.quality.QualityFlag.BAIT_VOTE;
import static io.megaphone.metrics.quality.QualityFlag.BUZZWORDS;
import static io.megaphone.metrics.quality.QualityFlag.CRISIS_OPPORTUNISM;
import static io.megaphone.metrics.quality.QualityFlag.EMPTY;
import static io.megaphone.metrics.quality.QualityFlag.HASHTAG_STUFFING;
import static io.megaphone.metrics.quality.QualityFlag.LINK_ONLY;
import static io.megaphone.metrics.quality.QualityFlag.SELF_PROMOTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.UsageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every text-level flag with positive and negative examples in French and English (bundled lexicons). */
class PostFlaggerTest {
  static final PostFlagger F = PostFlagger.defaults();
  /** outside every bundled crisis window */
  static final Instant CALM = Instant.parse("2019-06-01T12:00:00Z");
  /** inside the first French lockdown */
  static final Instant LOCKDOWN = Instant.parse("2020-04-01T12:00:00Z");

  static int flags(String text, String lang) {
    return F.flags(text, null, null, null, lang, CALM);
  }

  static String names(int mask) {
    return QualityFlag.all().stream().filter(f -> f.in(mask)).map(QualityFlag::column).collect(Collectors.joining("|"));
  }

  /** Each text (lang) has the flag, and with null lang too (both lexicons). */
  static void has(QualityFlag flag, String lang, String... texts) {
    for (String t : texts) {
      assertThat(flag.in(flags(t, lang))).as("%s should be %s (lang %s) but is [%s]", t, flag, lang,
          names(flags(t, lang))).isTrue();
      assertThat(flag.in(flags(t, null))).as("%s should be %s (lang null)", t, flag).isTrue();
    }
  }

  static void hasNot(QualityFlag flag, String lang, String... texts) {
    for (String t : texts) {
      assertThat(flag.in(flags(t, lang))).as("%s should not be %s (lang %s)", t, flag, lang).isFalse();
    }
  }

  /** The text has exactly these flags (lang given). */
  static void exactly(String text, String lang, QualityFlag... expected) {
    int m = 0;
    for (QualityFlag f : expected) m |= f.bit();
    assertThat(names(flags(text, lang))).as(text).isEqualTo(names(m));
  }

  @Test
  void linkOnly() {
    has(LINK_ONLY, "en", "Read: https://brand.example/a1", "https://brand.example/a1", "👉 https://t.co/xyz",
        "@fan @brand #new #deal https://brand.example/x", "New post (https://brand.example/x)");
    has(LINK_ONLY, "fr", "À lire : https://marque.fr/a1", "Nouveau https://marque.fr/a1", "➡️ Ici www.marque.fr/x");
    hasNot(LINK_ONLY, "en", "Our new guide to repairing bikes https://brand.example/g", "Read this", "",
        "one two three https://brand.example/x");
    hasNot(LINK_ONLY, "fr", "Notre guide pour réparer un vélo https://marque.fr/g", "À lire");
    // a URL only in the entity list (a Facebook link attachment)
    assertThat(LINK_ONLY.in(F.flags("Nouveau", List.of("https://marque.fr/a"), null, null, "fr", CALM))).isTrue();
    assertThat(LINK_ONLY.in(F.flags("Nouveau", List.of(), null, null, "fr", CALM))).isFalse();
    // the threshold is the parameter quality.link-only-words
    PostFlagger four = new PostFlagger(Lexicons.bundled(), CrisisEvents.bundled(), 4, 4);
    assertThat(LINK_ONLY.in(four.flags("one two three https://x.example", null, null, null, "en", CALM))).isTrue();
    assertThat(LINK_ONLY.in(four.flags("one two three four https://x.example", null, null, null, "en", CALM))).isFalse();
  }

  @Test
  void selfPromotion() {
    has(SELF_PROMOTION, "en", "Sale: 30% off linen jackets until Sunday.", "Use promo code SUMMER20 today",
        "Running shoes from $49.99", "Buy now!", "Free shipping on every order", "Only 19 € this week", "Flights from £29",
        "Black Friday starts now", "Best #deals of the weekend", "-20% on everything");
    has(SELF_PROMOTION, "fr", "Soldes : -30 % sur les vestes en lin", "Profitez-en : code promo ETE20",
        "Dès 19,99 € en magasin", "À partir de 9 euros", "Seulement 5 € !", "Livraison offerte jusqu'à dimanche", "Achetez maintenant !", "C'est #soldes",
        "Les baskets à -40%", "Vente privée ce soir", "Prix cassés sur les vélos");
    hasNot(SELF_PROMOTION, "en", "Our team presents the recipe of the month", "30% of our staff cycle to work",
        "The promotional video of the festival", "Feel free to ask us anything", "Could you DM us your order number?",
        "The island could be yours for $7.95 million", "Kushner bought the tower for $1.8 billion in 2007",
        "Funding from $2 billion to $3 billion", "A security clearance for Kushner",
        "The judge deals Trump a fresh defeat", "The most expensive home ever listed for sale");
    hasNot(SELF_PROMOTION, "fr", "Le taux de chômage baisse de 2 %", "La promotion de la santé au travail",
        "Une réduction des émissions de 10 %", "Pouvez-vous nous envoyer votre numéro de commande ?",
        "Notre équipe présente la nouvelle collection ce week-end.", "Une amende de 135 € pour les contrevenants");
    // lang picks the lexicon: "livraison offerte" is French only
    assertThat(SELF_PROMOTION.in(flags("Livraison offerte", "en"))).isFalse();
    assertThat(SELF_PROMOTION.in(flags("Livraison offerte", "fr-FR"))).isTrue();
    assertThat(SELF_PROMOTION.in(flags("Livraison offerte", "und"))).isTrue();
    assertThat(SELF_PROMOTION.in(flags("Shop now", "fr"))).isFalse();
    // "sale" only in phrases: alone it would be the French "salé" when the language is unknown
    has(SELF_PROMOTION, "en", "Our summer sale starts Friday", "Everything must go: sale ends tonight");
    assertThat(SELF_PROMOTION.in(flags("Team sucré ou team salé ? À vos votes !", null))).isFalse();
  }

  @Test
  void baitVote() {
    has(BAIT_VOTE, "en", "Would you rather pancakes or waffles? Vote now!", "Coffee or tea? Cast your vote",
        "Team summer or team winter? Vote below!");
    has(BAIT_VOTE, "fr", "Tu préfères café ou thé ? Vote !", "Tu préfères crêpes roulées ou crêpes pliées ?",
        "Plutôt plage ou montagne ? Votez en commentaire", "Team chat ou team chien ? À vos votes !");
    hasNot(BAIT_VOTE, "en", "We vote on Thursday in the general election", "Results of the vote are online");
    hasNot(BAIT_VOTE, "fr", "Les députés ont voté la loi", "Un 👍 si tu préfères le café",
        "Tu préfères le café le matin, nous aussi");
  }

  @Test
  void baitReact() {
    has(BAIT_REACT, "en", "Like if you love coffee!", "React with ❤️ if you are team summer",
        "Hit like if tea is your thing", "Double tap if you agree");
    has(BAIT_REACT, "fr", "Like si tu aimes le café !", "Réagis avec un ❤️ si tu es sucré", "Un 👍 si tu préfères le thé",
        "Mets un like pour soutenir l'équipe");
    hasNot(BAIT_REACT, "en", "I like it if it rains", "Customers like our new app", "We love ❤️ our customers");
    hasNot(BAIT_REACT, "fr", "Il a réagi avec calme", "On aime ❤️ nos clients", "Ça ressemble à un like");
  }

  @Test
  void baitShare() {
    has(BAIT_SHARE, "en", "Retweet if you agree!", "Share if you love summer!", "Share this with every coffee fan you know",
        "RT if you're ready");
    has(BAIT_SHARE, "fr", "RT si tu es d'accord !", "Partagez si vous aimez le sucré !",
        "Partage à tous tes amis fans de thé", "Faites tourner !");
    hasNot(BAIT_SHARE, "en", "Our market share grew in 2019", "Our evangelists share a holistic vision",
        "A shared garden opens in Leeds");
    hasNot(BAIT_SHARE, "fr", "Un jardin partagé ouvre à Lyon", "Le partage a permis de nourrir 200 familles",
        "Nos évangélistes partagent leur vision");
  }

  @Test
  void baitTag() {
    has(BAIT_TAG, "en", "Tag a friend who loves pizza!", "Tag someone who needs coffee", "Tag your tea buddy");
    has(BAIT_TAG, "fr", "Identifie un ami qui adore le café !", "Tague la personne qui aime le thé",
        "Identifie ton binôme de sport", "Identifiez vos amis");
    hasNot(BAIT_TAG, "en", "Price tag: too high", "Tagged by our friends at the fair");
    hasNot(BAIT_TAG, "fr", "La police a identifié le suspect", "Un mur tagué en centre-ville");
  }

  @Test
  void baitComment() {
    has(BAIT_COMMENT, "en", "Comment YES if you want cake!", "Type coffee in the comments!", "Comment 1 for tea",
        "Tell us in the comments");
    has(BAIT_COMMENT, "fr", "Commente OUI si tu veux du café !", "Écris thé en commentaire !",
        "Réponds 1 pour chocolat en commentaire", "Dites-nous en commentaire");
    hasNot(BAIT_COMMENT, "en", "No comment from the minister", "The comments of the jury were kind");
    hasNot(BAIT_COMMENT, "fr", "Le ministre a commenté la réforme", "Plutôt plage ou montagne ? Votez en commentaire");
  }

  @Test
  void hashtagStuffing() {
    has(HASHTAG_STUFFING, "en", "A day out #mode #style #ootd #love", "#a #b #c #d #e");
    has(HASHTAG_STUFFING, "fr", "Une journée à Lyon #mode #style #été #nature");
    hasNot(HASHTAG_STUFFING, "en", "A day out #mode #style #ootd", "Issue #1 #2 and C# code");
    hasNot(HASHTAG_STUFFING, "fr", "Paris #Paris #paris #PARIS #pàris", "Lyon #lyon #design");
    // from the entity list when given (without #), case- and accent-insensitive, distinct
    assertThat(HASHTAG_STUFFING.in(F.flags("Photo", null, List.of("a", "b", "c", "d"), null, "en", CALM))).isTrue();
    assertThat(HASHTAG_STUFFING.in(F.flags("Photo", null, List.of("Été", "ete", "b", "c"), null, "fr", CALM))).isFalse();
    PostFlagger three = new PostFlagger(Lexicons.bundled(), CrisisEvents.bundled(), 3, 3);
    assertThat(HASHTAG_STUFFING.in(three.flags("Lyon #a #b #c", null, null, null, "fr", CALM))).isTrue();
  }

  @Test
  void buzzwords() {
    has(BUZZWORDS, "en", "Synergy, storytelling and engagement: that's our DNA.", "Become a true digital ninja",
        "Our evangelists share a holistic, agile, game-changing vision.", "Thank you to our community");
    has(BUZZWORDS, "fr", "Notre communauté engagée vit une expérience disruptive.", "Devenez un ninja du digital avec nos gourous",
        "Une approche holistique pour booster vos ventes", "Merci à notre COMMUNAUTÉ");
    hasNot(BUZZWORDS, "en", "Our team repairs bikes in Leeds", "Ninjago toys are back in stock");
    hasNot(BUZZWORDS, "fr", "Notre équipe répare des vélos à Lyon", "Il s'engage à répondre vite");
  }

  @Test
  void empty() {
    has(EMPTY, "en", "😍🔥🎉", "", "   ", "@brand 👏", "#love #happy", "https://brand.example/x", "Oh yes!! 😂 🤩",
        "10/10 🔥");
    has(EMPTY, "fr", "😍", "Et voilà 😍", "@marque #top 👀", "C'est ça !");
    hasNot(EMPTY, "en", "Love it 😍", "Finally", "Still nothing...", "Ok thanks");
    hasNot(EMPTY, "fr", "Bravo 👏", "Enfin", "Toujours rien...", "Ok merci");
    assertThat(EMPTY.in(F.flags(null, null, null, null, null, null))).isTrue();
    // stopwords of the post's language only: "et voilà" is not empty as English
    assertThat(EMPTY.in(flags("Et voilà", "en"))).isFalse();
    assertThat(EMPTY.in(flags("Et voilà", null))).isTrue();
  }

  @Test
  void crisisOpportunism() {
    // promotion inside a crisis window
    int m = F.flags("Sale: 30% off running shoes", null, null, null, "en", LOCKDOWN);
    assertThat(names(m)).isEqualTo("self_promotion|crisis_opportunism");
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Soldes : -30 % sur les baskets", null, null, null, "fr", LOCKDOWN))).isTrue();
    // jokey inside a crisis window, either language
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("mdr on est tous en pyjama 🤣", null, null, null, "fr", LOCKDOWN))).isTrue();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("lol, working from the sofa again", null, null, null, "en", LOCKDOWN))).isTrue();
    // Hurricane Sandy: 2012-10-28 .. 2012-11-02 inclusive, UTC
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Flash deal: 20% off", null, null, null, "en",
        Instant.parse("2012-11-02T23:59:59Z")))).isTrue();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Flash deal: 20% off", null, null, null, "en",
        Instant.parse("2012-11-03T00:00:00Z")))).isFalse();
    // a crisis keyword or hashtag ridden with a promotion, whenever posted
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("#StayHome and shop now: 15% off", null, null, null, "en", CALM))).isTrue();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Confinement : -20 % sur tout le site", null, null, null, "fr",
        Instant.parse("2023-06-01T00:00:00Z")))).isTrue();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Livraison offerte", null, List.of("COVID19"), null, "fr", CALM))).isTrue();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Hurricane Sandy special offer", null, null, null, "en", CALM))).isTrue();
    // negatives: promotion outside windows without crisis words; jokey outside windows; crisis words without promotion
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Sale: 30% off running shoes", null, null, null, "en", CALM))).isFalse();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Soldes : -30 % sur les baskets", null, null, null, "fr", CALM))).isFalse();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("mdr 🤣", null, null, null, "fr", CALM))).isFalse();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Restez chez vous #COVID19 #confinement", null, null, null, "fr", LOCKDOWN)))
        .isFalse();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Stay safe, our stores are closed #StayHome", null, null, null, "en",
        LOCKDOWN))).isFalse();
    assertThat(CRISIS_OPPORTUNISM.in(F.flags("Sale: 30% off", null, null, null, "en", null))).isFalse();
  }

  @Test
  void neutralTextsHaveNoFlag() {
    exactly("Notre équipe présente les coulisses de la fabrication ce week-end. Le service client explique la carte"
        + " des points de retrait en Bretagne.", "fr");
    exactly("Our workshop hosts a repair workshop with local partners. The foundation publishes this year's carbon"
        + " report in every branch.", "en");
    exactly("Bonjour Marie, nous sommes désolés pour ce désagrément. Pouvez-vous nous envoyer votre numéro de commande"
        + " en message privé ? ^AB", "fr");
  }

  @Test
  void severalFlagsAtOnce() {
    exactly("Soldes : -30 % ! Identifie ton binôme et partagez 😍 #mode #style #ootd #love https://m.fr/x", "fr",
        SELF_PROMOTION, BAIT_TAG, BAIT_SHARE, HASHTAG_STUFFING);
    exactly("👉 https://brand.example/x", "en", LINK_ONLY, EMPTY);
  }

  @Test
  void serialisedFlaggerGivesTheSameFlags() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(F);
    }
    PostFlagger copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PostFlagger) in.readObject();
    }
    List<String> texts = List.of("Soldes : -30 %", "Tag a friend", "😍", "Tu préfères café ou thé ?", "#a #b #c #d");
    for (String t : texts) {
      assertThat(copy.flags(t, null, null, null, null, LOCKDOWN)).isEqualTo(F.flags(t, null, null, null, null, LOCKDOWN));
    }
  }

  @Test
  void flagsAreOnlyTextFlags() {
    List<String> texts = new ArrayList<>(List.of("Soldes : -30 % #covid19 lol", "Tag a friend", "", "👉 https://x.y"));
    for (String t : texts) assertThat(F.flags(t, null, null, null, null, LOCKDOWN) & ~PostFlagger.TEXT_FLAGS).isZero();
    assertThat(QualityFlag.TEMPLATED_REPLY.in(PostFlagger.TEXT_FLAGS)).isFalse();
    assertThat(QualityFlag.SPAM.in(PostFlagger.TEXT_FLAGS)).isFalse();
  }

  @Test
  void thresholdsAreChecked() {
    assertThatThrownBy(() -> new PostFlagger(Lexicons.bundled(), CrisisEvents.bundled(), 0, 3))
        .isInstanceOf(UsageException.class).hasMessageContaining("quality.hashtag-stuffing");
    assertThatThrownBy(() -> new PostFlagger(Lexicons.bundled(), CrisisEvents.bundled(), 4, 0))
        .isInstanceOf(UsageException.class).hasMessageContaining("quality.link-only-words");
  }

  @Test
  void throughput() {
    // not a timing assert: prints posts per second on this machine for the record
    String[] texts = {"Soldes : -30 % sur les vestes en lin avec le code promo ABCD12. https://m.fr/a",
        "Our team presents the recipe of the month this weekend. Customer care explains the map of pickup points.",
        "@brand Hi, my order 1234 still hasn't arrived, can you help?", "😍🔥", "Tag a friend who loves pizza! #a #b"};
    long t0 = System.nanoTime();
    int n = 200_000;
    long sum = 0;
    for (int i = 0; i < n; i++) sum += F.flags(texts[i % texts.length], null, null, null, i % 2 == 0 ? "fr" : "en", CALM);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("PostFlagger: %,d posts in %.2f s (%,.0f posts/s) [%d]%n", n, s, n / s, sum);
  }
}
