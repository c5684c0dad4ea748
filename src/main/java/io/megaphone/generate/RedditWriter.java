package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reddit submissions and comments as the Pushshift / Arctic Shift dumps hold them: one JSON object per line. Posts
 * that reply to nothing are submissions (brands post on their profile, {@code r/u_<name>}; the public in a few
 * subreddits), a brand's re-post is a crosspost, every reply is a comment whose {@code parent_id} names a submission
 * ({@code t3_}) or a comment ({@code t1_}). Brand accounts are user accounts; @-mentions become {@code u/name}.
 * Texts are HTML-escaped as Reddit does ({@code &amp; &lt; &gt;}); one post in ten has {@code created_utc} as a
 * string, as in some of the dumps.
 */
final class RedditWriter implements PostWriter {
  static final int TITLE_MAX = 300;
  private static final String[] SUBREDDITS_FR = {"france", "AskFrance", "conseiljuridique", "vosfinances"};
  private static final String[] SUBREDDITS_EN = {"CustomerService", "mildlyinfuriating", "AskReddit", "personalfinance"};
  private final JsonGenerator g;

  RedditWriter(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) {
      if (p.parent == null) submission(p);
      else comment(p);
    }
  }

  private void submission(SyntheticPost p) throws IOException {
    String text = redditText(p.text);
    String[] ts = YoutubeWriter.titleAndDescription(text, TITLE_MAX);
    String sub = subreddit(p);
    String id = Long.toString(p.id);
    String permalink = "/r/" + sub + "/comments/" + id + "/" + slug(ts[0]) + "/";
    boolean self = p.text.urls().isEmpty();
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("name", "t3_" + id);
    author(p);
    created(p);
    g.writeStringField("title", escape(ts[0]));
    g.writeStringField("selftext", escape(ts[1]));
    g.writeBooleanField("is_self", self);
    g.writeStringField("url", self ? "https://www.reddit.com" + permalink : p.text.urls().get(0));
    g.writeStringField("domain", self ? "self." + sub : domain(p.text.urls().get(0)));
    if (p.repostOf != null) g.writeStringField("crosspost_parent", "t3_" + p.repostOf.id);
    subreddit(sub);
    g.writeNumberField("score", p.likes);
    g.writeNumberField("ups", p.likes);
    g.writeNumberField("num_comments", p.replies);
    g.writeNumberField("num_crossposts", 0);
    g.writeBooleanField("over_18", false);
    g.writeBooleanField("stickied", false);
    g.writeStringField("permalink", permalink);
    g.writeNumberField("retrieved_on", p.createdAt + 86_400);
    g.writeEndObject();
  }

  private void comment(SyntheticPost p) throws IOException {
    SyntheticPost root = p;
    while (root.parent != null) root = root.parent;
    String sub = subreddit(root);
    String id = Long.toString(p.id);
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("name", "t1_" + id);
    author(p);
    created(p);
    g.writeStringField("body", escape(redditText(p.text)));
    g.writeStringField("parent_id", (p.parent.parent == null ? "t3_" : "t1_") + p.parent.id);
    g.writeStringField("link_id", "t3_" + root.id);
    subreddit(sub);
    g.writeNumberField("score", p.likes);
    g.writeNumberField("controversiality", 0);
    g.writeBooleanField("is_submitter", p.accountId().equals(root.accountId()));
    g.writeNullField("distinguished");
    g.writeBooleanField("edited", false);
    g.writeBooleanField("stickied", false);
    g.writeStringField("permalink", "/r/" + sub + "/comments/" + root.id + "/_/" + id + "/");
    g.writeNumberField("retrieved_on", p.createdAt + 86_400);
    g.writeEndObject();
  }

  private void author(SyntheticPost p) throws IOException {
    g.writeStringField("author", p.handle());
    g.writeStringField("author_fullname", accountId(p));
  }

  private void created(SyntheticPost p) throws IOException {
    if (p.id % 10 == 3) g.writeStringField("created_utc", Long.toString(p.createdAt));
    else g.writeNumberField("created_utc", p.createdAt);
  }

  private void subreddit(String sub) throws IOException {
    g.writeStringField("subreddit", sub);
    g.writeStringField("subreddit_id", "t5_" + Long.toString(sub.hashCode() & 0x7FFFFFFFL, 36));
    g.writeStringField("subreddit_name_prefixed", "r/" + sub);
  }

  /** The brand account's fullname, or one made from the public user's number. */
  static String accountId(SyntheticPost p) {
    return p.byBrand() ? p.account.id() : World.redditAccountId(100_000_000L + p.user);
  }

  /** Brands post on their profile; the public in a subreddit of its language, fixed per post. */
  private static String subreddit(SyntheticPost p) {
    if (p.byBrand()) return "u_" + p.handle();
    String[] subs = "fr".equals(p.lang) ? SUBREDDITS_FR : SUBREDDITS_EN;
    return subs[(int) Math.floorMod(Seeds.mix(p.id, 7), (long) subs.length)];
  }

  /** Mentions written as Reddit users write them: u/name. */
  static String redditText(Text t) {
    String s = t.text();
    for (String m : t.mentions()) s = s.replace("@" + m, "u/" + m);
    return s;
  }

  /** Reddit's JSON escapes these three characters in titles, self texts and comment bodies. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The title part of a permalink: lower-case words joined by '_', at most 50 characters. */
  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.length() > 50) s = s.substring(0, 50);
    return s.isEmpty() ? "_" : s;
  }

  private static String domain(String url) {
    String s = url.replaceFirst("^https?://", "");
    int slash = s.indexOf('/');
    return slash < 0 ? s : s.substring(0, slash);
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
