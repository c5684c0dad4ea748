package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YouTube Data API v3 responses, one per line, as a collector saves them: {@code videos.list} pages of up to 50 videos
 * (the posts that reply to nothing: brands' uploads and the public's) and {@code commentThreads.list} pages of up to
 * 100 threads (every other post: a comment on a video opens a thread, the answers to it are its replies).
 *
 * <p>A video's text is split into a title of at most 100 characters and a description (the reader joins them with a
 * blank line). Statistics are strings, as the API writes them. A reply's {@code parentId} names the comment it
 * answers: YouTube itself names the thread's top-level comment for every reply, which would lose who a follow-up
 * answers; the generated archive keeps the planted links.
 */
final class YoutubeWriter implements PostWriter {
  static final int VIDEOS_PAGE = 50;
  static final int THREADS_PAGE = 100;
  static final int TITLE_MAX = 100;
  private final JsonGenerator g;

  YoutubeWriter(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    List<SyntheticPost> videos = new ArrayList<>();
    // top-level comment → its replies, in emission order (parents are always emitted before their replies)
    Map<SyntheticPost, List<SyntheticPost>> threads = new LinkedHashMap<>();
    for (SyntheticPost p : block) {
      if (p.parent == null) {
        videos.add(p);
      } else if (p.parent.parent == null) {
        threads.put(p, new ArrayList<>());
      } else {
        threads.get(topLevel(p)).add(p);
      }
    }
    for (int from = 0; from < videos.size(); from += VIDEOS_PAGE) {
      videoPage(videos.subList(from, Math.min(videos.size(), from + VIDEOS_PAGE)));
    }
    List<Map.Entry<SyntheticPost, List<SyntheticPost>>> all = new ArrayList<>(threads.entrySet());
    for (int from = 0; from < all.size(); from += THREADS_PAGE) {
      threadPage(all.subList(from, Math.min(all.size(), from + THREADS_PAGE)));
    }
  }

  private static SyntheticPost topLevel(SyntheticPost p) {
    SyntheticPost c = p;
    while (c.parent.parent != null) c = c.parent;
    return c;
  }

