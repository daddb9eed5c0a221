package cn.zhaoshang.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;


/**
 * A reusable generator of a realistic ledger at city scale for benchmarks (issues 11 and 15): projects across the
 * landing units (counties and zones, unevenly: the busiest unit has about four times the projects of the quietest),
 * each with its stage moves dated in order (some approved days later, a few returned, some moved back a stage, some
 * dropped and a fifth of those resumed, some put on hold), its credit shares (most 100 % to the landing unit, about
 * one in fifteen split two ways) and its monthly funds rows (up to the last {@code fundsMonths} months, from the
 * month it was signed, for every project signed or further, most months with money). The same seed gives the same
 * rows.
 * <p>
 * Loading: on PostgreSQL with {@code COPY FROM STDIN} (CSV), elsewhere (H2) with JDBC batch inserts, in chunks of
 * {@link #CHUNK} projects with their rows. Projects get explicit ids above the highest existing one and the identity
 * columns are moved past them afterwards, so the application can keep inserting. Stage moves are written in the
 * order they happened per project (the figures read model takes moves in id order).
 * <p>
 * Usage: {@code new LedgerDataGenerator(dataSource).generate(new Settings(200_000, 42, YearMonth.of(2026, 12), 24))};
 * then {@link #analyze} before measuring. Needs at least one unit of type COUNTY or ZONE (else any unit), one industry
 * chain; writes one merchant of its own. Not thread-safe; one call loads one data set (codes are prefixed by the
 * settings' prefix, which must be new in the database).
 */
public final class LedgerDataGenerator {

	/** Projects written per chunk (one COPY or batch per table and chunk). */
	public static final int CHUNK = 10_000;

	static final String[] TYPES = { "NEW", "EXPANSION", "RETURN", "FOREIGN" };

	static final String[] STAGES = { "NEGOTIATING", "SIGNED", "COMMENCED", "IN_PRODUCTION" };

