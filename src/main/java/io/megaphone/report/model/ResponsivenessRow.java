package io.megaphone.report.model;

/**
 * One row of {@code metrics/responsiveness.csv}: a brand on one platform, or on all platforms
 * ({@code platform = "all"}). Nullable figures are undefined for the row (e.g. no inbound posts, no answer).
 */
public record ResponsivenessRow(
    String brand,
    String platform,
    long inbound,
    long answered,
    Double responseRate,
    Double rtMedianS,
    Double rtMeanS,
    Double rtP90S,
    Double rtMeanFastest90S,
    long answered0to1h,
    long answered1to8h,
    long answered8to24h,
    long answeredOver24h,
    long unanswered,
    long brandPosts,
    long brandOriginals,
    long brandReplies,
    long brandReposts,
    long repliesToOthers,
    Double replyShare,
    Double broadcastRatio) {

  public boolean isAllPlatforms() {
    return "all".equals(platform);
  }
}
