package cn.zhaoshang.merchant.talent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How one text of fields of expertise is split, as users type it in the form and in workbooks. */
class TalentFieldsTests {

	@Test
	void fields_are_split_at_chinese_and_latin_separators_trimmed_and_kept_once_in_order() {
		assertThat(Talents.fields("新材料、化工，氢能, 储能;  石油装备；生物医药/医疗器械 新能源"))
			.containsExactly("新材料", "化工", "氢能", "储能", "石油装备", "生物医药", "医疗器械", "新能源");
		assertThat(Talents.fields(" 化工 、化工、 化工 ")).containsExactly("化工");
		assertThat(Talents.fields("、，")).isEmpty();
		assertThat(Talents.fields(null)).isEmpty();
	}

	@Test
	void like_patterns_escape_their_wildcards() {
		assertThat(cn.zhaoshang.platform.list.SqlFilter.escape("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
	}
}
