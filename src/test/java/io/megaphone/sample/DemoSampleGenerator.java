package io.megaphone.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the small, deterministic, entirely fictional sample data set shipped under
 * {@code jobs/sample-data/demo/} for the demo job ({@code jobs/demo.yaml}).
 *
 * <p>Run: {@code java -cp target/test-classes:<test classpath> io.megaphone.sample.DemoSampleGenerator
 * jobs/sample-data/demo} (see {@link DemoSampleGeneratorTest} for the exact command). The output is
 * byte-identical on every run: one {@code java.util.Random(20240601L)}, only the specified
 * {@code Random} methods (nextInt(bound), nextDouble, nextGaussian, nextLong), {@code StrictMath},
 * insertion-ordered collections and stable sorts.
 *
 * <h2>Files</h2>
 * <ul>
 *   <li>{@code brands.csv} brand registry: {@code brand,platform,account_id,handle}.
 *   <li>{@code twitter.jsonl} Twitter API v2 search response pages as written by twarc2 (one page per
 *       line; {@code data}, {@code includes.users}, {@code meta}, {@code __twarc}). Text is HTML-escaped
 *       ({@code &amp; &lt; &gt;}) like Twitter does; entity offsets are code-point offsets into the
 *       UNESCAPED text (identical to the escaped text for all tweets without {@code & < >}).
 *   <li>{@code facebook.jsonl}, {@code instagram.jsonl} canonical posts (19 fields, no {@code brand}).
 * </ul>
 *
 * <h2>Planted truth (window 2024-03-01T00:00Z .. 2024-06-01T00:00Z, exclusive)</h2>
 *
 * <p>Each inbound post (a public @mention of a brand handle, a public reply to a brand tweet, a
 * public comment on a brand post, a public post tagging the brand, a follow-up reply to a brand
 * answer) is answered with the brand's probability; the delay is log-normal,
 * {@code median * exp(1.2 * N(0,1))}. Answers that would fall after the window end are not written
 * (right-censored), so realised rates are slightly below the planted ones.
 *
 * <pre>
 *                      planted          | measured on the written files with SPEC 3.1 defaults
 * brand                rate   median    | (H = 7 days, all platforms; what the demo job should print)
 *                                       | inbound  answered  rate    median first response
 * Aurore Télécom       0.92   10 min    |   569      524     0.921   10.0 min
 * Vélo &amp; Co            0.75   45 min    |   236      177     0.750   44.6 min
 * Maison Lumière       0.55    3 h      |   186      101     0.543    2.7 h
 * NordAir              0.35    8 h      |   320      112     0.350    8.0 h
 * Biscuits Mirabelle   0.15    2 days   |   176       20     0.114   30.0 h   (+5 answers after 7 days)
 * PixelBank (robot)    0.00    never    |   194        0     0.000    -
 * </pre>
 *
 * <p>Realised rates and medians track the planted ones closely because the answer draw has a small
 * feedback on the realised rate and the log-normal draws come in antithetic pairs (z, -z). The
 * "inbound" column counts (inbound post, addressed brand) pairs, follow-ups included, brand-to-brand
 * replies excluded; {@link #main} prints the generator's own view of the same figures.
 *
 * <p>Duplication (SPEC 3.2, measured with an exact-Jaccard re-implementation): cross-platform
 * duplication rate 0.43 (Vélo &amp; Co) to 0.63 (Aurore Télécom); self-repetition 0.10 to 0.24 (template
 * collisions and the support account's incident notices add to the ~5 % planted re-posts).
 *
 * <p>Other planted features: Aurore Télécom has two Twitter accounts (AuroreTelecom and the support
 * account AuroreTel_aide, which answers ~40 % of the mentions addressed to the main account and
 * retweets it) and is the heavy poster; about a third of each brand's originals are copied to its
 * other platforms (verbatim or lightly edited, minutes to hours apart; on Instagram the link becomes
 * "lien en bio"); ~5 % are re-posted on the same platform days later; brand retweets (Twitter) and
 * shares (Facebook, {@code is_repost=true}); NordAir replies a few times to Biscuits Mirabelle's
 * tweets (brand-to-brand); ~30 % of public posts are questions; some public mentions use a lower-case
 * handle ({@code @nordair}); a few public tweets mention two brands; unrelated chatter, including
 * brand names without {@code @}, an e-mail address {@code contact@NordAir.fr} and the fan account
 * {@code @NordAir_fans} (neither is inbound to NordAir); public quote tweets of brand tweets; brand
 * originals starting with "RT si ..." (engagement bait, not retweets); hostile text
 * ({@code <script>alert('x')</script>}, {@code &}, quotes, emoji and flags, Arabic and Hebrew) and a
 * hostile display name; heavy-tailed public authors (Zipf). Content-quality material: promotions
 * ("-30 %", "code promo"), engagement bait in the five classes, link-only posts, hashtag stuffing
 * (4-6 hashtags; Instagram originals often get 3 more), buzzwords, emoji-only posts, social spam and
 * self-proclaimed experts (mostly Twitter and Instagram), and a fictional storm #TempêteZoé
 * (2024-04-16 .. 2024-04-18) ridden by a Vélo &amp; Co promotion and a Biscuits Mirabelle joke.
 */
public final class DemoSampleGenerator {

  static final long SEED = 20240601L;
  static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  static final Instant END = Instant.parse("2024-06-01T00:00:00Z");
  static final int DAYS = 92;
  static final double SIGMA = 1.2;
  static final long TWITTER_EPOCH_MS = 1288834974657L;

  static final DateTimeFormatter TWITTER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter ISO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static final String TW = "twitter";
  static final String FB = "facebook";
  static final String IG = "instagram";

  // ------------------------------------------------------------------------------------------------
  // Model

  static final class Brand {
    final String name;
    final double rate;
    final double medianMinutes;
    final int originals;
    final int inbound;
    final double frShare;
    final double likeBase;
    final String domain;
    final String codeWord;
    final String[] products;
    final String[] problemsFr;
    final String[] problemsEn;
    final String[] tags;
    final String[] paths;
    final List<Account> accounts = new ArrayList<>();
    final List<Post> originalsPosted = new ArrayList<>();
    int decisions;
    int yes;
    double pendingZ = Double.NaN;

    Brand(String name, double rate, double medianMinutes, int originals, int inbound, double frShare,
        double likeBase, String domain, String codeWord, String[] products, String[] problemsFr,
        String[] problemsEn, String[] tags, String[] paths) {
      this.name = name;
      this.rate = rate;
      this.medianMinutes = medianMinutes;
      this.originals = originals;
      this.inbound = inbound;
      this.frShare = frShare;
      this.likeBase = likeBase;
      this.domain = domain;
      this.codeWord = codeWord;
      this.products = products;
      this.problemsFr = problemsFr;
      this.problemsEn = problemsEn;
      this.tags = tags;
      this.paths = paths;
    }

    Account account(String platform) {
      for (Account a : accounts) {
        if (a.platform.equals(platform) && a.poster) {
          return a;
        }
      }
      return null;
    }
  }

  static final class Account {
    final Brand brand; // null for the public
    final String platform;
    final String id;
    final String handle;
    final String name;
    final double inboundWeight;
    final boolean poster;
    final String[] sigs;
    final List<Post> posts = new ArrayList<>();

    Account(Brand brand, String platform, String id, String handle, String name, double inboundWeight,
        boolean poster, String[] sigs) {
      this.brand = brand;
      this.platform = platform;
      this.id = id;
      this.handle = handle;
      this.name = name;
      this.inboundWeight = inboundWeight;
      this.poster = poster;
      this.sigs = sigs;
    }
  }

  record UrlRef(String shortUrl, String expanded) {}

  static final class Post {
    String platform;
    String id;
    Account author;
    Instant at;
    String text;
    String lang;
    Post parent;
    String conversationId;
    Post repostOf;
    Post quoteOf;
    boolean brandOriginal;
    boolean positive;
    boolean bait;
    final List<UrlRef> urls = new ArrayList<>();
    long likes;
    long shares;
    long replies;
    long quotes;
    Long views;
  }

  /** One (post, addressed brand account) pair that the brand may answer. */
  static final class Inbound {
    final Brand brand;
    final Account target;
    final Post post;
    final int depth;
    Post answer;
    double delayMinutes;
    boolean censored;

    Inbound(Brand brand, Account target, Post post, int depth) {
      this.brand = brand;
      this.target = target;
      this.post = post;
      this.depth = depth;
    }
  }

  /** What a brand publishes, before it is rendered for a platform. */
  record Content(String body, String url, String lang, String kind) {}

  // ------------------------------------------------------------------------------------------------
  // State

  final Random rnd = new Random(SEED);
  final List<Brand> brands = new ArrayList<>();
  final List<Post> posts = new ArrayList<>();
  final List<Inbound> inbound = new ArrayList<>();
  final Map<String, List<Account>> publicUsers = new LinkedHashMap<>();
  final Map<String, double[]> publicCumWeights = new HashMap<>();
  final Map<String, Account> twitterByHandleLower = new HashMap<>();
  final Set<String> usedIds = new HashSet<>();
  long twitterSeq = 0;
  long facebookSeq = 122_094_000_000_000L;
  long instagramSeq = 17_912_000_000_000_000L;
  Account nordAirFans;

  // ------------------------------------------------------------------------------------------------
  // Entry points

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "jobs/sample-data/demo");
    DemoSampleGenerator g = new DemoSampleGenerator();
    g.generate();
    g.write(dir);
    System.out.println("wrote " + dir.toAbsolutePath().normalize());
    System.out.print(g.summary());
  }

  public static void writeTo(Path dir) throws IOException {
    DemoSampleGenerator g = new DemoSampleGenerator();
    g.generate();
    g.write(dir);
  }

  void generate() {
    defineBrands();
    definePublicUsers();
    brandOriginals();
    publicInbound();
    twoBrandMentions();
    specialInbound();
    answerInbound();
    brandToBrand();
    publicChatter();
    crisisAndSpam();
    brandReposts();
    metrics();
  }

  // ------------------------------------------------------------------------------------------------
  // Brands

  void defineBrands() {
    Brand aurore = new Brand("Aurore Télécom", 0.92, 10, 190, 470, 0.9, 45, "aurore-telecom.fr", "PRINTEMPS",
        new String[] {"box Fibre Max", "forfait 5G 100 Go", "offre Famille Connect", "décodeur Aurore TV", "répéteur Wi-Fi 7"},
        new String[] {"ma box Fibre Max clignote en rouge", "plus de réseau 5G dans tout le quartier",
            "ma facture a encore augmenté", "le décodeur Aurore TV redémarre en boucle", "ma ligne fixe ne marche plus",
            "le débit de la fibre est divisé par dix le soir"},
        new String[] {"my Fibre Max box keeps blinking red", "there's no 5G signal in my area", "my bill went up again",
            "the Aurore TV box keeps rebooting", "my landline is dead"},
        new String[] {"AuroreTelecom", "fibre", "5G", "WiFi7", "bonplan", "AuroreTV", "connecté", "famille", "maison"},
        new String[] {"offres/fibre-max", "offres/5g", "aide/box", "promo/printemps", "tv"});
    Brand velo = new Brand("Vélo & Co", 0.75, 45, 70, 190, 0.85, 25, "veloetco.fr", "ROULE",
        new String[] {"VTT Alpin 29", "vélo cargo Famille", "casque Urbain", "VAE City+", "antivol Ultra"},
        new String[] {"ma commande de VTT Alpin 29 n'est toujours pas arrivée", "le moteur de mon VAE City+ fait un bruit bizarre",
            "il manque une pièce dans le carton du vélo cargo", "le casque Urbain reçu n'est pas à la bonne taille"},
        new String[] {"my Alpin 29 order still hasn't arrived", "my City+ e-bike motor makes a weird noise",
            "a part is missing from my cargo bike box"},
        new String[] {"VeloEtCo", "vélo", "mobilité", "cyclisme", "VAE", "vélotaf", "printemps", "sport"},
        new String[] {"vtt/alpin-29", "cargo/famille", "casques/urbain", "vae/city-plus", "promo"});
    Brand maison = new Brand("Maison Lumière", 0.55, 180, 60, 160, 0.8, 40, "maison-lumiere.fr", "LUMIERE",
        new String[] {"lampe Opaline", "suspension Lune", "guirlande Cosy", "applique Rivage", "bougie Figuier"},
        new String[] {"ma lampe Opaline est arrivée cassée", "la suspension Lune grésille",
            "ma commande n'a toujours pas été expédiée", "la guirlande Cosy ne s'allume plus"},
        new String[] {"my Opaline lamp arrived broken", "the Lune pendant light buzzes", "my order still hasn't shipped"},
        new String[] {"MaisonLumiere", "déco", "luminaire", "homedecor", "cosy", "interiordesign", "faitmain", "design"},
        new String[] {"lampes/opaline", "suspensions/lune", "guirlandes/cosy", "nouveautes", "soldes"});
    Brand nordair = new Brand("NordAir", 0.35, 480, 80, 290, 0.5, 35, "nordair.fr", "NORD",
        new String[] {"vol Lille–Oslo", "classe Confort", "programme NordMiles", "vol Paris–Copenhague", "bagage cabine XL"},
        new String[] {"mon vol Lille–Oslo est annulé sans explication", "ma valise n'est pas arrivée à Oslo",
            "impossible d'utiliser mes NordMiles", "le remboursement de mon vol n'est jamais arrivé"},
        new String[] {"my Lille–Oslo flight got cancelled", "my suitcase never made it to Oslo", "I can't redeem my NordMiles",
            "my refund never arrived"},
        new String[] {"NordAir", "voyage", "travel", "Norway", "avgeek", "Scandinavie", "weekend", "aurora"},
        new String[] {"vols/lille-oslo", "confort", "nordmiles", "vols/paris-copenhague", "offres"});
    Brand mirabelle = new Brand("Biscuits Mirabelle", 0.15, 2880, 60, 160, 0.9, 20, "biscuits-mirabelle.fr", "GOUTER",
        new String[] {"sablés à la mirabelle", "coffret Lorraine", "madeleines pur beurre", "palets bretons", "coffret Fête des mères"},
        new String[] {"le coffret Lorraine est arrivé en miettes", "je ne trouve plus les sablés à la mirabelle en magasin",
            "il y avait un cheveu dans mon paquet de madeleines", "ma commande du coffret Fête des mères est en retard"},
        new String[] {"my Lorraine gift box arrived in crumbs", "I can't find the mirabelle shortbread anywhere"},
        new String[] {"BiscuitsMirabelle", "gourmandise", "Lorraine", "faitmaison", "goûter", "mirabelle", "madeinfrance", "biscuits"},
        new String[] {"boutique/sables", "boutique/coffret-lorraine", "madeleines", "fete-des-meres", "magasins"});
    Brand pixel = new Brand("PixelBank", 0.0, 0, 90, 190, 0.6, 8, "pixelbank.eu", "PIXEL",
        new String[] {"carte Pixel Metal", "appli PixelBank", "compte Pro", "virement instantané", "coffre Épargne"},
        new String[] {"l'appli PixelBank plante à chaque connexion", "ma carte Pixel Metal est bloquée",
            "mon virement instantané n'est jamais arrivé", "on m'a prélevé deux fois le même abonnement"},
        new String[] {"the PixelBank app crashes on login", "my Pixel Metal card is blocked", "my instant transfer never arrived"},
        new String[] {"PixelBank", "fintech", "néobanque", "banque", "épargne", "cashback", "appli", "money"},
        new String[] {"carte-metal", "appli", "pro", "epargne", "parrainage"});
    brands.add(aurore);
    brands.add(velo);
    brands.add(maison);
    brands.add(nordair);
    brands.add(mirabelle);
    brands.add(pixel);

    addAccount(aurore, TW, "9000001", "AuroreTelecom", "Aurore Télécom", 3.0, true, new String[] {"AB", "CL", "MD"});
    addAccount(aurore, TW, "9000002", "AuroreTel_aide", "Aurore Télécom Aide", 1.5, false, new String[] {"JP", "NK", "SR"});
    addAccount(aurore, FB, "fb-100101", "AuroreTelecom", "Aurore Télécom", 1.5, true, new String[] {"AB", "CL"});
    addAccount(aurore, IG, "ig-200101", "aurore_telecom", "Aurore Télécom", 1.0, true, new String[] {"MD"});
    addAccount(velo, TW, "9000003", "VeloEtCo", "Vélo & Co", 2.0, true, new String[] {"TH", "LB"});
    addAccount(velo, IG, "ig-200102", "veloetco", "Vélo & Co", 1.5, true, new String[] {"TH"});
    addAccount(maison, FB, "fb-100103", "MaisonLumiere", "Maison Lumière", 1.5, true, new String[] {"Claire"});
    addAccount(maison, IG, "ig-200103", "maison_lumiere", "Maison Lumière", 1.5, true, new String[] {"Claire"});
    addAccount(nordair, TW, "9000004", "NordAir", "NordAir ✈️", 3.0, true, new String[] {"EK", "SV", "OL"});
    addAccount(nordair, FB, "fb-100104", "NordAirOfficiel", "NordAir", 1.0, true, new String[] {"EK"});
    addAccount(nordair, IG, "ig-200104", "nordair", "NordAir", 1.0, true, new String[] {"SV"});
    addAccount(mirabelle, TW, "9000005", "Mirabelle_FR", "Biscuits Mirabelle", 1.5, true, new String[] {"Cathy"});
    addAccount(mirabelle, FB, "fb-100105", "BiscuitsMirabelle", "Biscuits Mirabelle", 1.5, true, new String[] {"Cathy"});
    addAccount(mirabelle, IG, "ig-200105", "biscuits_mirabelle", "Biscuits Mirabelle", 1.0, true, new String[] {"Cathy"});
    addAccount(pixel, TW, "9000006", "PixelBank", "PixelBank", 2.5, true, new String[] {"PB"});
    addAccount(pixel, FB, "fb-100106", "PixelBankFR", "PixelBank", 1.0, true, new String[] {"PB"});
  }

  void addAccount(Brand b, String platform, String id, String handle, String name, double w, boolean poster,
      String[] sigs) {
    Account a = new Account(b, platform, id, handle, name, w, poster, sigs);
    b.accounts.add(a);
    if (platform.equals(TW)) {
      twitterByHandleLower.put(handle.toLowerCase(Locale.ROOT), a);
    }
  }

  Brand brand(String name) {
    for (Brand b : brands) {
      if (b.name.equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(name);
  }

  // ------------------------------------------------------------------------------------------------
  // The public

  static final String[] FIRST = {"camille", "lea", "hugo", "lucas", "chloe", "manon", "theo", "ines", "jules", "sarah",
      "nathan", "emma", "louis", "jade", "arthur", "lina", "noah", "zoe", "adam", "alice", "yanis", "clara", "enzo",
      "mila", "paul", "nina", "tom", "eva", "sam", "maxime", "kevin", "julie", "marie", "pierre", "sophie", "thomas",
      "olivia", "james", "ella", "liam", "karim", "sofia", "malik", "anais", "bastien", "elodie"};
  static final String[] LAST = {"martin", "bernard", "dubois", "petit", "durand", "leroy", "moreau", "simon", "laurent",
      "lefebvre", "michel", "garcia", "david", "roux", "vincent", "fournier", "morel", "smith", "jones", "taylor",
      "brown", "wilson", "benali", "nguyen", "haddad", "lambert"};
  static final String[] WORDS = {"night", "owl", "pixel", "cafe", "velo", "nord", "lune", "chat", "loup", "soleil",
      "geek", "retro", "foodie", "travel", "zen", "rock", "blue", "mango", "kiwi", "storm", "panda", "crepe"};
  static final String[] NAME_EMOJI = {"🌻", "☕", "🚲", "✈️", "🎧", "🐈", "🌙", "⚽", "📚", "🍪"};

  void definePublicUsers() {
    Set<String> handlesLower = new HashSet<>(twitterByHandleLower.keySet());
    List<Account> tw = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String id;
      do {
        id = rnd.nextInt(2) == 0
            ? Long.toString(10_000_000L + rnd.nextInt(2_000_000_000))
            : Long.toString(1_200_000_000_000_000_000L + Math.floorMod(rnd.nextLong(), 560_000_000_000_000_000L));
      } while (!usedIds.add(id));
      String handle = uniqueHandle(handlesLower, 15);
      String name = displayName();
      if (i == 7) {
        name = "Léa <b>🔥</b> \"la vraie\" & co";
      }
      Account a = new Account(null, TW, id, handle, name, 0, false, null);
      tw.add(a);
      twitterByHandleLower.put(handle.toLowerCase(Locale.ROOT), a);
    }
    // The fan club whose handle starts with a brand handle: @NordAir_fans is NOT @NordAir.
    nordAirFans = new Account(null, TW, "1523456789012345678", "NordAir_fans", "NordAir Fans (non officiel)", 0, false, null);
    usedIds.add(nordAirFans.id);
    twitterByHandleLower.put("nordair_fans", nordAirFans);
    publicUsers.put(TW, tw);

    for (String platform : new String[] {FB, IG}) {
      List<Account> list = new ArrayList<>();
      int n = platform.equals(FB) ? 160 : 170;
      for (int i = 0; i < n; i++) {
        String id;
        do {
          id = (platform.equals(FB) ? "fbu-" : "igu-") + (100000 + rnd.nextInt(900000));
        } while (!usedIds.add(id));
        String handle = uniqueHandle(handlesLower, 24);
        list.add(new Account(null, platform, id, handle, displayName(), 0, false, null));
      }
      publicUsers.put(platform, list);
    }
    // Zipf-like author weights: a handful of users write many posts.
    for (Map.Entry<String, List<Account>> e : publicUsers.entrySet()) {
      double[] cum = new double[e.getValue().size()];
      double s = 0;
      for (int i = 0; i < cum.length; i++) {
        s += 1.0 / StrictMath.pow(i + 1, 0.95);
        cum[i] = s;
      }
      publicCumWeights.put(e.getKey(), cum);
    }
  }

  String uniqueHandle(Set<String> used, int max) {
    while (true) {
      String f = pick(FIRST);
      String l = pick(LAST);
      String w = pick(WORDS);
      String h = switch (rnd.nextInt(6)) {
        case 0 -> f + "_" + l;
        case 1 -> f + (10 + rnd.nextInt(90));
        case 2 -> w + "_" + pick(WORDS);
        case 3 -> cap(f) + cap(l) + (rnd.nextInt(99) + 1);
        case 4 -> "the" + cap(w) + (rnd.nextInt(900) + 100);
        default -> f.charAt(0) + l + (rnd.nextInt(2) == 0 ? "" : "_" + (70 + rnd.nextInt(30)));
      };
      if (h.length() > max) {
        h = h.substring(0, max);
      }
      if (used.add(h.toLowerCase(Locale.ROOT))) {
        return h;
      }
    }
  }

  String displayName() {
    return switch (rnd.nextInt(4)) {
      case 0 -> cap(pick(FIRST)) + " " + cap(pick(LAST));
      case 1 -> cap(pick(FIRST)) + " " + pick(NAME_EMOJI);
      case 2 -> cap(pick(FIRST)) + " " + Character.toUpperCase(pick(LAST).charAt(0)) + ".";
      default -> cap(pick(WORDS)) + " " + cap(pick(WORDS));
    };
  }

  Account pickPublic(String platform) {
    double[] cum = publicCumWeights.get(platform);
    double x = rnd.nextDouble() * cum[cum.length - 1];
    for (int i = 0; i < cum.length; i++) {
      if (x < cum[i]) {
        return publicUsers.get(platform).get(i);
      }
    }
    return publicUsers.get(platform).get(cum.length - 1);
  }

  // ------------------------------------------------------------------------------------------------
  // Brand originals and cross-posting

  static final String[][] NEWS = {
      {"Nouveau : {p} est disponible ! Découvrez-le ici 👉 {url}", "C'est officiel : {p} arrive chez {brand} 🎉 {url}",
          "On vous présente {p} ✨ Plus d'infos : {url}", "{P} fait peau neuve. Toutes les nouveautés ici : {url}"},
      {"New: {p} is here! Check it out 👉 {url}", "It's official: {p} is coming to {brand} 🎉 {url}",
          "Meet {p} ✨ More info: {url}"}};
  static final String[][] PROMO = {
      {"-{pct} % ce week-end sur {p} 🔥 {url}", "Code promo {code} : -{pct} % sur {p} jusqu'à dimanche ! {url}",
          "Offre flash : {p} à prix mini, aujourd'hui seulement ⚡ {url}",
          "Les soldes de printemps chez {brand} : jusqu'à -{pct} % avec le code promo {code} {url}"},
      {"{pct}% off {p} this weekend only 🔥 {url}", "Use promo code {code} for {pct}% off {p} until Sunday! {url}",
          "Flash sale: {p} at a tiny price, today only ⚡ {url}"}};
  static final String[][] BAIT = {
      {"Tu préfères {p} ou {p2} ? 👇", "RT si tu attends {p} avec impatience !", "Like si tu veux gagner {p} 🎁 #concours",
          "Complète la phrase : sans {p}, ma journée est… 👇", "Identifie la personne qui a besoin de {p} 👀",
          "Commente OUI si tu veux {p} 👇", "Partagez si vous aussi vous aimez {p} !"},
      {"Would you rather have {p} or {p2}? 👇", "Tag a friend who needs {p} 👀", "RT if you can't wait for {p}!",
          "Like if you want to win {p} 🎁 #giveaway", "Comment YES if you want {p} 👇"}};
  static final String[][] TAGGY = {
      {"Le printemps est là avec {p} ! {tags}", "{P}, c'est maintenant {tags}", "Nouvelle collection 🌸 {tags}"},
      {"Spring vibes with {p} {tags}", "{P}, now {tags}"}};
  static final String[][] GENERIC = {
      {"Bonne semaine à toutes et à tous ! ☀️", "Merci pour vos nombreux messages, vous êtes formidables ❤️",
          "Nos équipes sont à votre écoute du lundi au samedi, de 8h à 20h.",
          "Petit rappel : {brand} ne vous demandera jamais vos codes par message.",
          "Merci à notre communauté pour son engagement incroyable 🚀", "☀️😎", "🔥🔥🔥"},
      {"Have a great week everyone! ☀️", "Thanks for all your messages, you're amazing ❤️",
          "Our team is here for you Monday to Saturday, 8am to 8pm.",
          "Huge thanks to our community for the amazing engagement 🚀", "😍"}};
  static final String[] SUPPORT_ORIGINALS = {
      "Incident en cours sur le réseau fibre dans la région de {city}. Nos équipes sont mobilisées, retour prévu vers {hh}h.",
      "Maintenance programmée cette nuit de 1h à 5h sur le secteur de {city}. Merci de votre compréhension.",
      "L'incident sur la 5G à {city} est résolu. Merci pour votre patience 🙏",
      "Besoin d'aide ? Écrivez-nous en DM, nous répondons 7j/7 de 8h à 22h."};
  static final String[] CLAIMS_FR = {"Livraison offerte dès 50 € d'achat.", "Offre valable jusqu'au {d} {m}.",
      "Disponible en {n} coloris.", "Garantie {n} ans incluse.", "En magasin et en ligne dès le {d} {m}.",
      "Quantités limitées.", "Satisfait ou remboursé pendant 30 jours.", "Paiement en {n} fois sans frais.",
      "Retrait gratuit en magasin sous {n} heures.", "Nos conseillers vous répondent au 09 70 00 00 0{n}.",
      "Réservé aux membres du club jusqu'au {d} {m}.", "Une édition limitée à {n}00 exemplaires.",
      "Élu produit de l'année par nos clients.", "Retours gratuits jusqu'au {d} {m}."};
  static final String[] CLAIMS_EN = {"Free delivery over €50.", "Offer valid until {m} {d}.", "Available in {n} colours.",
      "{n}-year warranty included.", "Limited stock.",
      "Members get early access until {m} {d}.", "Only {n}00 pieces available.", "Free returns until {m} {d}."};
  static final String[] MONTHS_FR = {"mars", "avril", "mai"};
  static final String[] MONTHS_EN = {"March", "April", "May"};
  static final String[] CITIES = {"Lyon", "Lille", "Nantes", "Rennes", "Metz", "Bordeaux", "Toulouse", "Nancy"};

  void brandOriginals() {
    for (Brand b : brands) {
      List<Account> posters = new ArrayList<>();
      for (Account a : b.accounts) {
        if (a.poster) {
          posters.add(a);
        }
      }
      for (int i = 0; i < b.originals; i++) {
        Content c = makeContent(b);
        Account primary = pickPoster(posters, c);
        Instant t = brandTime();
        Post first = publish(primary, c, t, false);
        if (primary.platform.equals(IG) && rnd.nextDouble() < 0.4) {
          first.text = first.text + " " + igTags(b); // Instagram gets more hashtags than elsewhere
        }
        if (rnd.nextDouble() < 1.0 / 3) {
          for (Account other : posters) {
            if (other == primary || (other.platform.equals(IG) && c.kind.equals("link"))) {
              continue;
            }
            double minutes = 5 + 90 * StrictMath.exp(1.0 * rnd.nextGaussian());
            Instant t2 = t.plusSeconds((long) (StrictMath.min(minutes, 720) * 60));
            boolean edit = rnd.nextDouble() < 0.5;
            if (t2.isBefore(END)) {
              publish(other, c, t2, edit);
            }
          }
        }
        if (rnd.nextDouble() < 0.05) {
          Instant t3 = t.plus(3 + rnd.nextInt(18), ChronoUnit.DAYS).plusSeconds(rnd.nextInt(4 * 3600));
          if (t3.isBefore(END)) {
            Post again = newPost(primary, t3);
            again.text = first.text;
            again.lang = first.lang;
            again.brandOriginal = true;
            again.bait = first.bait;
            for (UrlRef u : first.urls) {
              String shortUrl = u.shortUrl == null ? null : tco();
              again.urls.add(new UrlRef(shortUrl, u.expanded));
              if (shortUrl != null) {
                again.text = again.text.replace(u.shortUrl, shortUrl);
              }
            }
            b.originalsPosted.add(again);
          }
        }
      }
    }
    // The Aurore support account posts incident notices of its own.
    Brand aurore = brand("Aurore Télécom");
    Account aide = aurore.accounts.get(1);
    for (int i = 0; i < 14; i++) {
      String text = pick(SUPPORT_ORIGINALS).replace("{city}", pick(CITIES)).replace("{hh}", Integer.toString(10 + rnd.nextInt(10)));
      Post p = newPost(aide, brandTime());
      p.text = text;
      p.lang = "fr";
      p.brandOriginal = true;
      aurore.originalsPosted.add(p);
    }
  }

  String igTags(Brand b) {
    List<String> tagList = new ArrayList<>();
    while (tagList.size() < 3) {
      String t = pick(new String[] {"instagood", "photooftheday", "love", "instadaily", "mood", pick(b.tags)});
      if (!tagList.contains(t) && !tagList.contains(t.toLowerCase(Locale.ROOT))) {
        tagList.add(t);
      }
    }
    return "#" + String.join(" #", tagList);
  }

  Account pickPoster(List<Account> posters, Content c) {
    double total = 0;
    double[] w = new double[posters.size()];
    for (int i = 0; i < w.length; i++) {
      String pf = posters.get(i).platform;
      w[i] = pf.equals(TW) ? 2.0 : (pf.equals(IG) && c.kind.equals("link")) ? 0 : 1.2;
      total += w[i];
    }
    double x = rnd.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      if (x < w[i]) {
        return posters.get(i);
      }
      x -= w[i];
    }
    return posters.get(0);
  }

  Content makeContent(Brand b) {
    String lang = rnd.nextDouble() < b.frShare ? "fr" : "en";
    int li = lang.equals("fr") ? 0 : 1;
    double k = rnd.nextDouble();
    String kind;
    String tpl;
    if (k < 0.25) {
      kind = "news";
      tpl = pick(NEWS[li]);
    } else if (k < 0.45) {
      kind = "promo";
      tpl = pick(PROMO[li]);
    } else if (k < 0.65) {
      kind = "bait";
      tpl = pick(BAIT[li]);
    } else if (k < 0.73) {
      kind = "link";
      tpl = "{url}";
    } else if (k < 0.85) {
      kind = "tags";
      tpl = pick(TAGGY[li]);
    } else {
      kind = "generic";
      tpl = pick(GENERIC[li]);
    }
    int pi = rnd.nextInt(b.products.length);
    String p = b.products[pi];
    String p2;
    do {
      p2 = pick(b.products);
    } while (p2.equals(p));
    int[] pcts = {10, 15, 20, 25, 30, 40, 50};
    int pct = pcts[rnd.nextInt(pcts.length)];
    String code = b.codeWord + (pct == 30 ? 30 : 10 + rnd.nextInt(40));
    List<String> tagList = new ArrayList<>();
    int nTags = 4 + rnd.nextInt(3);
    while (tagList.size() < nTags) {
      String t = pick(b.tags);
      if (!tagList.contains(t)) {
        tagList.add(t);
      }
    }
    StringBuilder tags = new StringBuilder();
    for (String t : tagList) {
      if (tags.length() > 0) {
        tags.append(' ');
      }
      tags.append('#').append(t);
    }
    String url = null;
    if (tpl.contains("{url}")) {
      url = "https://www." + b.domain + "/" + b.paths[pi];
      if (rnd.nextDouble() < 0.3) {
        url += "?utm_source=social&utm_medium=" + (kind.equals("promo") ? "promo" : "post");
      }
    }
    if (kind.equals("news") || kind.equals("promo") || (kind.equals("tags") && rnd.nextDouble() < 0.5)) {
      String claim = pick(lang.equals("fr") ? CLAIMS_FR : CLAIMS_EN).replace("{d}", Integer.toString(1 + rnd.nextInt(28)))
          .replace("{m}", pick(lang.equals("fr") ? MONTHS_FR : MONTHS_EN)).replace("{n}", Integer.toString(2 + rnd.nextInt(5)));
      int at = tpl.indexOf(tpl.contains(" {url}") ? " {url}" : " {tags}");
      tpl = at < 0 ? tpl + " " + claim : tpl.substring(0, at) + " " + claim + tpl.substring(at);
    }
    String body = tpl.replace("{P}", cap(p)).replace("{p2}", p2).replace("{p}", p).replace("{pct}", Integer.toString(pct))
        .replace("{code}", code).replace("{tags}", tags.toString()).replace("{brand}", b.name);
    return new Content(body, url, lang, kind);
  }

  Post publish(Account a, Content c, Instant t, boolean edit) {
    Post p = newPost(a, t);
    p.lang = c.lang;
    p.brandOriginal = true;
    p.bait = c.kind.equals("bait");
    String body = c.body;
    boolean fr = c.lang.equals("fr");
    if (edit) {
      switch (rnd.nextInt(4)) {
        case 0 -> body = body + " 🔥";
        case 1 -> body = body.startsWith("Nouveau") || body.startsWith("New") ? body + " 🔥"
            : (fr ? "[Nouveau] " : "[New] ") + body;
        case 2 -> {
          int hash = body.lastIndexOf(" #");
          body = hash > 0 ? body.substring(0, hash) : body + " ✨";
        }
        default -> body = body.replace(" !", "!").replace(" ?", "?") + (body.contains(" !") ? "" : " 👇");
      }
    }
    if (c.url != null) {
      if (a.platform.equals(IG) && rnd.nextDouble() < 0.75) {
        body = body.replace("👉 {url}", "{url}").replace("{url}", fr ? "👉 lien en bio" : "👉 link in bio");
      } else if (a.platform.equals(TW)) {
        String s = tco();
        body = body.replace("{url}", s);
        p.urls.add(new UrlRef(s, c.url));
      } else {
        body = body.replace("{url}", c.url);
        p.urls.add(new UrlRef(null, c.url));
      }
    }
    p.text = body;
    a.brand.originalsPosted.add(p);
    return p;
  }

  // ------------------------------------------------------------------------------------------------
  // The public addresses brands

  static final String[][] STATEMENTS = {
      {"{problem} depuis ce matin, c'est pénible 😤", "{problem}. Troisième appel au service client, toujours rien.",
          "merci pour {p}, livraison super rapide 👍", "franchement {p} c'est top, bravo", "{problem}, remboursez-moi svp (commande n° {order})",
          "je viens de recevoir {p}, j'adore 😀", "{problem} 😡😡", "{problem}. Je vais finir par aller voir ailleurs.",
          "bravo pour {p}, enfin une bonne idée"},
      {"{problem} since this morning, not cool 😤", "thanks for {p}, super fast delivery 👍", "honestly {p} is great",
          "{problem}. Third call to support, still nothing.", "just got {p}, love it 😀", "{problem} 😡"}};
  static final String[][] QUESTIONS = {
      {"c'est normal que {problem} ?", "vous livrez {p} en Belgique ?", "bonjour, quand est-ce que {p} revient en stock ?",
          "{problem}, vous pouvez m'aider ?", "il y a un code promo pour {p} ?", "{problem}, je fais comment ??",
          "quelqu'un peut me répondre ? {problem}"},
      {"is {p} available in Belgium?", "when will {p} be back in stock?", "{problem}, can you help?",
          "any promo code for {p}?", "{problem}. What do I do now?"}};
  static final boolean[] POSITIVE_FR = {false, false, true, true, false, true, false, false, true};
  static final boolean[] POSITIVE_EN = {false, true, true, false, true, false};

  void publicInbound() {
    for (Brand b : brands) {
      for (int k = 0; k < b.inbound; k++) {
        Account target = pickWeighted(b.accounts);
        boolean question = rnd.nextDouble() < 0.30;
        String lang = rnd.nextDouble() < b.frShare ? "fr" : "en";
        String[] body = publicBody(b, lang, question);
        boolean positive = body[1] != null;
        Account author = pickPublic(target.platform);
        Post p;
        double mode = rnd.nextDouble();
        List<Post> targets = topLevel(target);
        if (target.platform.equals(TW)) {
          Post parent = mode < 0.45 ? pickParent(targets) : null;
          if (parent != null) {
            p = reply(author, parent, commentTime(parent), "@" + target.handle + " " + body[0], lang);
          } else {
            p = newPost(author, uniformTime());
            p.lang = lang;
            String h = "@" + (rnd.nextDouble() < 0.08 ? target.handle.toLowerCase(Locale.ROOT) : target.handle);
            double pos = rnd.nextDouble();
            if (pos < 0.7) {
              p.text = h + " " + body[0];
            } else if (pos < 0.85 && !question) {
              p.text = cap(body[0]) + " " + h;
            } else {
              p.text = (lang.equals("fr") ? "Dites " : "Hey ") + h + ", " + body[0];
            }
          }
        } else {
          Post parent = mode < 0.88 ? pickParent(targets) : null;
          if (parent != null) {
            String text = cap(body[0]);
            if (target.platform.equals(IG) && rnd.nextDouble() < 0.1) {
              text = "@" + target.handle + " " + body[0];
            }
            p = reply(author, parent, commentTime(parent), text, lang);
          } else {
            p = newPost(author, uniformTime());
            p.lang = lang;
            p.text = cap(body[0]) + " @" + target.handle;
          }
        }
        p.positive = positive;
        inbound.add(new Inbound(b, target, p, 0));
      }
    }
  }

  /** [text, non-null if positive]. */
  String[] publicBody(Brand b, String lang, boolean question) {
    int li = lang.equals("fr") ? 0 : 1;
    String tpl;
    boolean positive = false;
    if (question) {
      tpl = pick(QUESTIONS[li]);
    } else {
      int i = rnd.nextInt(STATEMENTS[li].length);
      tpl = STATEMENTS[li][i];
      positive = (li == 0 ? POSITIVE_FR : POSITIVE_EN)[i];
    }
    String problem = pick(li == 0 ? b.problemsFr : b.problemsEn);
    String text = tpl.replace("{problem}", problem).replace("{p}", pick(b.products))
        .replace("{order}", Integer.toString(4_000_000 + rnd.nextInt(999_999))).replace("{brand}", b.name);
    return new String[] {text, positive ? "+" : null};
  }

  List<Post> topLevel(Account a) {
    List<Post> out = new ArrayList<>();
    for (Post p : a.posts) {
      if (p.brandOriginal && p.repostOf == null && p.at.isBefore(END.minus(2, ChronoUnit.HOURS))) {
        out.add(p);
      }
    }
    return out;
  }

  Post pickParent(List<Post> candidates) {
    return candidates.isEmpty() ? null : candidates.get(rnd.nextInt(candidates.size()));
  }

  Instant commentTime(Post parent) {
    double minutes = 3 + 60 * StrictMath.exp(1.5 * rnd.nextGaussian());
    Instant t = parent.at.plusSeconds((long) (minutes * 60));
    if (!t.isBefore(END)) {
      t = parent.at.plusSeconds(60 + rnd.nextInt(3600));
    }
    return t;
  }

  static final String[][] TWO_BRANDS = {
      {"{a} {b} vous devriez faire une collab, ce serait génial 😀", "{a} ou {b}, qui a le meilleur service client ?",
          "Franchement {a} répond plus vite que {b}", "{a} {b} qui sponsorise le prochain match ?"},
      {"{a} {b} you two should do a collab 😀", "{a} or {b}, who has the better customer service?"}};

  void twoBrandMentions() {
    List<Account> tw = new ArrayList<>();
    for (Brand b : brands) {
      Account a = b.account(TW);
      if (a != null) {
        tw.add(a);
      }
    }
    for (int i = 0; i < 16; i++) {
      Account a = tw.get(rnd.nextInt(tw.size()));
      Account c;
      do {
        c = tw.get(rnd.nextInt(tw.size()));
      } while (c == a);
      String lang = rnd.nextDouble() < 0.75 ? "fr" : "en";
      Post p = newPost(pickPublic(TW), uniformTime());
      p.lang = lang;
      p.text = pick(TWO_BRANDS[lang.equals("fr") ? 0 : 1]).replace("{a}", "@" + a.handle).replace("{b}", "@" + c.handle);
      inbound.add(new Inbound(a.brand, a, p, 0));
      inbound.add(new Inbound(c.brand, c, p, 0));
    }
  }

  /** Hostile and edge-case inbound posts, planted once each. */
  void specialInbound() {
    Brand pixel = brand("PixelBank");
    Brand nordair = brand("NordAir");
    Brand maison = brand("Maison Lumière");
    Brand velo = brand("Vélo & Co");
    Account pixelTw = pixel.account(TW);
    Post p1 = newPost(pickPublic(TW), uniformTime());
    p1.lang = "fr";
    p1.text = "@PixelBank <script>alert('x')</script> voilà ce que je pense de votre appli";
    inbound.add(new Inbound(pixel, pixelTw, p1, 0));

    Account nordTw = nordair.account(TW);
    Post p2 = newPost(pickPublic(TW), uniformTime());
    p2.lang = "fr";
    p2.text = "@NordAir Merci pour le vol ✈️ شكرا جزيلا 🇲🇦 & à bientôt";
    p2.positive = true;
    inbound.add(new Inbound(nordair, nordTw, p2, 0));

    Account maisonFb = maison.account(FB);
    Post parent3 = pickParent(topLevel(maisonFb));
    Post p3 = reply(pickPublic(FB), parent3, commentTime(parent3),
        "Vous êtes \"sérieux\" ? 3 semaines & toujours rien <script>alert('x')</script>", "fr");
    inbound.add(new Inbound(maison, maisonFb, p3, 0));

    Account veloIg = velo.account(IG);
    Post parent4 = pickParent(topLevel(veloIg));
    Post p4 = reply(pickPublic(IG), parent4, commentTime(parent4), "Trop beau 😀🔥🇫🇷🇳🇴 !!! 👏🏽", "fr");
    inbound.add(new Inbound(velo, veloIg, p4, 0));

    Account nordIg = nordair.account(IG);
    Post parent5 = pickParent(topLevel(nordIg));
    Post p5 = reply(pickPublic(IG), parent5, commentTime(parent5), "שלום! Vous desservez Tel Aviv ?", "fr");
    inbound.add(new Inbound(nordair, nordIg, p5, 0));
  }

  // ------------------------------------------------------------------------------------------------
  // Brands answer

  static final String[][] ANSWERS = {
      {"{g}, pouvez-vous nous envoyer un DM avec votre numéro de commande ? ^{sig}",
          "{g}, pouvez-vous nous envoyer un DM avec votre numéro de commande ? ^{sig}",
          "{g}, nous sommes désolés pour la gêne occasionnée. Un conseiller revient vers vous en DM. ^{sig}",
          "{g}, merci pour votre message ! 😊 ^{sig}", "{g}, c'est noté, nous transmettons à l'équipe concernée. ^{sig}",
          "{g}, merci beaucoup, ravis que {p} vous plaise ! ^{sig}", "{g}, nous regardons cela tout de suite. ^{sig}"},
      {"{g}, could you DM us your order number? ^{sig}", "{g}, could you DM us your order number? ^{sig}",
          "{g}, sorry for the trouble! An agent will get back to you by DM. ^{sig}", "{g}, thanks for your message! 😊 ^{sig}",
          "{g}, glad you like {p}! ^{sig}"}};
  static final String[][] FOLLOW_THANKS = {
      {"merci, c'est réglé 🙏", "super, merci pour la réactivité !", "ok je vous envoie ça en DM"},
      {"thanks, sorted 🙏", "great, thanks for the quick answer!"}};
  static final String[][] FOLLOW_AGAIN = {
      {"toujours aucune réponse à mon DM, c'est normal ?", "et du coup, c'est pour quand ?"},
      {"still no answer to my DM, is that normal?", "so when will it be fixed?"}};

  void answerInbound() {
    Brand aurore = brand("Aurore Télécom");
    Account aide = aurore.accounts.get(1);
    for (int i = 0; i < inbound.size(); i++) {
      Inbound in = inbound.get(i);
      Brand b = in.brand;
      // Bernoulli(rate) with a little feedback so that the realised rate stays close to the planted one.
      double p = StrictMath.max(0, StrictMath.min(1, b.rate + 0.3 * (b.rate * b.decisions - b.yes)));
      b.decisions++;
      if (!(rnd.nextDouble() < p)) {
        continue;
      }
      b.yes++;
      // Antithetic normal draws (z, -z): the realised median delay stays close to the planted median.
      double z;
      if (Double.isNaN(b.pendingZ)) {
        z = rnd.nextGaussian();
        b.pendingZ = -z;
      } else {
        z = b.pendingZ;
        b.pendingZ = Double.NaN;
      }
      double minutes = b.medianMinutes * StrictMath.exp(SIGMA * z);
      long seconds = StrictMath.max(40, StrictMath.round(minutes * 60));
      Instant t = in.post.at.plusSeconds(seconds);
      Account responder = in.target;
      if (responder.platform.equals(TW) && responder.brand == aurore && responder.poster && rnd.nextDouble() < 0.4) {
        responder = aide;
      }
      if (!t.isBefore(END)) {
        in.censored = true;
        continue;
      }
      String lang = in.post.lang;
      int li = lang.equals("fr") ? 0 : 1;
      String u = in.post.author.handle;
      String g = responder.platform.equals(TW)
          ? (li == 0 ? "Bonjour" : "Hi")
          : (li == 0 ? "Bonjour @" + u : "Hi @" + u);
      String body = pick(ANSWERS[li]).replace("{g}", g).replace("{sig}", pick(responder.sigs)).replace("{p}", pick(b.products));
      String text = responder.platform.equals(TW) ? "@" + u + " " + body : body;
      Post r = reply(responder, in.post, t, text, lang);
      in.answer = r;
      in.delayMinutes = seconds / 60.0;
      if (in.depth < 2 && in.post.author.brand == null && rnd.nextDouble() < 0.2) {
        boolean again = rnd.nextDouble() < 0.4;
        String fb = pick((again ? FOLLOW_AGAIN : FOLLOW_THANKS)[li]);
        Instant t2 = t.plusSeconds((long) (60 * (2 + 40 * StrictMath.exp(rnd.nextGaussian()))));
        if (t2.isBefore(END)) {
          String ftext = responder.platform.equals(TW) ? "@" + responder.handle + " " + fb : cap(fb);
          Post f = reply(in.post.author, r, t2, ftext, lang);
          inbound.add(new Inbound(b, responder, f, in.depth + 1));
        }
      }
    }
  }

  static final String[] B2B = {"On en embarque à bord quand vous voulez ✈️🍪", "Les sablés à la mirabelle à 10 000 pieds, ça vous dit ? 😉",
      "Collab NordAir × Mirabelle en classe Confort, on signe où ?", "Nos équipages valident 👍"};

  void brandToBrand() {
    Account nordTw = brand("NordAir").account(TW);
    Account mirTw = brand("Biscuits Mirabelle").account(TW);
    List<Post> targets = topLevel(mirTw);
    for (int i = 0; i < 6 && !targets.isEmpty(); i++) {
      Post parent = targets.remove(rnd.nextInt(targets.size()));
      Instant t = parent.at.plusSeconds(600 + rnd.nextInt(6 * 3600));
      if (t.isBefore(END)) {
        reply(nordTw, parent, t, "@" + mirTw.handle + " " + B2B[i % B2B.length], "fr");
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Chatter, quotes, reposts

  static final String[][] CHATTER = {
      {"Quelle journée… vivement le week-end ☕", "Le match hier soir 🔥", "Qui a des recos de séries ?",
          "Pris un vol NordAir hier, rien à signaler", "Les sablés Mirabelle de ma grand-mère 😍 rien ne les bat",
          "Il pleut encore à Lille 🌧️", "Quelqu'un va au concert samedi ?", "Nouvelle semaine, nouveaux objectifs 💪 #lundi",
          "Mon chat a encore cassé une lampe 🙃", "Vous bossez en télétravail aujourd'hui ?", "Ma box Aurore fait des siennes, comme d'hab",
          "Premier trajet en vélo cargo ce matin, les enfants ont adoré #vélotaf", "Enfin le soleil ☀️☀️",
          "Ce podcast sur la fintech est passionnant", "Rien de tel qu'un goûter madeleines + chocolat chaud"},
      {"Coffee first ☕", "Anyone watching the game tonight?", "Can't believe it's already spring",
          "Flying to Oslo next week, any tips?", "New blog post is up, link in bio", "Monday again 🙃", "This weather though 🌧️"}};
  static final String[][] PUBLIC_REPLIES = {{"grave 😂", "trop vrai", "tu m'étonnes", "pareil ici", "c'est où ?"},
      {"haha same", "so true", "where is that?", "lol"}};
  static final String[][] QUOTES = {{"Enfin !", "lol non", "Ça c'est une vraie bonne nouvelle 👏", "Toujours aussi cher…"},
      {"Finally!", "Who asked?", "Now that's good news 👏"}};

  void publicChatter() {
    List<Post> twChatter = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      String lang = rnd.nextDouble() < 0.75 ? "fr" : "en";
      Post p = newPost(pickPublic(TW), uniformTime());
      p.lang = lang;
      p.text = pick(CHATTER[lang.equals("fr") ? 0 : 1]);
      twChatter.add(p);
    }
    // Not inbound to NordAir: an e-mail address and a longer handle.
    Post mail = newPost(pickPublic(TW), uniformTime());
    mail.lang = "fr";
    mail.text = "Pour les remboursements, écrivez à contact@NordAir.fr, ils répondent sous 48h";
    twChatter.add(mail);
    Post fans = newPost(pickPublic(TW), uniformTime());
    fans.lang = "fr";
    fans.text = "@NordAir_fans super photo de l'A320 hier à Lesquin ✈️";
    twChatter.add(fans);
    for (int i = 0; i < 6; i++) {
      Post f = newPost(nordAirFans, uniformTime());
      f.lang = "fr";
      f.text = pick(new String[] {"Spotting du jour à Lille-Lesquin ✈️ #avgeek", "Le nouvel A320 aux couleurs nordiques 😍 #avgeek #NordAir",
          "Compte non officiel, pour toute réclamation voyez directement la compagnie."});
      twChatter.add(f);
    }
    // Public-to-public replies.
    for (int i = 0; i < 45; i++) {
      Post parent = twChatter.get(rnd.nextInt(twChatter.size()));
      Account author = pickPublic(TW);
      if (author == parent.author) {
        continue;
      }
      String lang = parent.lang;
      reply(author, parent, commentTime(parent),
          "@" + parent.author.handle + " " + pick(PUBLIC_REPLIES[lang.equals("fr") ? 0 : 1]), lang);
    }
    // Quote tweets of brand tweets (no @mention).
    List<Post> brandTweets = new ArrayList<>();
    for (Brand b : brands) {
      for (Post p : b.originalsPosted) {
        if (p.platform.equals(TW) && p.at.isBefore(END.minus(1, ChronoUnit.DAYS))) {
          brandTweets.add(p);
        }
      }
    }
    for (int i = 0; i < 10; i++) {
      Post q = brandTweets.get(rnd.nextInt(brandTweets.size()));
      String lang = q.lang;
      Post p = newPost(pickPublic(TW), commentTime(q));
      p.lang = lang;
      p.quoteOf = q;
      String s = tco();
      p.text = pick(QUOTES[lang.equals("fr") ? 0 : 1]) + " " + s;
      p.urls.add(new UrlRef(s, "https://twitter.com/" + q.author.handle + "/status/" + q.id));
    }
    // Facebook / Instagram chatter by the public.
    for (String platform : new String[] {FB, IG}) {
      for (int i = 0; i < 35; i++) {
        String lang = rnd.nextDouble() < 0.8 ? "fr" : "en";
        Post p = newPost(pickPublic(platform), uniformTime());
        p.lang = lang;
        p.text = pick(CHATTER[lang.equals("fr") ? 0 : 1]);
      }
    }
  }

  static final String[][] SPAM = {
      {"Gagnez 500 € par jour depuis chez vous 💰 {url}", "🔥 iPhone 15 à gagner, clique vite 🔥 {url}",
          "Crypto x100 garanti 🚀🚀 rejoins mon canal {url}", "Coach business certifié depuis 3 semaines 🚀 DM pour doubler ton CA",
          "Je t'apprends à devenir rentier en 30 jours, places limitées {url}"},
      {"Earn $500 a day from home 💰 {url}", "Follow back? 🙏 #followback #f4f #like4like #instagood",
          "Growth hacking guru 🚀 DM me to 10x your engagement"}};
  static final String[] SPAM_DOMAINS = {"bit.ly/3gAgN3z", "cutt.ly/winbig", "tinyurl.com/crypt0x100", "bit.ly/rentier30"};
  static final String[] CRISIS_PUBLIC = {"La #TempêteZoé a arraché le toit de l'école, tout le monde va bien heureusement",
      "Plus d'électricité depuis hier soir à cause de la #TempêteZoé", "Courage à tous les sinistrés de la #TempêteZoé 🙏",
      "Arbres tombés partout sur la route de Nancy #TempêteZoé", "Alerte rouge maintenue pour la #TempêteZoé, restez chez vous"};

  /**
   * A fictional storm (#TempêteZoé, 2024-04-16 .. 2024-04-18) that two brands ride with a promotion and a
   * joke (the psychopath), and social spam / self-proclaimed experts, most of it on Twitter and Instagram.
   */
  void crisisAndSpam() {
    Instant crisis = Instant.parse("2024-04-16T00:00:00Z");
    for (int i = 0; i < 24; i++) {
      String platform = i % 6 == 0 ? FB : i % 6 == 1 ? IG : TW;
      Post p = newPost(pickPublic(platform), crisis.plusSeconds(rnd.nextInt(3 * 86400)));
      p.lang = "fr";
      p.text = pick(CRISIS_PUBLIC);
    }
    Brand velo = brand("Vélo & Co");
    Content promo = new Content("Coincés à la maison par la #TempêteZoé ? Profitez-en : -20 % sur les VAE avec le code "
        + "promo TEMPETE20 🌪️ {url}", "https://www.veloetco.fr/promo?utm_source=social&utm_medium=promo", "fr", "promo");
    Instant t = crisis.plusSeconds(86400 + 9 * 3600 + 1200);
    publish(velo.account(TW), promo, t, false);
    publish(velo.account(IG), promo, t.plusSeconds(1800), false);
    Brand mirabelle = brand("Biscuits Mirabelle");
    Content joke = new Content("Tempête dehors, goûter dedans 🍪😂 #TempêteZoé #goûter", null, "fr", "generic");
    publish(mirabelle.account(FB), joke, crisis.plusSeconds(86400 + 15 * 3600), false);

    int[] perPlatform = {34, 22, 6};
    String[] platforms = {TW, IG, FB};
    for (int k = 0; k < platforms.length; k++) {
      for (int i = 0; i < perPlatform[k]; i++) {
        String lang = rnd.nextDouble() < 0.7 ? "fr" : "en";
        Post p = newPost(pickPublic(platforms[k]), uniformTime());
        p.lang = lang;
        String tpl = pick(SPAM[lang.equals("fr") ? 0 : 1]);
        if (tpl.contains("{url}")) {
          String expanded = "https://" + pick(SPAM_DOMAINS);
          String shown = platforms[k].equals(TW) ? tco() : expanded;
          tpl = tpl.replace("{url}", shown);
          p.urls.add(new UrlRef(platforms[k].equals(TW) ? shown : null, expanded));
        }
        p.text = tpl;
      }
    }
  }

  void brandReposts() {
    // Brands retweet nice things people said about them.
    List<Inbound> nice = new ArrayList<>();
    for (Inbound in : inbound) {
      if (in.post.positive && in.post.platform.equals(TW) && in.depth == 0 && in.brand.rate > 0
          && in.post.at.isBefore(END.minus(1, ChronoUnit.DAYS))) {
        nice.add(in);
      }
    }
    for (int i = 0; i < 28 && !nice.isEmpty(); i++) {
      Inbound in = nice.remove(rnd.nextInt(nice.size()));
      Account by = in.brand.account(TW);
      retweet(by, in.post, in.post.at.plusSeconds(600 + rnd.nextInt(20 * 3600)));
    }
    // The support account retweets the main account; PixelBank's robot retweets itself.
    Brand aurore = brand("Aurore Télécom");
    List<Post> main = topLevel(aurore.accounts.get(0));
    for (int i = 0; i < 8; i++) {
      Post o = main.get(rnd.nextInt(main.size()));
      retweet(aurore.accounts.get(1), o, o.at.plusSeconds(300 + rnd.nextInt(3 * 3600)));
    }
    Account pixelTw = brand("PixelBank").account(TW);
    List<Post> pix = topLevel(pixelTw);
    for (int i = 0; i < 6; i++) {
      Post o = pix.get(rnd.nextInt(pix.size()));
      retweet(pixelTw, o, o.at.plus(2 + rnd.nextInt(10), ChronoUnit.DAYS));
    }
    // Facebook shares: own older posts ("throwback") and another brand's post.
    List<Account> fbs = new ArrayList<>();
    for (Brand b : brands) {
      if (b.account(FB) != null) {
        fbs.add(b.account(FB));
      }
    }
    for (int i = 0; i < 12; i++) {
      Account by = fbs.get(rnd.nextInt(fbs.size()));
      Account from = rnd.nextDouble() < 0.6 ? by : fbs.get(rnd.nextInt(fbs.size()));
      List<Post> cand = topLevel(from);
      Post o = cand.get(rnd.nextInt(cand.size()));
      Instant t = o.at.plus(1 + rnd.nextInt(20), ChronoUnit.DAYS).plusSeconds(rnd.nextInt(6 * 3600));
      if (!t.isBefore(END)) {
        continue;
      }
      Post s = newPost(by, t);
      s.repostOf = o;
      s.lang = o.lang;
      s.text = o.text;
      for (UrlRef u : o.urls) {
        s.urls.add(u);
      }
    }
  }

  void retweet(Account by, Post orig, Instant t) {
    if (!t.isBefore(END) || orig.author == by) {
      return;
    }
    for (Post p : by.posts) {
      if (p.repostOf == orig) {
        return;
      }
    }
    Post p = newPost(by, t);
    p.repostOf = orig;
    p.lang = orig.lang;
    String text = "RT @" + orig.author.handle + ": " + orig.text;
    if (text.codePointCount(0, text.length()) > 140) {
      text = text.substring(0, text.offsetByCodePoints(0, 139)) + "…";
    }
    p.text = text;
    for (UrlRef u : orig.urls) {
      if (u.shortUrl != null && text.contains(u.shortUrl)) {
        p.urls.add(u);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Metrics

  void metrics() {
    Map<Post, Integer> childReplies = new HashMap<>();
    Map<Post, Integer> childReposts = new HashMap<>();
    Map<Post, Integer> childQuotes = new HashMap<>();
    for (Post p : posts) {
      if (p.parent != null) {
        childReplies.merge(p.parent, 1, Integer::sum);
      }
      if (p.repostOf != null) {
        childReposts.merge(p.repostOf, 1, Integer::sum);
      }
      if (p.quoteOf != null) {
        childQuotes.merge(p.quoteOf, 1, Integer::sum);
      }
    }
    for (Post p : posts) {
      if (p.repostOf != null && p.platform.equals(TW)) {
        continue; // copied from the original below
      }
      double base;
      if (p.author.brand != null) {
        base = p.brandOriginal ? p.author.brand.likeBase * (p.bait ? 3 : 1) : 1.5;
      } else {
        base = p.parent == null ? 2 : 0.6;
      }
      long likes = StrictMath.round(base * StrictMath.exp(1.0 * rnd.nextGaussian()));
      long extraReplies = p.author.brand != null && p.brandOriginal ? rnd.nextInt(4) : (rnd.nextInt(6) == 0 ? 1 : 0);
      p.likes = likes;
      p.replies = childReplies.getOrDefault(p, 0) + extraReplies;
      p.shares = childReposts.getOrDefault(p, 0) + StrictMath.round(likes * 0.12 * rnd.nextDouble());
      p.quotes = childQuotes.getOrDefault(p, 0) + (p.brandOriginal && rnd.nextInt(5) == 0 ? 1 : 0);
      if (p.platform.equals(IG) && p.brandOriginal && rnd.nextDouble() < 0.4) {
        p.views = likes * (20 + rnd.nextInt(40));
      }
    }
    for (Post p : posts) {
      if (p.repostOf != null && p.platform.equals(TW)) {
        p.likes = 0;
        p.replies = 0;
        p.quotes = 0;
        p.shares = p.repostOf.shares;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Post construction

  Post newPost(Account a, Instant at) {
    Post p = new Post();
    p.platform = a.platform;
    p.author = a;
    p.at = at.truncatedTo(ChronoUnit.SECONDS);
    p.id = nextId(a.platform, p.at);
    p.conversationId = p.id;
    posts.add(p);
    a.posts.add(p);
    return p;
  }

  Post reply(Account author, Post parent, Instant at, String text, String lang) {
    Post p = newPost(author, at);
    p.parent = parent;
    p.conversationId = parent.conversationId;
    p.text = text;
    p.lang = lang;
    return p;
  }

  String nextId(String platform, Instant at) {
    String id;
    switch (platform) {
      case TW -> {
        long ms = at.toEpochMilli() + rnd.nextInt(1000);
        id = Long.toString(((ms - TWITTER_EPOCH_MS) << 22) | (++twitterSeq & 0x3FFFFFL));
      }
      case FB -> {
        facebookSeq += 1 + rnd.nextInt(5000);
        id = Long.toString(facebookSeq);
      }
      default -> {
        instagramSeq += 1 + rnd.nextInt(500_000);
        id = Long.toString(instagramSeq);
      }
    }
    if (!usedIds.add(platform + ":" + id)) {
      throw new IllegalStateException("duplicate id " + id);
    }
    return id;
  }

  String tco() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("https://t.co/");
    for (int i = 0; i < 10; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  Instant brandTime() {
    return START.plus(rnd.nextInt(DAYS), ChronoUnit.DAYS).plusSeconds(6L * 3600 + rnd.nextInt(14 * 3600));
  }

  Instant uniformTime() {
    return START.plusSeconds((long) (rnd.nextDouble() * (END.getEpochSecond() - START.getEpochSecond())));
  }

  Account pickWeighted(List<Account> accounts) {
    double total = 0;
    for (Account a : accounts) {
      total += a.inboundWeight;
    }
    double x = rnd.nextDouble() * total;
    for (Account a : accounts) {
      if (x < a.inboundWeight) {
        return a;
      }
      x -= a.inboundWeight;
    }
    return accounts.get(accounts.size() - 1);
  }

  <T> T pick(T[] values) {
    return values[rnd.nextInt(values.length)];
  }

  static String cap(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  // ------------------------------------------------------------------------------------------------
  // Writing

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TW_MENTION = Pattern.compile("(?<![A-Za-z0-9_!#$%&*@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])");
  static final Pattern ANY_MENTION = Pattern.compile("(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]+)");
  static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}_]*)");

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeBrands(dir.resolve("brands.csv"));
    writeTwitter(dir.resolve("twitter.jsonl"));
    writeCanonical(dir.resolve("facebook.jsonl"), FB);
    writeCanonical(dir.resolve("instagram.jsonl"), IG);
  }

  void writeBrands(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("brand,platform,account_id,handle\n");
    for (Brand b : brands) {
      for (Account a : b.accounts) {
        sb.append(csv(b.name)).append(',').append(csv(a.platform)).append(',').append(csv(a.id)).append(',')
            .append(csv(a.handle)).append('\n');
      }
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  List<Post> sorted(String platform, boolean newestFirst) {
    List<Post> out = new ArrayList<>();
    for (Post p : posts) {
      if (p.platform.equals(platform)) {
        out.add(p);
      }
    }
    Comparator<Post> c = Comparator.comparing((Post p) -> p.at).thenComparing(p -> p.id.length()).thenComparing(p -> p.id);
    out.sort(newestFirst ? c.reversed() : c);
    return out;
  }

  void writeTwitter(Path file) throws IOException {
    List<Post> tweets = sorted(TW, true);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    String nextToken = null;
    while (i < tweets.size()) {
      int size = StrictMath.min(tweets.size() - i, 100 - (rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0));
      List<Post> page = tweets.subList(i, i + size);
      i += size;
      ObjectNode root = JSON.createObjectNode();
      ArrayNode data = root.putArray("data");
      Map<String, Account> users = new LinkedHashMap<>();
      for (Post p : page) {
        data.add(tweetJson(p, users));
      }
      ArrayNode us = root.putObject("includes").putArray("users");
      for (Account a : users.values()) {
        ObjectNode u = us.addObject();
        u.put("id", a.id);
        u.put("username", a.handle);
        u.put("name", a.name);
      }
      ObjectNode meta = root.putObject("meta");
      meta.put("newest_id", page.get(0).id);
      meta.put("oldest_id", page.get(page.size() - 1).id);
      meta.put("result_count", page.size());
      String token = i < tweets.size() ? token() : null;
      if (token != null) {
        meta.put("next_token", token);
      }
      ObjectNode twarc = root.putObject("__twarc");
      twarc.put("url", "https://api.twitter.com/2/tweets/search/all?expansions=author_id%2Centities.mentions.username"
          + "%2Cin_reply_to_user_id%2Creferenced_tweets.id&tweet.fields=author_id%2Cconversation_id%2Ccreated_at"
          + "%2Centities%2Cin_reply_to_user_id%2Clang%2Cpublic_metrics%2Creferenced_tweets&user.fields=name%2Cusername"
          + "&max_results=100&start_time=2024-03-01T00%3A00%3A00Z&end_time=2024-06-01T00%3A00%3A00Z&query=demo"
          + (nextToken == null ? "" : "&next_token=" + nextToken));
      twarc.put("version", "2.14.0");
      twarc.put("retrieved_at", "2024-06-02T08:" + two(i / 100 % 60) + ":" + two((i * 7) % 60) + "+00:00");
      nextToken = token;
      sb.append(JSON.writeValueAsString(root)).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  String token() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("b26v89c19zqg8o3f");
    for (int k = 0; k < 30; k++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  ObjectNode tweetJson(Post p, Map<String, Account> users) {
    users.putIfAbsent(p.author.id, p.author);
    ObjectNode t = JSON.createObjectNode();
    t.put("id", p.id);
    t.put("text", htmlEscape(p.text));
    t.put("author_id", p.author.id);
    t.put("created_at", TWITTER_TIME.format(p.at));
    t.put("conversation_id", p.conversationId);
    t.put("lang", p.lang);
    if (p.parent != null) {
      t.put("in_reply_to_user_id", p.parent.author.id);
      users.putIfAbsent(p.parent.author.id, p.parent.author);
    }
    if (p.parent != null || p.repostOf != null || p.quoteOf != null) {
      ArrayNode refs = t.putArray("referenced_tweets");
      ObjectNode r = refs.addObject();
      if (p.repostOf != null) {
        r.put("type", "retweeted");
        r.put("id", p.repostOf.id);
      } else if (p.quoteOf != null) {
        r.put("type", "quoted");
        r.put("id", p.quoteOf.id);
      } else {
        r.put("type", "replied_to");
        r.put("id", p.parent.id);
      }
    }
    ObjectNode entities = JSON.createObjectNode();
    ArrayNode mentions = JSON.createArrayNode();
    Matcher m = TW_MENTION.matcher(p.text);
    while (m.find()) {
      Account a = twitterByHandleLower.get(m.group(1).toLowerCase(Locale.ROOT));
      if (a == null) {
        continue;
      }
      ObjectNode e = mentions.addObject();
      e.put("start", cp(p.text, m.start()));
      e.put("end", cp(p.text, m.end()));
      e.put("username", m.group(1));
      e.put("id", a.id);
      users.putIfAbsent(a.id, a);
    }
    ArrayNode hashtags = JSON.createArrayNode();
    Matcher h = HASHTAG.matcher(p.text);
    while (h.find()) {
      ObjectNode e = hashtags.addObject();
      e.put("start", cp(p.text, h.start()));
      e.put("end", cp(p.text, h.end()));
      e.put("tag", h.group(1));
    }
    ArrayNode urls = JSON.createArrayNode();
    for (UrlRef u : p.urls) {
      int at = p.text.indexOf(u.shortUrl);
      if (at < 0) {
        continue;
      }
      ObjectNode e = urls.addObject();
      e.put("start", cp(p.text, at));
      e.put("end", cp(p.text, at + u.shortUrl.length()));
      e.put("url", u.shortUrl);
      e.put("expanded_url", u.expanded);
      String display = u.expanded.replaceFirst("^https?://(www\\.)?", "");
      e.put("display_url", display.length() > 26 ? display.substring(0, 25) + "…" : display);
    }
    if (!hashtags.isEmpty()) {
      entities.set("hashtags", hashtags);
    }
    if (!mentions.isEmpty()) {
      entities.set("mentions", mentions);
    }
    if (!urls.isEmpty()) {
      entities.set("urls", urls);
    }
    if (!entities.isEmpty()) {
      t.set("entities", entities);
    }
    ObjectNode pm = t.putObject("public_metrics");
    pm.put("retweet_count", p.shares);
    pm.put("reply_count", p.replies);
    pm.put("like_count", p.likes);
    pm.put("quote_count", p.quotes);
    return t;
  }

  static int cp(String s, int charIndex) {
    return s.codePointCount(0, charIndex);
  }

  static String htmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  void writeCanonical(Path file, String platform) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Post p : sorted(platform, false)) {
      ObjectNode o = JSON.createObjectNode();
      o.put("platform", platform);
      o.put("post_id", p.id);
      o.put("account_id", p.author.id);
      o.put("account_handle", p.author.handle);
      o.put("created_at", ISO_TIME.format(p.at));
      o.put("text", p.text);
      o.put("lang", p.lang);
      o.put("in_reply_to_post_id", p.parent == null ? null : p.parent.id);
      o.put("in_reply_to_account_id", p.parent == null ? null : p.parent.author.id);
      o.put("conversation_id", p.conversationId);
      o.put("is_repost", p.repostOf != null);
      o.put("repost_of_post_id", p.repostOf == null ? null : p.repostOf.id);
      ArrayNode urls = o.putArray("urls");
      for (UrlRef u : p.urls) {
        urls.add(u.expanded);
      }
      ArrayNode tags = o.putArray("hashtags");
      Matcher h = HASHTAG.matcher(p.text);
      while (h.find()) {
        tags.add(h.group(1));
      }
      ArrayNode mentions = o.putArray("mentions");
      Matcher m = ANY_MENTION.matcher(p.text);
      while (m.find()) {
        mentions.add(m.group(1));
      }
      o.put("likes", p.likes);
      if (platform.equals(IG) || p.parent != null) {
        o.putNull("shares");
      } else {
        o.put("shares", p.shares);
      }
      o.put("replies", p.replies);
      if (p.views == null) {
        o.putNull("views");
      } else {
        o.put("views", p.views);
      }
      sb.append(JSON.writeValueAsString(o)).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------------
  // Summary of the realised truth (printed by main, copied into the class comment)

  String summary() {
    StringBuilder sb = new StringBuilder();
    Map<String, Integer> perPlatform = new LinkedHashMap<>();
    for (Post p : posts) {
      perPlatform.merge(p.platform, 1, Integer::sum);
    }
    sb.append("posts: ").append(posts.size()).append(' ').append(perPlatform).append('\n');
    sb.append(String.format(Locale.ROOT, "%-20s %6s %7s | %7s %8s %6s %5s %9s %12s %6s%n", "brand", "rate", "median",
        "inbound", "answered", "rate", "<=7d", "censored", "median(min)", "posts"));
    for (Brand b : brands) {
      int n = 0;
      int answered = 0;
      int within = 0;
      int censored = 0;
      List<Double> delays = new ArrayList<>();
      for (Inbound in : inbound) {
        if (in.brand != b) {
          continue;
        }
        n++;
        if (in.censored) {
          censored++;
        }
        if (in.answer != null) {
          answered++;
          delays.add(in.delayMinutes);
          if (in.delayMinutes <= 7 * 24 * 60) {
            within++;
          }
        }
      }
      delays.sort(Comparator.naturalOrder());
      String median = delays.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", medianOf(delays));
      int brandPosts = 0;
      for (Account a : b.accounts) {
        brandPosts += a.posts.size();
      }
      sb.append(String.format(Locale.ROOT, "%-20s %6.2f %7.0f | %7d %8d %6.3f %5d %9d %12s %6d%n", b.name, b.rate,
          b.medianMinutes, n, answered, n == 0 ? 0.0 : answered / (double) n, within, censored, median, brandPosts));
    }
    return sb.toString();
  }

  static double medianOf(List<Double> sortedValues) {
    int n = sortedValues.size();
    return n % 2 == 1 ? sortedValues.get(n / 2) : (sortedValues.get(n / 2 - 1) + sortedValues.get(n / 2)) / 2;
  }
}
