package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a synthetic ledger for load tests and benchmarks (issue 3, "Demo and load data"; docs/benchmarks.md):
 * {@code --zhaoshang.generate-ledger=N} inserts N projects when the application starts, and
 * {@code --zhaoshang.generate-ledger.exit=true} stops it afterwards. Never on a production database: the projects
 * look real.
 * <p>
 * The projects spread over the existing units (most over counties and zones), the chains, the four stages (about
 * 45 % negotiating, 25 % signed, 20 % commenced, 10 % in production), statuses, types and amounts, with dates that
 * follow the stages, an applied stage move for every stage reached, one to three progress updates each, and about
 * N/3 investors (registered through the merchant module, like an import does).
 * <p>
 * The random choices are {@link LedgerPlan}'s. Rows are written in JDBC batches, one transaction per {@value #CHUNK}
 * projects, bypassing the aggregate, through the same writers as the ledger import: {@link ProjectRows}, and
 * {@link StageMoveRows} and {@link ProgressRows} for the history. Going through {@link ProjectLedger} would check
 * gates and evidence that a synthetic ledger does not have, and would take minutes for 200,000 projects.
 * <p>
 * <b>Audit.</b> Generation is one administrative action, so it leaves one audit entry (action {@code GENERATE})
 * that says how many of what it wrote, not one per project: 200,000 rows of invented projects would bury the real
 * trail and double the time. The investors are registered by the merchant module, which audits each registration
 * as it always does (in batches).
 */
