package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

/**
 * The random choices of one {@link LedgerGenerator} run: projects spread over the units (most over counties and
 * zones), the chains, the four stages (about 45 % negotiating, 25 % signed, 20 % commenced, 10 % in production),
 * statuses, types and amounts, with dates that follow the stages and one to three progress updates each, and the
 * names of about N/3 investors. The same seed gives the same ledger.
 */
final class LedgerPlan {

	/**
	 * Some projects carry more than one type (a 返乡 project also 外资, an exporter 外向型). Decided from the code, not
	 * by drawing from the random generator, so that every other generated value stays as it was for a seed.
	 */
	private cn.zhaoshang.project.ProjectTypes combined(Gen g, double planned) {
		int h = Math.floorMod(g.code.hashCode(), 100);
		var set = java.util.EnumSet.of(g.type);
		if (h < 12) {
			set.add(ProjectType.EXPORT_ORIENTED);
		}
		if (g.type == ProjectType.RETURN && h % 3 == 0) {
			set.add(ProjectType.FOREIGN);
			g.foreign = amount(Math.round(planned / 7.1 / 2));
		}
		if (g.type == ProjectType.FOREIGN && h >= 70) {
			set.add(ProjectType.EXPORT_ORIENTED);
		}
		return cn.zhaoshang.project.ProjectTypes.of(set);
	}

	/** A generated project before it has an id. */
	static final class Gen {

		String code;
		String name;
		int investor;
		long merchantId;
		String investorName;
		long unitId;
		long chainId;
		ProjectType type;
		/** The type and, for some projects, more flags (issue 10). */
		cn.zhaoshang.project.ProjectTypes types;
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

	/**
	 * The words generated names and texts are made of, in the language of real ledgers: test data, not
	 * user-facing text, so they live in a data file rather than in the message bundles.
	 */
	private static final class Words {

		final Properties words = new Properties();

		Words() {
			try (var in = LedgerPlan.class.getResourceAsStream("/generator/ledger-words.properties")) {
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

	final Random random;
	final LocalDate today;
	final List<UnitSummary> main;
	final List<UnitSummary> others;
	final List<Chain> chainList;
	final Map<Long, List<People.PersonSummary>> leaders;
	final Map<Long, List<People.PersonSummary>> staff;
	int nextInvestor;

	/**
	 * @param active the active units (at least one)
	 * @param chains the chains to spread over (the active ones)
	 * @param persons the active people, leaders and staff by their unit
	 */
	LedgerPlan(long seed, LocalDate today, List<UnitSummary> active, List<Chain> chains,
			List<People.PersonSummary> persons) {
		this.random = new Random(seed);
		this.today = today;
		this.main = active.stream().filter(u -> List.of("COUNTY", "ZONE").contains(u.type())).toList();
		List<UnitSummary> rest = active.stream()
			.filter(u -> List.of("INDUSTRY_HQ", "RESIDENT_TEAM", "CITY_BUREAU").contains(u.type()))
			.toList();
		this.others = rest.isEmpty() && main.isEmpty() ? active : rest;
		this.chainList = chains;
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
		g.types = combined(g, planned);
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
