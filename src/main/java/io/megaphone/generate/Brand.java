package io.megaphone.generate;

import java.io.Serializable;
import java.util.List;

/**
 * One fictional brand and everything planted about its behaviour. Rates are probabilities per event; the
 * truth file reports them next to what was actually realised.
 *
 * @param lang "fr", "en" or "both"
 * @param activity relative share of the world's events (heavy-tailed across brands)
 * @param responseRate probability that an inbound post gets an answer at all (some come after the horizon)
 * @param rtMedianS median of the log-normal first-response time, seconds
 * @param rtSigma σ of ln(response time)
 * @param templatedShare share of answers written from the brand's few reply templates
 * @param crossPostShare probability that a content item is also published on the brand's other platforms
 * @param verbatimShare, editedShare for each copy on another platform: same text, lightly edited, else rewritten
 * @param selfRepostShare probability that a content item is published again later on the same platform
 * @param kindRates probability of each content kind per item, indexed by {@link ContentKind#ordinal()}
 */
public record Brand(int index, String name, String slug, String lang, double activity, double responseRate,
    double rtMedianS, double rtSigma, double templatedShare, double crossPostShare, double verbatimShare,
    double editedShare, double selfRepostShare, double commentsPerPost, double[] kindRates,
    List<String> platforms) implements Serializable {

  String pickLang(java.util.SplittableRandom r) {
    return lang.equals("both") ? (r.nextBoolean() ? "fr" : "en") : lang;
  }
}
