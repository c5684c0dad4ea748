package io.megaphone.generate;

import static io.megaphone.generate.Lexicon.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Composes the texts of generated posts. Every method draws only from the random source it is given. */
final class TextFactory {
  private TextFactory() {}

  static String pick(SplittableRandom r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  private static boolean fr(String lang) {
    return lang.equals("fr");
  }

  static String sentence(SplittableRandom r, String lang) {
    return fr(lang)
        ? pick(r, SUBJ_FR) + " " + pick(r, VERB_FR) + " " + pick(r, OBJ_FR) + " " + pick(r, COMP_FR) + "."
        : pick(r, SUBJ_EN) + " " + pick(r, VERB_EN) + " " + pick(r, OBJ_EN) + " " + pick(r, COMP_EN) + ".";
  }

  static String url(SplittableRandom r, Brand b) {
    return "https://www." + b.slug().toLowerCase(Locale.ROOT) + ".example/" + Long.toString(r.nextLong(1L << 40), 36);
  }

  /** Builds a text from parts, recording URLs and hashtags as entities. */
  private static final class Builder {
    final StringBuilder sb = new StringBuilder();
    final List<String> urls = new ArrayList<>(1);
    final List<String> tags = new ArrayList<>(2);

    Builder add(String s) {
      if (s.isEmpty()) return this;
      if (sb.length() > 0) sb.append(' ');
      sb.append(s);
      return this;
    }

    Builder url(String u) {
      urls.add(u);
      return add(u);
    }

    Builder tag(String t) {
      if (!tags.contains(t.substring(1))) tags.add(t.substring(1));
      return add(t);
    }

    Text build(int flags) {
      return new Text(sb.toString(), List.copyOf(urls), List.copyOf(tags), List.of(), flags);
    }
  }

  static Text neutral(SplittableRandom r, String lang, Brand b) {
    Builder t = new Builder().add(sentence(r, lang)).add(sentence(r, lang));
    if (r.nextDouble() < 0.3) t.add(fr(lang) ? "En savoir plus :" : "More:").url(url(r, b));
    int tags = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
    for (int i = 0; i < tags; i++) t.tag(pick(r, NEUTRAL_TAGS));
    return t.build(0);
  }

  static String code(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4; i++) s.append((char) ('A' + r.nextInt(26)));
    return s.append(10 + r.nextInt(60)).toString();
  }

  static String promoSentence(SplittableRandom r, String lang) {
    int pct = 5 * (2 + r.nextInt(11));
    String tail = pick(r, fr(lang) ? PROMO_TAIL_FR : PROMO_TAIL_EN)
        .replace("%s", code(r)).replace("%d", String.valueOf(9 + r.nextInt(190)));
    return fr(lang)
        ? pick(r, PROMO_OPEN_FR) + " -" + pct + " % sur " + pick(r, PRODUCTS_FR) + " " + tail + "."
        : pick(r, PROMO_OPEN_EN) + " " + pct + "% off " + pick(r, PRODUCTS_EN) + " " + tail + ".";
  }

