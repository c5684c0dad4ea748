package io.megaphone.generate;

import io.megaphone.generate.SyntheticPost.Copy;
import io.megaphone.generate.SyntheticPost.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates block b (posts b·1000 … b·1000+999) as a sequence of events — a brand publishing (with copies,
 * re-posts, the public's comments and the brand's answers), someone mentioning a brand, public chatter, a
 * brand re-posting someone. Each block has its own random stream, so the posts do not depend on how
 * blocks are spread over tasks or files. An event cut by the block's end keeps its first posts only.
 */
final class BlockGenerator {
  static final long HORIZON_S = 7 * 86_400L;
  /** Share of posts per hour of the day (UTC), busiest in the European day and evening. */
  private static final double[] HOUR_WEIGHT = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4, 4, 4, 4.2, 4, 3.8, 3.8,
      4, 4.3, 4.6, 4.8, 4.4, 3.6, 2.6, 1.6};
  private static final double[] HOUR_CUMULATIVE = cumulative(HOUR_WEIGHT);

  private final World w;
  private final long start;
  private final long end;
  private final boolean reposts;
  private final boolean brandPostsOnly;

  BlockGenerator(World world) {
    this.w = world;
    this.start = world.options.start().getEpochSecond();
    this.end = world.options.end().getEpochSecond();
    this.reposts = world.options.generated().reposts;
    this.brandPostsOnly = world.options.brandPostsOnly();
  }

  /** Posts of block b in emission order, ids assigned; what was emitted is added to {@code truth}. */
  List<SyntheticPost> block(long b, TruthCounters truth) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(w.options.seed(), b));
    long first = b * GeneratorOptions.BLOCK;
    int size = (int) Math.min(GeneratorOptions.BLOCK, w.options.posts() - first);
    List<SyntheticPost> out = new ArrayList<>(size);
    long group = first;
    List<SyntheticPost> ev = new ArrayList<>();
    while (out.size() < size) {
      ev.clear();
      double u = r.nextDouble();
      if (u < 0.22 || brandPostsOnly) content(r, ev, group++);
      else if (u < 0.67) mention(r, ev);
      else if (u < 0.92 || !reposts) chatter(r, ev);
      else repost(r, ev);
      int take = Math.min(ev.size(), size - out.size());
      for (int i = 0; i < take; i++) {
        SyntheticPost p = ev.get(i);
        p.id = first + out.size();
        out.add(p);
      }
      truth.record(ev.subList(0, take), w);
    }
    return out;
  }

  // ---- events

  private void content(SplittableRandom r, List<SyntheticPost> ev, long group) {
    Brand b = w.pickBrand(r);
    String lang = b.pickLang(r);
    ContentKind kind = pickKind(r, b);
    CrisisWindow crisis = null;
    long t;
    if (kind == ContentKind.CRISIS_PROMO) {
      crisis = w.crises.get(r.nextInt(w.crises.size()));
      t = crisis.start().getEpochSecond() + r.nextLong(crisis.end().getEpochSecond() - crisis.start().getEpochSecond());
    } else {
      t = randomTime(r);
    }
    String p0 = w.pickPlatform(r, b, false);
    Account a0 = w.pickAccount(r, b, p0, false);
    Text text = TextFactory.content(r, kind, lang, b, crisis);
    String norm0 = NearDuplicate.normalise(text.text());
    List<SyntheticPost> published = new ArrayList<>();
    published.add(brandPost(ev, Role.BRAND_ORIGINAL, a0, t, text, lang, kind, group, Copy.ORIGINAL));

    if (r.nextDouble() < b.crossPostShare()) {
      for (Account target : copyTargets(r, b, a0)) {
        double u = r.nextDouble();
        Text tx = text;
        Copy copy = Copy.VERBATIM;
        if (u >= b.verbatimShare() && u < b.verbatimShare() + b.editedShare()) {
          Text edited = TextFactory.edit(r, text, lang, b, norm0);
          if (edited != null) {
            tx = edited;
            copy = Copy.EDITED;
          }
        } else if (u >= b.verbatimShare() + b.editedShare()) {
          tx = TextFactory.content(r, kind, lang, b, crisis);
          String norm = NearDuplicate.normalise(tx.text());
          copy = norm.equals(norm0) ? Copy.VERBATIM
              : NearDuplicate.jaccard(norm, norm0) >= 0.8 ? Copy.EDITED : Copy.REWRITTEN;
        }
        long lag = Math.min(14 * 86_400L, logNormal(r, 7200, 1.2));
        published.add(brandPost(ev, Role.BRAND_ORIGINAL, target, t + lag, tx, lang, kind, group, copy));
      }
    }
    if (r.nextDouble() < b.selfRepostShare()) {
      long later = t + 2 * 86_400L + r.nextLong(28 * 86_400L);
      published.add(brandPost(ev, Role.BRAND_ORIGINAL, a0, later, text, lang, kind, group, Copy.SELF_REPOST));
    }
    for (SyntheticPost bp : published) {
      int n = brandPostsOnly ? 0 : poisson(r, b.commentsPerPost());
      for (int i = 0; i < n; i++) comment(r, ev, b, bp);
    }
  }

  /** Where copies go: the brand's other platforms, or (Twitter-only worlds) its other accounts. */
  private List<Account> copyTargets(SplittableRandom r, Brand b, Account a0) {
    List<Account> targets = new ArrayList<>();
    if (w.platforms.size() > 1) {
      for (String q : b.platforms()) {
        if (!q.equals(a0.platform()) && r.nextDouble() < 0.8) targets.add(w.pickAccount(r, b, q, false));
      }
    } else {
      for (Account a : w.accountsOn(b, a0.platform())) {
        if (a != a0 && !a.support() && r.nextDouble() < 0.6) targets.add(a);
      }
    }
    return targets;
  }

  private void comment(SplittableRandom r, List<SyntheticPost> ev, Brand b, SyntheticPost target) {
    long user = w.pickUser(r);
    String prefix = mentionStyle(target.platform) ? target.account.handle() : null;
    Text tx = TextFactory.comment(r, target.lang, prefix);
    long t = target.createdAt + Math.min(30 * 86_400L, logNormal(r, 3600, 1.5));
    SyntheticPost c = publicPost(ev, Role.PUBLIC_INBOUND, user, target.platform, t, tx, target.lang);
    c.parent = target;
    c.inbound = new int[] {b.index()};
    c.question = tx.text().contains("?");
    maybeAnswer(r, ev, b, c, 0);
  }

  private void mention(SplittableRandom r, List<SyntheticPost> ev) {
    Brand b = w.pickBrand(r);
    String p = w.pickPlatform(r, b, true);
    List<Brand> addressed = new ArrayList<>(2);
    addressed.add(b);
    if (r.nextDouble() < 0.02) {
      Brand b2 = w.pickBrand(r);
      if (b2 != b && b2.platforms().contains(p)) addressed.add(b2);
    }
    List<String> handles = new ArrayList<>(2);
    for (Brand x : addressed) handles.add(w.pickAccount(r, x, p, false).handle());
    String lang = b.pickLang(r);
    boolean question = r.nextDouble() < 0.6;
    Text tx = TextFactory.complaint(r, lang, handles, question);
    SyntheticPost m = publicPost(ev, Role.PUBLIC_INBOUND, w.pickUser(r), p, randomTime(r), tx, lang);
    m.inbound = addressed.stream().mapToInt(Brand::index).toArray();
    m.question = tx.text().contains("?");
    for (Brand x : addressed) maybeAnswer(r, ev, x, m, 0);
  }

  private void maybeAnswer(SplittableRandom r, List<SyntheticPost> ev, Brand b, SyntheticPost inbound, int depth) {
    if (r.nextDouble() >= b.responseRate()) return;
    long rt = Math.max(1, logNormal(r, b.rtMedianS(), b.rtSigma()));
    Account acc = w.pickAccount(r, b, inbound.platform, true);
    int template = r.nextDouble() < b.templatedShare() ? (b.index() + r.nextInt(2)) % 3 : -1;
    String uh = mentionStyle(inbound.platform) ? World.userHandle(inbound.user) : null;
    Text tx = TextFactory.answer(r, inbound.lang, uh, World.userName(inbound.user), template);
    SyntheticPost a = brandPost(ev, Role.BRAND_REPLY, acc, inbound.createdAt + rt, tx, inbound.lang, null, -1, null);
    a.parent = inbound;
    a.answersBrand = b.index();
    a.responseSeconds = rt;
    if (depth == 0 && r.nextDouble() < 0.2) {
      Text f = TextFactory.followUp(r, inbound.lang, mentionStyle(inbound.platform) ? acc.handle() : null);
      long t = a.createdAt + Math.min(7 * 86_400L, logNormal(r, 600, 1.0));
      SyntheticPost fu = publicPost(ev, Role.PUBLIC_INBOUND, inbound.user, inbound.platform, t, f, inbound.lang);
      fu.parent = a;
      fu.inbound = new int[] {b.index()};
      fu.question = f.text().contains("?");
      maybeAnswer(r, ev, b, fu, depth + 1);
    }
  }

  private void chatter(SplittableRandom r, List<SyntheticPost> ev) {
    String p = w.pickPublicPlatform(r);
    String lang = r.nextBoolean() ? "fr" : "en";
    long user = w.pickUser(r);
    String other = r.nextDouble() < 0.2 && mentionStyle(p) ? World.userHandle(w.pickUser(r)) : null;
    SyntheticPost c = publicPost(ev, Role.PUBLIC_POST, user, p, randomTime(r), TextFactory.chatter(r, lang, other), lang);
    if (r.nextDouble() < 0.3) {
      long replier = w.pickUser(r);
      Text tx = TextFactory.comment(r, lang, mentionStyle(p) ? World.userHandle(user) : null);
      SyntheticPost reply = publicPost(ev, Role.PUBLIC_REPLY, replier, p, c.createdAt + logNormal(r, 1800, 1.2), tx, lang);
      reply.parent = c;
    }
  }

  private void repost(SplittableRandom r, List<SyntheticPost> ev) {
    Brand b = w.pickBrand(r);
    String p = w.pickPlatform(r, b, false);
    Account a = w.pickAccount(r, b, p, false);
    String lang = b.pickLang(r);
    long user = w.pickUser(r);
    SyntheticPost c = publicPost(ev, Role.PUBLIC_POST, user, p, randomTime(r), TextFactory.chatter(r, lang, null), lang);
    Text tx = c.text;
    if (p.equals("twitter")) {
      List<String> mentions = new ArrayList<>();
      mentions.add(World.userHandle(user));
      mentions.addAll(c.text.mentions());
      tx = new Text("RT @" + World.userHandle(user) + ": " + c.text.text(), c.text.urls(), c.text.hashtags(),
          List.copyOf(mentions), 0);
    }
    SyntheticPost rp = brandPost(ev, Role.BRAND_REPOST, a, c.createdAt + logNormal(r, 10_800, 1.2), tx, lang, null, -1, null);
    rp.repostOf = c;
  }

  // ---- building blocks

  private SyntheticPost brandPost(List<SyntheticPost> ev, Role role, Account a, long t, Text text, String lang,
      ContentKind kind, long group, Copy copy) {
    Text tx = text;
    if ((tx.flags() & Flags.PROMO) != 0 && inCrisis(t)) tx = tx.withFlags(Flags.CRISIS_PROMO);
    SyntheticPost p = new SyntheticPost(role, a.platform(), w.platformIndex(a.platform()), a, -1, t, tx, lang);
    p.kind = kind;
    p.group = group;
    p.copy = copy;
    engagement(p, 2.2);
    ev.add(p);
    return p;
  }

  private SyntheticPost publicPost(List<SyntheticPost> ev, Role role, long user, String platform, long t, Text text,
      String lang) {
    SyntheticPost p = new SyntheticPost(role, platform, w.platformIndex(platform), null, user, t, text, lang);
    engagement(p, 0.2);
    ev.add(p);
    return p;
  }

  /** Heavy-tailed public counters, derived from the post's own fields so they cost no random draws. */
  private static void engagement(SyntheticPost p, double scale) {
    long h = Seeds.mix(p.createdAt, p.text.text().hashCode());
    double g = ((h & 0xFFFF) / 65536.0 + ((h >>> 16) & 0xFFFF) / 65536.0 + ((h >>> 32) & 0xFFFF) / 65536.0 - 1.5) * 2;
    p.likes = Math.max(0, (long) Math.exp(scale + 1.4 * g) - 1);
    p.shares = p.likes / 6;
    p.replies = p.likes / 10;
    p.views = p.platform.equals("twitter") || p.platform.equals("youtube") ? 40 * p.likes + ((h >>> 48) & 0xFF) : 0;
  }

  private boolean inCrisis(long t) {
    for (CrisisWindow c : w.crises) if (c.contains(t)) return true;
    return false;
  }

  private static boolean mentionStyle(String platform) {
    return World.MENTION_PLATFORMS.contains(platform);
  }

  private static ContentKind pickKind(SplittableRandom r, Brand b) {
    double u = r.nextDouble();
    double[] k = b.kindRates();
    for (ContentKind c : ContentKind.values()) {
      u -= k[c.ordinal()];
      if (u < 0) return c;
    }
    return ContentKind.NEUTRAL;
  }

  private long randomTime(SplittableRandom r) {
    long days = (end - start) / 86_400L;
    double u = r.nextDouble();
    int hour = 0;
    while (hour < 23 && HOUR_CUMULATIVE[hour] < u) hour++;
    long t = start + r.nextLong(days) * 86_400L + hour * 3600L + r.nextInt(3600);
    return Math.min(t, end - 1);
  }

  static long logNormal(SplittableRandom r, double median, double sigma) {
    return Math.round(median * Math.exp(sigma * gaussian(r)));
  }

  /** Box–Muller on the given stream (SplittableRandom has no nextGaussian in Java 17). */
  static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  static int poisson(SplittableRandom r, double mean) {
    double l = Math.exp(-mean);
    double p = r.nextDouble();
    int k = 0;
    while (p > l && k < 50) {
      p *= r.nextDouble();
      k++;
    }
    return k;
  }

  private static double[] cumulative(double[] w) {
    double sum = 0;
    for (double x : w) sum += x;
    double[] c = new double[w.length];
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i] / sum;
      c[i] = acc;
    }
    return c;
  }
}
