package cn.zhaoshang.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import cn.zhaoshang.merchant.EnterpriseNames;

/**
 * The whole workload at a multiple of Puyang (issue 15): enterprises (the merchant database, each with a chain),
 * talents with their fields, projects with stage moves, credit shares, progress and monthly funds
 * ({@link LedgerDataGenerator}, drawing investors from the enterprises), and clues with their creation record and
 * follow-ups. Scale 1 is 100× Puyang: 500,000 enterprises, 20,000 talents, 200,000 projects, 1,000,000 clues. The
 * same seed and scale give the same rows. Written with {@link TableWriter} (COPY on PostgreSQL), past the writers
 * that keep the read models: start the application once with {@code --zhaoshang.rebuild-read-models=true} afterwards
 * ({@code bench/generate.sh} does both).
 * <p>
 * Command line: {@code DataSetGenerator --url jdbc:postgresql://… [--user postgres] [--password …] [--seed 2026]
 * [--scale 1] [--last-month 2026-11] [--today 2026-12-07]} (defaults: last month, today; the same arguments give the
 * same rows) against a database the application has migrated (with its demo data: the units, chains and users).
 */
public final class DataSetGenerator {

	/** Rows per chunk of enterprises, talents or clues (one COPY per table and chunk). */
	static final int CHUNK = 20_000;

	private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

	/** How much of each entity; {@link #of} gives 100× Puyang times {@code scale}. */
	public record Sizes(int enterprises, int talents, int projects, int clues) {

		public static Sizes of(double scale) {
			return new Sizes((int) (500_000 * scale), (int) (20_000 * scale), (int) (200_000 * scale),
					(int) (1_000_000 * scale));
		}
	}

	/** Rows written per table, and the time it took. */
	public record Result(Map<String, Long> rows, double seconds) {

		public long total() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}

