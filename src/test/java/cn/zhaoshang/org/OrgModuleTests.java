package cn.zhaoshang.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.org.internal.PersonForm;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The organisation module with the platform only (Spring Modulith module test): it implements the platform's
 * {@link UnitDirectory} from the real unit tree, and a person written through {@link People} is audited (the
 * {@link RecordChanged} the audit module would store is published) within the data scope of the writer.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class OrgModuleTests {

	/** Offered by the audit module, which is not booted here. */
	@MockitoBean
	RecordHistory history;

	@Autowired
	UnitDirectory directory;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	DataScopes scopes;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_unit_directory_is_the_unit_tree() {
		UnitId city = unit("city");
		UnitId hualong = unit("hualong");

		assertThat(directory.selfAndDescendants(hualong)).contains(hualong).doesNotContain(city);
		assertThat(directory.selfAndDescendants(city)).contains(city, unit("rt-yrd"));
	}

	@Test
	void a_unit_manager_adds_a_person_to_the_own_unit_and_the_change_is_audited(PublishedEvents events) {
		var manager = accounts.loadUserByUsername("hualong");
		var form = new PersonForm(unit("hualong").value(), "模块测试人员", PersonKind.STAFF, "科员", null, null, "hualong.staff",
				null);

		var saved = people.create(form, scopes.of(manager));

		assertThat(people.accountOf(saved)).isEqualTo("hualong.staff");
		assertThat(events.ofType(RecordChanged.class)
			.matching(e -> e.recordType().equals("person") && e.recordId().equals(String.valueOf(saved.id))
					&& e.action().equals("CREATE")))
			.hasSize(1);
	}

	@Test
	void a_unit_manager_may_not_add_a_person_to_another_unit_nor_link_another_units_account() {
		var manager = accounts.loadUserByUsername("hualong");
		var elsewhere = new PersonForm(unit("qingfeng").value(), "越权人员", PersonKind.STAFF, null, null, null, null,
				null);
		var foreignAccount = new PersonForm(unit("hualong").value(), "他人账号", PersonKind.STAFF, null, null, null,
				"qingfeng", null);

		assertThatThrownBy(() -> people.create(elsewhere, scopes.of(manager))).isInstanceOf(BusinessException.class);
		assertThatThrownBy(() -> people.create(foreignAccount, scopes.of(manager)))
			.isInstanceOf(cn.zhaoshang.platform.FieldException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE name IN ('越权人员', '他人账号')").query(Long.class)
			.single()).isZero();
	}

	private UnitId unit(String code) {
		return new UnitId(jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single());
	}
}