  static Text content(SplittableRandom r, ContentKind kind, String lang, Brand b, CrisisWindow crisis) {
    boolean f = fr(lang);
    return switch (kind) {
      case NEUTRAL -> neutral(r, lang, b);
      case PROMO -> {
        Builder t = new Builder().add(promoSentence(r, lang));
        if (r.nextBoolean()) t.add(sentence(r, lang));
        if (r.nextDouble() < 0.6) t.url(url(r, b));
        yield t.build(Flags.PROMO);
      }
      case CRISIS_PROMO -> {
        Builder t = new Builder().tag(pick(r, crisis.hashtags())).add(promoSentence(r, lang))
            .add(f ? crisis.pitchFr() : crisis.pitchEn());
        if (r.nextBoolean()) t.url(url(r, b));
        yield t.build(Flags.PROMO | Flags.CRISIS_PROMO);
      }
      case LINK_ONLY -> {
        String lead = pick(r, LINK_LEAD);
        // SPEC §3.3: only emoji and a link is no content word, so the post is empty too ("Ici" is a French stopword)
        boolean noContent = lead.isEmpty() || lead.equals("👉") || (f && lead.equals("➡️ Ici"));
        yield new Builder().add(lead).url(url(r, b)).build(Flags.LINK_ONLY | (noContent ? Flags.EMPTY : 0));
      }
      case BAIT_VOTE, BAIT_REACT, BAIT_SHARE, BAIT_TAG, BAIT_COMMENT -> bait(r, kind, lang);
      case HASHTAG_STUFFING -> {
        Builder t = new Builder().add(sentence(r, lang));
        int n = 4 + r.nextInt(5);
        List<String> pool = new ArrayList<>(List.of(STUFFING_TAGS));
        for (int i = 0; i < n; i++) t.tag(pool.remove(r.nextInt(pool.size())));
        yield t.build(Flags.HASHTAG_STUFFING);
      }
      case BUZZWORD -> new Builder().add(sentence(r, lang)).add(pick(r, f ? BUZZ_FR : BUZZ_EN)).build(Flags.BUZZWORD);
      case EMPTY -> {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) s.append(pick(r, EMOJI));
        yield new Text(s.toString(), List.of(), List.of(), List.of(), Flags.EMPTY);
      }
    };
  }

  private static Text bait(SplittableRandom r, ContentKind kind, String lang) {
    boolean f = fr(lang);
    String[] pair = f ? BAIT_PAIRS_FR[r.nextInt(BAIT_PAIRS_FR.length)] : BAIT_PAIRS_EN[r.nextInt(BAIT_PAIRS_EN.length)];
    String[] forms;
    int flag;
    switch (kind) {
      case BAIT_VOTE -> { forms = f ? BAIT_VOTE_FR : BAIT_VOTE_EN; flag = Flags.BAIT_VOTE; }
      case BAIT_REACT -> { forms = f ? BAIT_REACT_FR : BAIT_REACT_EN; flag = Flags.BAIT_REACT; }
      case BAIT_SHARE -> { forms = f ? BAIT_SHARE_FR : BAIT_SHARE_EN; flag = Flags.BAIT_SHARE; }
      case BAIT_TAG -> { forms = f ? BAIT_TAG_FR : BAIT_TAG_EN; flag = Flags.BAIT_TAG; }
      default -> { forms = f ? BAIT_COMMENT_FR : BAIT_COMMENT_EN; flag = Flags.BAIT_COMMENT; }
    }
    String s = String.format(Locale.ROOT, pick(r, forms), pair[0], pair[1]);
    Builder t = new Builder();
    if (r.nextBoolean()) t.add(sentence(r, lang));
    return t.add(s).add(r.nextBoolean() ? pick(r, EMOJI) : "").build(flag);
  }

  /**
   * A light edit for a copy on another platform: a lead word, a closing hashtag or a swapped link. Returns
   * null when no edit keeps the copy a near-duplicate (the caller then copies verbatim).
   */
  static Text edit(SplittableRandom r, Text original, String lang, Brand b, String originalNorm) {
    boolean f = fr(lang);
    for (int attempt = 0; attempt < 6; attempt++) {
      String text = original.text();
      List<String> tags = new ArrayList<>(original.hashtags());
      List<String> urls = new ArrayList<>(original.urls());
      switch (r.nextInt(4)) {
        case 0 -> text = (f ? pick(r, new String[] {"Nouveau :", "À ne pas manquer :", "Rappel :"})
            : pick(r, new String[] {"New:", "Don't miss:", "Reminder:"})) + " " + text;
        case 1 -> {
          String tag = pick(r, NEUTRAL_TAGS);
          text = text + " " + tag;
          if (!tags.contains(tag.substring(1))) tags.add(tag.substring(1));
        }
        case 2 -> text = text + " " + pick(r, EMOJI);
        default -> {
          String u = url(r, b);
          if (urls.isEmpty()) {
            text = text + " " + u;
          } else {
            text = text.replace(urls.get(0), u);
            urls.remove(0);
          }
          urls.add(u);
        }
      }
      String norm = NearDuplicate.normalise(text);
      if (!norm.equals(originalNorm) && NearDuplicate.jaccard(norm, originalNorm) >= 0.85) {
        return new Text(text, List.copyOf(urls), List.copyOf(tags), original.mentions(), original.flags());
      }
    }
    return null;
  }

  static Text complaint(SplittableRandom r, String lang, List<String> handles, boolean question) {
    boolean f = fr(lang);
    StringBuilder s = new StringBuilder();
    for (String h : handles) s.append('@').append(h).append(' ');
    String greet = pick(r, f ? GREET_FR : GREET_EN);
    if (!greet.isEmpty()) s.append(greet).append(", ");
    String problem = pick(r, f ? PROBLEM_FR : PROBLEM_EN).replace("%d", String.valueOf(2 + r.nextInt(99_998)));
    s.append(greet.isEmpty() ? capitalise(problem) : problem);
    s.append(question ? pick(r, f ? QUESTION_FR : QUESTION_EN) : pick(r, f ? STATEMENT_FR : STATEMENT_EN));
    return new Text(s.toString(), List.of(), List.of(), List.copyOf(handles), 0);
  }

  static Text comment(SplittableRandom r, String lang, String handlePrefix) {
    String c = pick(r, fr(lang) ? COMMENT_FR : COMMENT_EN);
    String text = (handlePrefix == null ? "" : "@" + handlePrefix + " ") + c + (r.nextBoolean() ? " " + pick(r, EMOJI) : "");
    return new Text(text, List.of(), List.of(), handlePrefix == null ? List.of() : List.of(handlePrefix), 0);
  }

  static Text followUp(SplittableRandom r, String lang, String handlePrefix) {
    String c = pick(r, fr(lang) ? FOLLOWUP_FR : FOLLOWUP_EN);
    String text = (handlePrefix == null ? "" : "@" + handlePrefix + " ") + c;
    return new Text(text, List.of(), List.of(), handlePrefix == null ? List.of() : List.of(handlePrefix), 0);
  }

  /** A brand's answer; {@code template} ≥ 0 picks one of the brand's reply templates (the robot). */
  static Text answer(SplittableRandom r, String lang, String userHandle, String userName, int template) {
    boolean f = fr(lang);
    String initials = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    String name = capitalise(userName);
    String body;
    if (template >= 0) {
      String[] t = f ? TEMPLATE_FR : TEMPLATE_EN;
      body = String.format(Locale.ROOT, t[template % t.length], name, initials);
    } else {
      body = pick(r, f ? ANSWER_OPEN_FR : ANSWER_OPEN_EN) + " " + name + ", " + pick(r, f ? ANSWER_MID_FR : ANSWER_MID_EN)
          + (r.nextBoolean() ? " (" + (f ? "réf. " : "ref. ") + (1000 + r.nextInt(9000)) + ")" : "") + ". "
          + pick(r, f ? ANSWER_END_FR : ANSWER_END_EN);
      body = body.trim();
    }
    String text = userHandle == null ? body : "@" + userHandle + " " + body;
    return new Text(text, List.of(), List.of(), userHandle == null ? List.of() : List.of(userHandle),
        template >= 0 ? Flags.TEMPLATED_REPLY : 0);
  }

  static Text chatter(SplittableRandom r, String lang, String otherUser) {
    String s = String.format(Locale.ROOT, pick(r, fr(lang) ? CHAT_FR : CHAT_EN), pick(r, CITIES));
    if (r.nextBoolean()) s = s + " " + pick(r, EMOJI);
    if (otherUser != null) s = "@" + otherUser + " " + s;
    return new Text(s, List.of(), List.of(), otherUser == null ? List.of() : List.of(otherUser), 0);
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
