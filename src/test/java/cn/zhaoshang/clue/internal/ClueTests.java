package cn.zhaoshang.clue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.clue.ClueAssigned;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.ClueStatusChanged;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.junit.jupiter.api.Test;

/** The clue aggregate's guarded transitions, without a database. */
class ClueTests {

	static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static Clue newClue() {
		Clue c = Clue.logged(ClueSource.OTHER, "tester", null, TODAY.minusDays(50), NOW);
		c.id = 1L;
		c.ownerUnitId = 7L;
		return c;
	}

	@Test
	void aNewClueCountsItsStalenessFromTheDayItWasLogged() {
		Clue c = newClue();
		assertThat(c.status()).isEqualTo(ClueStatus.NEW);
		assertThat(c.lastFollowUpAt).isEqualTo(TODAY.minusDays(50));
	}

	@Test
	void theFirstFollowUpMovesNewToFollowingAndSetsTheFollowUpDate() {
		Clue c = newClue();
		c.followedUp(TODAY.minusDays(60), NOW);
		assertThat(c.status()).isEqualTo(ClueStatus.FOLLOWING);
		// the first real contact counts even when it is older than the clue's record
		assertThat(c.lastFollowUpAt).isEqualTo(TODAY.minusDays(60));
		assertThat(c.pendingEvents()).anySatisfy(e -> assertThat(e).isEqualTo(
				new ClueStatusChanged(c.id(), new UnitId(7), ClueStatus.NEW, ClueStatus.FOLLOWING)));
	}

	@Test
	void aBackDatedFollowUpNeverMakesTheClueLookMoreNeglected() {
		Clue c = newClue();
		c.followedUp(TODAY.minusDays(3), NOW);
		c.followedUp(TODAY.minusDays(10), NOW);
		assertThat(c.lastFollowUpAt).isEqualTo(TODAY.minusDays(3));
		c.followedUp(TODAY, NOW);
		assertThat(c.lastFollowUpAt).isEqualTo(TODAY);
		assertThat(c.status()).isEqualTo(ClueStatus.FOLLOWING);
	}

	@Test
	void rejectsConfirmingANewClueWithoutFollowUp() {
		Clue c = newClue();
		assertThatThrownBy(() -> c.confirm(NOW)).isInstanceOf(BusinessException.class)
			.hasMessage("clue.error.confirmNeedsFollowUp");
		assertThat(c.status()).isEqualTo(ClueStatus.NEW);
	}

	@Test
	void confirmsAFollowedUpClueAndConvertsOnlyAConfirmedOne() {
		Clue c = newClue();
		assertThatThrownBy(() -> c.converted(5, "PY-2026-00005", NOW)).hasMessage("clue.error.convertNotConfirmed");
		c.followedUp(TODAY, NOW);
		assertThatThrownBy(() -> c.converted(5, "PY-2026-00005", NOW)).hasMessage("clue.error.convertNotConfirmed");
		c.confirm(NOW);
		assertThat(c.status()).isEqualTo(ClueStatus.CONFIRMED);
		assertThatThrownBy(() -> c.confirm(NOW)).hasMessage("clue.error.confirmNotFollowing");
		c.converted(5, "PY-2026-00005", NOW);
		assertThat(c.status()).isEqualTo(ClueStatus.CONVERTED);
		assertThat(c.projectId).isEqualTo(5L);
		assertThat(c.projectCode).isEqualTo("PY-2026-00005");
	}

	@Test
	void aClosedClueTakesNoFollowUpAssignmentOrReturn() {
		Clue c = newClue();
		c.invalidate("duplicate", NOW);
		assertThat(c.status()).isEqualTo(ClueStatus.INVALID);
		assertThat(c.invalidReason).isEqualTo("duplicate");
		assertThatThrownBy(() -> c.followedUp(TODAY, NOW)).hasMessage("clue.error.closed");
		assertThatThrownBy(() -> c.assign(new UnitId(8), null, "x", NOW)).hasMessage("clue.error.closed");
		assertThatThrownBy(() -> c.returnToPool("x", NOW)).hasMessage("clue.error.closed");
		assertThatThrownBy(() -> c.invalidate("again", NOW)).hasMessage("clue.error.closed");
	}

	@Test
	void invalidNeedsAReason() {
		Clue c = newClue();
		assertThatThrownBy(() -> c.invalidate("  ", NOW)).isInstanceOf(FieldException.class)
			.satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("reason"));
		assertThat(c.status()).isEqualTo(ClueStatus.NEW);
	}

	@Test
	void returnToPoolClearsOwnerAndAssigneeAndNeedsAReason() {
		Clue c = newClue();
		c.assigneeId = 3L;
		assertThatThrownBy(() -> c.returnToPool("", NOW)).isInstanceOf(FieldException.class);
		c.returnToPool("no land", NOW);
		assertThat(c.owner()).isNull();
		assertThat(c.assignee()).isNull();
		assertThat(c.pendingEvents()).contains(new ClueAssigned(c.id(), new UnitId(7), new UserId(3), null, null,
				"no land"));
		assertThatThrownBy(() -> c.returnToPool("again", NOW)).hasMessage("clue.error.alreadyInPool");
	}
}
