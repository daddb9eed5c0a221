package cn.zhaoshang.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.platform.RecordHistory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The industry-chain module with its direct dependencies, platform and org (Spring Modulith module test): the city's ten chains, in their
 * order, with Chinese and English names, found by id and by the Chinese name or code as imports write them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ChainModuleTests {

	@MockitoBean
	RecordHistory history;

	@Autowired
	Chains chains;

	@Test
	void the_ten_chains_of_the_city_with_both_names() {
		var all = chains.all();

		assertThat(all).hasSize(10);
		assertThat(all).extracting(Chain::sortOrder).isSorted();
		assertThat(all).allSatisfy(c -> {
			assertThat(c.name()).isNotBlank();
			assertThat(c.nameEn()).isNotBlank().matches("[\\x20-\\x7E]+");
		});
		assertThat(chains.names(false).values()).contains("化工");
		assertThat(chains.names(true)).hasSize(10);
	}

	@Test
	void a_chain_is_found_by_id_and_by_name() {
		Chain chemical = chains.findByName("化工").orElseThrow();

		assertThat(chains.find(chemical.id())).contains(chemical);
		assertThat(chains.findByName(" chemical ")).contains(chemical);
		assertThat(chains.findByName("没有这条链")).isEmpty();
	}
}
