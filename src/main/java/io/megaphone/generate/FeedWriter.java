package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One RSS 2.0 document per data file: an aggregated feed of the brands' blogs (planet style), each item naming
 * its blog in {@code <source>} (RSS 2.0's element for items taken from another feed), whose title is the blog
 * account's handle, so the brand registry recognises it.
 *
 * <p>A blog's feed carries the blog's own articles only: the brands' original posts are written; the public's
 * comments and mentions and the brands' answers, which the generator also plans in a blog-only world, are not
 * (a feed has no place for them), so truth.json's responsiveness counts do not apply to this format — it is
 * generated for volume. Items have no title (RSS 2.0 asks for a title or a description): the ingested text is
 * the generated text.
 */
final class FeedWriter implements PostWriter {
  static final String SITE = "https://blogs.megaphone.example/";
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private final XMLStreamWriter x;

  FeedWriter(OutputStream out) throws IOException {
    try {
      x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("rss");
      x.writeAttribute("version", "2.0");
      x.writeNamespace("dc", DC);
      x.writeCharacters("\n");
      x.writeStartElement("channel");
      element("title", "Megaphone synthetic brand blogs");
      element("link", SITE);
      element("description", "Articles of the brands' blogs, aggregated");
      element("generator", "megaphone generate");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    try {
      for (SyntheticPost p : block) {
        if (p.role != SyntheticPost.Role.BRAND_ORIGINAL) continue;
        String blog = SITE + p.accountId() + "/";
        x.writeCharacters("\n");
        x.writeStartElement("item");
        element("link", blog + p.id);
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "true");
        x.writeCharacters(blog + p.id);
        x.writeEndElement();
        element("pubDate", RFC_1123.format(Instant.ofEpochSecond(p.createdAt)));
        x.writeStartElement("dc", "language", DC);
        x.writeCharacters(p.lang);
        x.writeEndElement();
        element("description", "<p>" + escape(p.text.text()).replace("\n", "<br />") + "</p>");
        x.writeStartElement("source");
        x.writeAttribute("url", blog + "feed/");
        x.writeCharacters(p.handle());
        x.writeEndElement();
        x.writeEndElement();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void element(String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() throws IOException {
    try {
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
