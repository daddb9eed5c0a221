package cn.zhaoshang.project.internal;

import static cn.zhaoshang.project.internal.ProjectMother.COMMENCED_ON;
import static cn.zhaoshang.project.internal.ProjectMother.CONTRACT;
import static cn.zhaoshang.project.internal.ProjectMother.LICENCE;
import static cn.zhaoshang.project.internal.ProjectMother.PERMIT;
import static cn.zhaoshang.project.internal.ProjectMother.SITE_PHOTO;
import static cn.zhaoshang.project.internal.ProjectMother.SIGNED_ON;
import static cn.zhaoshang.project.internal.ProjectMother.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;

/**
 * The gates of DESIGN §4, one rule per test: a move into SIGNED, COMMENCED or IN_PRODUCTION needs that stage's
 * date (not in the future, not before the previous stage's), its amount (never negative, two decimals at most) and
 * at least one piece of evidence. Checked on the aggregate, as the use cases do.
 */
class StageGateTests {

	// ---------------------------------------------------------------- SIGNED

	@Test
	void opens_signing_with_date_contract_type_amount_and_contract() {
		assertThatCode(() -> ProjectMother.negotiating().checkMove(ProjectMother.signing(), false, TODAY))
			.doesNotThrowAnyException();
	}

	@Test
	void rejects_signing_without_contract_evidence() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("48000"), List.of());
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("evidenceIds=validation.stage.evidenceRequired");
	}

	@Test
	void rejects_signing_without_contract_evidence_when_evidence_ids_are_absent() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("48000"), null);
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("evidenceIds=validation.stage.evidenceRequired");
	}

	@Test
	void rejects_signing_without_contract_type() {
		var move = ProjectMother.signing(SIGNED_ON, null, new BigDecimal("48000"), List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move)).containsExactly("contractType=validation.required");
	}

	@Test
	void rejects_signing_without_signing_date() {
		var move = ProjectMother.signing(null, ContractType.FRAMEWORK_AGREEMENT, new BigDecimal("48000"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move)).containsExactly("date=validation.required");
	}

	@Test
	void rejects_signing_without_contracted_investment() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, null, List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("contractedInvestment=validation.required");
	}

	@Test
	void rejects_signing_date_in_the_future() {
		var move = ProjectMother.signing(TODAY.plusDays(1), ContractType.FORMAL_CONTRACT, new BigDecimal("48000"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move)).containsExactly("date=validation.notFuture");
	}

	@Test
	void accepts_signing_dated_today() {
		var move = ProjectMother.signing(TODAY, ContractType.FORMAL_CONTRACT, new BigDecimal("48000"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move)).isEmpty();
	}

	@Test
	void an_unmet_gate_names_every_missing_fact_at_once() {
		var move = ProjectMother.signing(null, null, null, List.of());
		assertThat(violations(ProjectMother.negotiating(), move)).containsExactly("date=validation.required",
				"contractType=validation.required", "contractedInvestment=validation.required",
				"evidenceIds=validation.stage.evidenceRequired");
	}

	// ---------------------------------------------------------------- amounts

	@Test
	void rejects_negative_contracted_investment() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("-1"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("contractedInvestment=validation.notNegative");
	}

	@Test
	void rejects_amounts_with_three_decimals() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("48000.125"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("contractedInvestment=validation.amount");
	}

	@Test
	void rejects_amounts_beyond_twelve_integer_digits() {
		var move = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("1234567890123"),
				List.of(CONTRACT));
		assertThat(violations(ProjectMother.negotiating(), move))
			.containsExactly("contractedInvestment=validation.amount");
	}

	@Test
	void rejects_negative_paid_in_investment_at_commencement() {
		var move = ProjectMother.commencing(COMMENCED_ON, new BigDecimal("-0.01"), List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).containsExactly("paidInInvestment=validation.notNegative");
	}

	@Test
	void rejects_actual_investment_with_three_decimals_at_production() {
		var move = ProjectMother.producing(TODAY, new BigDecimal("0.001"), List.of(LICENCE));
		assertThat(violations(ProjectMother.commenced(), move)).containsExactly("actualInvestment=validation.amount");
	}

	@Test
	void zero_is_an_amount() {
		var move = ProjectMother.commencing(COMMENCED_ON, BigDecimal.ZERO, List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).isEmpty();
	}

	// ---------------------------------------------------------------- COMMENCED

	@Test
	void opens_commencement_with_date_paid_in_and_permit() {
		assertThat(violations(ProjectMother.signed(), ProjectMother.commencing())).isEmpty();
	}

	@Test
	void rejects_commencement_before_signing_date() {
		var move = ProjectMother.commencing(SIGNED_ON.minusDays(1), new BigDecimal("100"), List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).containsExactly("date=validation.stage.dateBeforePrevious");
	}

	@Test
	void accepts_commencement_on_the_signing_day() {
		var move = ProjectMother.commencing(SIGNED_ON, new BigDecimal("100"), List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).isEmpty();
	}

	@Test
	void rejects_commencement_without_paid_in_investment() {
		var move = ProjectMother.commencing(COMMENCED_ON, null, List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).containsExactly("paidInInvestment=validation.required");
	}

	@Test
	void rejects_commencement_without_permit_or_photo() {
		var move = ProjectMother.commencing(COMMENCED_ON, new BigDecimal("100"), List.of());
		assertThat(violations(ProjectMother.signed(), move))
			.containsExactly("evidenceIds=validation.stage.evidenceRequired");
	}

	@Test
	void rejects_commencement_date_in_the_future() {
		var move = ProjectMother.commencing(TODAY.plusDays(3), new BigDecimal("100"), List.of(PERMIT, SITE_PHOTO));
		assertThat(violations(ProjectMother.signed(), move)).containsExactly("date=validation.notFuture");
	}

	// ---------------------------------------------------------------- IN_PRODUCTION

	@Test
	void opens_production_with_date_actual_investment_and_proof() {
		assertThat(violations(ProjectMother.commenced(), ProjectMother.producing())).isEmpty();
	}

	@Test
	void rejects_production_before_commencement_date() {
		var move = ProjectMother.producing(COMMENCED_ON.minusDays(1), new BigDecimal("46000"), List.of(LICENCE));
		assertThat(violations(ProjectMother.commenced(), move))
			.containsExactly("date=validation.stage.dateBeforePrevious");
	}

	@Test
	void rejects_production_without_actual_investment() {
		var move = ProjectMother.producing(TODAY, null, List.of(LICENCE));
		assertThat(violations(ProjectMother.commenced(), move)).containsExactly("actualInvestment=validation.required");
	}

	@Test
	void rejects_production_without_proof() {
		var move = ProjectMother.producing(TODAY, new BigDecimal("46000"), List.of());
		assertThat(violations(ProjectMother.commenced(), move))
			.containsExactly("evidenceIds=validation.stage.evidenceRequired");
	}

	// ---------------------------------------------------------------- evidence by kind

	@Test
	void refuses_commencing_without_a_site_photo_and_names_the_missing_kind() {
		var move = ProjectMother.commencing(COMMENCED_ON, new BigDecimal("100"), List.of(PERMIT));
		var e = catchThrowableOfType(InvalidInputException.class,
				() -> ProjectMother.signed().checkMove(move, false, TODAY));
		assertThat(e.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("evidenceIds");
			assertThat(v.messageKey()).isEqualTo("validation.stage.evidenceKindsMissing");
			assertThat(MESSAGES.getMessage(v.messageKey(), v.args(), java.util.Locale.SIMPLIFIED_CHINESE))
				.isEqualTo("缺少现场照片");
		});
	}

	@Test
	void names_every_missing_kind_and_a_one_of_group_as_alternatives() {
		var untagged = ProjectMother.commencing(COMMENCED_ON, new BigDecimal("100"), List.of(999L));
		assertThat(message(ProjectMother.signed(), untagged, EvidenceRequirement.defaults(Stage.COMMENCED)))
			.isEqualTo("缺少施工许可证、现场照片");
		var producing = ProjectMother.producing(TODAY, new BigDecimal("46000"), List.of(PERMIT));
		assertThat(message(ProjectMother.commenced(), producing, EvidenceRequirement.defaults(Stage.IN_PRODUCTION)))
			.isEqualTo("缺少生产许可证、首张发票或验收报告");
	}

	@Test
	void accepts_any_one_kind_of_a_one_of_group() {
		var invoice = new StageMoveRequest(Stage.IN_PRODUCTION, null, TODAY, null, null, null, new BigDecimal("46000"),
				List.of(7L), null, java.util.Map.of(7L, cn.zhaoshang.project.EvidenceKind.FIRST_INVOICE));
		assertThat(violations(ProjectMother.commenced(), invoice)).isEmpty();
	}

	@Test
	void a_changed_requirement_changes_what_the_gate_asks_for() {
		var contractOnly = ProjectMother.signing();
		var stricter = EvidenceRequirement.parse("CONTRACT,SITE_PHOTO");
		assertThat(message(ProjectMother.negotiating(), contractOnly, stricter)).isEqualTo("缺少现场照片");
		var lighter = EvidenceRequirement.parse("");
		var untagged = ProjectMother.signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("1"), List.of(9L));
		assertThatCode(() -> ProjectMother.negotiating().checkMove(untagged, false, TODAY, lighter))
			.doesNotThrowAnyException();
	}

	@Test
	void the_setting_accepts_only_known_kinds() {
		assertThat(EvidenceRequirement.check("CONTRACT, SITE_PHOTO | OTHER")).isEmpty();
		assertThat(EvidenceRequirement.check("CONTRACT,PHOTOS")).hasValueSatisfying(p -> {
			assertThat(p.messageKey()).isEqualTo("setting.rule.evidenceKind");
			assertThat(p.args()[0]).isEqualTo("PHOTOS");
		});
		assertThat(EvidenceRequirement.parse("CONTRACT|ACCEPTANCE").groups())
			.hasSize(1);
	}

	private static String message(Project project, StageMoveRequest move, EvidenceRequirement required) {
		var e = catchThrowableOfType(InvalidInputException.class,
				() -> project.checkMove(move, false, TODAY, required));
		var v = e.violations().stream().filter(x -> x.field().equals("evidenceIds")).findFirst().orElseThrow();
		return MESSAGES.getMessage(v.messageKey(), v.args(), java.util.Locale.SIMPLIFIED_CHINESE);
	}

	private static final org.springframework.context.support.ResourceBundleMessageSource MESSAGES = messages();

	private static org.springframework.context.support.ResourceBundleMessageSource messages() {
		var m = new org.springframework.context.support.ResourceBundleMessageSource();
		m.setBasenames("i18n/project");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	// ---------------------------------------------------------------- the policy list

	@Test
	void every_gated_stage_requires_a_date_not_in_the_future_and_evidence() {
		for (Stage s : List.of(Stage.SIGNED, Stage.COMMENCED, Stage.IN_PRODUCTION)) {
			assertThat(StageGate.policiesFor(s)).as(s.name())
				.contains(StageGate.DATE_GIVEN, StageGate.DATE_NOT_IN_FUTURE, StageGate.EVIDENCE_ATTACHED);
		}
		assertThat(StageGate.policiesFor(Stage.NEGOTIATING)).isEmpty();
	}

	/** The broken rules as field=messageKey, in the order the gate reports them. */
	static List<String> violations(Project project, StageMoveRequest move) {
		var e = catchThrowableOfType(InvalidInputException.class, () -> project.checkMove(move, false, TODAY));
		return e == null ? List.of() : e.violations().stream().map(v -> v.field() + "=" + v.messageKey()).toList();
	}
}
