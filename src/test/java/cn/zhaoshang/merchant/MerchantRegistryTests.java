package cn.zhaoshang.merchant;

import static cn.zhaoshang.merchant.MerchantTestData.enterprise;
import static cn.zhaoshang.merchant.MerchantTestData.marker;
import static cn.zhaoshang.merchant.MerchantTestData.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.zhaoshang.merchant.internal.EditMerchant;
import cn.zhaoshang.merchant.internal.RegisterMerchant;
import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creating and editing enterprises (on H2 and PostgreSQL): the duplicate rules of ADR 0004, the rules of the
 * record, who may edit, optimistic locking, and the normalised names of the demo data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantRegistryTests {

	@Autowired
	MerchantRegistry registry;

	@Autowired
	RegisterMerchant register;

	@Autowired
	EditMerchant edit;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	CurrentUser user(String name) {
		return accounts.loadUserByUsername(name);
	}

	long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	@Test
	void a_name_with_the_city_in_front_duplicates_the_same_name_with_the_city_in_brackets() {
		String m = marker();
		long first = register.execute(enterprise("濮阳市" + m + "化工有限公司", null, null), user("hualong"));

		assertThatThrownBy(() -> register.execute(enterprise(m + "化工（濮阳）有限公司", null, null), user("qingfeng")))
			.isInstanceOfSatisfying(MerchantRegistry.Duplicate.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.candidates()).extracting(MerchantRegistry.Candidate::id).containsExactly(first);
				assertThat(e.candidates().get(0).reason()).isEqualTo("name");
				assertThat(e.candidates().get(0).path()).isEqualTo("/merchants/" + first);
			});
		assertThat(count(m)).isEqualTo(1);
	}

	@Test
	void the_same_uscc_is_a_duplicate_whatever_the_name() {
		String code = uscc();
		long first = register.execute(enterprise(marker() + "科技有限公司", code, null), user("hualong"));

		assertThatThrownBy(() -> register.execute(enterprise(marker() + "贸易有限公司", code.toLowerCase(), null),
				user("city")))
			.isInstanceOfSatisfying(MerchantRegistry.Duplicate.class, e -> {
				assertThat(e.candidates()).extracting(MerchantRegistry.Candidate::id).containsExactly(first);
				assertThat(e.candidates().get(0).reason()).isEqualTo("uscc");
				assertThat(e.candidates().get(0).uscc()).isEqualTo(code);
			});
	}

	@Test
	void a_name_equal_to_an_alias_of_another_enterprise_is_a_duplicate() {
		String m = marker();
		long first = register.execute(
				MerchantTestData.withAliases(enterprise(m + "新材料股份有限公司", null, null), List.of(m + "控股")),
				user("hualong"));

		assertThatThrownBy(() -> register.execute(enterprise(m + "控股有限公司", null, null), user("hualong")))
			.isInstanceOfSatisfying(MerchantRegistry.Duplicate.class,
					e -> assertThat(e.candidates()).extracting(MerchantRegistry.Candidate::id).containsExactly(first));
	}

	@Test
	void two_enterprises_with_different_valid_usccs_may_share_a_normalised_name_but_one_without_uscc_may_not() {
		String m = marker();
		long puyang = register.execute(enterprise("濮阳市" + m + "科技有限公司", uscc(), null), user("hualong"));

		long shanghai = register.execute(enterprise(m + "科技（上海）有限公司", uscc(), null), user("hualong"));

		assertThat(shanghai).isNotEqualTo(puyang);
		assertThatThrownBy(() -> register.execute(enterprise(m + "科技有限公司", null, null), user("hualong")))
			.isInstanceOfSatisfying(MerchantRegistry.Duplicate.class, e -> assertThat(e.candidates())
				.extracting(MerchantRegistry.Candidate::id)
				.containsExactlyInAnyOrder(puyang, shanghai));
	}

	@Test
	void renaming_into_another_enterprises_name_is_refused_too() {
		String m = marker();
		register.execute(enterprise(m + "食品有限公司", null, null), user("hualong"));
		long other = register.execute(enterprise(marker() + "食品有限公司", null, null), user("hualong"));
		var input = enterprise("河南" + m + "食品有限公司", null, null);

		assertThatThrownBy(() -> edit.execute(other, MerchantTestData.withVersion(input, input.name(), 0),
				user("hualong")))
			.isInstanceOf(MerchantRegistry.Duplicate.class);
		assertThat(registry.get(other).version()).isZero();
	}

	@Test
	void every_broken_rule_names_its_field() {
		var input = new MerchantInput(" ", "91410900MA46Y3T250", null, null, List.of(999_999L), null, null, false,
				false, false, null, List.of(), null, null,
				List.of(new MerchantInput.ContactInput(null, "总经理", "138", null, null),
						new MerchantInput.ContactInput("李四", null, null, "not-an-address", null)),
				null);

		assertThatThrownBy(() -> register.execute(input, user("hualong")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(Violation::field, Violation::messageKey)
				.contains(org.assertj.core.groups.Tuple.tuple("name", "validation.required"),
						org.assertj.core.groups.Tuple.tuple("uscc", "validation.uscc"),
						org.assertj.core.groups.Tuple.tuple("enterpriseType", "validation.required"),
						org.assertj.core.groups.Tuple.tuple("chainIds", "validation.unknown"),
						org.assertj.core.groups.Tuple.tuple("contacts", "merchant.contact.nameRequired"),
						org.assertj.core.groups.Tuple.tuple("contacts", "merchant.contact.emailInvalid")));
	}

	@Test
	void the_registering_units_users_the_city_bureau_and_admins_edit_others_may_not() {
		long id = register.execute(enterprise(marker() + "装备有限公司", null, null), user("hualong.staff"));
		var r = registry.get(id);
		assertThat(r.unitName()).isEqualTo("华龙区");
		assertThat(r.createdBy()).isEqualTo("hualong.staff");

		assertThat(registry.canEdit(r, user("hualong"))).isTrue();
		assertThat(registry.canEdit(r, user("city"))).isTrue();
		assertThat(registry.canEdit(r, user("admin"))).isTrue();
		assertThat(registry.canEdit(r, user("qingfeng"))).isFalse();
		assertThat(registry.canEdit(r, user("leader"))).isFalse();
		assertThat(registry.canEdit(r, user("viewer"))).isFalse();
		var input = MerchantTestData.withVersion(enterprise(r.name(), null, null), r.name(), r.version());
		assertThatThrownBy(() -> edit.execute(id, input, user("qingfeng")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> register.execute(enterprise(marker() + "有限公司", null, unit("qingfeng")),
				user("hualong")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void an_edit_with_a_stale_version_changes_nothing() {
		String name = marker() + "物流有限公司";
		long id = register.execute(enterprise(name, null, null), user("hualong"));
		edit.execute(id, MerchantTestData.withVersion(enterprise(name, null, null), name + "甲", 0),
				user("hualong"));

		assertThatThrownBy(() -> edit.execute(id,
				MerchantTestData.withVersion(enterprise(name, null, null), name + "乙", 0), user("city")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(registry.get(id).name()).isEqualTo(name + "甲");
		assertThat(registry.get(id).version()).isEqualTo(1);
	}

	@Test
	void every_write_leaves_an_audit_row_without_contact_details() {
		long id = register.execute(enterprise(marker() + "电子有限公司", null, null), user("hualong"));

		var rows = jdbc.sql("SELECT action, after_json FROM audit_entry WHERE record_type = 'merchant' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).startsWith("CREATE").contains("王经理").doesNotContain("13812345678");
	}

	@Test
	void demo_merchants_carry_the_real_normalised_name_so_their_duplicates_show() {
		// written out by hand: the bracketed place and the legal form go, the foreign place at the start stays
		assertThat(normalizedName("新加坡博远化学（濮阳）有限公司")).isEqualTo("新加坡博远化学");
		assertThat(normalizedName("濮阳市恒通化工有限公司")).isEqualTo("恒通化工");
		assertThat(normalizedName("恒通化工（濮阳）有限公司")).isEqualTo("恒通化工");
		long a = jdbc.sql("SELECT id FROM merchant WHERE name = '濮阳市恒通化工有限公司'").query(Long.class).single();
		long b = jdbc.sql("SELECT id FROM merchant WHERE name = '恒通化工（濮阳）有限公司'").query(Long.class).single();
		assertThat(registry.duplicates("恒通化工（濮阳）有限公司", null, b))
			.extracting(MerchantRegistry.Candidate::id)
			.contains(a);
	}

	private String normalizedName(String name) {
		return jdbc.sql("SELECT normalized_name FROM merchant WHERE name = :name")
			.param("name", name)
			.query(String.class)
			.single();
	}

	private long count(String marker) {
		return jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name LIKE :n")
			.param("n", "%" + marker + "%")
			.query(Long.class)
			.single();
	}
}
