package io.megaphone.report;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Prints an XHTML document to PDF with openhtmltopdf, using the bundled DejaVu Sans faces. */
public final class HtmlToPdf {

  private HtmlToPdf() {}

  /**
   * @param xhtml a well-formed XHTML document whose CSS asks for {@link ReportFonts#FAMILY}
   * @param baseUri what relative links in the document resolve against
   */
  public static byte[] render(String xhtml, String baseUri) throws IOException {
    // its INFO lines ("Prepare to fly") go to java.util.logging on stdout; errors still surface as exceptions
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer("Megaphone");
    // Without registered fonts openhtmltopdf falls back to the PDF base-14 fonts and prints '#' for
    // every character outside Latin-1.
    builder.useFont(fontFile(ReportFonts.REGULAR), ReportFonts.FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(fontFile(ReportFonts.BOLD), ReportFonts.FAMILY, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(printable(xhtml), baseUri);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }

  /**
   * The document with every character the bundled font cannot draw (emoji, most CJK) replaced by U+25A1 (□):
   * openhtmltopdf would print '#', which reads as a hashtag in a post's text. The HTML page keeps the original.
   */
  static String printable(String xhtml) {
    java.awt.Font font = ReportFonts.regular(10);
    StringBuilder out = null;
    for (int i = 0; i < xhtml.length(); ) {
      int cp = xhtml.codePointAt(i);
      int n = Character.charCount(cp);
      boolean drawable = cp < 0x80 || Character.isWhitespace(cp) || font.canDisplay(cp);
      if (!drawable && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0x200D) { // variation selectors, ZWJ: dropped
        if (out == null) out = new StringBuilder(xhtml.length()).append(xhtml, 0, i);
        out.append('\u25A1');
      } else if (!drawable) {
        if (out == null) out = new StringBuilder(xhtml.length()).append(xhtml, 0, i);
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += n;
    }
    return out == null ? xhtml : out.toString();
  }

  private static FSSupplier<InputStream> fontFile(String resource) {
    return () -> ReportFonts.open(resource);
  }
}
