package cn.zhaoshang.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.RoundStore;
import cn.zhaoshang.dispatch.internal.ScopeRow;
import cn.zhaoshang.dispatch.internal.ScopeStore;
import cn.zhaoshang.dispatch.internal.StalledQueries;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

import org.springframework.stereotype.Service;

/**
 * What other parts may read of the dispatch rounds without the rights of a user: a round's header, the rounds in
 * period order, and each round's scope with the facts frozen when it closed (the stagnation rule reads these).
 */
@Service
public class DispatchRounds {

	/** A round's header. */
	public record RoundSummary(DispatchRoundId id, String name, LocalDate periodFrom, LocalDate periodTo,
			LocalDate deadline, String chairName, RoundStatus status, Instant closedAt) {
	}

	/**
	 * One project in a round: who reports, the report's state, and the facts frozen at closing (null and
	 * {@code closedSnapshot} false while the round is open).
	 */
	public record ScopeFacts(DispatchRoundId roundId, ProjectId projectId, UnitId unitId, Instant addedAt,
			ReportStatus reportStatus, String stageAtClose, BigDecimal fundsInPeriod, Integer stageMovesInPeriod,
			Boolean milestoneInPeriod, boolean closedSnapshot) {

		/** No stage move, no funds in place and no milestone in the period (only meaningful once frozen). */
		public boolean withoutProgress() {
			return closedSnapshot && (stageMovesInPeriod == null || stageMovesInPeriod == 0)
					&& (fundsInPeriod == null || fundsInPeriod.signum() == 0) && !Boolean.TRUE.equals(milestoneInPeriod);
		}
	}

	/**
	 * A stalled project of a round's stalled list (a project's landing unit; the rule's number of rounds as set now).
	 *
	 * @param stage the project's stage now, by its enum name
	 */
	public record StalledProject(ProjectId projectId, String code, String name, UnitId unitId, String unitName,
			String stage, int roundsWithoutProgress) {
	}

	/** The stalled list of one round. */
	public record StalledList(RoundSummary round, List<StalledProject> projects) {
	}

	private final RoundStore rounds;
	private final ScopeStore scope;
	private final StalledQueries stalled;
	private final java.time.Clock clock;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DispatchRounds(RoundStore rounds, ScopeStore scope, StalledQueries stalled, java.time.Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.rounds = rounds;
		this.scope = scope;
		this.stalled = stalled;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The projects the stagnation rule found stalled when the round closed (its verdict as stored for that round;
	 * empty for an open round). For the quarterly ranking's deduction.
	 */
	public List<ProjectId> stalledIn(DispatchRoundId id) {
		return jdbc.sql("SELECT project_id FROM dispatch_stalled WHERE round_id = :r AND stalled = TRUE ORDER BY project_id")
			.param("r", id.value())
			.query((rs, n) -> new ProjectId(rs.getLong(1)))
			.list();
	}

	/**
	 * The stalled projects as of a day, for documents that must read the same when generated later (the monthly
	 * notification): the stalled list of the newest round whose period ended and which was closed on or before that
	 * day (in the clock's zone); empty when there is none. All units.
	 */
	public Optional<StalledList> stalledAsOf(LocalDate day) {
		Instant endOfDay = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return closed().stream()
			.filter(r -> !r.periodTo().isAfter(day) && r.closedAt() != null && r.closedAt().isBefore(endOfDay))
			.findFirst()
			.map(r -> new StalledList(r, stalled.stalled(r.id().value(), new DataScope(true, false, java.util.Set.of(), java.util.Set.of()))
				.stream()
				.map(i -> new StalledProject(new ProjectId(i.projectId()), i.projectCode(), i.projectName(),
						new UnitId(i.unitId()), i.unitName(), i.stage(), i.roundsWithoutProgress()))
				.toList()));
	}

	public Optional<RoundSummary> find(DispatchRoundId id) {
		return rounds.find(id.value()).map(DispatchRounds::summary);
	}

	/** Every round, the latest period first. */
	public List<RoundSummary> all() {
		return rounds.all().stream().map(DispatchRounds::summary).toList();
	}

	/** The closed rounds, the latest period first. */
	public List<RoundSummary> closed() {
		return all().stream().filter(r -> r.status() == RoundStatus.CLOSED).toList();
	}

	/** The projects in a round with their frozen facts. */
	public List<ScopeFacts> scope(DispatchRoundId id) {
		return scope.ofRound(id.value()).stream().map(DispatchRounds::facts).toList();
	}

	static RoundSummary summary(DispatchRound r) {
		return new RoundSummary(new DispatchRoundId(r.id()), r.name(), r.periodFrom(), r.periodTo(), r.deadline(),
				r.chairName(), r.status(), r.closedAt());
	}

	static ScopeFacts facts(ScopeRow s) {
		return new ScopeFacts(new DispatchRoundId(s.roundId()), new ProjectId(s.projectId()), new UnitId(s.unitId()),
				s.addedAt(), s.reportStatus(), s.stageAtClose(), s.fundsInPeriod(), s.stageMovesInPeriod(),
				s.milestoneInPeriod(), s.closedSnapshot());
	}
}
