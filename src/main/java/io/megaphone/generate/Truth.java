package io.megaphone.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.megaphone.generate.TruthCounters.M;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * truth.json: per brand, what was planted (parameters) and what was realised (counts in the archive),
 * with the figures the metrics must reproduce at the default 7-day horizon.
 */
final class Truth {
  static final int VERSION = 2;

  private Truth() {}

  static String json(World w, TruthCounters t, long dataBytes) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    GeneratorOptions o = w.options;
    ObjectNode gen = root.putObject("generator");
    gen.put("version", VERSION).put("seed", o.seed()).put("posts", o.posts()).put("format", o.format())
        .put("brands", w.brands.size()).put("accounts", w.accounts.size()).put("public_users", w.publicUsers)
        .put("start", o.start().toString()).put("end", o.end().toString()).put("files", o.files())
        .put("posts_per_file", o.postsPerFile()).put("data_bytes", dataBytes).put("labels", o.labels())
        .put("brand_posts_only", o.brandPostsOnly());
    gen.putArray("platforms").addAll(w.platforms.stream().map(mapper.getNodeFactory()::textNode).toList());
    root.put("notes", "planted = parameters drawn per brand; realised = counted in the written archive."
        + " expected_response_rate_7d = answer_probability x P(log-normal response time <= 7 days);"
        + " realised answered_7d / inbound is what responsiveness must report (response_rate) exactly."
        + " Duplicate groups: a content item's original and its verbatim, edited (5-gram Jaccard >= 0.85"
        + " to the original) and re-posted copies, counting only originals of >= 5 normalised words.");
    ArrayNode crises = root.putArray("crisis_windows");
    for (CrisisWindow c : w.crises) {
      ObjectNode n = crises.addObject().put("name", c.name()).put("start", c.start().toString())
          .put("end", c.end().toString());
      ArrayNode tags = n.putArray("hashtags");
      for (String h : c.hashtags()) tags.add(h);
      ArrayNode kw = n.putArray("keywords");
      c.keywords().forEach(kw::add);
    }

    ArrayNode brands = root.putArray("brands");
    for (Brand b : w.brands) brands.add(brand(mapper, w, t, b));

    ObjectNode pub = root.putObject("public");
    for (int pi = 0; pi < w.platforms.size(); pi++) {
      pub.put(w.platforms.get(pi) + "_posts", t.get(w.brands.size(), pi, M.PUBLIC_POSTS));
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode brand(ObjectMapper mapper, World w, TruthCounters t, Brand b) {
    ObjectNode n = mapper.createObjectNode();
    n.put("name", b.name()).put("lang", b.lang());
    ArrayNode accounts = n.putArray("accounts");
    for (Account a : w.accounts) {
      if (a.brand() == b.index()) {
        accounts.addObject().put("platform", a.platform()).put("account_id", a.id()).put("handle", a.handle())
            .put("support", a.support());
      }
    }
    ObjectNode planted = n.putObject("planted");
    planted.put("activity_share", round(b.activity()));
    planted.put("answer_probability", round(b.responseRate()));
    planted.put("rt_median_s", round(b.rtMedianS())).put("rt_log_sigma", round(b.rtSigma()));
    double z = (Math.log(BlockGenerator.HORIZON_S) - Math.log(b.rtMedianS())) / b.rtSigma();
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double withinHorizon = normal.cumulativeProbability(z);
    planted.put("expected_response_rate_7d", round(b.responseRate() * withinHorizon));
    planted.put("expected_rt_median_7d_s",
        round(b.rtMedianS() * Math.exp(b.rtSigma() * normal.inverseCumulativeProbability(withinHorizon / 2))));
    planted.put("templated_share", round(b.templatedShare()));
    planted.put("cross_post_share", round(b.crossPostShare())).put("copy_verbatim_share", round(b.verbatimShare()))
        .put("copy_edited_share", round(b.editedShare())).put("self_repost_share", round(b.selfRepostShare()));
    ObjectNode kinds = planted.putObject("content_kind_rates");
    for (ContentKind k : ContentKind.values()) kinds.put(k.name().toLowerCase(Locale.ROOT), round(b.kindRates()[k.ordinal()]));

    ObjectNode realised = n.putObject("realised");
    realised.set("all", counts(mapper, t, b.index(), -1, w));
    for (int pi = 0; pi < w.platforms.size(); pi++) {
      if (b.platforms().contains(w.platforms.get(pi))) realised.set(w.platforms.get(pi), counts(mapper, t, b.index(), pi, w));
    }
    ObjectNode dup = n.putObject("duplication");
    int all = w.platforms.size();
    dup.put("considered", t.total(b.index(), M.CONSIDERED));
    dup.put("planted_groups", t.get(b.index(), all, M.GROUPS));
    dup.put("cross_platform_groups", t.get(b.index(), all, M.CROSS_PLATFORM_GROUPS));
    dup.put("cross_platform_posts", t.get(b.index(), all, M.CROSS_PLATFORM_POSTS));
    dup.put("verbatim_cross_platform_groups", t.get(b.index(), all, M.VERBATIM_CROSS_PLATFORM_GROUPS));
    dup.put("self_repeat_posts", t.total(b.index(), M.SELF_REPEAT_POSTS));
    dup.put("rewritten_copies", t.total(b.index(), M.REWRITTEN_COPIES));
    return n;
  }

  /** Counts of one platform, or of all platforms when {@code pi} < 0. */
  private static ObjectNode counts(ObjectMapper mapper, TruthCounters t, int b, int pi, World w) {
    ObjectNode n = mapper.createObjectNode();
    for (M m : new M[] {M.POSTS, M.ORIGINALS, M.REPLIES, M.REPOSTS, M.INBOUND, M.INBOUND_QUESTIONS, M.ANSWERED_ANY,
        M.ANSWERED_7D, M.ANSWERED_7D_QUESTIONS, M.RT_SUM_7D_S, M.CONSIDERED, M.SELF_REPEAT_POSTS}) {
      n.put(m.name().toLowerCase(Locale.ROOT), pi < 0 ? t.total(b, m) : t.get(b, pi, m));
    }
    ObjectNode flags = n.putObject("flags");
    for (int bit = 0; bit < Flags.NAMES.length; bit++) {
      M m = M.flag(bit);
      flags.put(Flags.NAMES[bit], pi < 0 ? t.total(b, m) : t.get(b, pi, m));
    }
    return n;
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
