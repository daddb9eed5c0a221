package cn.zhaoshang.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.project.LedgerSheets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The merchant module with the platform and the chains (Spring Modulith module test): the investor a project or a
 * clue names is registered once, audited, flagged incomplete until its type and chains are given, and found again
 * by name or USCC instead of being registered twice.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class MerchantModuleTests {

	@MockitoBean
	RecordHistory history;

	/** The chains (a direct dependency) name their editors, chain leaders and counties from the org module. */
	@MockitoBean
	People people;

	/** Also the platform's UnitDirectory, which the merchant module's scope checks read. */
	@MockitoBean
	Units units;

	@Autowired
	Merchants merchants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_investor_is_registered_once_audited_and_found_again_by_name_or_uscc(PublishedEvents events) {
		String name = LedgerSheets.unique("模块测试投资有限公司");
		String uscc = LedgerSheets.uscc();

		var registered = merchants.findOrRegister(name, null);
		var withCode = merchants.findOrRegister(name, uscc);
		var again = merchants.findOrRegister("  " + name + " ", null);

		assertThat(withCode.id()).isEqualTo(registered.id());
		assertThat(again.id()).isEqualTo(registered.id());
		assertThat(merchants.match("另一家", uscc)).map(Merchants.Merchant::id).contains(registered.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name = ?").param(name).query(Long.class).single())
			.isEqualTo(1);
		assertThat(merchants.incomplete(registered.id())).as("no type, no chain yet").isTrue();
		String id = String.valueOf(registered.id().value());
		assertThat(events.ofType(RecordChanged.class).matching(e -> e.recordType().equals("merchant")
				&& e.recordId().equals(id))).extracting(RecordChanged::action).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void an_invalid_uscc_is_refused_before_anything_is_written() {
		String name = LedgerSheets.unique("校验码错误有限公司");

		assertThatThrownBy(() -> merchants.findOrRegister(name, "91410900000000000X"))
			.isInstanceOf(FieldException.class);
		assertThat(merchants.match(name, null)).isEmpty();
	}
}
