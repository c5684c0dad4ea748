package io.megaphone.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The DejaVu Sans faces bundled on the classpath, so that neither the chart nor the PDF depends on
 * the fonts installed on the machine that renders them.
 */
public final class ReportFonts {

  public static final String FAMILY = "DejaVu Sans";
  public static final String REGULAR = "fonts/DejaVuSans.ttf";
  public static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

  private static volatile Font regular;
  private static volatile Font bold;

  private ReportFonts() {}

  /** Opens a bundled font file; {@code resource} is relative to this package. */
  public static InputStream open(String resource) {
    InputStream in = ReportFonts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("font missing from the classpath: " + resource);
    }
    return in;
  }

  public static Font regular(float size) {
    if (regular == null) {
      regular = load(REGULAR);
    }
    return regular.deriveFont(Font.PLAIN, size);
  }

  public static Font bold(float size) {
    if (bold == null) {
      bold = load(BOLD);
    }
    return bold.deriveFont(Font.PLAIN, size);
  }

  private static Font load(String resource) {
    try (InputStream in = open(resource)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("unreadable font " + resource, e);
    }
  }
}
