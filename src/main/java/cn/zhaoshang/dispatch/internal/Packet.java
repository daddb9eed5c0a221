package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The meeting packet (会议材料) of a dispatch round as plain data: what {@link PacketDocument} lays out as an official
 * document. {@link PacketQueries} fills it from the round's reports (the facts frozen at closing once closed, the
 * ledger's live figures while open). Amounts in 万元.
 *
 * @param header the round
 * @param units the summary per unit, in the unit tree's order
 * @param sections per unit, each project's report
 * @param problems every problem raised, with its proposed owner
 * @param stalled the round's stalled list
 * @param leaders each responsible leader's linked projects with their progress (one belt three projects, clause XV)
 */
public record Packet(Header header, List<UnitSummary> units, List<UnitSection> sections, List<ProblemLine> problems,
		List<StalledLine> stalled, List<LeaderProjects> leaders) {

	public Packet {
		units = List.copyOf(units);
		sections = List.copyOf(sections);
		problems = List.copyOf(problems);
		stalled = List.copyOf(stalled);
		leaders = List.copyOf(leaders);
	}

	/**
	 * @param issuer the issuing unit (the city bureau)
	 * @param name the round's name
	 * @param closed whether the figures are frozen (closed round) or live
	 * @param date the date the packet carries
	 */
	public record Header(String issuer, String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline,
			String chairName, boolean closed, LocalDate date, int stalledAfterRounds) {
	}

	/** One row of the summary table: projects in scope, reports submitted, stage moves and funds in the period. */
	public record UnitSummary(String unitName, int projects, int reported, int stageMoves, BigDecimal funds) {
	}

	/** A unit's section: its projects' reports. */
	public record UnitSection(String unitName, List<ProjectReport> projects) {

		public UnitSection {
			projects = List.copyOf(projects);
		}
	}

	/**
	 * One project's report.
	 *
	 * @param stage the stage as people read it (frozen at closing)
	 * @param reportStatus the report's state as people read it
	 * @param problems the problems raised, one line each
	 */
	public record ProjectReport(String code, String name, String stage, String reportStatus, String summary,
			int stageMoves, BigDecimal funds, List<String> problems, String nextSteps) {

		public ProjectReport {
			problems = List.copyOf(problems);
		}
	}

	/** A problem raised, with who should solve it and by when, and the meeting's decision if any. */
	public record ProblemLine(String unitName, String projectName, String text, String proposedOwner, LocalDate due,
			String decision, String status) {
	}

	/** A stalled project: its unit and the rounds without obvious progress. */
	public record StalledLine(String unitName, String code, String name, int rounds, String roundNames) {
	}

	/** A responsible leader's linked projects in the round. */
	public record LeaderProjects(String leaderName, List<LeaderProject> projects) {

		public LeaderProjects {
			projects = List.copyOf(projects);
		}
	}

	/** A leader's project and its progress in the period. */
	public record LeaderProject(String code, String name, String unitName, String stage, int stageMoves,
			BigDecimal funds, boolean progress) {
	}
}
