package io.megaphone.generate;

/** What a brand's original post is, as planted. Flags of SPEC §3.3 follow from the kind and the date. */
public enum ContentKind {
  NEUTRAL, PROMO, LINK_ONLY, BAIT_VOTE, BAIT_REACT, BAIT_SHARE, BAIT_TAG, BAIT_COMMENT, HASHTAG_STUFFING,
  BUZZWORD, EMPTY, CRISIS_PROMO;

  boolean isBait() {
    return name().startsWith("BAIT_");
  }
}
