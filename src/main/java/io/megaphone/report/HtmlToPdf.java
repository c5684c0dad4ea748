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
    builder.withHtmlContent(xhtml, baseUri);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }

  private static FSSupplier<InputStream> fontFile(String resource) {
    return () -> ReportFonts.open(resource);
  }
}
