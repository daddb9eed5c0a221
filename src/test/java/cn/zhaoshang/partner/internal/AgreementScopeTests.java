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
		assertThat(AgreementScope.covers(null, " ", project("新材料", null))).isTrue();
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
}
