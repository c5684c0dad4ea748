package io.megaphone.report.model;

import java.util.List;

/**
 * The duplication figures a report shows: duplication.csv rows, duplication_pairs.csv rows and the posts of the
 * largest clusters (duplication_top_clusters.csv).
 */
public record DuplicationReport(List<Row> rows, List<PairRow> pairs, List<ClusterPost> topClusters) {
  public DuplicationReport {
    rows = List.copyOf(rows);
    pairs = List.copyOf(pairs);
    topClusters = List.copyOf(topClusters);
  }

  public static DuplicationReport empty() {
    return new DuplicationReport(List.of(), List.of(), List.of());
  }

  /** One brand × platform (or platform "all") row. Rates are null when undefined. */
  public record Row(String brand, String platform, long postsConsidered, long postsTooShort, long clusters,
      long crossPlatformClusters, Double crossPlatformDupRate, Double selfRepetitionRate, Double verbatimShare) {
    public boolean isAllPlatforms() {
      return "all".equals(platform);
    }
  }

  /** Clusters of one brand spanning platforms a and b; who published first; the median lag in seconds. */
  public record PairRow(String brand, String platformA, String platformB, long clusters, long firstOnA,
      long firstOnB, Double medianLagS) {}

  /** A post of one of a brand's largest clusters (rank 1 = largest). */
  public record ClusterPost(String brand, int clusterRank, long clusterPosts, long clusterPlatforms, boolean verbatim,
      String platform, String postId, String accountHandle, String createdAt, String text) {}
}
