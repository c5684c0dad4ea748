package io.megaphone.report;

import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The FreeMarker report template. XHTML output format: every interpolated string is escaped, so
 * hostile brand names or file paths cannot inject markup.
 */
public final class ReportTemplate {

  private static final String TEMPLATE = "report.ftlx";

  private final Configuration configuration;

  public ReportTemplate() {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setClassForTemplateLoading(ReportTemplate.class, "templates");
    configuration.setOutputFormat(XHTMLOutputFormat.INSTANCE);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setAPIBuiltinEnabled(false);
  }

  /** The report as an XHTML document. */
  public String render(ReportView view) throws IOException {
    StringWriter out = new StringWriter();
    try {
      configuration.getTemplate(TEMPLATE).process(Map.of("report", view), out);
    } catch (TemplateException e) {
      throw new IOException("cannot render " + TEMPLATE + ": " + e.getMessage(), e);
    }
    return out.toString();
  }
}
