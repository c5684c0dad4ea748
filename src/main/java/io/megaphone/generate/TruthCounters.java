package io.megaphone.generate;

import io.megaphone.generate.SyntheticPost.Copy;
import io.megaphone.generate.SyntheticPost.Role;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What was realised, counted per (brand, platform) as each event is emitted: a mergeable state (tasks count
 * their files, the driver adds them up), so the truth file states exactly what the archive holds.
 * Row {@code brands} is the public; column {@code platforms} holds per-brand counts that span platforms
 * (duplicate groups).
 */
final class TruthCounters implements Serializable {
  enum M {
    POSTS, ORIGINALS, REPLIES, REPOSTS, INBOUND, INBOUND_QUESTIONS, ANSWERED_ANY, ANSWERED_7D,
    ANSWERED_7D_QUESTIONS, RT_SUM_7D_S, CONSIDERED, REWRITTEN_COPIES, SELF_REPEAT_POSTS,
    GROUPS, CROSS_PLATFORM_GROUPS, CROSS_PLATFORM_POSTS, VERBATIM_CROSS_PLATFORM_GROUPS, PUBLIC_POSTS,
    FLAG_0, FLAG_1, FLAG_2, FLAG_3, FLAG_4, FLAG_5, FLAG_6, FLAG_7, FLAG_8, FLAG_9, FLAG_10, FLAG_11;

    static M flag(int bit) {
      return values()[FLAG_0.ordinal() + bit];
    }
  }

  /** Original posts with fewer words than this after normalisation are left out of duplication (SPEC §3.2). */
  static final int MIN_WORDS = 5;
  private static final int NM = M.values().length;

  final int brands;
  final int platforms;
  final long[] c;
  /** The latest created_at (epoch seconds) of any emitted post: answers and comments may come after --end. */
  long lastCreatedAt = Long.MIN_VALUE;

  TruthCounters(int brands, int platforms) {
    this.brands = brands;
    this.platforms = platforms;
    this.c = new long[(brands + 1) * (platforms + 1) * NM];
  }

  private int at(int brand, int platform, M m) {
    return (brand * (platforms + 1) + platform) * NM + m.ordinal();
  }

  long get(int brand, int platform, M m) {
    return c[at(brand, platform, m)];
  }

  /** Sum over the real platforms. */
  long total(int brand, M m) {
    long s = 0;
    for (int p = 0; p < platforms; p++) s += get(brand, p, m);
    return s;
  }

  private void add(int brand, int platform, M m, long v) {
    c[at(brand, platform, m)] += v;
  }

  TruthCounters merge(TruthCounters o) {
    for (int i = 0; i < c.length; i++) c[i] += o.c[i];
    lastCreatedAt = Math.max(lastCreatedAt, o.lastCreatedAt);
    return this;
  }

  /** Counts the emitted posts of one event (a prefix of it when the block ended inside the event). */
  void record(List<SyntheticPost> emitted, World w) {
    for (SyntheticPost p : emitted) {
      lastCreatedAt = Math.max(lastCreatedAt, p.createdAt);
      int pi = p.platformIndex;
      if (!p.byBrand()) {
        add(brands, pi, M.PUBLIC_POSTS, 1);
        if (p.role == Role.PUBLIC_INBOUND) {
          for (int b : p.inbound) {
            add(b, pi, M.INBOUND, 1);
            if (p.question) add(b, pi, M.INBOUND_QUESTIONS, 1);
          }
        }
        continue;
      }
      int b = p.account.brand();
      add(b, pi, M.POSTS, 1);
      switch (p.role) {
        case BRAND_ORIGINAL -> add(b, pi, M.ORIGINALS, 1);
        case BRAND_REPOST -> add(b, pi, M.REPOSTS, 1);
        default -> {
          add(b, pi, M.REPLIES, 1);
          if (p.answersBrand == b) {
            add(b, pi, M.ANSWERED_ANY, 1);
            if (p.responseSeconds <= BlockGenerator.HORIZON_S) {
              add(b, pi, M.ANSWERED_7D, 1);
              add(b, pi, M.RT_SUM_7D_S, p.responseSeconds);
              if (p.parent.question) add(b, pi, M.ANSWERED_7D_QUESTIONS, 1);
            }
          }
        }
      }
      for (int bit = 0; bit < Flags.NAMES.length; bit++) {
        if ((p.text.flags() & (1 << bit)) != 0) add(b, pi, M.flag(bit), 1);
      }
    }
    recordGroup(emitted);
  }

  /**
   * Duplication truth of a content event: its eligible originals are considered; the original and its
   * verbatim, edited and re-posted copies (each ≥ 0.85 similar to the original, checked when made) form
   * one planted content cluster when the original itself is eligible.
   */
  private void recordGroup(List<SyntheticPost> emitted) {
    if (emitted.isEmpty() || emitted.get(0).copy != Copy.ORIGINAL) return;
    SyntheticPost original = emitted.get(0);
    int b = original.account.brand();
    boolean originalEligible = false;
    int members = 0;
    Set<Integer> memberPlatforms = new HashSet<>();
    int[] perPlatform = new int[platforms];
    String norm0 = null;
    boolean allSame = true;
    for (SyntheticPost p : emitted) {
      if (p.role != Role.BRAND_ORIGINAL) continue;
      String norm = NearDuplicate.normalise(p.text.text());
      if (NearDuplicate.words(norm) < MIN_WORDS) continue;
      add(b, p.platformIndex, M.CONSIDERED, 1);
      if (p.copy == Copy.ORIGINAL) {
        originalEligible = true;
        norm0 = norm;
      }
      if (p.copy == Copy.REWRITTEN) {
        add(b, p.platformIndex, M.REWRITTEN_COPIES, 1);
        continue;
      }
      if (!originalEligible) continue;
      members++;
      memberPlatforms.add(p.platformIndex);
      perPlatform[p.platformIndex]++;
      if (!norm.equals(norm0)) allSame = false;
    }
    if (!originalEligible || members < 2) return;
    add(b, platforms, M.GROUPS, 1);
    for (int pi = 0; pi < platforms; pi++) {
      if (perPlatform[pi] >= 2) add(b, pi, M.SELF_REPEAT_POSTS, perPlatform[pi]);
    }
    if (memberPlatforms.size() >= 2) {
      add(b, platforms, M.CROSS_PLATFORM_GROUPS, 1);
      add(b, platforms, M.CROSS_PLATFORM_POSTS, members);
      if (allSame) add(b, platforms, M.VERBATIM_CROSS_PLATFORM_GROUPS, 1);
    }
  }
}
