package cn.zhaoshang.clue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.ConfirmClue;
import cn.zhaoshang.clue.internal.EditClue;
import cn.zhaoshang.clue.internal.FollowUpClue;
import cn.zhaoshang.clue.internal.InvalidateClue;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The clue database's use cases on a real database (H2 and PostgreSQL) with the demo units and accounts: logging,
 * submission by an intermediary, follow-ups, status transitions, assignment and return to the pool, scope and the
 * audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ClueUseCasesTests {

	@Autowired
	AssignClue assignClue;

	@Autowired
	ClueLookup clueLookup;

	@Autowired
	ConfirmClue confirmClue;

	@Autowired
	EditClue editClue;

	@Autowired
	FollowUpClue followUpClue;

	@Autowired
	InvalidateClue invalidateClue;

	@Autowired
	LogClue logClue;

	@Autowired
	Clues clues;

	@Autowired
	ClueQueries queries;

	@Autowired
	Merchants merchants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	CurrentUser as(String username) {
		return Demo.signIn(accounts, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	long userId(String username) {
		return Demo.user(jdbc, username);
	}

	long chain(String code) {
		return Demo.chain(jdbc, code);
	}

	ClueDetails details(String title, Long owner) {
		return new ClueDetails(title, Pages.unique("濮阳测试企业") + "有限公司", null, chain("chemical"), "精细化工",
				new BigDecimal("1234.50"), PromotionMode.PEER_TO_PEER, ClueSource.RESIDENT_TEAM, unit("rt-yrd"),
				"黄磊", owner, null, "说明", null);
	}

	Clue logFor(String username, String ownerCode) {
		return logClue.execute(details(Pages.unique("线索"), unit(ownerCode)), as(username));
	}

	FollowUpInput followUp(LocalDate date) {
		return new FollowUpInput(date, FollowUpKind.VISIT, "张总", "走访企业，了解投资意向", "邀请考察", date.plusDays(7));
	}

	List<String> auditActions(long clueId) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE record_type = 'clue' AND record_id = :id ORDER BY id")
			.param("id", String.valueOf(clueId))
			.query(String.class)
			.list();
	}

	@Test
	void aUnitManagerLogsAClueForTheOwnUnitAsNewWithCreditAndAudit() {
		Clue c = logFor("hualong", "hualong");
		var row = queries.detail(c.id().value());
		assertThat(row.row().status()).isEqualTo(ClueStatus.NEW);
		assertThat(row.row().ownerUnitId()).isEqualTo(unit("hualong"));
		assertThat(row.row().source()).isEqualTo(ClueSource.RESIDENT_TEAM);
		assertThat(row.sourceUnitName()).isEqualTo("长三角驻地招商组");
		assertThat(row.row().estimatedInvestment()).isEqualByComparingTo("1234.50");
		assertThat(row.row().lastFollowUpAt()).isEqualTo(LocalDate.now());
		assertThat(auditActions(c.id().value())).containsExactly("CREATE");
		assertThat(queries.assignments(c.id().value())).singleElement()
			.satisfies(a -> assertThat(a.toUnit()).isEqualTo("华龙区"));
	}

	@Test
	void unitStaffCannotLogForAnotherUnitNorIntoTheCityPool() {
		assertThatThrownBy(() -> logFor("hualong.staff", "qingfeng")).isInstanceOf(FieldException.class)
			.hasMessage("clue.validation.unitOutOfScope");
		assertThatThrownBy(() -> logClue.execute(details("x", null), as("hualong.staff")))
			.isInstanceOf(FieldException.class)
			.satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("ownerUnitId"));
	}

	@Test
	void theCityBureauLogsIntoTheCityPool() {
		Clue c = logClue.execute(details(Pages.unique("池"), null), as("city"));
		assertThat(c.owner()).isNull();
		assertThat(clues.find(c.id()).orElseThrow().inCityPool()).isTrue();
	}

	@Test
	void aTypedNameOfAKnownEnterpriseLinksToIt() {
		var m = merchants.findOrRegister(Pages.unique("濮阳已登记企业") + "有限公司", null);
		var d = details(Pages.unique("匹配"), unit("hualong"));
		var named = new ClueDetails(d.clueTitle(), "  " + m.name() + " ", null, d.chainId(), null, null, null,
				ClueSource.OTHER, null, null, d.ownerUnitId(), null, null, null);
		Clue c = logClue.execute(named, as("hualong"));
		assertThat(queries.row(c.id().value()).merchantId()).isEqualTo(m.id().value());
	}

	@Test
	void theFirstFollowUpStartsFollowingAndKeepsTheLatestDate() {
		CurrentUser staff = as("hualong.staff");
		Clue c = logFor("hualong", "hualong");
		long id = c.id().value();
		followUpClue.execute(id, followUp(LocalDate.now().minusDays(5)), staff);
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.FOLLOWING);
		assertThat(queries.row(id).lastFollowUpAt()).isEqualTo(LocalDate.now().minusDays(5));
		followUpClue.execute(id, followUp(LocalDate.now().minusDays(8)), staff);
		assertThat(queries.row(id).lastFollowUpAt()).isEqualTo(LocalDate.now().minusDays(5));
		assertThat(queries.followUps(id)).hasSize(2)
			.first()
			.satisfies(f -> assertThat(f.date()).isEqualTo(LocalDate.now().minusDays(5)));
		assertThat(auditActions(id)).containsExactly("CREATE", "FOLLOW_UP", "FOLLOW_UP");
	}

	@Test
	void rejectsAFollowUpInTheFutureOrWithoutContentAndSavesNothing() {
		Clue c = logFor("hualong", "hualong");
		long id = c.id().value();
		var future = new FollowUpInput(LocalDate.now().plusDays(1), FollowUpKind.CALL, null, " ", null,
				LocalDate.now().minusDays(3));
		assertThatThrownBy(() -> followUpClue.execute(id, future, as("hualong")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(InvalidInputException.Violation::field)
				.containsExactly("followUpDate", "content", "nextDate"));
		assertThat(queries.followUps(id)).isEmpty();
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.NEW);
	}

	@Test
	void confirmAndInvalidateAreGuardedAndAudited() {
		CurrentUser manager = as("hualong");
		long id = logFor("hualong", "hualong").id().value();
		assertThatThrownBy(() -> confirmClue.execute(id, manager)).hasMessage("clue.error.confirmNeedsFollowUp");
		followUpClue.execute(id, followUp(LocalDate.now()), manager);
		confirmClue.execute(id, manager);
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.CONFIRMED);
		assertThatThrownBy(() -> invalidateClue.execute(id, "", manager)).isInstanceOf(FieldException.class);
		invalidateClue.execute(id, "企业已另选他地", manager);
		assertThat(queries.detail(id).invalidReason()).isEqualTo("企业已另选他地");
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.INVALID);
		assertThatThrownBy(() -> followUpClue.execute(id, followUp(LocalDate.now()), manager))
			.hasMessage("clue.error.closed");
		assertThat(auditActions(id)).containsExactly("CREATE", "FOLLOW_UP", "CONFIRM", "INVALIDATE");
	}

	@Test
	void theOtherUnitReadsButCannotChangeAClue() {
		long id = logFor("hualong", "hualong").id().value();
		CurrentUser other = as("qingfeng");
		assertThat(clueLookup.readable(id, other).id().value()).isEqualTo(id);
		assertThatThrownBy(() -> followUpClue.execute(id, followUp(LocalDate.now()), other))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> clueLookup.editable(id, other))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> clueLookup.editable(id, as("leader")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void cityPoolCluesAreEditableByTheCityBureauOnly() {
		long id = logClue.execute(details(Pages.unique("池"), null), as("city")).id().value();
		assertThat(clueLookup.readable(id, as("hualong")).id().value()).isEqualTo(id);
		assertThatThrownBy(() -> clueLookup.editable(id, as("hualong")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThat(clueLookup.editable(id, as("city")).id().value()).isEqualTo(id);
	}

	@Test
	void theCityBureauAssignsWithAReasonAndTheHistoryShowsIt() {
		CurrentUser city = as("city");
		long id = logClue.execute(details(Pages.unique("池"), null), city).id().value();
		assertThatThrownBy(() -> assignClue.execute(id, unit("qingfeng"), null, " ", city))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(InvalidInputException.Violation::field)
				.containsExactly("reason"));
		assertThatThrownBy(() -> assignClue.execute(id, unit("qingfeng"), userId("hualong.staff"), "产业匹配", city))
			.hasMessage("clue.validation.assigneeNotOfUnit");
		assignClue.execute(id, unit("hualong"), userId("hualong.staff"), "产业匹配", city);
		var row = queries.row(id);
		assertThat(row.ownerUnitId()).isEqualTo(unit("hualong"));
		assertThat(row.assigneeName()).isEqualTo("刘洋");
		assertThat(queries.assignments(id)).extracting(ClueQueries.Assignment::kind).containsExactly("CREATE",
				"ASSIGN");
		var last = queries.assignments(id).get(1);
		assertThat(last.toUnit()).isEqualTo("华龙区");
		assertThat(last.toUser()).isEqualTo("刘洋");
		assertThat(last.reason()).isEqualTo("产业匹配");
		assertThat(last.by()).isEqualTo("周敏"); // the person, not the sign-in name (issue 8)
		assertThat(auditActions(id)).containsExactly("CREATE", "ASSIGN");
	}

	@Test
	void aUnitManagerAssignsWithinTheOwnUnitOnlyAndStaffMayNotAssign() {
		long id = logFor("hualong", "hualong").id().value();
		assignClue.execute(id, unit("hualong"), userId("hualong.staff"), null, as("hualong"));
		assertThat(queries.row(id).assigneeId()).isEqualTo(userId("hualong.staff"));
		assertThatThrownBy(() -> assignClue.execute(id, unit("qingfeng"), null, "换个县", as("hualong")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(InvalidInputException.Violation::messageKey)
				.contains("clue.validation.unitOutOfScope"));
		assertThatThrownBy(() -> assignClue.execute(id, unit("hualong"), null, "x", as("hualong.staff")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void theAssigneeReturnsAnOpenClueToThePoolButAnotherUnitMayNot() {
		long id = logFor("hualong", "hualong").id().value();
		assignClue.execute(id, unit("hualong"), userId("hualong.staff"), null, as("hualong"));
		assertThatThrownBy(() -> clues.returnToPool(new ClueId(id), "不是我们的", as("qingfeng")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		var summary = clues.returnToPool(new ClueId(id), "企业更适合开发区", as("hualong.staff"));
		assertThat(summary.inCityPool()).isTrue();
		assertThat(summary.assignee()).isNull();
		var last = queries.assignments(id).get(queries.assignments(id).size() - 1);
		assertThat(last.kind()).isEqualTo("RETURN");
		assertThat(last.fromUnit()).isEqualTo("华龙区");
		assertThat(last.fromUser()).isEqualTo("刘洋");
		assertThat(last.toUnit()).isNull();
		assertThat(auditActions(id)).endsWith("RETURN_TO_POOL");
		// back in the pool: a unit user can no longer change it, the city bureau reassigns it
		assertThatThrownBy(() -> clueLookup.editable(id, as("hualong")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		assignClue.execute(id, unit("etdz"), null, "开发区承接", as("city"));
		assertThat(queries.row(id).ownerName()).isEqualTo("濮阳经济技术开发区");
	}

	@Test
	void aConfirmedClueCanBeReturnedToThePoolToo() {
		CurrentUser manager = as("hualong");
		long id = logFor("hualong", "hualong").id().value();
		followUpClue.execute(id, followUp(LocalDate.now()), manager);
		confirmClue.execute(id, manager);
		assertThat(clues.returnToPool(new ClueId(id), "县里没有合适用地", manager).inCityPool()).isTrue();
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.CONFIRMED);
	}

	@Test
	void anIntermediarySubmitsOnlyForEntrustingUnitsAndSeesOnlyItsOwnClues() {
		CurrentUser agent = as("agent");
		assertThatThrownBy(() -> logClue.execute(details(Pages.unique("中介"), unit("qingfeng")), agent))
			.isInstanceOfSatisfying(FieldException.class,
					e -> assertThat(e.messageKey()).isEqualTo("clue.validation.notEntrusted"));
		var d = details(Pages.unique("中介"), unit("etdz"));
		// whatever source the body claims, an intermediary's clue is credited to the intermediary
		Clue c = logClue.execute(d, agent);
		var row = queries.detail(c.id().value());
		assertThat(row.row().status()).isEqualTo(ClueStatus.NEW);
		assertThat(row.row().source()).isEqualTo(ClueSource.INTERMEDIARY);
		assertThat(row.sourceUnitName()).isEqualTo("濮阳市浙江商会");
		assertThat(row.row().ownerUnitId()).isEqualTo(unit("etdz"));
		assertThat(row.submittedByIntermediary()).isTrue();
		// its own clue: readable; another's: not found; nothing to change
		assertThat(clueLookup.readable(c.id().value(), agent)).isNotNull();
		long other = logFor("hualong", "hualong").id().value();
		assertThatThrownBy(() -> clueLookup.readable(other, agent)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clueLookup.editable(c.id().value(), agent))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		var mine = queries.list(ClueFilter.none(), agent, 1, 100, true);
		assertThat(mine.items()).isNotEmpty().allSatisfy(r -> assertThat(r.source()).isEqualTo(ClueSource.INTERMEDIARY));
		long submittedByAgent = jdbc.sql("SELECT COUNT(*) FROM clue WHERE submitted_by_id = :u")
			.param("u", userId("agent"))
			.query(Long.class)
			.single();
		assertThat(mine.total()).isEqualTo(submittedByAgent);
		assertThat(mine.items()).noneMatch(r -> r.id() == other);
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() {
		CurrentUser manager = as("hualong");
		Clue c = logFor("hualong", "hualong");
		long id = c.id().value();
		var d = details("改名", null);
		var stale = new ClueDetails("改名", d.enterpriseName(), null, d.chainId(), null, null, null, ClueSource.OTHER,
				null, null, null, null, null, c.version() - 1);
		assertThatThrownBy(() -> editClue.execute(id, stale, manager)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(queries.row(id).title()).isNotEqualTo("改名");
		var fresh = new ClueDetails("改名", d.enterpriseName(), null, d.chainId(), null, null, null, ClueSource.OTHER,
				null, null, null, null, null, c.version());
		editClue.execute(id, fresh, manager);
		assertThat(queries.row(id).title()).isEqualTo("改名");
		assertThat(auditActions(id)).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void staleCandidatesAreOpenUnflaggedCluesNotFollowedUpSinceTheCutoff() {
		// two open clues idle for 40 days: one not flagged yet (a candidate), one flagged already (not again)
		long idle = logClue.execute(details(Pages.unique("久未跟进"), null), as("city")).id().value();
		long flagged = logClue.execute(details(Pages.unique("已标记"), null), as("city")).id().value();
		jdbc.sql("UPDATE clue SET last_follow_up_at = :d, stale_since = NULL WHERE id = :id")
			.param("d", LocalDate.now().minusDays(40)).param("id", idle).update();
		jdbc.sql("UPDATE clue SET last_follow_up_at = :d, stale_since = CURRENT_TIMESTAMP WHERE id = :id")
			.param("d", LocalDate.now().minusDays(40)).param("id", flagged).update();
		var stale = clues.openNotFlaggedIdleSince(LocalDate.now().minusDays(30));
		assertThat(stale).extracting(ClueId::value).contains(idle).doesNotContain(flagged);
		assertThat(stale).allSatisfy(id -> {
			var s = clues.find(id).orElseThrow();
			assertThat(s.status().isOpen()).isTrue();
			assertThat(s.lastFollowUpAt()).isBefore(LocalDate.now().minusDays(30));
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue WHERE stale_since IS NOT NULL AND id IN (:ids)")
			.param("ids", stale.isEmpty() ? List.of(-1L) : stale.stream().map(ClueId::value).toList())
			.query(Long.class).single()).isZero();
	}

	@Test
	void claimantsOfAnEnterpriseIncludeTheOwnersOfItsOpenClues() {
		var m = merchants.findOrRegister(Pages.unique("濮阳争抢企业") + "有限公司", null);
		CurrentUser hualong = as("hualong");
		var d = details(Pages.unique("争"), unit("hualong"));
		logClue.execute(new ClueDetails(d.clueTitle(), "x", m.id().value(), d.chainId(), null, null, null,
				ClueSource.OTHER, null, null, unit("hualong"), null, null, null), hualong);
		assertThat(merchants.claimants(new MerchantId(m.id().value()))).containsExactly(new UnitId(unit("hualong")));
		long second = logClue.execute(new ClueDetails(Pages.unique("争"), "x", m.id().value(), d.chainId(), null, null,
				null, ClueSource.OTHER, null, null, unit("qingfeng"), null, null, null), as("qingfeng")).id().value();
		assertThat(merchants.claimants(new MerchantId(m.id().value()))).hasSize(2);
		invalidateClue.execute(second, "放弃", as("qingfeng"));
		assertThat(merchants.claimants(new MerchantId(m.id().value()))).hasSize(1);
	}
}