	private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);


	/**
	 * What to generate.
	 *
	 * @param projects how many projects
	 * @param seed the random seed; the same settings give the same rows
	 * @param lastMonth the last month with facts: projects begin in the 36 months up to it, no move or funds row
	 *        lies after its last day
	 * @param fundsMonths funds rows go back at most this many months from {@code lastMonth}
	 * @param prefix project codes are {@code prefix + number} (at most 20 characters in all)
	 */
	public record Settings(int projects, long seed, YearMonth lastMonth, int fundsMonths, String prefix,
			Investors investors) {

		public Settings(int projects, long seed, YearMonth lastMonth, int fundsMonths) {
			this(projects, seed, lastMonth, fundsMonths, "GEN" + seed + "-", null);
		}
	}

	/**
	 * Enterprises already in the database that the projects are drawn from (the all-entity data set,
	 * {@link DataSetGenerator}); without them every project belongs to one investor of the generator's own.
	 */
	public record Investors(long[] ids, String[] names) {
	}

	/** What was written, and how fast. */
	public record Stats(int projects, int moves, int shares, int fundsRows, int progress, double seconds,
			boolean copy) {

		public int rows() {
			return projects + moves + shares + fundsRows + progress;
		}

		public double rowsPerSecond() {
			return rows() / seconds;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%,d projects, %,d stage moves, %,d credit shares, %,d funds rows, %,d progress updates = %,d rows"
							+ " in %.1f s (%,.0f rows/s, %s)",
					projects, moves, shares, fundsRows, progress, rows(), seconds, rowsPerSecond(),
					copy ? "PostgreSQL COPY" : "JDBC batches");
		}
	}

	private final DataSource dataSource;

	public LedgerDataGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Generates and loads the data set; returns the counts and the load rate. */
	public Stats generate(Settings settings) {
		long t0 = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			boolean postgres = TableWriter.isPostgres(c);
			List<Long> units = ids(c, "SELECT id FROM unit WHERE type IN ('COUNTY', 'ZONE') AND active ORDER BY id");
			if (units.isEmpty()) {
				units = ids(c, "SELECT id FROM unit ORDER BY id");
			}
			List<Long> chains = ids(c, "SELECT id FROM industry_chain ORDER BY id");
			Investors investors = settings.investors() != null ? settings.investors()
					: new Investors(new long[] { merchant(c, settings.prefix()) }, new String[] { "bench" });
			long firstId = ids(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM project").get(0);
			SplittableRandom random = new SplittableRandom(settings.seed());
			// uneven units: weights 1..4 drawn once per data set
			double[] weights = new double[units.size()];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				weights[i] = 1 + 3 * random.nextDouble();
				sum += weights[i];
			}
			for (int i = 0; i < weights.length; i++) {
				weights[i] = (i == 0 ? 0 : weights[i - 1]) + weights[i] / sum;
			}
			TableWriter out = new TableWriter(c);
			int moves = 0;
			int shares = 0;
			int funds = 0;
			int progress = 0;
			for (int from = 0; from < settings.projects(); from += CHUNK) {
				Chunk chunk = new Chunk();
				int to = Math.min(settings.projects(), from + CHUNK);
				for (int n = from; n < to; n++) {
					project(chunk, settings, random, firstId + n, n, units, weights, chains, investors);
				}
				write(out, chunk);
				moves += chunk.moves.size();
				shares += chunk.shares.size();
				funds += chunk.funds.size();
				progress += chunk.progress.size();
			}
			c.setAutoCommit(true);
			restartIdentity(c, postgres, "project");
			restartIdentity(c, postgres, "project_stage_move");
			restartIdentity(c, postgres, "project_credit_share");
			restartIdentity(c, postgres, "project_funds");
			restartIdentity(c, postgres, "project_progress");
			return new Stats(settings.projects(), moves, shares, funds, progress, (System.nanoTime() - t0) / 1e9,
					postgres);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Fresh planner statistics (and, on PostgreSQL, the visibility map) for the tables written. */
	public void analyze() {
		try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
			boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			c.setAutoCommit(true);
			for (String table : List.of("project", "project_stage_move", "project_credit_share", "project_funds",
					"project_progress", "project_counted_move", "project_counted_sum", "project_funds_sum",
					"project_shared_counted_sum", "project_shared_funds_sum")) {
				st.execute(postgres ? "VACUUM ANALYZE " + table : "ANALYZE TABLE " + table);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	// ============================================================================================ one project

	record ProjectRow(long id, String code, String name, long merchant, String investor, long unit, long chain, String type,
			String stage, String status, BigDecimal planned, BigDecimal contracted, BigDecimal paidIn,
			String contractType, LocalDate signed, LocalDate commenced, LocalDate production, boolean key,
			OffsetDateTime createdAt) {
	}

	record MoveRow(long project, String fromStage, String toStage, String fromStatus, String toStatus, LocalDate date,
			String contractType, BigDecimal amount, String reason, String state, OffsetDateTime submittedAt,
			OffsetDateTime reviewedAt) {
	}

	record ShareRow(long project, long unit, int basisPoints, boolean isDefault) {
	}

	record FundsRow(long project, LocalDate month, BigDecimal inPlace, BigDecimal outOfProvince, BigDecimal foreign,
			BigDecimal fixedAssets) {
	}

	record ProgressRow(long project, LocalDate date, String text) {
	}

	static final class Chunk {

		final List<ProjectRow> projects = new ArrayList<>(CHUNK);
		final List<MoveRow> moves = new ArrayList<>(CHUNK * 2);
		final List<ShareRow> shares = new ArrayList<>(CHUNK + CHUNK / 10);
		final List<FundsRow> funds = new ArrayList<>(CHUNK * 12);
		final List<ProgressRow> progress = new ArrayList<>(CHUNK * 2);
	}

	private static void project(Chunk chunk, Settings s, SplittableRandom r, long id, int n, List<Long> units,
			double[] weights, List<Long> chains, Investors investors) {
		LocalDate end = s.lastMonth().atEndOfMonth();
		LocalDate created = s.lastMonth().minusMonths(35).atDay(1).plusDays(r.nextInt(36 * 30));
		double u = r.nextDouble();
		int unitIndex = 0;
		while (unitIndex < weights.length - 1 && u > weights[unitIndex]) {
			unitIndex++;
		}
		long unit = units.get(unitIndex);
		String type = TYPES[r.nextInt(10) < 7 ? 0 : 1 + r.nextInt(3)];
		// the stage it aims for: 35 % stay in talks, 25 % signed, 22 % commenced, 18 % in production
		int p = r.nextInt(100);
		int aim = p < 35 ? 0 : p < 60 ? 1 : p < 82 ? 2 : 3;
		BigDecimal planned = money(r, 500, 200_000);
		// dated forward moves, cut at the end
		LocalDate[] dates = new LocalDate[4];
		dates[0] = created;
		int stage = 0;
		for (int k = 1; k <= aim; k++) {
			LocalDate d = dates[k - 1].plusDays(k == 1 ? 10 + r.nextInt(200) : k == 2 ? 30 + r.nextInt(300)
					: 60 + r.nextInt(400));
			if (d.isAfter(end)) {
				break;
			}
			dates[k] = d;
			stage = k;
		}
		BigDecimal contracted = stage >= 1 ? planned.multiply(BigDecimal.valueOf(50 + r.nextInt(51)))
			.movePointLeft(2)
			.setScale(2, java.math.RoundingMode.DOWN) : null;
		String contractType = stage >= 1 ? (r.nextInt(3) == 0 ? "FRAMEWORK_AGREEMENT" : "FORMAL_CONTRACT") : null;
		String status = "ACTIVE";
		LocalDate last = dates[stage];
		for (int k = 1; k <= stage; k++) {
			// 10 % reviewed by the city bureau and approved up to ten days later; 1 % of signings returned first
			boolean reviewed = r.nextInt(10) == 0;
			if (k == 1 && r.nextInt(100) == 0) {
				chunk.moves.add(new MoveRow(id, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", dates[k], contractType,
						contracted, null, "RETURNED", at(dates[k]), at(dates[k].plusDays(1))));
			}
			OffsetDateTime reviewedAt = reviewed ? at(dates[k].plusDays(r.nextInt(11))) : null;
			if (reviewedAt != null && reviewedAt.toLocalDate().isAfter(end)) {
				reviewedAt = null;
			}
			chunk.moves.add(new MoveRow(id, STAGES[k - 1], STAGES[k], "ACTIVE", "ACTIVE", dates[k],
					k == 1 ? contractType : null, k == 1 ? contracted : null, null,
					reviewedAt == null ? "APPLIED" : "APPROVED", at(dates[k]),
					reviewedAt));
		}
		// 4 % of the commenced or further moved back a stage (undated, a reason), half of them forward again later
		if (stage >= 2 && r.nextInt(25) == 0) {
			LocalDate back = last.plusDays(5 + r.nextInt(60));
			if (!back.isAfter(end)) {
				chunk.moves.add(new MoveRow(id, STAGES[stage], STAGES[stage - 1], "ACTIVE", "ACTIVE", null, null,
						null, "moved back", "APPLIED", at(back), null));
				last = back;
				LocalDate again = back.plusDays(10 + r.nextInt(90));
				if (r.nextBoolean() && !again.isAfter(end)) {
					chunk.moves.add(new MoveRow(id, STAGES[stage - 1], STAGES[stage], "ACTIVE", "ACTIVE", again, null,
							null, null, "APPLIED", at(again), null));
					last = again;
				}
				else {
					stage--;
				}
			}
		}
		// 6 % dropped (a fifth of them resumed later), 3 % put on hold
		int st = r.nextInt(100);
		LocalDate dropped = null;
		if (st < 6) {
			LocalDate d = last.plusDays(15 + r.nextInt(180));
			if (!d.isAfter(end)) {
				chunk.moves.add(new MoveRow(id, STAGES[stage], STAGES[stage], "ACTIVE", "DROPPED", null, null, null,
						"investor withdrew", "APPLIED", at(d), null));
				status = "DROPPED";
				dropped = d;
				LocalDate resumed = d.plusDays(30 + r.nextInt(120));
				if (r.nextInt(5) == 0 && !resumed.isAfter(end)) {
					chunk.moves.add(new MoveRow(id, STAGES[stage], STAGES[stage], "DROPPED", "ACTIVE", null, null,
							null, "resumed", "APPLIED", at(resumed), null));
					status = "ACTIVE";
					dropped = null;
				}
			}
		}
		else if (st < 9) {
			LocalDate d = last.plusDays(15 + r.nextInt(180));
			if (!d.isAfter(end)) {
				chunk.moves.add(new MoveRow(id, STAGES[stage], STAGES[stage], "ACTIVE", "ON_HOLD", null, null, null,
						"on hold", "APPLIED", at(d), null));
				status = "ON_HOLD";
			}
		}
		// shares: 93 % all to the landing unit, the rest split with another unit
		if (units.size() > 1 && r.nextInt(100) < 7) {
			long other = units.get((units.indexOf(unit) + 1 + r.nextInt(units.size() - 1)) % units.size());
			int bp = new int[] { 5000, 6000, 7000, 8000, 6667 }[r.nextInt(5)];
			chunk.shares.add(new ShareRow(id, unit, bp, false));
			chunk.shares.add(new ShareRow(id, other, 10_000 - bp, false));
		}
		else {
			chunk.shares.add(new ShareRow(id, unit, 10_000, true));
		}
		// funds: from the signing month (or the window's start) to the end (or the drop), 80 % of months with money
		BigDecimal paidIn = null;
		if (dates[1] != null) {
			YearMonth first = YearMonth.from(dates[1]);
			YearMonth windowStart = s.lastMonth().minusMonths(s.fundsMonths() - 1);
			if (first.isBefore(windowStart)) {
				first = windowStart;
			}
			YearMonth stop = dropped == null ? s.lastMonth() : YearMonth.from(dropped);
			boolean foreign = type.equals("FOREIGN");
			int scale = 10 + r.nextInt(2000);
			paidIn = BigDecimal.ZERO.setScale(2);
			for (YearMonth m = first; !m.isAfter(stop); m = m.plusMonths(1)) {
				if (r.nextInt(5) == 0) {
					continue;
				}
				BigDecimal inPlace = money(r, 1, scale);
				BigDecimal outOfProvince = r.nextInt(3) == 0 ? BigDecimal.ZERO.setScale(2)
						: inPlace.multiply(BigDecimal.valueOf(r.nextInt(101))).movePointLeft(2)
							.setScale(2, java.math.RoundingMode.DOWN);
				BigDecimal foreignUsed = foreign ? money(r, 0, scale / 7 + 1) : BigDecimal.ZERO.setScale(2);
				chunk.funds.add(new FundsRow(id, m.atDay(1), inPlace, outOfProvince, foreignUsed,
						inPlace.multiply(BigDecimal.valueOf(8)).movePointLeft(1).setScale(2, java.math.RoundingMode.DOWN)));
				paidIn = paidIn.add(inPlace);
			}
		}
		// progress: one to three dated updates from the signing on
		if (dates[1] != null) {
			long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(dates[1], end));
			for (int k = 1 + r.nextInt(3); k > 0; k--) {
				LocalDate d = dates[1].plusDays(r.nextLong(span));
				chunk.progress.add(new ProgressRow(id, d, PROGRESS[r.nextInt(PROGRESS.length)]));
			}
		}
		String code = s.prefix() + n;
		// the n-th project goes to investor n mod pool with the (n / pool)-th product: names unique per investor
		int pool = investors.ids().length;
		int investor = n % pool;
		int product = n / pool;
		String investorName = investors.names()[investor];
		String name = pool == 1 ? "Bench project " + code
				: investorName.replaceFirst("(股份|集团|科技|实业|发展)?有限公司$", "")
						+ PRODUCTS[product % PRODUCTS.length]
						+ (product < PRODUCTS.length ? "" : " " + (product / PRODUCTS.length + 1));
		chunk.projects.add(new ProjectRow(id, code, name, investors.ids()[investor], investorName, unit,
				chains.get(r.nextInt(chains.size())), type, STAGES[stage], status, planned, contracted, paidIn,
				contractType, dates[1], stage >= 2 ? dates[2] : null, stage >= 3 ? dates[3] : null,
				r.nextInt(20) == 0, at(created)));
	}

	static final String[] PROGRESS = { "厂房主体施工中", "设备采购合同已签订", "完成土地摘牌", "办理施工许可", "主体结构封顶",
			"生产线安装调试中", "试生产", "环评批复已取得", "项目公司注册完成", "一期投产，二期筹备中" };

	static final String[] PRODUCTS = { "年产10万吨新材料项目", "智能制造产业园项目", "生产基地项目", "二期扩建项目",
			"研发中心项目", "总部基地项目", "智能工厂项目", "技术改造项目" };

	private static BigDecimal money(SplittableRandom r, int min, int max) {
		return BigDecimal.valueOf(min * 100L + r.nextLong((max - min) * 100L + 1), 2);
	}

	private static OffsetDateTime at(LocalDate d) {
		return d.atTime(10, 0).atOffset(ZONE);
	}

	// ================================================================================================ writing

	static final String PROJECT_COLUMNS = "id, code, name, merchant_id, investor_name, unit_id, chain_id, type, stage,"
			+ " status, planned_investment, contracted_investment, paid_in_investment, contract_type, signed_date,"
			+ " commenced_date, production_date, key_project, created_by, created_at, updated_at";

	static final String MOVE_COLUMNS = "project_id, from_stage, to_stage, from_status, to_status, move_date,"
			+ " contract_type, amount, reason, state, submitted_by, submitted_at, reviewed_by, reviewed_at";

	static final String SHARE_COLUMNS = "project_id, unit_id, share_bp, default_share, reason, created_by, updated_by";

	static final String FUNDS_COLUMNS = "project_id, funds_month, funds_in_place, out_of_province, foreign_used,"
			+ " fixed_assets, created_by, updated_by";

	static final String PROGRESS_COLUMNS = "project_id, progress_date, text, created_by, created_at";

	/** One chunk's rows, parents first (the writer keeps the order in which tables are first named). */
	private static void write(TableWriter out, Chunk chunk) throws SQLException {
		for (ProjectRow p : chunk.projects) {
			out.add("project", PROJECT_COLUMNS, p.id(), p.code(), p.name(), p.merchant(), p.investor(), p.unit(),
					p.chain(), p.type(), p.stage(), p.status(), p.planned(), p.contracted(), p.paidIn(),
					p.contractType(), p.signed(), p.commenced(), p.production(), p.key(), "bench", p.createdAt(),
					p.createdAt());
		}
		for (MoveRow m : chunk.moves) {
			out.add("project_stage_move", MOVE_COLUMNS, m.project(), m.fromStage(), m.toStage(), m.fromStatus(),
					m.toStatus(), m.date(), m.contractType(), m.amount(), m.reason(), m.state(), "bench",
					m.submittedAt(), m.reviewedAt() == null ? null : "city", m.reviewedAt());
		}
		for (ShareRow s : chunk.shares) {
			out.add("project_credit_share", SHARE_COLUMNS, s.project(), s.unit(), s.basisPoints(), s.isDefault(),
					s.isDefault() ? null : "bench", "bench", "bench");
		}
		for (FundsRow f : chunk.funds) {
			out.add("project_funds", FUNDS_COLUMNS, f.project(), f.month(), f.inPlace(), f.outOfProvince(),
					f.foreign(), f.fixedAssets(), "bench", "bench");
		}
		for (ProgressRow r : chunk.progress) {
			out.add("project_progress", PROGRESS_COLUMNS, r.project(), r.date(), r.text(), "bench", at(r.date()));
		}
		out.flush();
	}

	// ================================================================================================ helpers

	static List<Long> ids(Connection c, String sql) throws SQLException {
		List<Long> out = new ArrayList<>();
		try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
			while (rs.next()) {
				out.add(rs.getLong(1));
			}
		}
		return out;
	}

	private static long merchant(Connection c, String prefix) throws SQLException {
		String name = "Bench investor " + prefix;
		try (PreparedStatement ps = c.prepareStatement(
				"INSERT INTO merchant (name, normalized_name) VALUES (?, ?)")) {
			ps.setString(1, name);
			ps.setString(2, name.toLowerCase(Locale.ROOT));
			ps.executeUpdate();
		}
		if (!c.getAutoCommit()) {
			c.commit();
		}
		try (PreparedStatement ps = c.prepareStatement("SELECT id FROM merchant WHERE name = ?")) {
			ps.setString(1, name);
			try (var rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static void restartIdentity(Connection c, boolean postgres, String table) throws SQLException {
		long next = ids(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).get(0);
		try (Statement st = c.createStatement()) {
			st.execute(postgres ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
					: "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
		}
		if (!c.getAutoCommit()) {
			c.commit();
		}
	}
}
