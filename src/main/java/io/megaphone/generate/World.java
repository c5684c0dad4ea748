package io.megaphone.generate;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The fixed cast of a generated archive: brands with their accounts and planted behaviour, the public's
 * size, the platforms and the crisis windows. Derived from the seed alone (and the sizes), so every task
 * rebuilds nothing: the driver builds it once and ships it.
 */
public final class World implements Serializable {
  static final List<String> MULTI_PLATFORMS = List.of("twitter", "facebook", "instagram", "youtube", "linkedin",
      "mastodon");
  /** How much of the public's activity each platform gets. */
  static final Map<String, Double> PLATFORM_WEIGHT = Map.of("twitter", 1.0, "facebook", 0.8, "instagram", 0.6,
      "youtube", 0.25, "linkedin", 0.3, "mastodon", 0.1, "reddit", 0.4, "blog", 0.05);
  /** Probability that a brand is on each platform besides Twitter. */
  static final Map<String, Double> PLATFORM_PRESENCE = Map.of("facebook", 0.85, "instagram", 0.7, "youtube", 0.5,
      "linkedin", 0.5, "mastodon", 0.3);
  static final List<String> MENTION_PLATFORMS = List.of("twitter", "instagram", "mastodon");

  final GeneratorOptions options;
  final List<String> platforms;
  final List<Brand> brands;
  final List<Account> accounts;
  /** accounts of brand b on platform p: byBrandPlatform[b][p] = account indexes */
  final int[][][] byBrandPlatform;
  final double[] brandCumulative;
  final long publicUsers;
  final List<CrisisWindow> crises;

