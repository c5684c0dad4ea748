package io.megaphone.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.report.model.ResponsivenessRow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ResponsivenessChartTest {

  @Test
  void usesAllPlatformRowsBusiestFirst() {
    ResponsivenessChart chart = ResponsivenessChart.of(ReportModels.threeBrands().responsiveness());

    assertThat(chart.brands())
        .containsExactly(XmlText.clean(ReportModels.HOSTILE), ReportModels.ACCENTED, ReportModels.SILENT);
    assertThat(chart.truncated()).isFalse();
    assertThat(chart.caption()).doesNotContain("top");
  }

  @Test
  void keepsTheTopBrandsAndSaysSo() throws Exception {
    List<ResponsivenessRow> rows = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      rows.add(ReportModels.row("Brand " + i, "all", i * 10L, i, 60.0 * i, 90.0 * i, 300.0 * i, 80.0 * i,
          i, 0, 0, 0, 10, 5, 5, 0, 5));
    }
    ResponsivenessChart chart = ResponsivenessChart.of(rows, 25);

    assertThat(chart.brands()).hasSize(25).startsWith("Brand 30", "Brand 29").endsWith("Brand 6");
    assertThat(chart.truncated()).isTrue();
    assertThat(chart.caption()).contains("top 25 of 30");
    assertThat(chart.height()).isEqualTo(120 + 22 * 25);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertThat(image.getWidth()).isEqualTo(chart.pixelWidth());
    assertThat(image.getHeight()).isEqualTo(chart.pixelHeight());
  }

  @Test
  void rendersWithoutBrandsOrAnswers() {
    assertThat(ResponsivenessChart.of(List.of()).png()).isNotEmpty();
    ResponsivenessRow silent =
        ReportModels.row("Quiet", "all", 0, 0, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ResponsivenessChart.of(List.of(silent)).png()).isNotEmpty();
  }
}
