package cn.zhaoshang.partner.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.partner.internal.Agreements.Agreement;
import cn.zhaoshang.partner.internal.Agreements.AgreementInput;
import cn.zhaoshang.partner.internal.Agreements.Rule;
import cn.zhaoshang.partner.internal.Agreements.RuleInput;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau edits an agreement at the version it read: its title, period, scope, support, note and rules, with
 * the same checks as a new one (overlap included, the agreement itself excepted). The intermediary stays (the rewards
 * already computed are its). A rule that has given rewards keeps its terms: changing or removing it is refused, as the
 * computed rewards explain themselves by it; new rules may be added. Audited as {@code UPDATE} with the changed fields.
 */
@Service
public class EditAgreement {

	private final JdbcClient jdbc;
	private final Agreements agreements;
	private final Auditor auditor;
	private final Clock clock;

	EditAgreement(JdbcClient jdbc, Agreements agreements, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Applies the edit; 409 when the version is not the stored one, 422 naming each broken field. */
	@Transactional
	public void execute(long id, Integer version, AgreementInput input, CurrentUser user) {
		Agreement before = agreements.find(id);
		if (version == null || version != before.version()) {
			throw new OptimisticLockingFailureException("partner_agreement " + id);
		}
		List<Violation> broken = new ArrayList<>();
		if (input.intermediaryUnitId() != null && input.intermediaryUnitId() != before.intermediaryUnitId()) {
			broken.add(new Violation("intermediaryUnitId", "partner.validation.intermediaryFixed"));
		}
		AgreementInput in;
		try {
			in = agreements.check(new AgreementInput(before.intermediaryUnitId(), input.title(), input.from(),
					input.to(), input.scopeChains(), input.scopeRegions(), input.financialSupport(), input.note(),
					input.rules()), id);
		}
		catch (InvalidInputException e) {
			broken.addAll(e.violations());
			throw new InvalidInputException(broken);
		}
		Set<Long> rewarded = Set.copyOf(jdbc.sql("SELECT DISTINCT rule_id FROM partner_reward WHERE agreement_id = :a")
			.param("a", id)
			.query(Long.class)
			.list());
		List<Rule> old = before.rules();
		List<RuleInput> rules = in.rules();
		for (int i = 0; i < old.size(); i++) {
			Rule r = old.get(i);
			if (rewarded.contains(r.id()) && (i >= rules.size() || !same(r, rules.get(i)))) {
				broken.add(new Violation("rules[" + i + "].stage", "partner.validation.ruleRewarded"));
			}
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		int n = jdbc.sql("""
				UPDATE partner_agreement SET title = :title, valid_from = :from, valid_to = :to, scope_chains = :chains,
				  scope_regions = :regions, financial_support = :support, note = :note, updated_by = :by,
				  updated_at = :now, version = version + 1
				WHERE id = :id AND version = :v""")
			.param("title", in.title())
			.param("from", in.from())
			.param("to", in.to())
			.param("chains", in.scopeChains())
			.param("regions", in.scopeRegions())
			.param("support", in.financialSupport())
			.param("note", in.note())
			.param("by", user.getUsername())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("v", version)
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("partner_agreement " + id);
		}
		replaceRules(id, old, rules);
		Agreement after = agreements.find(id);
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> now = new LinkedHashMap<>();
		Map<String, String> was0 = facts(before);
		facts(after).forEach((k, v) -> {
			if (!Objects.equals(was0.get(k), v)) {
				was.put(k, Objects.toString(was0.get(k), ""));
				now.put(k, Objects.toString(v, ""));
			}
		});
		auditor.record("partner_agreement", id, "UPDATE", Agreements.label(after), was, now);
	}

	private static boolean same(Rule r, RuleInput in) {
		return r.stage() == in.stage() && eq(r.percentOfFunds(), in.percentOfFunds())
				&& eq(r.fixedAmount(), in.fixedAmount()) && eq(r.cap(), in.cap());
	}

	private static boolean eq(java.math.BigDecimal a, java.math.BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** Rules in place by position: unchanged ones stay, changed ones are updated, extra ones added or removed. */
	private void replaceRules(long id, List<Rule> old, List<RuleInput> rules) {
		for (int i = 0; i < Math.max(old.size(), rules.size()); i++) {
			if (i >= rules.size()) {
				jdbc.sql("DELETE FROM partner_reward_rule WHERE id = :id").param("id", old.get(i).id()).update();
			}
			else if (i >= old.size()) {
				agreements.insertRule(id, i + 1, rules.get(i));
			}
			else if (!same(old.get(i), rules.get(i))) {
				RuleInput r = rules.get(i);
				jdbc.sql("""
						UPDATE partner_reward_rule SET stage = :stage, percent_of_funds = :pct, fixed_amount = :fixed,
						  cap = :cap WHERE id = :id""")
					.param("stage", r.stage().name())
					.param("pct", r.percentOfFunds())
					.param("fixed", r.fixedAmount())
					.param("cap", r.cap())
					.param("id", old.get(i).id())
					.update();
			}
		}
	}

	/** The audited facts of an agreement (blank ones as null). */
	private static Map<String, String> facts(Agreement a) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("agreementTitle", a.title());
		m.put("validFrom", a.validFrom().toString());
		m.put("validTo", a.validTo().toString());
		m.put("scopeChains", a.scopeChains());
		m.put("scopeRegions", a.scopeRegions());
		m.put("financialSupport", a.financialSupport());
		m.put("note", a.note());
		m.put("rules", Agreements.describe(a.rules()));
		return m;
	}
}