@Component
public class LedgerGenerator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LedgerGenerator.class);

	/** Projects per transaction (written in batches of {@link ProjectRows#BATCH}). */
	static final int CHUNK = 5_000;

	/** Written as the creator and mover of every generated row, and as the actor of the audit entry. */
	static final String ACTOR = "ledger-generator";

	private final Units units;
	private final Chains chains;
	private final People people;
	private final Merchants merchants;
	private final ProjectLedger ledger;
	private final Auditor auditor;
	private final ProjectRows projectRows;
	private final StageMoveRows moveRows;
	private final ProgressRows progressRows;
	private final FundsRows fundsRows;
	private final FundsSums fundsSums;
	private final TransactionTemplate tx;
	private final MessageSource messages;
	private final Clock clock;
	private final ApplicationContext context;
	private final int requested;
	private final boolean exit;
	private final Long seed;

	LedgerGenerator(Units units, Chains chains, People people, Merchants merchants, ProjectLedger ledger,
			Auditor auditor, ProjectRows projectRows, StageMoveRows moveRows, ProgressRows progressRows,
			FundsRows fundsRows, FundsSums fundsSums, TransactionTemplate tx,
			MessageSource messages, Clock clock, ApplicationContext context,
			@Value("${zhaoshang.generate-ledger:0}") int requested,
			@Value("${zhaoshang.generate-ledger.exit:false}") boolean exit,
			@Value("${zhaoshang.generate-ledger.seed:#{null}}") Long seed) {
		this.units = units;
		this.chains = chains;
		this.people = people;
		this.merchants = merchants;
		this.ledger = ledger;
		this.auditor = auditor;
		this.projectRows = projectRows;
		this.moveRows = moveRows;
		this.progressRows = progressRows;
		this.fundsRows = fundsRows;
		this.fundsSums = fundsSums;
		this.tx = tx;
		this.messages = messages;
		this.clock = clock;
		this.context = context;
		this.requested = requested;
		this.exit = exit;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (requested <= 0) {
			return;
		}
		generate(requested, seed == null ? System.nanoTime() : seed);
		if (exit) {
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

	/** What a generation wrote. */
	public record Result(int projects, int investors, int stageMoves, int progressUpdates, double seconds) {
	}

	/** Refused: there is nothing to spread projects over. */
	public static class NoUnits extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		NoUnits(String message) {
			super(message);
		}
	}

	public Result generate(int n, long seed) {
		var plan = plan(seed);
		long start = System.nanoTime();
		int investors = 0;
		int moves = 0;
		int progress = 0;
		int done = 0;
		int nextTenth = 1;
		while (done < n) {
			int size = Math.min(CHUNK, n - done);
			int[] written = tx.execute(status -> chunk(plan, size));
			done += size;
			investors += written[0];
			moves += written[1];
			progress += written[2];
			// one line per 10 % crossed (one line only when a chunk crosses several, as with a small N)
			int tenth = (int) ((long) done * 10 / n);
			if (tenth >= nextTenth) {
				double s = (System.nanoTime() - start) / 1e9;
				log.info("Ledger generation: {} of {} projects ({}%), {} projects/s", done, n, tenth * 10,
						Math.round(done / s));
				nextTenth = tenth + 1;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		var result = new Result(n, investors, moves, progress, seconds);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("projects", n);
		after.put("investors", investors);
		after.put("stageMoves", moves);
		after.put("progressUpdates", progress);
		after.put("seed", seed);
		String summary = messages.getMessage("ledger.generate.summary",
				new Object[] { n, investors, moves, progress }, Locale.SIMPLIFIED_CHINESE);
		tx.executeWithoutResult(status -> auditor.recordAs(ACTOR, null, null, "ledger", "generate-" + seed,
				"GENERATE", summary, Map.of(), after));
		log.info("Ledger generation done: {} projects, {} investors, {} stage moves, {} progress updates in {} s "
				+ "({} projects/s)", n, investors, moves, progress, String.format(Locale.ROOT, "%.1f", seconds),
				Math.round(n / seconds));
		return result;
	}

	/** The plan of one generation over the active units, chains and people. */
	private LedgerPlan plan(long seed) {
		List<UnitSummary> active = units.all().stream().filter(UnitSummary::active).toList();
		if (active.isEmpty()) {
			throw new NoUnits(messages.getMessage("ledger.generate.noUnits", null, Locale.ENGLISH));
		}
		return new LedgerPlan(seed, LocalDate.now(clock), active, chains.all().stream().filter(Chain::active).toList(),
				people.summaries().stream().filter(People.PersonSummary::active).toList());
	}

	// -------------------------------------------------------------------------------------------------- one chunk

	/** @return investors registered or matched, stage moves and progress updates written */
	private int[] chunk(LedgerPlan plan, int size) {
		List<String> codes = ledger.nextCodes(size);
		List<LedgerPlan.Gen> gens = new ArrayList<>(size);
		List<Integer> chunkInvestors = new ArrayList<>();
		Map<Integer, Integer> projectsOfInvestor = new HashMap<>();
		for (int i = 0; i < size; i++) {
			// a third of the projects bring a new investor, the rest go to an investor of the same chunk, so that
			// some investors have one project and a few have many, about N/3 in all
			int investor;
			if (chunkInvestors.isEmpty() || plan.random.nextInt(3) == 0) {
				investor = plan.nextInvestor++;
				chunkInvestors.add(investor);
			}
			else {
				investor = chunkInvestors.get(plan.random.nextInt(chunkInvestors.size()));
			}
			int nth = projectsOfInvestor.merge(investor, 1, Integer::sum);
			gens.add(plan.project(codes.get(i), investor, nth));
		}
		List<InvestorRef> refs = chunkInvestors.stream().map(k -> new InvestorRef(plan.investorName(k), null)).toList();
		var found = merchants.findOrRegisterAll(refs);
		Map<Integer, Merchants.Merchant> byInvestor = new HashMap<>();
		for (int i = 0; i < refs.size(); i++) {
			byInvestor.put(chunkInvestors.get(i), found.get(refs.get(i)));
		}
		for (LedgerPlan.Gen g : gens) {
			var m = byInvestor.get(g.investor);
			g.merchantId = m.id().value();
			g.investorName = m.name();
		}
		List<Project> projects = gens.stream().map(LedgerGenerator::project).toList();
		projectRows.insert(projects);
		for (int i = 0; i < gens.size(); i++) {
			gens.get(i).id = projects.get(i).id;
		}
		// funds in place by month (issue 10): the paid-in figure spread over recent months, so that the rows add up
		fundsRows.insertAll(funds(gens, plan.today));
		fundsSums.update(fundsSums.none(projects.stream().map(p -> p.id).toList()));
		return new int[] { chunkInvestors.size(), moveRows.insert(moves(gens)), progressRows.insert(progress(gens)) };
	}

	/**
	 * A project's paid-in investment as one to six monthly rows ending this month or the one before (so that a
	 * unit's grid of last month is partly filled), never before the month it commenced; the rows add up to the
	 * figure exactly. Deterministic from the project's id, so that the plan's random sequence stays as it was.
	 */
	static List<FundsRows.BatchRow> funds(List<LedgerPlan.Gen> gens, LocalDate today) {
		List<FundsRows.BatchRow> rows = new ArrayList<>();
		YearMonth thisMonth = YearMonth.from(today);
		for (LedgerPlan.Gen g : gens) {
			if (g.paidIn == null || g.paidIn.signum() <= 0) {
				continue;
			}
			YearMonth last = thisMonth.minusMonths(g.id % 2);
			YearMonth first = last.minusMonths(g.id % 6);
			YearMonth commenced = g.stageDates[2] == null ? first : YearMonth.from(g.stageDates[2]);
			if (first.isBefore(commenced)) {
				first = commenced.isAfter(last) ? last : commenced;
			}
			if (commenced.isAfter(last)) {
				last = commenced.isAfter(thisMonth) ? thisMonth : commenced;
				first = last;
			}
			int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
			long total = g.paidIn.longValue();
			long part = total / months;
			for (int i = 0; i < months; i++) {
				long value = i == months - 1 ? total - part * (months - 1) : part;
				BigDecimal in = BigDecimal.valueOf(value).setScale(2);
				// about a fifth from outside the province, and some fixed-asset investment completed
				BigDecimal out = BigDecimal.valueOf(value / 5).setScale(2);
				BigDecimal fixed = BigDecimal.valueOf(value * 3 / 4).setScale(2);
				rows.add(new FundsRows.BatchRow(g.id, first.plusMonths(i), in, out, BigDecimal.ZERO.setScale(2), fixed,
						ACTOR, at(first.plusMonths(i).atEndOfMonth().isAfter(today) ? today
								: first.plusMonths(i).atEndOfMonth(), 17)));
			}
		}
		return rows;
	}

	/** A moment of a generated day, in the city's time. */
	private static Instant at(LocalDate date, int hour) {
		return OffsetDateTime.of(date, LocalTime.of(hour, 0), ZoneOffset.ofHours(8)).toInstant();
	}

	private static Project project(LedgerPlan.Gen g) {
		Project p = new Project();
		p.code = g.code;
		p.name = g.name;
		p.merchantId = g.merchantId;
		p.investorName = g.investorName;
		p.unitId = g.unitId;
		p.chainId = g.chainId;
		p.type = g.type;
		p.types = g.types == null ? null : g.types.canonical();
		p.negotiationDate = g.created;
		p.stage = g.stage;
		p.status = g.status;
		p.statusReason = g.statusReason;
		p.plannedInvestment = g.planned;
		p.foreignInvestment = g.foreign;
		p.contractedInvestment = g.contracted;
		p.paidInInvestment = g.paidIn;
		p.actualInvestment = g.actual;
		p.jobs = g.jobs;
		p.keyProject = g.key;
		p.contractType = g.contractType;
		p.signedDate = g.stageDates[1];
		p.commencedDate = g.stageDates[2];
		p.productionDate = g.stageDates[3];
		p.leaderId = g.leader == null ? null : g.leader.id().value();
		p.leaderName = g.leader == null ? null : g.leader.name();
		p.chiefAttendantId = g.attendant == null ? null : g.attendant.id().value();
		p.chiefAttendantName = g.attendant == null ? null : g.attendant.name();
		p.namesUnmatched = false;
		p.evidencePending = g.evidencePending;
		int last = g.progressTexts.size() - 1;
		p.latestProgress = g.progressTexts.get(last);
		p.latestProgressDate = g.progressDates.get(last);
		p.version = 0;
		p.createdBy = ACTOR;
		p.createdAt = at(g.created, 9);
		p.updatedAt = at(g.lastDate(), 17);
		return p;
	}

	/** An applied move for every stage reached, and one for a status other than active. */
	private static List<StageMoveRows.Row> moves(List<LedgerPlan.Gen> gens) {
		List<StageMoveRows.Row> rows = new ArrayList<>();
		for (LedgerPlan.Gen g : gens) {
			for (int s = 1; s <= g.stage.ordinal(); s++) {
				Stage to = Stage.values()[s];
				BigDecimal amount = switch (to) {
					case SIGNED -> g.contracted;
					case COMMENCED -> g.paidIn == null ? null : g.paidIn.multiply(new BigDecimal("0.3"))
						.setScale(2, RoundingMode.HALF_UP);
					default -> g.actual;
				};
				rows.add(new StageMoveRows.Row(g.id, Stage.values()[s - 1], to, ProjectStatus.ACTIVE,
						ProjectStatus.ACTIVE, g.stageDates[s], to == Stage.SIGNED ? g.contractType : null, amount, null,
						"APPLIED", ACTOR, at(g.stageDates[s], 10)));
			}
			if (g.status != ProjectStatus.ACTIVE) {
				rows.add(new StageMoveRows.Row(g.id, g.stage, g.stage, ProjectStatus.ACTIVE, g.status, g.statusDate,
						null, null, g.statusReason, "APPLIED", ACTOR, at(g.statusDate, 16)));
			}
		}
		return rows;
	}

	private static List<ProgressRows.Row> progress(List<LedgerPlan.Gen> gens) {
		List<ProgressRows.Row> rows = new ArrayList<>();
		for (LedgerPlan.Gen g : gens) {
			for (int i = 0; i < g.progressTexts.size(); i++) {
				rows.add(new ProgressRows.Row(g.id, g.progressDates.get(i), g.progressTexts.get(i),
						g.progressPaid.get(i), ACTOR, at(g.progressDates.get(i), 15)));
			}
		}
		return rows;
	}
}
