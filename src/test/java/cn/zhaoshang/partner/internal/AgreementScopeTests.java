package cn.zhaoshang.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which projects an agreement's scope covers: the chain by name, name_en or code; the investor's headquarters. */
class AgreementScopeTests {

	static AgreementScope.Project project(String chain, String headquarters) {
		return new AgreementScope.Project(chain, "New materials", "new-materials", headquarters);
	}

	@Test
	void a_blank_scope_covers_every_project() {
		assertThat(AgreementScope.covers(null, " ", project("新材料", null), java.util.Map.of())).isTrue();
	}

	@Test
	void the_chain_must_be_one_of_the_entrusted_chains() {
		assertThat(AgreementScope.chains("新材料、智能家居", project("新材料", null))).isTrue();
		assertThat(AgreementScope.chains("化工，现代物流", project("新材料", null))).isFalse();
		assertThat(AgreementScope.chains("化工", project("精细化工", null))).isTrue();
		assertThat(AgreementScope.chains("new materials; logistics", project("新材料", null))).isTrue();
	}

	@Test
	void the_investor_must_be_headquartered_in_one_of_the_regions() {
		assertThat(AgreementScope.regions("浙江省、长三角", "浙江宁波")).isTrue();
		assertThat(AgreementScope.regions("浙江省、长三角", "浙江省杭州市西湖区")).isTrue();
		assertThat(AgreementScope.regions("浙江省", "江苏省南京市")).isFalse();
		assertThat(AgreementScope.regions("上海市", "上海浦东")).isTrue();
		assertThat(AgreementScope.regions("浙江", null)).as("headquarters not recorded").isFalse();
		assertThat(AgreementScope.regions("", null)).isTrue();
	}

	@Test
	void a_region_grouping_stands_for_its_provinces_and_cities() {
		var groups = RegionGroups.parse(RegionGroups.defaults());
		assertThat(AgreementScope.regions("长三角", "浙江省宁波市", groups)).isTrue();
		assertThat(AgreementScope.regions("长三角", "江苏南京", groups)).isTrue();
		assertThat(AgreementScope.regions("长三角", "上海市浦东新区", groups)).isTrue();
		assertThat(AgreementScope.regions("长三角", "安徽省合肥市", groups)).isTrue();
		assertThat(AgreementScope.regions("长三角", "广东省深圳市", groups)).isFalse();
		assertThat(AgreementScope.regions("珠三角、京津冀", "广东省深圳市", groups)).isTrue();
		assertThat(AgreementScope.regions("珠三角、京津冀", "河北省石家庄市", groups)).isTrue();
		assertThat(AgreementScope.regions("珠三角", "广东省汕头市", groups)).as("汕头 is not in the Pearl River Delta")
			.isFalse();
		assertThat(AgreementScope.regions("长三角", null, groups)).isFalse();
		assertThat(AgreementScope.regions("长三角", "浙江宁波")).as("without the dictionary a grouping is one place")
			.isFalse();
		assertThat(AgreementScope.covers("新材料", "长三角", project("新材料", "浙江杭州"), groups)).isTrue();
	}

	@Test
	void the_dictionary_reads_the_setting_and_refuses_a_grouping_without_places() {
		var groups = RegionGroups.parse("长三角=上海、江苏；西部：四川，重庆 ; 空=");
		assertThat(groups).containsOnlyKeys("长三角", "西部");
		assertThat(groups.get("西部")).containsExactly("四川", "重庆");
		assertThat(RegionGroups.check("长三角=上海、江苏；西部=四川")).isEmpty();
		assertThat(RegionGroups.check("长三角=上海；珠三角=")).get()
			.satisfies(p -> assertThat(p.args()).containsExactly(2, "珠三角="));
		assertThat(RegionGroups.check(RegionGroups.defaults())).isEmpty();
		assertThat(RegionGroups.defaults()).startsWith("长三角=上海、江苏、浙江、安徽\uff1b").doesNotContain("#");
	}
}
