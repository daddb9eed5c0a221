package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
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
 * Rows are written with plain JDBC batches, one transaction per {@value #CHUNK} projects, bypassing the aggregate:
 * going through {@link ProjectLedger} would check gates and evidence that a synthetic ledger does not have, and
 * would take minutes for 200,000 projects.
 * <p>
 * <b>Audit.</b> Generation is one administrative action, so it leaves one audit entry (action {@code GENERATE})
 * that says how many of what it wrote, not one per project: 200,000 rows of invented projects would bury the real
 * trail and double the time. The investors are registered by the merchant module, which audits each registration
 * as it always does (in batches).
 */
@Component
public class LedgerGenerator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LedgerGenerator.class);

	/** Projects per transaction and per JDBC batch of project rows. */
	static final int CHUNK = 5_000;

	/** Written as the creator and mover of every generated row, and as the actor of the audit entry. */
	static final String ACTOR = "ledger-generator";

	private final Units units;
	private final Chains chains;
	private final People people;
	private final Merchants merchants;
	private final ProjectLedger ledger;
	private final Auditor auditor;
	private final JdbcOperations jdbc;
	private final NamedParameterJdbcOperations named;
	private final TransactionTemplate tx;
	private final MessageSource messages;
	private final Clock clock;
	private final ApplicationContext context;
	private final int requested;
	private final boolean exit;
	private final Long seed;

	LedgerGenerator(Units units, Chains chains, People people, Merchants merchants, ProjectLedger ledger,
			Auditor auditor, JdbcOperations jdbc, NamedParameterJdbcOperations named, TransactionTemplate tx,
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
		this.jdbc = jdbc;
		this.named = named;
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
		var plan = new Plan(seed);
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

	// -------------------------------------------------------------------------------------------------- one chunk

	/** A generated project before it has an id. */
	private static final class Gen {

		String code;
		String name;
		int investor;
		long merchantId;
		String investorName;
		long unitId;
		long chainId;
		ProjectType type;
		Stage stage;
		ProjectStatus status = ProjectStatus.ACTIVE;
		String statusReason;
		LocalDate statusDate;
		BigDecimal planned;
		BigDecimal foreign;
		BigDecimal contracted;
		BigDecimal paidIn;
		BigDecimal actual;
		Integer jobs;
		boolean key;
		boolean evidencePending;
		ContractType contractType;
		LocalDate created;
		LocalDate[] stageDates = new LocalDate[4];
		People.PersonSummary leader;
		People.PersonSummary attendant;
		List<LocalDate> progressDates = new ArrayList<>();
		List<String> progressTexts = new ArrayList<>();
		List<BigDecimal> progressPaid = new ArrayList<>();
		long id;

		LocalDate lastDate() {
			LocalDate last = created;
			for (LocalDate d : stageDates) {
				last = d != null && d.isAfter(last) ? d : last;
			}
			last = statusDate != null && statusDate.isAfter(last) ? statusDate : last;
			for (LocalDate d : progressDates) {
				last = d.isAfter(last) ? d : last;
			}
			return last;
		}
	}

	/** @return investors registered or matched, stage moves and progress updates written */
	private int[] chunk(Plan plan, int size) {
		List<String> codes = ledger.nextCodes(size);
		List<Gen> gens = new ArrayList<>(size);
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
		for (Gen g : gens) {
			var m = byInvestor.get(g.investor);
			g.merchantId = m.id().value();
			g.investorName = m.name();
		}
		insertProjects(gens);
		return new int[] { chunkInvestors.size(), insertMoves(gens), insertProgress(gens) };
	}

	private static OffsetDateTime at(LocalDate date, int hour) {
		return OffsetDateTime.of(date, LocalTime.of(hour, 0), ZoneOffset.ofHours(8));
	}

	private void insertProjects(List<Gen> gens) {
		List<Object[]> rows = new ArrayList<>(gens.size());
		for (Gen g : gens) {
			int last = g.progressTexts.size() - 1;
			rows.add(new Object[] { g.code, g.name, g.merchantId, g.investorName, g.unitId, g.chainId, g.type.name(),
					g.stage.name(), g.status.name(), g.statusReason, g.planned, g.foreign, g.contracted, g.paidIn,
					g.actual, g.jobs, g.key, g.contractType == null ? null : g.contractType.name(), g.stageDates[1],
					g.stageDates[2], g.stageDates[3], g.leader == null ? null : g.leader.id().value(),
					g.leader == null ? null : g.leader.name(), g.attendant == null ? null : g.attendant.id().value(),
					g.attendant == null ? null : g.attendant.name(), g.evidencePending, g.progressTexts.get(last),
					g.progressDates.get(last), ACTOR, at(g.created, 9), at(g.lastDate(), 17) });
		}
		jdbc.batchUpdate("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    status_reason, planned_investment, foreign_investment, contracted_investment, paid_in_investment,
				    actual_investment, jobs, key_project, contract_type, signed_date, commenced_date, production_date,
				    leader_id, leader_name, chief_attendant_id, chief_attendant_name, names_unmatched,
				    evidence_pending, latest_progress, latest_progress_date, version, created_by, created_at,
				    updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0, ?,
				    ?, ?)""", rows, PROJECT_TYPES);
		// plain batches, then the ids by code (as the import does: generated keys make PostgreSQL answer each row)
		Map<String, Gen> byCode = gens.stream().collect(Collectors.toMap(g -> g.code, g -> g));
		for (int from = 0; from < gens.size(); from += 1000) {
			List<Object[]> keys = gens.subList(from, Math.min(gens.size(), from + 1000))
				.stream()
				.map(g -> new Object[] { g.code })
				.toList();
			named.query("SELECT p.id, p.code FROM project p JOIN (VALUES :codes) AS k(v) ON p.code = k.v",
					Map.of("codes", keys), (rs, n) -> byCode.get(rs.getString(2)).id = rs.getLong(1));
		}
	}

	private static final int[] PROJECT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
			Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
			Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR,
			Types.DATE, Types.DATE, Types.DATE, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
			Types.BOOLEAN, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
			Types.TIMESTAMP_WITH_TIMEZONE };

	private int insertMoves(List<Gen> gens) {
		List<Object[]> rows = new ArrayList<>();
		for (Gen g : gens) {
			for (int s = 1; s <= g.stage.ordinal(); s++) {
				Stage to = Stage.values()[s];
				BigDecimal amount = switch (to) {
					case SIGNED -> g.contracted;
					case COMMENCED -> g.paidIn == null ? null : g.paidIn.multiply(new BigDecimal("0.3"))
						.setScale(2, RoundingMode.HALF_UP);
					default -> g.actual;
				};
				rows.add(new Object[] { g.id, Stage.values()[s - 1].name(), to.name(), "ACTIVE", "ACTIVE",
						g.stageDates[s], to == Stage.SIGNED ? g.contractType.name() : null, amount, null, ACTOR,
						at(g.stageDates[s], 10) });
			}
			if (g.status != ProjectStatus.ACTIVE) {
				rows.add(new Object[] { g.id, g.stage.name(), g.stage.name(), "ACTIVE", g.status.name(), g.statusDate,
						null, null, g.statusReason, ACTOR, at(g.statusDate, 16) });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    contract_type, amount, reason, state, submitted_by, submitted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)""", rows, MOVE_TYPES);
		return rows.size();
	}

	private static final int[] MOVE_TYPES = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR,
			Types.TIMESTAMP_WITH_TIMEZONE };

	private int insertProgress(List<Gen> gens) {
		List<Object[]> rows = new ArrayList<>();
		for (Gen g : gens) {
			for (int i = 0; i < g.progressTexts.size(); i++) {
				rows.add(new Object[] { g.id, g.progressDates.get(i), g.progressTexts.get(i), g.progressPaid.get(i),
						ACTOR, at(g.progressDates.get(i), 15) });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO project_progress (project_id, progress_date, text, paid_in_investment, created_by,
				    created_at)
				VALUES (?, ?, ?, ?, ?, ?)""", rows,
				new int[] { Types.BIGINT, Types.DATE, Types.VARCHAR, Types.NUMERIC, Types.VARCHAR,
						Types.TIMESTAMP_WITH_TIMEZONE });
		return rows.size();
	}

	// -------------------------------------------------------------------------------------------------- the plan

	/**
	 * The words generated names and texts are made of, in the language of real ledgers: test data, not
	 * user-facing text, so they live in a data file rather than in the message bundles.
	 */
	private static final class Words {

		final Properties words = new Properties();

		Words() {
			try (var in = LedgerGenerator.class.getResourceAsStream("/generator/ledger-words.properties")) {
				words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		String[] list(String key) {
			return words.getProperty(key, "").split(",");
		}

		String get(String key) {
			return words.getProperty(key, "");
		}
	}

	private static final Words WORDS = new Words();
	private static final String[] REGIONS = WORDS.list("regions");
	private static final String[] FIRM = WORDS.list("words");
	private static final String[] MIDDLE = WORDS.list("middle");
	private static final String[] SUFFIXES = WORDS.list("suffixes");
	private static final String[][] PROGRESS = { WORDS.list("progress.0"), WORDS.list("progress.1"),
			WORDS.list("progress.2"), WORDS.list("progress.3") };
	private static final String[] HOLD_REASONS = WORDS.list("hold");
	private static final String[] DROP_REASONS = WORDS.list("drop");

	/** Reference data and the random choices of one generation. */
	private final class Plan {

		final Random random;
		final LocalDate today = LocalDate.now(clock);
		final List<UnitSummary> main;
		final List<UnitSummary> others;
		final List<Chain> chainList;
		final Map<Long, List<People.PersonSummary>> leaders;
		final Map<Long, List<People.PersonSummary>> staff;
		int nextInvestor;

		Plan(long seed) {
			this.random = new Random(seed);
			List<UnitSummary> active = units.all().stream().filter(UnitSummary::active).toList();
			if (active.isEmpty()) {
				throw new NoUnits(messages.getMessage("ledger.generate.noUnits", null, Locale.ENGLISH));
			}
			this.main = active.stream().filter(u -> List.of("COUNTY", "ZONE").contains(u.type())).toList();
			List<UnitSummary> rest = active.stream()
				.filter(u -> List.of("INDUSTRY_HQ", "RESIDENT_TEAM", "CITY_BUREAU").contains(u.type()))
				.toList();
			this.others = rest.isEmpty() && main.isEmpty() ? active : rest;
			this.chainList = chains.all().stream().filter(Chain::active).toList();
			var persons = people.summaries().stream().filter(People.PersonSummary::active).toList();
			this.leaders = persons.stream()
				.filter(p -> p.kind() == PersonKind.LEADER)
				.collect(Collectors.groupingBy(p -> p.unitId().value()));
			this.staff = persons.stream()
				.filter(p -> p.kind() != PersonKind.LEADER)
				.collect(Collectors.groupingBy(p -> p.unitId().value()));
			// start somewhere in the name space, so that a second generation mostly brings new investors
			this.nextInvestor = random.nextInt(NAMES);
		}

		static final int NAMES = REGIONS.length * FIRM.length * MIDDLE.length * 10 * SUFFIXES.length;

		/**
		 * A company name for investor number k: k is scrambled (multiplied by a number coprime to the name count)
		 * so that consecutive investors come from all regions and words, and distinct k give distinct names.
		 */
		String investorName(int k) {
			long x = (long) Math.floorMod(k, NAMES) * 7919 % NAMES;
			String suffix = SUFFIXES[(int) (x % SUFFIXES.length)];
			x /= SUFFIXES.length;
			Chain chain = chainList.get((int) (x % 10) % chainList.size());
			x /= 10;
			String middle = MIDDLE[(int) (x % MIDDLE.length)];
			x /= MIDDLE.length;
			String word = FIRM[(int) (x % FIRM.length)];
			x /= FIRM.length;
			String region = REGIONS[(int) (x % REGIONS.length)];
			return region + word + middle + products(chain)[0] + suffix;
		}

		private String[] products(Chain chain) {
			String[] product = WORDS.list("product." + chain.code());
			return product.length == 4 ? product : new String[] { chain.name(), chain.name(), "", chain.name() };
		}

		private <T> T pick(List<T> list) {
			return list.get(random.nextInt(list.size()));
		}

		private BigDecimal amount(double value) {
			return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
		}

		Gen project(String code, int investor, int nth) {
			Gen g = new Gen();
			g.code = code;
			g.investor = investor;
			UnitSummary unit = !main.isEmpty() && (others.isEmpty() || random.nextInt(100) < 85) ? pick(main)
					: pick(others);
			g.unitId = unit.id().value();
			Chain chain = pick(chainList);
			g.chainId = chain.id().value();
			String[] product = products(chain);
			int r = random.nextInt(100);
			g.type = r < 55 ? ProjectType.NEW : r < 80 ? ProjectType.EXPANSION : r < 92 ? ProjectType.RETURN
					: ProjectType.FOREIGN;
			int scale = 1 + random.nextInt(50);
			String what = random.nextBoolean() ? WORDS.get("name.annual") + scale + product[2] + product[1]
					: product[3];
			g.name = what + WORDS.get("name.type." + g.type.name()) + WORDS.get("name.project")
					+ (nth > 1 ? java.text.MessageFormat.format(WORDS.get("name.phase"), nth) : "");
			// planned investment spreads over three orders of magnitude, from 500 万元 to 50 亿元, in whole 10 万元
			double planned = Math.round(Math.exp(Math.log(500) + random.nextDouble() * Math.log(1000)) / 10) * 10.0;
			g.planned = amount(planned);
			if (g.type == ProjectType.FOREIGN) {
				g.foreign = amount(Math.round(planned / 7.1 * (0.3 + 0.7 * random.nextDouble())));
			}
			g.key = random.nextInt(100) < (planned >= 100_000 ? 60 : 12);
			g.jobs = 20 + (int) (planned / 100 * random.nextDouble());
			r = random.nextInt(100);
			g.stage = r < 45 ? Stage.NEGOTIATING : r < 70 ? Stage.SIGNED : r < 90 ? Stage.COMMENCED
					: Stage.IN_PRODUCTION;
			int s = g.stage.ordinal();
			// the project came in up to three years ago; each stage reached has its date after the previous one
			g.created = today.minusDays(s * 15L + 1 + random.nextInt(3 * 365));
			long span = today.toEpochDay() - g.created.toEpochDay();
			long[] days = random.longs(s, 1, span + 1).sorted().toArray();
			g.stageDates[0] = g.created;
			for (int i = 1; i <= s; i++) {
				g.stageDates[i] = g.created.plusDays(days[i - 1]);
			}
			if (s >= 1) {
				g.contractType = random.nextInt(100) < 35 ? ContractType.FRAMEWORK_AGREEMENT
						: ContractType.FORMAL_CONTRACT;
				g.contracted = amount(Math.round(planned * (0.8 + 0.25 * random.nextDouble())));
			}
			if (s == 2) {
				g.paidIn = amount(Math.round(g.contracted.doubleValue() * (0.05 + 0.55 * random.nextDouble())));
			}
			if (s == 3) {
				g.actual = amount(Math.round(g.contracted.doubleValue() * (0.7 + 0.3 * random.nextDouble())));
				g.paidIn = g.actual;
			}
			// a few past moves would be on paper only: flagged like imported history
			g.evidencePending = s >= 1 && random.nextInt(100) < 5;
			r = random.nextInt(100);
			if (r < 6 || r >= 96) {
				g.status = r < 6 ? ProjectStatus.ON_HOLD : ProjectStatus.DROPPED;
				g.statusReason = r < 6 ? HOLD_REASONS[random.nextInt(2)] : DROP_REASONS[random.nextInt(2)];
				LocalDate after = g.stageDates[s];
				g.statusDate = after.plusDays(random.nextLong(today.toEpochDay() - after.toEpochDay() + 1));
			}
			var unitLeaders = leaders.getOrDefault(g.unitId, List.of());
			if (!unitLeaders.isEmpty() && random.nextInt(100) < 70) {
				g.leader = pick(unitLeaders);
			}
			var unitStaff = staff.getOrDefault(g.unitId, List.of());
			if (!unitStaff.isEmpty() && random.nextInt(100) < 60) {
				g.attendant = pick(unitStaff);
			}
			int updates = 1 + random.nextInt(3);
			long[] when = random.longs(updates, 0, span + 1).sorted().toArray();
			for (int i = 0; i < updates; i++) {
				LocalDate d = g.created.plusDays(when[i]);
				int stageThen = 0;
				for (int k = 1; k <= s; k++) {
					stageThen = d.isBefore(g.stageDates[k]) ? stageThen : k;
				}
				g.progressDates.add(d);
				g.progressTexts.add(PROGRESS[stageThen][random.nextInt(3)]);
				// paid-in to date grows towards the project's figure once building started
				g.progressPaid.add(stageThen >= 2 && g.paidIn != null
						? amount(Math.round(g.paidIn.doubleValue() * (i + 1) / updates)) : null);
			}
			return g;
		}
	}
}
