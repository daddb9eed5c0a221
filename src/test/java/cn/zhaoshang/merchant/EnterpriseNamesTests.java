package cn.zhaoshang.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enterprise name normaliser behind duplicate detection; plain unit tests, no Spring. */
class EnterpriseNamesTests {

	@ParameterizedTest(name = "[{index}] {0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			濮阳市某某化工有限公司 | 某某化工（濮阳）有限公司
			濮阳市某某化工有限公司 | 某某化工(濮阳)有限公司
			某某化工（濮阳）有限公司 | 某某化工(濮阳)有限公司
			某某化工【濮阳】有限公司 | 某某化工[濮阳]有限公司
			某某化工（濮阳市）有限公司 | 濮阳某某化工有限公司
			某某化工（河南）有限公司 | 河南某某化工有限公司
			河南省濮阳市某某化工有限公司 | 某某化工有限公司
			河南省某某化工有限公司 | 河南某某化工有限公司
			濮阳市华龙区某某商贸有限公司 | 某某商贸有限公司
			清丰县某某食品有限公司 | 某某食品有限公司
			范县某某电器有限公司 | 某某电器有限公司
			新乡市某某电器有限公司 | 某某电器有限公司
			石家庄市某某药业有限公司 | 某某药业有限公司
			中原大化股份有限公司 | 中原大化有限公司
			河南中原大化集团有限责任公司 | 中原大化集团
			中原大化集团有限公司 | 中原大化集团
			中原大化集团股份有限公司 | 中原大化
			中原大化股份公司 | 中原大化公司
			中国石化集团中原石油勘探局有限公司 | 中国石化集团中原石油勘探局
			濮阳市盛源石油化工（集团）有限公司 | 盛源石油化工有限公司
			濮阳市盛源石油化工(集团)有限公司 | 濮阳盛源石油化工集团
			华为技术有限公司 | 华为 技术 有限公司
			华为技术有限公司 | ' 华为技术有限公司 '
			华为技术有限公司 | 华为技术　有限公司
			腾讯科技（深圳）有限公司 | 腾讯科技有限公司
			百度在线网络技术（北京）有限公司 | 百度在线网络技术有限公司
			阿里巴巴（中国）有限公司 | 阿里巴巴有限公司
			濮阳ＡＢＣ化工有限公司 | 濮阳abc化工有限公司
			濮阳市第１化工有限公司 | 第1化工有限公司
			Huawei Technologies Co., Ltd. | HUAWEI TECHNOLOGIES CO.,LTD
			Huawei Technologies Co., Ltd. | huawei technologies co ltd
			Huawei Technologies Co., Ltd. | Huawei Technologies Limited
			Alibaba Group Holding Limited | ALIBABA GROUP HOLDING
			Apple Inc. | APPLE INC
			Ｈｕａｗｅｉ Ｔｅｃｈｎｏｌｏｇｉｅｓ Ｃｏ．，Ｌｔｄ． | Huawei Technologies
			濮阳龙丰纸业有限公司 | 濮阳龙丰纸业(集团)有限公司
			河南龙丰纸业有限公司 | 龙丰纸业
			中原油田（濮阳）石油化工有限公司 | 中原油田石油化工有限公司
			""")
	void names_of_the_same_enterprise_normalise_equal(String a, String b) {
		assertThat(EnterpriseNames.normalize(a)).isEqualTo(EnterpriseNames.normalize(b));
	}

	@ParameterizedTest(name = "[{index}] {0} != {1}")
	@CsvSource(delimiter = '|', textBlock = """
			濮阳华龙化工有限公司 | 濮阳龙华化工有限公司
			中原有限公司 | 中原石油有限公司
			濮阳市有限公司 | 有限公司
			濮阳市有限公司 | 河南省有限公司
			濮阳市有限公司 | 濮阳市某某有限公司
			华联超市连锁有限公司 | 物美超市连锁有限公司
			东方市场开发有限公司 | 场开发有限公司
			城市建设投资有限公司 | 建设投资有限公司
			北京银行股份有限公司 | 上海银行股份有限公司
			某某化工有限公司 | 某某化工有限公司清丰分公司
			中国石化集团中原石油勘探局有限公司 | 中原石油勘探局有限公司
			Zinc Mining Co., Ltd. | Z Mining Co., Ltd.
			濮阳市化工有限公司 | 濮阳市化肥有限公司
			""")
	void names_of_different_enterprises_stay_different(String a, String b) {
		assertThat(EnterpriseNames.normalize(a)).isNotEqualTo(EnterpriseNames.normalize(b));
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			濮阳市盛源石油化工（集团）有限公司 | 盛源石油化工
			河南省濮阳市华龙区某某商贸有限公司 | 某某商贸
			濮阳华龙化工有限公司 | 华龙化工
			中国石化集团中原石油勘探局有限公司 | 中国石化集团中原石油勘探局
			华联超市连锁有限公司 | 华联超市连锁
			东方市场开发有限公司 | 东方市场开发
			某某社区服务有限公司 | 某某社区服务
			Huawei Technologies Co., Ltd. | huaweitechnologies
			Zinc Mining Inc. | zincmining
			北京银行股份有限公司 | 北京银行
			濮阳市有限公司 | 濮阳市
			""")
	void normalises_to_the_distinctive_core(String name, String expected) {
		assertThat(EnterpriseNames.normalize(name)).isEqualTo(expected);
	}

	@Test
	void a_name_that_is_only_a_legal_form_falls_back_to_the_whole_name() {
		assertThat(EnterpriseNames.normalize(" 有限 公司 ")).isEqualTo("有限公司");
		assertThat(EnterpriseNames.normalize("集团有限公司")).isEqualTo("集团有限公司");
		assertThat(EnterpriseNames.normalize("集团有限责任公司")).isEqualTo("集团");
		assertThat(EnterpriseNames.normalize("有限公司")).isEqualTo("有限公司");
		assertThat(EnterpriseNames.normalize("Co., Ltd.")).isNotEmpty();
	}

	@Test
	void null_stays_null() {
		assertThat(EnterpriseNames.normalize(null)).isNull();
	}
}