  World(GeneratorOptions options) {
    this.options = options;
    this.platforms = options.platforms();
    SplittableRandom r = new SplittableRandom(Seeds.mix(options.seed(), -1));
    int n = options.brands();
    this.brands = new ArrayList<>(n);
    this.accounts = new ArrayList<>();
    this.byBrandPlatform = new int[n][platforms.size()][];
    this.publicUsers = Math.max(1000, options.posts() / 8);
    this.crises = CrisisWindow.ALL.stream()
        .filter(c -> c.start().isAfter(options.start()) && c.end().isBefore(options.end())).toList();

    // Heavy tail: activity ∝ 1/rank^1.1, ranks shuffled so the busiest brand is not always the first named.
    double[] activity = new double[n];
    for (int i = 0; i < n; i++) activity[i] = 1.0 / Math.pow(i + 1, 1.1);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      double t = activity[i];
      activity[i] = activity[j];
      activity[j] = t;
    }
    double sum = Arrays.stream(activity).sum();
    brandCumulative = new double[n];
    double acc = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      acc += activity[i] / sum;
      brandCumulative[i] = acc;
      Brand b = brand(r, i, activity[i] / sum, names);
      brands.add(b);
    }
    brandCumulative[n - 1] = 1.0;
    for (Brand b : brands) createAccounts(r, b, n);
  }

  private Brand brand(SplittableRandom r, int i, double activity, List<String> names) {
    double u = r.nextDouble();
    String lang = u < 0.45 ? "fr" : u < 0.8 ? "en" : "both";
    String prefix = TextFactory.pick(r, Lexicon.BRAND_PREFIXES);
    int sector = r.nextInt(Lexicon.SECTORS_FR.length);
    String name = prefix + " " + (lang.equals("en") ? Lexicon.SECTORS_EN[sector] : Lexicon.SECTORS_FR[sector]);
    String slug = slug(name);
    if (names.contains(slug.toLowerCase(java.util.Locale.ROOT))) {
      name = name + " " + (i + 1);
      slug = slug(name);
    }
    names.add(slug.toLowerCase(java.util.Locale.ROOT));

    boolean robot = r.nextDouble() < 0.2;
    double responseRate = robot ? 0.05 * r.nextDouble() : 0.15 + 0.8 * r.nextDouble();
    double rtMedian = Math.exp(Math.log(300) + r.nextDouble() * (Math.log(129_600) - Math.log(300)));
    double rtSigma = 0.5 + r.nextDouble();
    double templated = robot ? 0.9 : 0.8 * r.nextDouble();
    boolean parrot = r.nextDouble() < 0.3;
    double crossPost = parrot ? 0.7 + 0.25 * r.nextDouble() : 0.05 + 0.35 * r.nextDouble();
    double verbatim = parrot ? 0.8 : 0.3;
    double edited = parrot ? 0.15 : 0.3;
    double selfRepost = 0.15 * r.nextDouble();
    double comments = 0.2 + 1.8 * r.nextDouble();

    boolean spammer = r.nextDouble() < 0.2;
    boolean airhead = r.nextDouble() < 0.2;
    boolean psychopath = r.nextDouble() < 0.1;
    double[] k = new double[ContentKind.values().length];
    k[ContentKind.PROMO.ordinal()] = spammer ? 0.25 + 0.2 * r.nextDouble() : 0.03 + 0.12 * r.nextDouble();
    k[ContentKind.LINK_ONLY.ordinal()] = 0.15 * r.nextDouble();
    for (ContentKind c : ContentKind.values()) {
      if (c.isBait()) k[c.ordinal()] = airhead ? 0.04 + 0.06 * r.nextDouble() : 0.02 * r.nextDouble();
    }
    k[ContentKind.HASHTAG_STUFFING.ordinal()] = (airhead ? 0.1 : 0.03) * r.nextDouble();
    k[ContentKind.BUZZWORD.ordinal()] = 0.05 * r.nextDouble();
    k[ContentKind.EMPTY.ordinal()] = (airhead ? 0.08 : 0.02) * r.nextDouble();
    k[ContentKind.CRISIS_PROMO.ordinal()] = psychopath && !crises.isEmpty() ? 0.03 + 0.05 * r.nextDouble() : 0;
    double flagged = Arrays.stream(k).sum();
    k[ContentKind.NEUTRAL.ordinal()] = Math.max(0, 1 - flagged);

    List<String> on = new ArrayList<>();
    on.add(platforms.get(0));
    if (options.multiPlatform()) {
      for (String p : MULTI_PLATFORMS) {
        if (!p.equals("twitter") && r.nextDouble() < PLATFORM_PRESENCE.get(p)) on.add(p);
      }
      for (String p : List.of("facebook", "instagram", "linkedin")) if (on.size() < 3 && !on.contains(p)) on.add(p);
      on.sort((a, b) -> Integer.compare(MULTI_PLATFORMS.indexOf(a), MULTI_PLATFORMS.indexOf(b)));
    }
    return new Brand(i, name, slug, lang, activity, responseRate, rtMedian, rtSigma, templated, crossPost, verbatim,
        edited, selfRepost, comments, k, List.copyOf(on));
  }

  static String slug(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]", "");
  }

  /** Account sprawl: one account per platform, more for big brands (a few reach a dozen), some for support. */
  private void createAccounts(SplittableRandom r, Brand b, int brandCount) {
    boolean big = b.activity() * brandCount > 3;
    for (int pi = 0; pi < platforms.size(); pi++) {
      String p = platforms.get(pi);
      if (!b.platforms().contains(p)) {
        byBrandPlatform[b.index()][pi] = new int[0];
        continue;
      }
      int extra = 0;
      double mean = big ? 2.5 : 0.3;
      while (extra < 11 && r.nextDouble() < mean / (mean + 1)) extra++;
      boolean support = (p.equals("twitter") || p.equals("facebook")) && r.nextDouble() < (big ? 0.9 : 0.4);
      int[] idx = new int[1 + extra + (support ? 1 : 0)];
      idx[0] = add(b, p, b.slug(), 1.0, false);
      for (int e = 1; e <= extra; e++) {
        String suffix = TextFactory.pick(r, Lexicon.CITIES).replaceAll("[^A-Za-z]", "");
        idx[e] = add(b, p, b.slug() + "_" + suffix + e, 0.5 / e, false);
      }
      if (support) idx[idx.length - 1] = add(b, p, b.slug() + (b.lang().equals("en") ? "Help" : "_aide"), 0.3, true);
      byBrandPlatform[b.index()][pi] = idx;
    }
  }

  private int add(Brand b, String platform, String handle, double weight, boolean support) {
    int i = accounts.size();
    String id = switch (options.format()) {
      case "twcs" -> handle;
      // numeric ids as the Graph API gives them: Facebook page ids, Instagram professional account ids
      case "facebook" -> Long.toString(100_000_000_000_000L + i);
      case "instagram" -> Long.toString(17_841_400_000_000_000L + i);
      case "youtube" -> youtubeChannelId(BRAND_ACCOUNT_OFFSET + i);
      case "reddit" -> redditAccountId(BRAND_ACCOUNT_OFFSET + i);
      default -> platform.equals("twitter") ? Long.toString(9_000_000_000L + i) : platform.substring(0, 2) + "-" + (100_000 + i);
    };
    accounts.add(new Account(i, b.index(), platform, id, handle, weight, support));
    return i;
  }

  int platformIndex(String p) {
    return platforms.indexOf(p);
  }

  Brand pickBrand(SplittableRandom r) {
    int i = Arrays.binarySearch(brandCumulative, r.nextDouble());
    return brands.get(Math.min(brands.size() - 1, i < 0 ? -i - 1 : i));
  }

  /** A brand account on platform p, by weight; {@code preferSupport} picks among support accounts if any. */
  Account pickAccount(SplittableRandom r, Brand b, String p, boolean preferSupport) {
    List<Account> on = accountsOn(b, p);
    if (preferSupport) {
      for (Account a : on) if (a.support()) return a;
    }
    return pickWeighted(r, on, Account::weight);
  }

  List<Account> accountsOn(Brand b, String p) {
    List<Account> out = new ArrayList<>();
    for (int i : byBrandPlatform[b.index()][platformIndex(p)]) out.add(accounts.get(i));
    return out;
  }

  /** A platform of the brand weighted by platform activity; {@code mentionable} restricts to @-platforms. */
  String pickPlatform(SplittableRandom r, Brand b, boolean mentionable) {
    List<String> eligible = mentionable
        ? b.platforms().stream().filter(MENTION_PLATFORMS::contains).toList() : b.platforms();
    // a one-platform world without @-mentions (Facebook, YouTube, ...): tagging the page stands in for them
    if (eligible.isEmpty()) eligible = b.platforms();
    return pickWeighted(r, eligible, PLATFORM_WEIGHT::get);
  }

  String pickPublicPlatform(SplittableRandom r) {
    if (platforms.size() == 1) return platforms.get(0);
    return pickWeighted(r, platforms, PLATFORM_WEIGHT::get);
  }

  /** One item with probability proportional to its weight (one draw from r). */
  private static <T> T pickWeighted(SplittableRandom r, List<T> items, ToDoubleFunction<T> weight) {
    double total = 0;
    for (T t : items) total += weight.applyAsDouble(t);
    double u = r.nextDouble() * total;
    for (T t : items) {
      u -= weight.applyAsDouble(t);
      if (u <= 0) return t;
    }
    return items.get(items.size() - 1);
  }

  /** Heavy-tailed public: user k is picked with probability decreasing in k (a few users write most posts). */
  long pickUser(SplittableRandom r) {
    return (long) (publicUsers * Math.pow(r.nextDouble(), 2.5));
  }

  static String userHandle(long user) {
    return Lexicon.FIRST_NAMES[(int) (user % Lexicon.FIRST_NAMES.length)] + "_" + Long.toString(user / Lexicon.FIRST_NAMES.length, 36);
  }

  static String userName(long user) {
    return Lexicon.FIRST_NAMES[(int) (user % Lexicon.FIRST_NAMES.length)];
  }

  static String userId(long user) {
    return Long.toString(100_000_000L + user);
  }

  /** Account numbers of brands in the formats that shape ids (YouTube, Reddit): above every public user's. */
  static final long BRAND_ACCOUNT_OFFSET = 9_000_000_000L;
  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  /**
   * A YouTube channel id ("UC" and 22 base64url characters) for account number n. Its last 11 characters hold all
   * 64 bits of a bijective scramble of n (Seeds.mix is one for a fixed stream), so numbers never share an id.
   */
  static String youtubeChannelId(long n) {
    char[] c = new char[22];
    long a = Seeds.mix(n, 0x5954);
    long b = Seeds.mix(n, 0x5955);
    for (int i = 0; i < 11; i++) {
      c[i] = BASE64URL[(int) (b & 63)];
      b >>>= 6;
      c[21 - i] = BASE64URL[(int) (a & 63)];
      a >>>= 6;
    }
    return "UC" + new String(c);
  }

  /** A Reddit account fullname ("t2_" and base 36) for account number n. */
  static String redditAccountId(long n) {
    return "t2_" + Long.toString(n, 36);
  }
}
