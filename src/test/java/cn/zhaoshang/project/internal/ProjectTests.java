package cn.zhaoshang.project.internal;

import static cn.zhaoshang.project.internal.ProjectMother.NOW;
import static cn.zhaoshang.project.internal.ProjectMother.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectStageChanged;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The project aggregate's guarded transitions (DESIGN §4): stages move one at a time and only forward unless the
 * city bureau moves them back with a reason; ON_HOLD and DROPPED need a reason; a move waiting for review blocks
 * others; every applied move registers {@link ProjectStageChanged}.
 */
class ProjectTests {

	// ---------------------------------------------------------------- order of stages

	@Test
	void rejects_skipping_a_stage() {
		var move = new StageMoveRequest(Stage.COMMENCED, null, TODAY, null, null, BigDecimal.ONE, null,
				List.of(ProjectMother.PERMIT), null);
		var e = invalid(ProjectMother.negotiating(), move, false);
		assertThat(e.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("to");
			assertThat(v.messageKey()).isEqualTo("validation.stage.oneStepAtATime");
			// the next stage, resolved to its name in the reader's language
			assertThat(v.args()).singleElement()
				.isInstanceOfSatisfying(MessageSourceResolvable.class,
						r -> assertThat(r.getCodes()).containsExactly("stage.SIGNED"));
		});
	}

	@Test
	void rejects_a_move_to_the_current_stage() {
		var e = invalid(ProjectMother.signed(), ProjectMother.signing(), false);
		assertThat(fields(e)).containsExactly("to=validation.stage.same");
	}

	@Test
	void rejects_a_move_without_target() {
		var move = new StageMoveRequest(null, null, TODAY, null, null, null, null, null, null);
		assertThat(fields(invalid(ProjectMother.signed(), move, false))).containsExactly("to=validation.required");
	}

	@Test
	void in_production_is_the_last_stage() {
		assertThat(Stage.IN_PRODUCTION.next()).isNull();
		assertThat(Stage.NEGOTIATING.next()).isEqualTo(Stage.SIGNED);
	}

	// ---------------------------------------------------------------- backward moves

	@Test
	void rejects_backward_move_without_supervisor() {
		var e = catchThrowableOfType(BusinessException.class,
				() -> ProjectMother.commenced().checkMove(ProjectMother.backTo(Stage.SIGNED, "施工许可被撤销"), false, TODAY));
		assertThat(e).isNotNull().isNotInstanceOf(InvalidInputException.class);
		assertThat(e.status()).isEqualTo(403);
		assertThat(e.messageKey()).isEqualTo("validation.stage.backwardNeedsSupervisor");
	}

	@Test
	void rejects_backward_move_without_reason() {
		var e = invalid(ProjectMother.commenced(), ProjectMother.backTo(Stage.SIGNED, "  "), true);
		assertThat(fields(e)).containsExactly("reason=validation.stage.reasonRequired");
	}

	@Test
	void supervisor_may_move_back_with_a_reason() {
		assertThatCode(() -> ProjectMother.commenced()
			.checkMove(ProjectMother.backTo(Stage.SIGNED, "施工许可被撤销"), true, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void backward_move_clears_later_stage_facts() {
		Project p = ProjectMother.inProduction();
		var move = ProjectMother.backTo(Stage.SIGNED, "投产验收未通过，施工许可被撤销");
		p.checkMove(move, true, TODAY);
		p.apply(move, TODAY, NOW);
		assertThat(p.stage()).isEqualTo(Stage.SIGNED);
		assertThat(p.productionDate).isNull();
		assertThat(p.actualInvestment).isNull();
		assertThat(p.commencedDate).isNull();
		// the facts of the stage it is back at stay
		assertThat(p.signedDate).isEqualTo(ProjectMother.SIGNED_ON);
		assertThat(p.contractType).isEqualTo(ContractType.FORMAL_CONTRACT);
		assertThat(p.contractedInvestment).isEqualByComparingTo("48000");
	}

	@Test
	void backward_move_to_negotiating_clears_the_signing_facts() {
		Project p = ProjectMother.signed();
		var move = ProjectMother.backTo(Stage.NEGOTIATING, "框架协议已解除");
		p.checkMove(move, true, TODAY);
		p.apply(move, TODAY, NOW);
		assertThat(p.stage()).isEqualTo(Stage.NEGOTIATING);
		assertThat(p.signedDate).isNull();
		assertThat(p.contractType).isNull();
		assertThat(p.contractedInvestment).isNull();
	}

	// ---------------------------------------------------------------- status

	@Test
	void on_hold_needs_reason() {
		var e = invalid(ProjectMother.signed(), ProjectMother.status(ProjectStatus.ON_HOLD, null), false);
		assertThat(fields(e)).containsExactly("reason=validation.stage.reasonRequired");
	}

	@Test
	void dropped_needs_reason() {
		var e = invalid(ProjectMother.negotiating(), ProjectMother.status(ProjectStatus.DROPPED, ""), false);
		assertThat(fields(e)).containsExactly("reason=validation.stage.reasonRequired");
	}

	@Test
	void on_hold_with_reason_keeps_the_reason_and_resuming_clears_it() {
		Project p = ProjectMother.signed();
		var hold = ProjectMother.status(ProjectStatus.ON_HOLD, " 用地指标未落实 ");
		p.checkMove(hold, false, TODAY);
		p.apply(hold, TODAY, NOW);
		assertThat(p.status()).isEqualTo(ProjectStatus.ON_HOLD);
		assertThat(p.statusReason).isEqualTo("用地指标未落实");
		assertThat(p.stage()).isEqualTo(Stage.SIGNED);

		var resume = ProjectMother.status(ProjectStatus.ACTIVE, null);
		p.checkMove(resume, false, TODAY);
		p.apply(resume, TODAY, NOW);
		assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
		assertThat(p.statusReason).isNull();
	}

	@Test
	void rejects_a_change_to_the_current_status() {
		var e = invalid(ProjectMother.onHold(), ProjectMother.status(ProjectStatus.ON_HOLD, "仍在等待"), false);
		assertThat(fields(e)).containsExactly("toStatus=validation.stage.sameStatus");
	}

	@Test
	void dropped_project_cannot_move_stage() {
		var e = invalid(ProjectMother.dropped(), ProjectMother.signing(), false);
		assertThat(fields(e)).containsExactly("to=validation.stage.notActive");
	}

	@Test
	void project_on_hold_cannot_move_stage_even_backwards() {
		var e = invalid(ProjectMother.onHold(), ProjectMother.backTo(Stage.NEGOTIATING, "协议解除"), true);
		assertThat(fields(e)).containsExactly("to=validation.stage.notActive");
	}

	// ---------------------------------------------------------------- applying, events

	@Test
	void applying_registers_ProjectStageChanged_with_from_and_to() {
		Project p = ProjectMother.negotiating();
		var move = ProjectMother.signing();
		p.checkMove(move, false, TODAY);
		p.apply(move, TODAY, NOW);
		assertThat(events(p)).containsExactly(new ProjectStageChanged(new ProjectId(7), new UnitId(5),
				Stage.NEGOTIATING, Stage.SIGNED, ProjectStatus.ACTIVE, ProjectStatus.ACTIVE, ProjectMother.SIGNED_ON));
	}

	@Test
	void applying_a_signing_records_its_facts() {
		Project p = ProjectMother.negotiating();
		p.apply(ProjectMother.signing(), TODAY, NOW);
		assertThat(p.stage()).isEqualTo(Stage.SIGNED);
		assertThat(p.signedDate).isEqualTo(ProjectMother.SIGNED_ON);
		assertThat(p.contractType).isEqualTo(ContractType.FORMAL_CONTRACT);
		assertThat(p.contractedInvestment).isEqualByComparingTo("48000");
		assertThat(p.updatedAt).isEqualTo(NOW);
	}

	@Test
	void commencement_never_lowers_the_paid_in_investment() {
		Project p = ProjectMother.signed();
		p.paidInInvestment = new BigDecimal("20000");
		p.apply(ProjectMother.commencing(ProjectMother.COMMENCED_ON, new BigDecimal("5000"), List.of(1L)), TODAY, NOW);
		assertThat(p.paidInInvestment).isEqualByComparingTo("20000");
	}

	@Test
	void a_status_change_registers_the_event_with_both_statuses_and_today() {
		Project p = ProjectMother.signed();
		p.apply(ProjectMother.status(ProjectStatus.DROPPED, "投资方撤资"), TODAY, NOW);
		assertThat(events(p)).containsExactly(new ProjectStageChanged(new ProjectId(7), new UnitId(5), Stage.SIGNED,
				Stage.SIGNED, ProjectStatus.ACTIVE, ProjectStatus.DROPPED, TODAY));
	}

	@Test
	void a_backward_move_registers_the_event_dated_today() {
		Project p = ProjectMother.commenced();
		p.apply(ProjectMother.backTo(Stage.SIGNED, "施工许可被撤销"), TODAY, NOW);
		assertThat(events(p)).singleElement()
			.isEqualTo(new ProjectStageChanged(new ProjectId(7), new UnitId(5), Stage.COMMENCED, Stage.SIGNED,
					ProjectStatus.ACTIVE, ProjectStatus.ACTIVE, TODAY));
	}

	@Test
	void walking_through_all_four_stages_registers_one_event_per_move() {
		Project p = ProjectMother.negotiating();
		for (var move : List.of(ProjectMother.signing(), ProjectMother.commencing(), ProjectMother.producing())) {
			p.checkMove(move, false, TODAY);
			p.apply(move, TODAY, NOW);
		}
		assertThat(p.stage()).isEqualTo(Stage.IN_PRODUCTION);
		assertThat(events(p)).extracting(e -> ((ProjectStageChanged) e).to())
			.containsExactly(Stage.SIGNED, Stage.COMMENCED, Stage.IN_PRODUCTION);
	}

	// ---------------------------------------------------------------- review

	@Test
	void pending_review_blocks_other_moves() {
		var e = catchThrowableOfType(BusinessException.class, () -> ProjectMother.awaitingReview()
			.checkMove(ProjectMother.status(ProjectStatus.ON_HOLD, "暂缓"), true, TODAY));
		assertThat(e).isNotNull();
		assertThat(e.status()).isEqualTo(409);
		assertThat(e.messageKey()).isEqualTo("project.move.pendingReview");
	}

	@Test
	void submitting_for_review_changes_no_stage_and_registers_only_that_a_move_awaits_review() {
		Project p = ProjectMother.negotiating();
		p.checkMove(ProjectMother.signing(), false, TODAY);
		p.submitted(88L, Stage.SIGNED, "hualong", NOW);
		assertThat(p.stage()).isEqualTo(Stage.NEGOTIATING);
		assertThat(p.hasPendingMove()).isTrue();
		assertThat(events(p)).containsExactly(new cn.zhaoshang.project.ProjectMoveSubmitted(p.id(), p.unit(), p.code(),
				p.name(), 88L, Stage.NEGOTIATING, Stage.SIGNED, "hualong"));
	}

	@Test
	void a_returned_review_frees_the_project_and_leaves_its_stage() {
		Project p = ProjectMother.awaitingReview();
		p.reviewReturned(NOW);
		assertThat(p.hasPendingMove()).isFalse();
		assertThat(p.stage()).isEqualTo(Stage.SIGNED);
		assertThatCode(() -> p.checkMove(ProjectMother.commencing(), false, TODAY)).doesNotThrowAnyException();
	}

	// ---------------------------------------------------------------- progress

	@Test
	void the_latest_progress_update_shows_and_sets_paid_in_investment() {
		Project p = ProjectMother.commenced();
		p.progressRecorded(TODAY.minusDays(2), "主体结构封顶", new BigDecimal("20000"), NOW);
		assertThat(p.latestProgress).isEqualTo("主体结构封顶");
		assertThat(p.latestProgressDate).isEqualTo(TODAY.minusDays(2));
		assertThat(p.paidInInvestment).isEqualByComparingTo("20000");
	}

	@Test
	void a_back_dated_progress_update_changes_neither_the_latest_text_nor_paid_in() {
		Project p = ProjectMother.commenced();
		p.progressRecorded(TODAY.minusDays(2), "设备进场安装", new BigDecimal("20000"), NOW);
		p.progressRecorded(TODAY.minusDays(20), "补录：钢结构施工", new BigDecimal("15000"), NOW);
		assertThat(p.latestProgress).isEqualTo("设备进场安装");
		assertThat(p.paidInInvestment).isEqualByComparingTo("20000");
	}

	// ---------------------------------------------------------------- helpers

	private static InvalidInputException invalid(Project p, StageMoveRequest move, boolean supervisor) {
		var e = catchThrowableOfType(InvalidInputException.class, () -> p.checkMove(move, supervisor, TODAY));
		assertThat(e).as("the move should have been refused").isNotNull();
		return e;
	}

	private static List<String> fields(InvalidInputException e) {
		return e.violations().stream().map(v -> v.field() + "=" + v.messageKey()).toList();
	}

	/** The events the aggregate registered for publication on save (Spring Data keeps them protected). */
	@SuppressWarnings("unchecked")
	static List<Object> events(Project p) {
		return List.copyOf((java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(p, "domainEvents"));
	}
}