		@Override
		public String toString() {
			StringBuilder b = new StringBuilder();
			rows.forEach((t, n) -> b.append(String.format(Locale.ROOT, "%-22s %,12d%n", t, n)));
			return b.append(String.format(Locale.ROOT, "%-22s %,12d rows in %.1f s = %,.0f rows/s%n", "total",
					total(), seconds, total() / seconds)).toString();
		}
	}

	private final DataSource dataSource;

	public DataSetGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public static void main(String[] args) {
		Map<String, String> a = new LinkedHashMap<>(Map.of("--user", "postgres", "--password", "", "--seed", "2026",
				"--scale", "1", "--last-month",
				YearMonth.now().minusMonths(1).toString(), "--today", LocalDate.now().toString()));
		for (int i = 0; i + 1 < args.length; i += 2) {
			a.put(args[i], args[i + 1]);
		}
		if (!a.containsKey("--url")) {
			System.err.println("usage: DataSetGenerator --url jdbc:postgresql://host:port/db [--user u] [--password p]"
					+ " [--seed 2026] [--scale 1] [--last-month 2026-11] [--today 2026-12-07]");
			System.exit(2);
		}
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(a.get("--url"));
		ds.setUser(a.get("--user"));
		ds.setPassword(a.get("--password"));
		Sizes sizes = Sizes.of(Double.parseDouble(a.get("--scale")));
		System.out.println("generating " + sizes + " with seed " + a.get("--seed"));
		Result result = new DataSetGenerator(ds).generate(sizes, Long.parseLong(a.get("--seed")),
				YearMonth.parse(a.get("--last-month")), LocalDate.parse(a.get("--today")));
		System.out.print(result);
	}

	/** Generates and loads the data set (needs the units, chains and users of the demo data). */
	public Result generate(Sizes sizes, long seed, YearMonth lastMonth, LocalDate today) {
		long t0 = System.nanoTime();
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection c = dataSource.getConnection()) {
			List<Long> units = LedgerDataGenerator.ids(c,
					"SELECT id FROM unit WHERE type IN ('COUNTY', 'ZONE') AND active ORDER BY id");
			List<Long> teams = LedgerDataGenerator.ids(c,
					"SELECT id FROM unit WHERE type IN ('RESIDENT_TEAM', 'INTERMEDIARY', 'INDUSTRY_HQ') ORDER BY id");
			List<Long> chains = LedgerDataGenerator.ids(c, "SELECT id FROM industry_chain ORDER BY id");
			long firstMerchant = next(c, "merchant");
			String tag = Long.toString(Math.floorMod(seed, 36 * 36), 36).toUpperCase(Locale.ROOT);
			TableWriter out = new TableWriter(c);
			String[] names = enterprises(out, sizes.enterprises(), new SplittableRandom(seed), firstMerchant, tag,
					units, chains);
			talents(out, sizes.talents(), new SplittableRandom(seed + 1), next(c, "talent"), units);
			long firstClue = next(c, "clue");
			clues(out, sizes.clues(), new SplittableRandom(seed + 2), firstClue, firstMerchant, names, units, teams,
					chains, lastMonth, today);
			c.setAutoCommit(true);
			rows.putAll(out.written());
			for (String table : List.of("merchant", "talent", "clue", "clue_follow_up", "clue_assignment")) {
				LedgerDataGenerator.restartIdentity(c, out.postgres(), table);
			}
			// projects draw their investors from the first third of the enterprises
			int pool = Math.max(1, Math.min(names.length, sizes.projects() / 3));
			long[] ids = new long[pool];
			for (int i = 0; i < pool; i++) {
				ids[i] = firstMerchant + i;
			}
			var ledger = new LedgerDataGenerator(dataSource).generate(new LedgerDataGenerator.Settings(
					sizes.projects(), seed, lastMonth, 24, "DS" + tag + "-",
					new LedgerDataGenerator.Investors(ids, java.util.Arrays.copyOf(names, pool))));
			rows.put("project", (long) ledger.projects());
			rows.put("project_stage_move", (long) ledger.moves());
			rows.put("project_credit_share", (long) ledger.shares());
			rows.put("project_funds", (long) ledger.fundsRows());
			rows.put("project_progress", (long) ledger.progress());
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return new Result(rows, (System.nanoTime() - t0) / 1e9);
	}

	/** Fresh planner statistics for everything written (PostgreSQL: and the visibility map). */
	public void analyze() {
		new LedgerDataGenerator(dataSource).analyze();
		try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
			boolean postgres = TableWriter.isPostgres(c);
			c.setAutoCommit(true);
			for (String table : List.of("merchant", "merchant_chain", "talent", "talent_field", "clue",
					"clue_follow_up", "clue_assignment")) {
				st.execute(postgres ? "VACUUM ANALYZE " + table : "ANALYZE TABLE " + table);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	// ============================================================================================ enterprises

	static final String[] PLACES = { "北京", "上海", "深圳", "广州", "杭州", "苏州", "南京", "天津", "重庆", "成都", "武汉",
			"西安", "郑州", "濮阳", "青岛", "宁波", "无锡", "厦门", "合肥", "长沙", "济南", "福州", "东莞", "佛山", "常州", "温州",
			"洛阳", "新乡", "安阳", "开封", "石家庄", "太原", "沈阳", "大连", "长春", "哈尔滨", "南昌", "昆明", "贵阳", "南宁" };

	static final String[] WORDS = { "恒达", "华信", "中原", "宏远", "鑫源", "天成", "瑞丰", "金桥", "新华", "永盛", "博远",
			"嘉禾", "海川", "东方", "泰和", "昌盛", "汇通", "富华", "长江", "黄河", "龙腾", "凯旋", "明德", "正大", "光华", "国泰",
			"安泰", "众诚", "宇通", "卓越", "鼎盛", "润泽", "华润", "中天", "远大", "盛世", "万达", "同创", "联创", "星辰", "蓝天",
			"绿源", "金石", "银河", "弘毅", "德馨", "志成", "铭泰", "晟达", "睿智", "康达", "精工", "伟业", "通达", "立信", "豪威",
			"科林", "华腾", "中科", "新元", "协力", "飞扬", "启明", "敏华", "信达", "万隆", "顺发", "兴业", "和信", "方圆", "天正",
			"合力", "大成", "思源", "创新", "优品", "美林", "新天", "格林", "华美", "德力", "安康", "泽华", "锦程", "昊天", "宏图",
			"佳和", "金鼎", "华宇", "中兴", "天润", "广源", "丰泽", "益民", "振华", "利源", "永安", "世纪", "华夏", "新锐" };

	static final String[] TRADES = { "化工", "新材料", "石油装备", "智能家居", "羽绒制品", "食品", "生物医药", "电子信息",
			"新能源", "汽车零部件", "机械制造", "节能环保", "现代物流", "纺织服装", "家具", "光电", "氢能", "数字科技", "农业科技",
			"建材", "精细化工", "包装材料", "电子商务", "医疗器械", "云计算" };

	static final String[] SUFFIXES = { "有限公司", "股份有限公司", "科技有限公司", "集团有限公司", "实业有限公司", "发展有限公司" };

	static final String[] TYPES = { "PRIVATE", "PRIVATE", "PRIVATE", "PRIVATE", "PRIVATE", "PRIVATE", "FOREIGN",
			"HK_MACAO_TAIWAN", "CENTRAL_SOE", "PROVINCIAL_SOE", "OTHER" };

	static final String[] SIZES = { "LARGE", "MEDIUM", "MEDIUM", "SMALL", "SMALL", "SMALL", "MICRO" };

	static final String MERCHANT_COLUMNS = "id, name, normalized_name, uscc, enterprise_type, headquarters,"
			+ " enterprise_size, listed, global500, china500, unit_id, created_by, created_at, updated_at";

	/**
	 * Distinct names for the first {@code PLACES × WORDS × TRADES × SUFFIXES} (600,000) enterprises: the n-th name
	 * takes the n-th combination in a shuffled order (a multiplier prime to the count); beyond that a number is added.
	 */
	static String enterpriseName(int n) {
		int combos = PLACES.length * WORDS.length * TRADES.length * SUFFIXES.length;
		long k = (n % combos) * 7_919L % combos;
		int place = (int) (k % PLACES.length);
		k /= PLACES.length;
		int word = (int) (k % WORDS.length);
		k /= WORDS.length;
		int trade = (int) (k % TRADES.length);
		int suffix = (int) (k / TRADES.length);
		String base = PLACES[place] + WORDS[word] + TRADES[trade] + SUFFIXES[suffix];
		return n < combos ? base : base.replace("有限公司", (n / combos + 1) + "有限公司");
	}

	private static String[] enterprises(TableWriter out, int count, SplittableRandom r, long firstId, String tag,
			List<Long> units, List<Long> chains) throws SQLException {
		String[] names = new String[count];
		for (int n = 0; n < count; n++) {
			String name = enterpriseName(n);
			names[n] = name;
			OffsetDateTime at = OffsetDateTime.of(2021, 1, 1, 9, 0, 0, 0, ZONE).plusMinutes(r.nextLong(6L * 365 * 24 * 60));
			// 18 characters, unique per data set: 9, B, the seed's tag, the number
			String uscc = "9B" + (tag + "00").substring(0, 2) + String.format(Locale.ROOT, "%014d", n);
			boolean large = r.nextInt(50) == 0;
			out.add("merchant", MERCHANT_COLUMNS, firstId + n, name, EnterpriseNames.normalize(name), uscc,
					TYPES[r.nextInt(TYPES.length)], r.nextInt(3) == 0 ? null : PLACES[r.nextInt(PLACES.length)],
					large ? "LARGE" : SIZES[r.nextInt(SIZES.length)], large && r.nextBoolean(),
					large && r.nextInt(10) == 0, large && r.nextInt(4) == 0,
					r.nextInt(10) < 3 ? units.get(r.nextInt(units.size())) : null, "bench", at, at);
			out.add("merchant_chain", "merchant_id, chain_id", firstId + n, chains.get(r.nextInt(chains.size())));
			if ((n + 1) % CHUNK == 0) {
				out.flush();
			}
		}
		out.flush();
		return names;
	}

	// ================================================================================================ talents

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
			"林", "何", "郭", "马", "罗" };

	static final String[] GIVEN = { "立新", "慧敏", "振华", "建国", "晓东", "文静", "海涛", "丽娟", "志强", "秀英", "国栋",
			"明远", "红梅", "伟", "芳", "磊", "静", "军", "洋", "勇", "艳", "杰", "涛", "超", "欣怡", "子轩", "雨萱", "浩然" };

	static final String[] FIELDS = { "石油化工", "催化材料", "新材料", "高分子材料", "装备制造", "智能制造", "生物医药", "电子信息",
			"新能源", "氢能", "人工智能", "食品科学", "纺织工程", "环境工程", "工业设计" };

	static final String[] INSTITUTIONS = { "郑州大学", "河南大学", "清华大学", "北京大学", "浙江大学", "上海交通大学",
			"中国石油大学（北京）", "华中科技大学", "西安交通大学", "中国科学院化学研究所", "天津大学", "哈尔滨工业大学" };

	static final String[] TITLES = { "教授", "研究员", "副教授", "高级工程师", "教授、博士生导师", "副研究员" };

	static final String[] LEVELS = { "国家级人才", "省级人才", "中国工程院院士", "中国科学院院士", "市级人才" };

	static final String[] RELATIONS = { "NATIVE", "NATIVE", "WORKED_STUDIED", "OTHER" };

	static final String TALENT_COLUMNS = "id, name, expertise, title, institution, work_city, relation, level, unit_id,"
			+ " active, created_at, updated_at";

	private static void talents(TableWriter out, int count, SplittableRandom r, long firstId, List<Long> units)
			throws SQLException {
		for (int n = 0; n < count; n++) {
			int fields = 1 + r.nextInt(3);
			List<String> picked = new ArrayList<>();
			for (int k = 0; k < fields; k++) {
				String f = FIELDS[r.nextInt(FIELDS.length)];
				if (!picked.contains(f)) {
					picked.add(f);
				}
			}
			OffsetDateTime at = OffsetDateTime.of(2022, 1, 1, 9, 0, 0, 0, ZONE).plusMinutes(r.nextLong(4L * 365 * 24 * 60));
			String level = r.nextInt(3) == 0 ? null : LEVELS[Math.min(LEVELS.length - 1, r.nextInt(LEVELS.length + 3))];
			out.add("talent", TALENT_COLUMNS, firstId + n,
					SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)], String.join("、", picked),
					TITLES[r.nextInt(TITLES.length)], INSTITUTIONS[r.nextInt(INSTITUTIONS.length)],
					PLACES[r.nextInt(PLACES.length)], RELATIONS[r.nextInt(RELATIONS.length)], level,
					units.get(r.nextInt(units.size())), r.nextInt(20) != 0, at, at);
			for (int k = 0; k < picked.size(); k++) {
				out.add("talent_field", "talent_id, position, field", firstId + n, k, picked.get(k));
			}
			if ((n + 1) % CHUNK == 0) {
				out.flush();
			}
		}
		out.flush();
	}

	// ================================================================================================== clues

	static final String[] SOURCES = { "RESIDENT_TEAM", "INTERMEDIARY", "CONSULTANT", "LEADER_VISIT", "EVENT", "ONLINE" };

	static final String[] MODES = { "PEER_TO_PEER", "EXPO", "RELATIONSHIP", "CLOUD", "RESIDENT", "SUPPLY_CHAIN" };

	static final String[] KINDS = { "VISIT", "CALL", "MEETING", "OTHER" };

	static final String[] NOTES = { "赴企业总部走访，企业有意在华北布局产能", "电话沟通用地需求和投资强度", "双方就厂房代建方案会谈",
			"企业提供项目可研报告初稿", "陪同企业考察园区标准化厂房", "企业内部决策中，约定下月再谈", "对接产业链上下游配套企业" };

	static final String CLUE_COLUMNS = "id, title, merchant_id, enterprise_name, chain_id, estimated_investment,"
			+ " promotion_mode, source, source_unit_id, owner_unit_id, status, invalid_reason, last_follow_up_at,"
			+ " stale_since, created_by, created_at, updated_at";

	static final String FOLLOW_UP_COLUMNS = "clue_id, follow_up_date, kind, content, next_step, created_by, created_at";

	static final String ASSIGNMENT_COLUMNS = "clue_id, kind, to_unit_id, assigned_by, assigned_at";

	private static void clues(TableWriter out, int count, SplittableRandom r, long firstId, long firstMerchant,
			String[] names, List<Long> units, List<Long> teams, List<Long> chains, YearMonth lastMonth,
			LocalDate today) throws SQLException {
		LocalDate end = lastMonth.atEndOfMonth();
		LocalDate start = lastMonth.minusMonths(35).atDay(1);
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
		for (int n = 0; n < count; n++) {
			long id = firstId + n;
			LocalDate created = start.plusDays(r.nextInt(days));
			boolean matched = names.length > 0 && r.nextInt(10) < 6;
			int enterprise = matched ? r.nextInt(names.length) : -1;
			String name = matched ? names[enterprise] : enterpriseName(names.length + r.nextInt(1_000_000));
			long chain = chains.get(r.nextInt(chains.size()));
			String source = SOURCES[r.nextInt(SOURCES.length)];
			Long sourceUnit = source.equals("RESIDENT_TEAM") || source.equals("INTERMEDIARY")
					? teams.isEmpty() ? null : teams.get(r.nextInt(teams.size())) : null;
			Long owner = r.nextInt(10) == 0 ? null : units.get(r.nextInt(units.size()));
			int p = r.nextInt(100);
			String status = p < 20 ? "NEW" : p < 70 ? "FOLLOWING" : p < 85 ? "CONFIRMED" : "INVALID";
			LocalDate last = created;
			List<Object[]> followUps = new ArrayList<>(4);
			if (!status.equals("NEW")) {
				LocalDate d = created;
				for (int k = 1 + r.nextInt(4); k > 0; k--) {
					d = d.plusDays(3 + r.nextInt(60));
					if (d.isAfter(end)) {
						break;
					}
					followUps.add(new Object[] { id, d, KINDS[r.nextInt(KINDS.length)], NOTES[r.nextInt(NOTES.length)],
							r.nextBoolean() ? "约定再次拜访" : null, "bench", at(d) });
					last = d;
				}
			}
			// open clues idle for 30 days (the default setting) by today were flagged by the daily job
			OffsetDateTime stale = !status.equals("INVALID") && !last.plusDays(30).isAfter(today)
					? at(last.plusDays(30)) : null;
			BigDecimal amount = r.nextInt(5) == 0 ? null : BigDecimal.valueOf(100_00L + r.nextLong(500_000_00L), 2);
			String title = name.replaceFirst("(股份|集团|科技|实业|发展)?有限公司$", "")
					+ LedgerDataGenerator.PRODUCTS[r.nextInt(LedgerDataGenerator.PRODUCTS.length)].replace("项目", "线索");
			out.add("clue", CLUE_COLUMNS, id, title, matched ? firstMerchant + enterprise : null, name, chain, amount,
					MODES[r.nextInt(MODES.length)], source, sourceUnit, owner, status,
					status.equals("INVALID") ? "企业投资意向取消" : null, last, stale, "bench", at(created), at(last));
			out.add("clue_assignment", ASSIGNMENT_COLUMNS, id, "CREATE", owner, "bench", at(created));
			for (Object[] f : followUps) {
				out.add("clue_follow_up", FOLLOW_UP_COLUMNS, f);
			}
			if ((n + 1) % CHUNK == 0) {
				out.flush();
			}
		}
		out.flush();
	}

	private static OffsetDateTime at(LocalDate d) {
		return d.atTime(10, 0).atOffset(ZONE);
	}

	private static long next(Connection c, String table) throws SQLException {
		return LedgerDataGenerator.ids(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).get(0);
	}
}
