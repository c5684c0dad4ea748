package io.megaphone.ingest.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.megaphone.ingest.HtmlText;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.SourceFiles;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.StAXStreamBuilder;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads one RSS or Atom file. The document is streamed (StAX): the feed's own elements (title, link, …) are
 * kept, and each item or entry is handed to ROME on its own in a copy of the feed holding just that item, so
 * memory is one item whatever the file's size, positions carry the item's line, and a malformed document keeps
 * the items read before the error.
 *
 * <p>Mapping: post id = RSS {@code guid} / Atom {@code id}, else the item's link (ROME's {@code uri}); an id
 * that is not an absolute URI (a bare number: many news feeds) is qualified by the feed's link, {@code
 * LINK#ID}, so two feeds cannot collide. Created at = {@code pubDate} / {@code published} / {@code dc:date},
 * else {@code updated}; text = title, a blank line, then the body ({@code content:encoded} / Atom content when
 * present, else description / summary) with HTML turned to text; urls = the item's link; account = the feed
 * (its alternate link as id, its title as handle), or the item's {@code source} when it names one (aggregated
 * feeds); language = the item's {@code dc:language} or {@code xml:lang}, else the feed's, primary subtag;
 * replies = Atom threading's {@code thr:in-reply-to}.
 */
final class FeedReader {
  private static final String THREAD_NS = "http://purl.org/syndication/thread/1.0";
  private static final Pattern ABSOLUTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+");
  /** RFC 822 / RFC 1123 as RSS writes them: [Day,] d Mon yyyy HH:mm[:ss] zone. */
  private static final Pattern RFC822 = Pattern.compile("^(?:[A-Za-z]{2,9}\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?"
      + "[\\s-]+(\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?$");
  private static final Pattern DATE_ONLY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("GMT", 0), Map.entry("UT", 0),
      Map.entry("UTC", 0), Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6),
      Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));
  private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec");
  /** Date elements of an item, the creation date first (RSS, Dublin Core, Atom 1.0, Atom 0.3). */
  private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "date", "issued", "created",
      "updated", "modified");

  private FeedReader() {}

  static Iterator<Row> read(String file, String format, IngestOptions options) {
    List<Row> rows = new ArrayList<>();
    new FeedReader.Run(file, format, options, rows).run();
    return rows.iterator();
  }

  private static final class Run {
    final String file;
    final String format;
    final IngestOptions options;
    final List<Row> rows;
    final String platform;
    final SyndFeedInput rome = new SyndFeedInput();
    final XMLOutputter xml = new XMLOutputter(Format.getCompactFormat());
    long items;
    String itemWord = "item";

    Run(String file, String format, IngestOptions options, List<Row> rows) {
      this.file = file;
      this.format = format;
      this.options = options;
      this.rows = rows;
      this.platform = FeedFormat.platform(options);
    }

    void run() {
      XMLInputFactory f = XMLInputFactory.newDefaultFactory();
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      f.setProperty(XMLInputFactory.IS_COALESCING, true);
      // a DOCTYPE (RSS 0.91's) is allowed but its external DTD is never fetched
      f.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
      XMLStreamReader r = null;
      try (InputStream in = SourceFiles.open(file, new Configuration())) {
        r = f.createXMLStreamReader(in);
        stream(r);
      } catch (XMLStreamException | JDOMException e) {
        malformed(e, r);
      } catch (IOException e) {
        rows.add(PostRecord.quarantined(format, new RecordPosition(file, items + 1, "after " + itemWord + " " + items),
            QuarantineReason.TRUNCATED, "file unreadable after this point: " + oneLine(e.toString()), null, platform,
            null));
      } finally {
        if (r != null) {
          try {
            r.close();
          } catch (XMLStreamException e) {
            // already reported
          }
        }
      }
    }

    private void stream(XMLStreamReader r) throws XMLStreamException, JDOMException {
      StAXStreamBuilder builder = new StAXStreamBuilder();
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, comments, DOCTYPE
      }
      if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        rows.add(PostRecord.quarantined(format, new RecordPosition(file, 0, "line 1"), QuarantineReason.UNPARSEABLE,
            "no XML element in the file", null, platform, null));
        return;
      }
      String rootName = r.getLocalName();
      boolean rss = rootName.equals("rss");
      boolean atom = rootName.equals("feed");
      if (!rss && !atom && !rootName.equals("RDF")) {
        rows.add(PostRecord.quarantined(format, new RecordPosition(file, 0, "line " + r.getLocation().getLineNumber()),
            QuarantineReason.UNPARSEABLE, "not an RSS or Atom feed: the root element is <" + r.getName().toString()
                .replaceFirst("^\\{.*}", "") + ">", null, platform, null));
        return;
      }
      itemWord = atom ? "entry" : "item";
      Element root = shell(r);
      Document doc = new Document(root);
      Element parent = root;
      r.next();
      while (true) {
        int ev = r.getEventType();
        if (ev == XMLStreamConstants.END_DOCUMENT) return;
        if (ev != XMLStreamConstants.START_ELEMENT) {
          if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals(rootName)) parent = null;
          if (!r.hasNext()) return;
          r.next();
          continue;
        }
        String name = r.getLocalName();
        if (rss && parent == root && name.equals("channel")) {
          Element channel = shell(r);
          root.addContent(channel);
          parent = channel;
          r.next();
        } else if (name.equals(itemWord) && parent != null) {
          Location at = r.getLocation();
          Element item = (Element) builder.fragment(r);
          items++;
          RecordPosition pos = new RecordPosition(file, items, itemWord + " " + items + " (line " + at.getLineNumber()
              + ")");
          parent.addContent(item);
          rows.add(item(doc, item, pos));
          parent.removeContent(item);
        } else {
          Content header = builder.fragment(r);
          // the feed's own dates are not used: ROME would parse them again for every item
          if (parent != null && !DATE_ELEMENTS.contains(name) && !name.equals("lastBuildDate")) {
            parent.addContent(header);
          }
        }
      }
    }

    /** The element at the reader's START_ELEMENT without its content: name, namespaces, attributes. */
    private static Element shell(XMLStreamReader r) {
      String uri = r.getNamespaceURI();
      String prefix = r.getPrefix();
      Element e = new Element(r.getLocalName(), Namespace.getNamespace(prefix == null ? "" : prefix,
          uri == null ? "" : uri));
      for (int i = 0; i < r.getNamespaceCount(); i++) {
        String p = r.getNamespacePrefix(i);
        String u = r.getNamespaceURI(i);
        if (p == null || p.isEmpty() || u == null) continue;
        e.addNamespaceDeclaration(Namespace.getNamespace(p, u));
      }
      for (int i = 0; i < r.getAttributeCount(); i++) {
        String ap = r.getAttributePrefix(i);
        String au = r.getAttributeNamespace(i);
        Namespace ns = au == null || au.isEmpty() ? Namespace.NO_NAMESPACE
            : au.equals(Namespace.XML_NAMESPACE.getURI()) ? Namespace.XML_NAMESPACE : Namespace.getNamespace(ap, au);
        e.setAttribute(new Attribute(r.getAttributeLocalName(i), r.getAttributeValue(i), ns));
      }
      return e;
    }

    private Row item(Document doc, Element itemElement, RecordPosition pos) {
      Object raw = new Object() {
        @Override
        public String toString() {
          return xml.outputString(itemElement);
        }
      };
      PostRecord p = new PostRecord(format, pos, raw);
      p.platform = platform;
      // Dates are read here, strictly. When that works, ROME does not see them: its lenient parser tries a dozen
      // SimpleDateFormat patterns per date and was most of the reading time.
      String rawDate = rawDate(itemElement);
      Instant date = null;
      boolean dateChecked = false;
      try {
        date = rawDate == null ? null : parseDate(rawDate, options.zone());
        dateChecked = true;
      } catch (DateTimeException | NumberFormatException ex) {
        // impossible date: reported as invalid below
      }
      boolean romeDate = rawDate != null && dateChecked && date == null; // a shape of its own: ROME reads it
      List<Element> hidden = new ArrayList<>();
      if (!romeDate) {
        for (Element c : itemElement.getChildren()) if (DATE_ELEMENTS.contains(c.getName())) hidden.add(c);
      }
      List<Integer> at = new ArrayList<>();
      for (Element h : hidden) at.add(itemElement.indexOf(h));
      for (Element h : hidden) itemElement.removeContent(h);
      SyndFeed feed;
      try {
        feed = rome.build(doc);
      } catch (FeedException | RuntimeException e) {
        return p.quarantine(QuarantineReason.UNPARSEABLE, "ROME cannot read this " + itemWord + ": "
            + oneLine(e.getMessage()));
      } finally {
        for (int i = 0; i < hidden.size(); i++) itemElement.addContent(at.get(i), hidden.get(i));
      }
      if (feed.getEntries().isEmpty()) {
        return p.quarantine(QuarantineReason.UNPARSEABLE, "ROME found no " + itemWord + " here");
      }
      SyndEntry e = feed.getEntries().get(0);
      SyndFeed account = e.getSource() != null && (e.getSource().getLink() != null || e.getSource().getUri() != null)
          ? e.getSource() : feed;
      p.accountId = firstNonBlank(alternateLink(account), account.getUri());
      p.accountHandle = blankToNull(account.getTitle());
      p.postId = qualify(blankToNull(e.getUri()), p.accountId);
      if (date != null) {
        p.createdAt = date;
      } else if (rawDate != null) {
        // another shape (ROME's reading, lenient) or an impossible date (left as text: reported as invalid)
        Date rome = romeDate ? e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate() : null;
        if (rome != null) p.createdAt = rome.toInstant();
        else p.createdAtRaw = rawDate;
      }
      String title = text(e.getTitleEx());
      String body = "";
      for (SyndContent c : e.getContents()) {
        body = text(c);
        if (!body.isEmpty()) break;
      }
      if (body.isEmpty()) body = text(e.getDescription());
      p.text = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
      String link = blankToNull(e.getLink());
      p.urls = link == null ? List.of() : List.of(link);
      DCModule dc = (DCModule) e.getModule(DCModule.URI);
      String lang = dc == null ? null : dc.getLanguage();
      if (lang == null) lang = itemElement.getAttributeValue("lang", Namespace.XML_NAMESPACE);
      if (lang == null) lang = feed.getLanguage();
      if (lang == null) lang = doc.getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE);
      p.lang = language(lang);
      Element reply = itemElement.getChild("in-reply-to", Namespace.getNamespace(THREAD_NS));
      if (reply != null) p.inReplyToPostId = qualify(blankToNull(reply.getAttributeValue("ref")), p.accountId);
      return p.toRow(options);
    }

    /** The text of the item's first date element (creation first: see {@link #DATE_ELEMENTS}), or null. */
    private static String rawDate(Element item) {
      for (String name : DATE_ELEMENTS) {
        for (Element c : item.getChildren()) {
          if (c.getName().equals(name) && !c.getTextTrim().isEmpty()) return c.getTextTrim();
        }
      }
      return null;
    }

    /** Text of a title or body: HTML (the default of RSS) turned to text, plain text as it is. */
    private static String text(SyndContent c) {
      if (c == null || c.getValue() == null) return "";
      String type = c.getType() == null ? "html" : c.getType().toLowerCase(Locale.ROOT);
      boolean plain = type.equals("text") || type.equals("text/plain");
      return plain ? c.getValue().strip() : HtmlText.text(c.getValue());
    }

    private void malformed(Exception e, XMLStreamReader r) {
      XMLStreamException x = cause(e, XMLStreamException.class);
      Location at = x != null && x.getLocation() != null ? x.getLocation() : r != null ? r.getLocation() : null;
      int line = at == null ? -1 : at.getLineNumber();
      int column = at == null ? -1 : at.getColumnNumber();
      boolean encoding = cause(e, CharConversionException.class) != null;
      String message = x != null && x.getNestedException() != null ? x.getNestedException().getMessage()
          : x != null ? x.getMessage() : e.getMessage();
      message = oneLine(message).replaceFirst("^ParseError at \\[row,col]:\\[\\d+,\\d+] Message: ", "");
      String where = "line " + line + " column " + column;
      rows.add(PostRecord.quarantined(format, new RecordPosition(file, items + 1, where),
          encoding ? QuarantineReason.INVALID_ENCODING : QuarantineReason.UNPARSEABLE,
          (encoding ? "invalid bytes for the document's encoding" : "malformed XML") + " at " + where
              + (items > 0 ? " (after " + itemWord + " " + items + "; the rest of the file is unreadable)" : "")
              + ": " + message, null, platform, null));
    }
  }

  /** RFC 822 and ISO 8601 / W3C dates, strictly; null for other shapes. */
  static Instant parseDate(String raw, ZoneId zone) {
    String s = raw.trim();
    Matcher m = RFC822.matcher(s);
    if (m.matches()) {
      int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
      if (month == 0) throw new DateTimeException("unknown month " + m.group(2));
      int year = Integer.parseInt(m.group(3));
      if (m.group(3).length() == 2) year += year < 50 ? 2000 : 1900;
      LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      String z = m.group(7);
      if (z == null) return local.atZone(zone).toInstant();
      if (z.startsWith("+") || z.startsWith("-")) return local.atOffset(ZoneOffset.of(z.length() == 5
          ? z.substring(0, 3) + ":" + z.substring(3) : z)).toInstant();
      Integer hours = ZONES.get(z.toUpperCase(Locale.ROOT));
      if (hours == null) throw new DateTimeException("unknown time zone " + z);
      return local.atOffset(ZoneOffset.ofHours(hours)).toInstant();
    }
    if (DATE_ONLY.matcher(s).matches()) return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    if (s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') {
      return io.megaphone.ingest.Timestamps.parse(s, zone);
    }
    return null;
  }

  /** The feed's web page: its (first) alternate link; ROME's {@code getLink()} of an Atom feed can be its self link. */
  static String alternateLink(SyndFeed f) {
    for (SyndLink l : f.getLinks()) {
      String rel = l.getRel();
      if ((rel == null || rel.isBlank() || rel.equals("alternate")) && l.getHref() != null && !l.getHref().isBlank()) {
        return l.getHref().trim();
      }
    }
    return f.getLink();
  }

  /** Ids that are not absolute URIs are unique only within their feed: prefixed with the feed's link. */
  static String qualify(String id, String feed) {
    if (id == null || feed == null || ABSOLUTE.matcher(id).matches()) return id;
    return feed + "#" + id;
  }

  /** "en-US" → "en". */
  static String language(String tag) {
    if (tag == null || tag.isBlank()) return null;
    String t = tag.trim().toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-');
    if (dash < 0) dash = t.indexOf('_');
    return dash > 0 ? t.substring(0, dash) : t;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
      if (t instanceof XMLStreamException x && x.getNestedException() != null && type.isInstance(x.getNestedException())) {
        return type.cast(x.getNestedException());
      }
    }
    return null;
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
