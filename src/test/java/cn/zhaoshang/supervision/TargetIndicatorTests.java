package cn.zhaoshang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Every indicator has its words in both languages: the column head of the page, the label of errors and cells, the
 * workbook header (the keys the targets page and import build from the indicator's field).
 */
class TargetIndicatorTests {

	@Test
	void every_indicator_has_its_head_label_and_header_in_both_languages() throws Exception {
		for (String bundle : new String[] { "i18n/supervision_zh_CN.properties", "i18n/supervision_en.properties" }) {
			Properties p = new Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			for (TargetIndicator i : TargetIndicator.values()) {
				for (String prefix : new String[] { "supervision.head.", "supervision.field.", "supervision.col." }) {
					assertThat(p.getProperty(prefix + i.field())).as(bundle + " " + prefix + i.field()).isNotBlank();
				}
			}
		}
	}

	@Test
	void of_which_indicators_name_their_whole() {
		assertThat(TargetIndicator.SIGNED_COUNT_100M.partOf()).contains(TargetIndicator.SIGNED_COUNT);
		assertThat(TargetIndicator.SIGNED_COUNT_1B.partOf()).contains(TargetIndicator.SIGNED_COUNT_100M);
		assertThat(TargetIndicator.OUT_OF_PROVINCE.partOf()).contains(TargetIndicator.FUNDS_IN_PLACE);
		assertThat(TargetIndicator.FOREIGN_USED.kind()).isEqualTo(TargetIndicator.Kind.USD_AMOUNT);
	}
}
