package io.megaphone.generate;

import java.util.ArrayList;
import java.util.List;

/** Planted per-post flags (SPEC §3.3) as bits; names are those of the truth file and the labels. */
final class Flags {
  private Flags() {}

  static final int LINK_ONLY = 1;
  static final int PROMO = 1 << 1;
  static final int BAIT_VOTE = 1 << 2;
  static final int BAIT_REACT = 1 << 3;
  static final int BAIT_SHARE = 1 << 4;
  static final int BAIT_TAG = 1 << 5;
  static final int BAIT_COMMENT = 1 << 6;
  static final int HASHTAG_STUFFING = 1 << 7;
  static final int BUZZWORD = 1 << 8;
  static final int EMPTY = 1 << 9;
  static final int CRISIS_PROMO = 1 << 10;
  static final int TEMPLATED_REPLY = 1 << 11;

  static final String[] NAMES = {"link_only", "promo", "bait_vote", "bait_react", "bait_share", "bait_tag",
      "bait_comment", "hashtag_stuffing", "buzzword", "empty", "crisis_promo", "templated_reply"};

  static String names(int flags) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) if ((flags & (1 << i)) != 0) out.add(NAMES[i]);
    return String.join("|", out);
  }
}