  private void videoPage(List<SyntheticPost> videos) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "youtube#videoListResponse");
    g.writeStringField("etag", etag(videos.get(0).id, 1));
    g.writeArrayFieldStart("items");
    for (SyntheticPost v : videos) video(v);
    g.writeEndArray();
    pageInfo(videos.size());
    g.writeEndObject();
  }

  private void video(SyntheticPost p) throws IOException {
    String[] td = titleAndDescription(p.text.text(), TITLE_MAX);
    g.writeStartObject();
    g.writeStringField("kind", "youtube#video");
    g.writeStringField("etag", etag(p.id, 2));
    g.writeStringField("id", Long.toString(p.id));
    g.writeObjectFieldStart("snippet");
    g.writeStringField("publishedAt", Instant.ofEpochSecond(p.createdAt).toString());
    g.writeStringField("channelId", channelId(p));
    g.writeStringField("title", td[0]);
    g.writeStringField("description", td[1]);
    g.writeStringField("channelTitle", p.handle());
    if (!p.text.hashtags().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (String h : p.text.hashtags()) g.writeString(h);
      g.writeEndArray();
    }
    g.writeStringField("categoryId", "22");
    g.writeStringField("liveBroadcastContent", "none");
    g.writeStringField("defaultLanguage", p.lang);
    g.writeStringField("defaultAudioLanguage", p.lang);
    g.writeEndObject();
    g.writeObjectFieldStart("statistics");
    g.writeStringField("viewCount", Long.toString(p.views));
    g.writeStringField("likeCount", Long.toString(p.likes));
    g.writeStringField("favoriteCount", "0");
    g.writeStringField("commentCount", Long.toString(p.replies));
    g.writeEndObject();
    g.writeEndObject();
  }

  private void threadPage(List<Map.Entry<SyntheticPost, List<SyntheticPost>>> threads) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "youtube#commentThreadListResponse");
    g.writeStringField("etag", etag(threads.get(0).getKey().id, 3));
    g.writeArrayFieldStart("items");
    for (Map.Entry<SyntheticPost, List<SyntheticPost>> t : threads) thread(t.getKey(), t.getValue());
    g.writeEndArray();
    pageInfo(threads.size());
    g.writeEndObject();
  }

  private void thread(SyntheticPost top, List<SyntheticPost> replies) throws IOException {
    SyntheticPost video = top.parent;
    g.writeStartObject();
    g.writeStringField("kind", "youtube#commentThread");
    g.writeStringField("etag", etag(top.id, 4));
    g.writeStringField("id", Long.toString(top.id));
    g.writeObjectFieldStart("snippet");
    g.writeStringField("channelId", channelId(video));
    g.writeStringField("videoId", Long.toString(video.id));
    g.writeFieldName("topLevelComment");
    comment(top, video, false);
    g.writeBooleanField("canReply", true);
    g.writeNumberField("totalReplyCount", replies.size());
    g.writeBooleanField("isPublic", true);
    g.writeEndObject();
    if (!replies.isEmpty()) {
      g.writeObjectFieldStart("replies");
      g.writeArrayFieldStart("comments");
      for (SyntheticPost r : replies) comment(r, video, true);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void comment(SyntheticPost c, SyntheticPost video, boolean reply) throws IOException {
    String at = Instant.ofEpochSecond(c.createdAt).toString();
    g.writeStartObject();
    g.writeStringField("kind", "youtube#comment");
    g.writeStringField("etag", etag(c.id, 5));
    g.writeStringField("id", Long.toString(c.id));
    g.writeObjectFieldStart("snippet");
    g.writeStringField("channelId", channelId(video));
    g.writeStringField("videoId", Long.toString(video.id));
    g.writeStringField("textDisplay", html(c.text));
    g.writeStringField("textOriginal", c.text.text());
    if (reply) g.writeStringField("parentId", Long.toString(c.parent.id));
    g.writeStringField("authorDisplayName", "@" + c.handle());
    g.writeStringField("authorProfileImageUrl", "https://yt3.ggpht.com/ytc/" + etag(c.accountId().hashCode(), 6)
        + "=s48-c-k-c0x00ffffff-no-rj");
    g.writeStringField("authorChannelUrl", "http://www.youtube.com/@" + c.handle());
    g.writeObjectFieldStart("authorChannelId");
    g.writeStringField("value", channelId(c));
    g.writeEndObject();
    g.writeBooleanField("canRate", true);
    g.writeStringField("viewerRating", "none");
    g.writeNumberField("likeCount", c.likes);
    g.writeStringField("publishedAt", at);
    g.writeStringField("updatedAt", at);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void pageInfo(int n) throws IOException {
    g.writeObjectFieldStart("pageInfo");
    g.writeNumberField("totalResults", n);
    g.writeNumberField("resultsPerPage", n);
    g.writeEndObject();
  }

  /** The brand account's channel id, or a channel id made from the public user's number. */
  static String channelId(SyntheticPost p) {
    return p.byBrand() ? p.account.id() : World.youtubeChannelId(100_000_000L + p.user);
  }

  /**
   * Title and description whose join (title, blank line, description) is the text up to white space: the text as
   * title when it fits on one line, else cut at the last space before {@code max} characters.
   */
  static String[] titleAndDescription(String text, int max) {
    if (text.length() <= max && text.indexOf('\n') < 0) return new String[] {text, ""};
    int nl = text.indexOf('\n');
    if (nl > 0 && nl <= max) {
      int skip = text.startsWith("\n\n", nl) ? 2 : 1;
      return new String[] {text.substring(0, nl), text.substring(nl + skip)};
    }
    int cut = text.lastIndexOf(' ', Math.min(max, text.length() - 1));
    if (cut > 0) return new String[] {text.substring(0, cut), text.substring(cut + 1)};
    int hard = Math.min(max, text.length());
    if (hard < text.length() && Character.isLowSurrogate(text.charAt(hard))) hard--;
    return new String[] {text.substring(0, hard), text.substring(hard)};
  }

  /** textDisplay as the API renders it: HTML-escaped, links as anchors, line breaks as {@code <br>}. */
  static String html(Text t) {
    String s = t.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
    for (String u : t.urls()) {
      String escaped = u.replace("&", "&amp;");
      s = s.replace(escaped, "<a href=\"" + escaped + "\">" + escaped + "</a>");
    }
    return s.replace("\n", "<br>");
  }

  private static String etag(long id, int salt) {
    return Long.toString(Seeds.mix(id, salt) & Long.MAX_VALUE, 36);
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
