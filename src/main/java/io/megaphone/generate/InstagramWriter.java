package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Instagram Graph API media pages, one per line: {@code {"data": [IG Media], "paging": {...}}} with up to 25 media,
 * each with {@code comments{id,text,timestamp,username,from,like_count,replies{...,parent_id}}}. Replies at any depth
 * are listed under their top-level comment, as Instagram shows them, and name the comment they answer in {@code
 * parent_id}. Ids are numeric as Instagram's are (media 179…, comments 178…).
 */
final class InstagramWriter implements PostWriter {
  static final int PAGE = 25;
  private static final long MEDIA_BASE = 17_900_000_000_000_000L;
  private static final long COMMENT_BASE = 17_850_000_000_000_000L;
  private final JsonGenerator g;
  private long pages;

  InstagramWriter(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  static String mediaId(SyntheticPost p) {
    return Long.toString(MEDIA_BASE + p.id);
  }

  static String commentId(SyntheticPost p) {
    return Long.toString(COMMENT_BASE + p.id);
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    Threads t = new Threads(block);
    for (int from = 0; from < t.roots.size(); from += PAGE) {
      List<SyntheticPost> page = t.roots.subList(from, Math.min(t.roots.size(), from + PAGE));
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (SyntheticPost p : page) media(p, t);
      g.writeEndArray();
      g.writeObjectFieldStart("paging");
      g.writeObjectFieldStart("cursors");
      g.writeStringField("before", mediaId(page.get(0)));
      g.writeStringField("after", mediaId(page.get(page.size() - 1)));
      g.writeEndObject();
      g.writeStringField("next", "https://graph.facebook.com/v19.0/media?limit=" + PAGE + "&after="
          + mediaId(page.get(page.size() - 1)));
      g.writeEndObject();
      g.writeEndObject();
      pages++;
    }
  }

  private void media(SyntheticPost p, Threads t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", mediaId(p));
    g.writeStringField("caption", p.text.text());
    g.writeStringField("media_type", "IMAGE");
    g.writeStringField("media_product_type", "FEED");
    g.writeStringField("permalink", "https://www.instagram.com/p/" + Long.toString(MEDIA_BASE + p.id, 36) + "/");
    g.writeStringField("timestamp", FacebookWriter.TIME.format(Instant.ofEpochSecond(p.createdAt)));
    g.writeStringField("username", p.handle());
    g.writeObjectFieldStart("owner");
    g.writeStringField("id", p.accountId());
    g.writeEndObject();
    g.writeNumberField("like_count", p.likes);
    List<SyntheticPost> comments = t.comments(p);
    g.writeNumberField("comments_count", Math.max(p.replies, comments.size()));
    if (!comments.isEmpty()) {
      g.writeObjectFieldStart("comments");
      g.writeArrayFieldStart("data");
      for (SyntheticPost c : comments) {
        comment(c, null);
        List<SyntheticPost> replies = t.replies(c);
        if (!replies.isEmpty()) {
          g.writeObjectFieldStart("replies");
          g.writeArrayFieldStart("data");
          for (SyntheticPost r : replies) {
            comment(r, commentId(r.parent));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Writes a comment's fields, leaving its object open for the caller's replies. */
  private void comment(SyntheticPost c, String parentId) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", commentId(c));
    g.writeStringField("text", c.text.text());
    g.writeStringField("timestamp", FacebookWriter.TIME.format(Instant.ofEpochSecond(c.createdAt)));
    g.writeStringField("username", c.handle());
    g.writeObjectFieldStart("from");
    g.writeStringField("id", c.accountId());
    g.writeStringField("username", c.handle());
    g.writeEndObject();
    g.writeNumberField("like_count", c.likes);
    if (parentId != null) g.writeStringField("parent_id", parentId);
  }

  @Override
  public void close() throws IOException {
    if (pages > 0) g.writeRaw('\n');
    g.close();
  }
}
