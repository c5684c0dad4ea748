package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Graph API Page feed response pages, one per line: {@code {"data": [posts], "paging": {...}}} with up to 25 posts,
 * each with its thread as {@code fields=comments{...,comments{...,parent}}} returns it. Posts have ids {@code
 * AUTHOR_POST}, comments {@code POST_COMMENT}; a comment's replies (and replies to replies) are listed under it, each
 * naming the comment it answers in {@code parent}. A brand's re-post is a {@code shared_story} whose {@code parent_id}
 * is the shared post. {@code from.name} carries the generator's handle.
 */
final class FacebookWriter implements PostWriter {
  static final int PAGE = 25;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
  private final JsonGenerator g;
  private long pages;

  FacebookWriter(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    Threads t = new Threads(block);
    for (int from = 0; from < t.roots.size(); from += PAGE) {
      List<SyntheticPost> page = t.roots.subList(from, Math.min(t.roots.size(), from + PAGE));
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (SyntheticPost p : page) post(p, t);
      g.writeEndArray();
      String before = cursor(page.get(0).id);
      String after = cursor(page.get(page.size() - 1).id);
      g.writeObjectFieldStart("paging");
      g.writeObjectFieldStart("cursors");
      g.writeStringField("before", before);
      g.writeStringField("after", after);
      g.writeEndObject();
      g.writeStringField("next", "https://graph.facebook.com/v19.0/feed?limit=" + PAGE + "&after=" + after);
      g.writeEndObject();
      g.writeEndObject();
      pages++;
    }
  }

  private static String cursor(long id) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(
        java.nio.charset.StandardCharsets.US_ASCII));
  }

  static String postId(SyntheticPost root) {
    return root.accountId() + "_" + root.id;
  }

  static String commentId(SyntheticPost root, SyntheticPost c) {
    return root.id + "_" + c.id;
  }

  private void post(SyntheticPost p, Threads t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", postId(p));
    g.writeStringField("created_time", TIME.format(java.time.Instant.ofEpochSecond(p.createdAt)));
    from(p);
    g.writeStringField("message", p.text.text());
    g.writeStringField("permalink_url", "https://www.facebook.com/" + p.accountId() + "/posts/" + p.id);
    if (p.repostOf != null) {
      g.writeStringField("status_type", "shared_story");
      SyntheticPost shared = p.repostOf.parent == null ? p.repostOf : t.root(p.repostOf);
      g.writeStringField("parent_id", shared == p.repostOf ? postId(shared) : commentId(shared, p.repostOf));
    } else {
      g.writeStringField("status_type", "mobile_status_update");
    }
    if (p.shares > 0) {
      g.writeObjectFieldStart("shares");
      g.writeNumberField("count", p.shares);
      g.writeEndObject();
    }
    g.writeObjectFieldStart("reactions");
    g.writeArrayFieldStart("data");
    g.writeEndArray();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("total_count", p.likes);
    g.writeStringField("viewer_reaction", "NONE");
    g.writeEndObject();
    g.writeEndObject();
    List<SyntheticPost> comments = t.comments(p);
    g.writeObjectFieldStart("comments");
    g.writeArrayFieldStart("data");
    for (SyntheticPost c : comments) {
      List<SyntheticPost> replies = t.replies(c);
      comment(p, c, false, replies.size());
      if (!replies.isEmpty()) {
        g.writeObjectFieldStart("comments");
        g.writeArrayFieldStart("data");
        for (SyntheticPost r : replies) {
          comment(p, r, true, 0);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("summary");
    g.writeStringField("order", "chronological");
    g.writeNumberField("total_count", Math.max(p.replies, comments.size()));
    g.writeBooleanField("can_comment", true);
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Writes a comment's fields, leaving its object open for the caller's replies. */
  private void comment(SyntheticPost root, SyntheticPost c, boolean reply, int replyCount) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", commentId(root, c));
    g.writeStringField("created_time", TIME.format(java.time.Instant.ofEpochSecond(c.createdAt)));
    from(c);
    g.writeStringField("message", c.text.text());
    g.writeNumberField("like_count", c.likes);
    g.writeNumberField("comment_count", replyCount);
    if (reply) {
      g.writeObjectFieldStart("parent");
      g.writeStringField("id", c.parent == root ? postId(root) : commentId(root, c.parent));
      g.writeEndObject();
    }
  }

  private void from(SyntheticPost p) throws IOException {
    g.writeObjectFieldStart("from");
    g.writeStringField("name", p.handle());
    g.writeStringField("id", p.accountId());
    g.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    if (pages > 0) g.writeRaw('\n');
    g.close();
  }
}
