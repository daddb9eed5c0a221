package cn.zhaoshang.project.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.WorkbookReader;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.Uscc;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an existing ledger workbook (issue 3, "Excel import"): row 1 holds the headers, matched by their text in
 * any order (extra columns are ignored); every following non-blank row is a project.
 * <p>
 * <b>All or nothing.</b> Every row is checked first and every broken rule is collected as (row as Excel numbers it,
 * column header, reason); if there is any, nothing is saved and {@link ImportRejected} lists them all. Otherwise all rows
 * are written in this one transaction.
 * <p>
 * <b>No duplicates.</b> A row is the project of the same name and investor (the investor found by USCC when the row
 * gives one, else by name, as {@link Merchants#findOrRegister} does). An existing project is updated with the
 * row's values and counted as {@code updated} only when something changed; a row equal to its project counts as
 * {@code unchanged} and writes nothing, so importing an exported ledger reports 0 imported and 0 updated.
 * A column missing from the sheet leaves that field of existing projects as it is; a blank cell clears it (except
 * 最新进展, which only ever replaces the latest progress text).
 * <p>
 * <b>History, not moves.</b> The stage is set as the row says, without gates, because the evidence of past moves is
 * on paper: a new project above 在谈, or an existing one moved forward, is flagged "evidence pending" (历史导入，待补证据)
 * until evidence is attached. An import never moves a project back (that needs a supervisor and a reason), never
 * moves one that is on hold, dropped or awaiting review, and never touches another unit's project. Each created or
 * changed project leaves one audit row with action {@code IMPORT}; no stage events are published, since nothing
 * happened today.
 * <p>
 * <b>Fast.</b> Reference data is loaded once, investors are matched and registered in batches, existing projects
 * are found with one query per thousand investors, and projects are inserted and updated with JDBC batches
 * (see docs/benchmarks.md, "Ledger import").
 */
@Service
public class ProjectImport {

	private static final Logger log = LoggerFactory.getLogger(ProjectImport.class);

	private static final String REJECTED = "ledger.import.rejected";

	/** Amounts are NUMERIC(14, 2): twelve digits before the point. */
	private static final int AMOUNT_INTEGER_DIGITS = 12;
	private static final int BATCH = 1000;
	private static final DateTimeFormatter[] DATE_TEXT = {
			DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT) };

	private final ProjectLedger ledger;
	private final Merchants merchants;
	private final Units units;
	private final Chains chains;
	private final People people;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final NamedParameterJdbcOperations jdbc;
	private final LedgerFormat format;
	private final Clock clock;
	private final WorkbookReader reader;

	ProjectImport(ProjectLedger ledger, Merchants merchants, Units units, Chains chains,
			People people, DataScopes scopes, Auditor auditor, NamedParameterJdbcOperations jdbc, LedgerFormat format,
			Clock clock, WorkbookReader reader) {
		this.reader = reader;
		this.ledger = ledger;
		this.merchants = merchants;
		this.units = units;
		this.chains = chains;
		this.people = people;
		this.scopes = scopes;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.format = format;
		this.clock = clock;
	}

	/**
	 * What an import did.
	 *
	 * @param imported projects created
	 * @param updated existing projects changed
	 * @param unchanged rows equal to their existing project (nothing written)
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ProjectImportResult") // one name per type in the OpenAPI document
	public record Result(int imported, int updated, int unchanged) implements Serializable {
	}

	@Transactional
	public Result execute(byte[] bytes, CurrentUser user) {
		var watch = new Stopwatch();
		checkUpload(bytes);
		try (var sheet = reader.firstSheet(bytes, "ledger.import.notXlsx", REJECTED)) {
			watch.lap("read");
			return execute(sheet.rows(), user, watch);
		}
	}

	private Result execute(List<ImportSheet.Row> rows, CurrentUser user, Stopwatch watch) {
		var errors = new ArrayList<CellError>();
		Map<LedgerColumn, Integer> columns = headers(rows, errors);
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		List<ImportSheet.Row> data = rows.stream().filter(r -> r.number() > 1).toList();
		if (data.isEmpty()) {
			throw new BusinessException("ledger.import.noRows");
		}
		var context = new Context(columns, scopes.of(user), LocalDate.now(clock));
		List<Line> lines = new ArrayList<>();
		for (ImportSheet.Row row : data) {
			Line line = parse(row, context, errors);
			if (line != null) {
				lines.add(line);
			}
		}
		lines = withoutRepeats(lines, Line::fileKey, errors);
		watch.lap("check");
		// Investors are registered before the last checks so those can see every row's project; a rejection
		// rolls the registrations back with everything else.
		var investors = merchants.findOrRegisterAll(lines.stream().map(l -> l.investor).toList());
		for (Line line : lines) {
			var m = investors.get(line.investor);
			line.merchantId = m.id().value();
			line.investorName = m.name();
		}
		watch.lap("investors");
		lines = withoutRepeats(lines, Line::projectKey, errors);
		Map<ProjectKey, Project> existing = existing(lines);
		for (Line line : lines) {
			line.project = existing.get(line.projectKey());
			if (line.project != null) {
				checkExisting(line, context, errors);
			}
		}
		watch.lap("match");
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(CellError::row));
			log.info("Ledger import by {} rejected: {} rows, {} errors ({})", user.getUsername(), data.size(),
					errors.size(), watch);
			throw new ImportRejected(REJECTED, errors);
		}
		Result result = write(lines, context, user, watch);
		log.info("Ledger import by {}: {} rows, {} ({})", user.getUsername(), data.size(), result, watch);
		return result;
	}

	/** Where an import spends its time, for the log (and docs/benchmarks.md). */
	private static final class Stopwatch {

		private final long start = System.nanoTime();
		private long last = start;
		private final StringBuilder laps = new StringBuilder();

		void lap(String name) {
			long now = System.nanoTime();
			laps.append(laps.isEmpty() ? "" : ", ").append(name).append(' ').append((now - last) / 1_000_000)
				.append(" ms");
			last = now;
		}

		@Override
		public String toString() {
			return (System.nanoTime() - start) / 1_000_000 + " ms: " + laps;
		}
	}

	// ------------------------------------------------------------------------------------------------ reading

	/** The upload's own limits, before the workbook reader's (which also recognises the type by content). */
	private static void checkUpload(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		if (bytes.length > Attachments.MAX_BYTES) {
			throw new BusinessException(413, "attachment.tooLarge", Attachments.MAX_BYTES / 1024 / 1024);
		}
	}

	/** Row 1: which column holds which field. A required header that is missing is an error. */
	private Map<LedgerColumn, Integer> headers(List<ImportSheet.Row> rows, List<CellError> errors) {
		Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
		if (!rows.isEmpty() && rows.get(0).number() == 1) {
			rows.get(0).cells().forEach((index, cell) -> {
				if (cell.kind() != ImportSheet.Kind.TEXT) {
					return;
				}
				format.column(cell.text()).filter(LedgerColumn.IMPORTED::contains).ifPresent(c -> {
					if (columns.putIfAbsent(c, index) != null) {
						errors.add(new CellError(1, format.header(c), "ledger.import.error.duplicateHeader"));
					}
				});
			});
		}
		for (LedgerColumn c : LedgerColumn.IMPORTED) {
			if (c.required && !columns.containsKey(c)) {
				errors.add(new CellError(1, format.header(c), "ledger.import.error.missingHeader"));
			}
		}
		return columns;
	}

	// ------------------------------------------------------------------------------------------------ checking

	/** What every row is checked against, loaded once. */
	private final class Context {

		final Map<LedgerColumn, Integer> columns;
		final DataScope scope;
		final LocalDate today;
		final Map<String, UnitSummary> unitsByName = new HashMap<>();
		final Map<UnitId, UnitSummary> unitsById = new HashMap<>();
		final Map<String, Chain> chainsByName = new HashMap<>();
		final Map<String, List<People.PersonSummary>> peopleByName;

		Context(Map<LedgerColumn, Integer> columns, DataScope scope, LocalDate today) {
			this.columns = columns;
			this.scope = scope;
			this.today = today;
			for (UnitSummary u : units.all()) {
				unitsByName.putIfAbsent(u.name(), u);
				unitsById.put(u.id(), u);
			}
			for (Chain c : chains.all()) {
				chainsByName.putIfAbsent(c.code(), c);
			}
			for (Chain c : chains.all()) {
				chainsByName.put(c.name(), c);
			}
			peopleByName = people.summaries().stream().collect(Collectors.groupingBy(People.PersonSummary::name));
		}

		boolean present(LedgerColumn c) {
			return columns.containsKey(c);
		}

		/** The person's id when exactly one person has this name; otherwise the name stays text only. */
		Long person(String name) {
			var matches = peopleByName.getOrDefault(name, List.of());
			return matches.size() == 1 ? matches.get(0).id().value() : null;
		}
	}

	/** A checked row. */
	private static final class Line {

		int row;
		String name;
		InvestorRef investor;
		UnitSummary unit;
		Chain chain;
		ProjectType type;
		BigDecimal planned;
		BigDecimal foreign;
		Stage stage;
		LocalDate signed;
		LocalDate commenced;
		LocalDate production;
		String leader;
		String attendant;
		boolean key;
		String progress;

		long merchantId;
		String investorName;
		Project project;

		Object fileKey() {
			return List.of(name, investor.uscc() != null ? "uscc:" + investor.uscc() : "name:" + investor.name());
		}

		ProjectKey projectKey() {
			return new ProjectKey(name, merchantId);
		}
	}

	private record ProjectKey(String name, long merchantId) {
	}

	/** The row's values, or null when any cell breaks a rule (each added to the errors). */
	private Line parse(ImportSheet.Row row, Context ctx, List<CellError> errors) {
		var cells = new RowCells(row, ctx.columns, errors);
		var line = new Line();
		line.row = row.number();
		line.name = cells.text(LedgerColumn.NAME, 200);
		String investorName = cells.text(LedgerColumn.INVESTOR, 200);
		String uscc = cells.text(LedgerColumn.USCC, 40);
		if (uscc != null) {
			uscc = Uscc.normalize(uscc);
			if (!Uscc.isValid(uscc)) {
				cells.error(LedgerColumn.USCC, "validation.uscc");
			}
		}
		line.investor = new InvestorRef(investorName, uscc);
		String unitName = cells.text(LedgerColumn.UNIT, 200);
		if (unitName != null) {
			line.unit = ctx.unitsByName.get(unitName);
			if (line.unit == null) {
				cells.error(LedgerColumn.UNIT, "ledger.import.error.unknownUnit", unitName);
			}
			else if (!ctx.scope.canEdit(line.unit.id())) {
				cells.error(LedgerColumn.UNIT, "ledger.import.error.unitOutOfScope", unitName);
			}
		}
		String chainName = cells.text(LedgerColumn.CHAIN, 100);
		if (chainName != null) {
			line.chain = ctx.chainsByName.get(chainName);
			if (line.chain == null) {
				cells.error(LedgerColumn.CHAIN, "ledger.import.error.unknownChain", chainName);
			}
		}
		String typeWord = cells.text(LedgerColumn.TYPE, 20);
		if (typeWord != null) {
			line.type = format.type(typeWord).orElse(null);
			if (line.type == null) {
				cells.error(LedgerColumn.TYPE, "ledger.import.error.type");
			}
		}
		line.planned = cells.amount(LedgerColumn.PLANNED);
		line.foreign = cells.amount(LedgerColumn.FOREIGN);
		String stageWord = cells.text(LedgerColumn.STAGE, 20);
		if (stageWord != null) {
			line.stage = format.stage(stageWord).orElse(null);
			if (line.stage == null) {
				cells.error(LedgerColumn.STAGE, "ledger.import.error.stage");
			}
		}
		line.signed = cells.date(LedgerColumn.SIGNED_DATE, ctx.today);
		line.commenced = cells.date(LedgerColumn.COMMENCED_DATE, ctx.today);
		line.production = cells.date(LedgerColumn.PRODUCTION_DATE, ctx.today);
		if (line.stage != null) {
			checkStageDates(line, cells);
		}
		line.leader = cells.text(LedgerColumn.LEADER, 50);
		line.attendant = cells.text(LedgerColumn.ATTENDANT, 50);
		line.key = cells.yesNo(LedgerColumn.KEY);
		line.progress = cells.text(LedgerColumn.PROGRESS, 2000);
		return cells.failed() ? null : line;
	}

	/**
	 * A stage above 在谈 needs the date of each stage reached, the dates of stages not reached stay empty (the ledger
	 * never claims what is not so, as after a backward move), and the dates follow the stages' order.
	 */
	private void checkStageDates(Line line, RowCells cells) {
		stageDate(line.stage, Stage.SIGNED, LedgerColumn.SIGNED_DATE, line.signed, cells);
		stageDate(line.stage, Stage.COMMENCED, LedgerColumn.COMMENCED_DATE, line.commenced, cells);
		stageDate(line.stage, Stage.IN_PRODUCTION, LedgerColumn.PRODUCTION_DATE, line.production, cells);
		if (line.signed != null && line.commenced != null && line.commenced.isBefore(line.signed)) {
			cells.error(LedgerColumn.COMMENCED_DATE, "ledger.import.error.dateOrder",
					resolvable(LedgerColumn.SIGNED_DATE.messageKey()), line.signed);
		}
		if (line.commenced != null && line.production != null && line.production.isBefore(line.commenced)) {
			cells.error(LedgerColumn.PRODUCTION_DATE, "ledger.import.error.dateOrder",
					resolvable(LedgerColumn.COMMENCED_DATE.messageKey()), line.commenced);
		}
	}

	private static void stageDate(Stage stage, Stage reached, LedgerColumn column, LocalDate date, RowCells cells) {
		if (cells.failed(column)) {
			return;
		}
		if (!stage.isBefore(reached) && date == null) {
			cells.error(column, "ledger.import.error.stageDate", resolvable(stage.messageKey()));
		}
		else if (stage.isBefore(reached) && date != null) {
			cells.error(column, "ledger.import.error.dateBeyondStage", resolvable(stage.messageKey()));
		}
	}

	/** A message argument resolved in the reader's language (a stage or column name). */
	private static DefaultMessageSourceResolvable resolvable(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	/** Drops the second and later rows of the same project, each with an error naming the first. */
	private List<Line> withoutRepeats(List<Line> lines, Function<Line, Object> key, List<CellError> errors) {
		Map<Object, Line> first = new HashMap<>();
		List<Line> kept = new ArrayList<>(lines.size());
		for (Line line : lines) {
			Line earlier = first.putIfAbsent(key.apply(line), line);
			if (earlier == null) {
				kept.add(line);
			}
			else {
				errors.add(new CellError(line.row, format.header(LedgerColumn.NAME),
						"ledger.import.error.duplicateRow", String.valueOf(earlier.row)));
			}
		}
		return kept;
	}

	/**
	 * The projects the rows name, found with one query per thousand investors. Plain SQL into the aggregate's
	 * fields rather than the repository: mapping ten thousand aggregates through Spring Data took two seconds.
	 */
	private Map<ProjectKey, Project> existing(List<Line> lines) {
		List<Long> ids = lines.stream().map(l -> l.merchantId).distinct().toList();
		Map<ProjectKey, Project> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			jdbc.query("SELECT p.* FROM project p JOIN (VALUES :ids) AS k(v) ON p.merchant_id = k.v",
					Map.of("ids", keys(ids.subList(from, Math.min(ids.size(), from + BATCH)))), (rs, n) -> project(rs))
				.forEach(p -> found.put(new ProjectKey(p.name, p.merchantId), p));
		}
		return found;
	}

	/**
	 * Look-up keys as a VALUES list to join with, not an IN list: with the generic plan PostgreSQL caches for a
	 * statement run again and again (and table statistics that lag behind a bulk insert), an IN list of a thousand
	 * parameters is compared row by row against every row; a join hashes the keys whatever the plan.
	 */
	private static List<Object[]> keys(java.util.Collection<?> values) {
		return values.stream().map(v -> new Object[] { v }).toList();
	}

	/** A stored project: every field the import compares, changes or records in the audit trail. */
	private static Project project(ResultSet rs) throws SQLException {
		Project p = new Project();
		p.id = rs.getLong("id");
		p.code = rs.getString("code");
		p.name = rs.getString("name");
		p.merchantId = rs.getLong("merchant_id");
		p.investorName = rs.getString("investor_name");
		p.unitId = rs.getLong("unit_id");
		p.introUnitId = rs.getObject("intro_unit_id", Long.class);
		p.introducers = rs.getString("introducers");
		p.chainId = rs.getLong("chain_id");
		p.chainLink = rs.getString("chain_link");
		p.type = ProjectType.valueOf(rs.getString("type"));
		String mode = rs.getString("promotion_mode");
		p.promotionMode = mode == null ? null : PromotionMode.valueOf(mode);
		p.stage = Stage.valueOf(rs.getString("stage"));
		p.status = ProjectStatus.valueOf(rs.getString("status"));
		p.statusReason = rs.getString("status_reason");
		p.plannedInvestment = rs.getBigDecimal("planned_investment");
		p.foreignInvestment = rs.getBigDecimal("foreign_investment");
		p.contractedInvestment = rs.getBigDecimal("contracted_investment");
		p.paidInInvestment = rs.getBigDecimal("paid_in_investment");
		p.actualInvestment = rs.getBigDecimal("actual_investment");
		p.annualOutput = rs.getBigDecimal("annual_output");
		p.annualTax = rs.getBigDecimal("annual_tax");
		p.jobs = rs.getObject("jobs", Integer.class);
		p.landNeedMu = rs.getBigDecimal("land_need_mu");
		p.factoryNeedM2 = rs.getBigDecimal("factory_need_m2");
		p.keyProject = rs.getBoolean("key_project");
		String contract = rs.getString("contract_type");
		p.contractType = contract == null ? null : ContractType.valueOf(contract);
		p.signedDate = rs.getObject("signed_date", LocalDate.class);
		p.commencedDate = rs.getObject("commenced_date", LocalDate.class);
		p.productionDate = rs.getObject("production_date", LocalDate.class);
		p.leaderId = rs.getObject("leader_id", Long.class);
		p.leaderName = rs.getString("leader_name");
		p.chiefAttendantId = rs.getObject("chief_attendant_id", Long.class);
		p.chiefAttendantName = rs.getString("chief_attendant_name");
		p.namesUnmatched = rs.getBoolean("names_unmatched");
		p.evidencePending = rs.getBoolean("evidence_pending");
		p.pendingMoveId = rs.getObject("pending_move_id", Long.class);
		p.problems = rs.getString("problems");
		p.latestProgress = rs.getString("latest_progress");
		p.latestProgressDate = rs.getObject("latest_progress_date", LocalDate.class);
		p.version = rs.getInt("version");
		return p;
	}

	/** The rules for changing a project that is already in the ledger. */
	private void checkExisting(Line line, Context ctx, List<CellError> errors) {
		Project p = line.project;
		String column = format.header(LedgerColumn.STAGE);
		if (!ctx.scope.canEdit(p.unit())) {
			UnitSummary owner = ctx.unitsById.get(p.unit());
			errors.add(new CellError(line.row, format.header(LedgerColumn.NAME), "ledger.import.error.otherUnit",
					p.code, owner == null ? "" : owner.name()));
		}
		else if (line.stage.isBefore(p.stage)) {
			errors.add(new CellError(line.row, column, "ledger.import.error.stageBackward", p.code,
					resolvable(p.stage.messageKey())));
		}
		else if (line.stage != p.stage && p.status != ProjectStatus.ACTIVE) {
			errors.add(new CellError(line.row, column, "validation.stage.notActive"));
		}
		else if (line.stage != p.stage && p.hasPendingMove()) {
			errors.add(new CellError(line.row, column, "ledger.import.error.pendingReview", p.code));
		}
	}

	/** The cells of one row, read by column with the format's rules; each broken rule becomes an error. */
	private final class RowCells {

		private final ImportSheet.Row row;
		private final Map<LedgerColumn, Integer> columns;
		private final List<CellError> errors;
		private final Set<LedgerColumn> failed = EnumSet.noneOf(LedgerColumn.class);

		RowCells(ImportSheet.Row row, Map<LedgerColumn, Integer> columns, List<CellError> errors) {
			this.row = row;
			this.columns = columns;
			this.errors = errors;
		}

		void error(LedgerColumn column, String key, Object... args) {
			failed.add(column);
			errors.add(new CellError(row.number(), format.header(column), key, args));
		}

		boolean failed() {
			return !failed.isEmpty();
		}

		boolean failed(LedgerColumn column) {
			return failed.contains(column);
		}

		private ImportSheet.Cell cell(LedgerColumn column) {
			Integer index = columns.get(column);
			ImportSheet.Cell cell = index == null ? null : row.cells().get(index);
			if (cell != null && cell.kind() == ImportSheet.Kind.ERROR) {
				error(column, "ledger.import.error.errorValue", cell.text());
				return null;
			}
			if (cell == null && column.required) {
				error(column, "validation.required");
			}
			return cell;
		}

		/** Trimmed text (numbers as Excel shows them), or null when blank. */
		String text(LedgerColumn column, int maxLength) {
			ImportSheet.Cell cell = cell(column);
			if (cell == null) {
				return null;
			}
			String text = cell.text().replace('\u00A0', ' ').strip();
			if (text.isEmpty()) {
				if (column.required) {
					error(column, "validation.required");
				}
				return null;
			}
			if (text.length() > maxLength) {
				error(column, "ledger.import.error.tooLong", String.valueOf(maxLength));
				return null;
			}
			return text;
		}

		/** 万元 or 万美元: a number (or numeric text), not negative, at most two decimals. */
		BigDecimal amount(LedgerColumn column) {
			ImportSheet.Cell cell = cell(column);
			if (cell == null) {
				return null;
			}
			BigDecimal value = switch (cell.kind()) {
				case NUMBER -> cell.number();
				case TEXT -> number(cell.text());
				default -> null;
			};
			if (value == null) {
				error(column, "ledger.import.error.number");
				return null;
			}
			if (value.signum() < 0) {
				error(column, "validation.notNegative");
				return null;
			}
			BigDecimal stripped = value.stripTrailingZeros();
			if (stripped.scale() > 2) {
				error(column, "ledger.import.error.decimals");
				return null;
			}
			if (stripped.precision() - stripped.scale() > AMOUNT_INTEGER_DIGITS) {
				error(column, "validation.amount");
				return null;
			}
			return value.setScale(2, RoundingMode.UNNECESSARY);
		}

		private static BigDecimal number(String text) {
			String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "");
			if (s.isEmpty()) {
				return null;
			}
			try {
				return new BigDecimal(s);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		/** An Excel date, or text as yyyy-MM-dd (yyyy/M/d also); not after today. */
		LocalDate date(LedgerColumn column, LocalDate today) {
			ImportSheet.Cell cell = cell(column);
			if (cell == null) {
				return null;
			}
			LocalDate date = switch (cell.kind()) {
				case DATE -> cell.date();
				case TEXT -> parseDate(cell.text());
				default -> null;
			};
			if (date == null) {
				error(column, "ledger.import.error.date");
				return null;
			}
			if (date.isAfter(today)) {
				error(column, "validation.notFuture");
				return null;
			}
			return date;
		}

		private static LocalDate parseDate(String text) {
			String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
			for (DateTimeFormatter f : DATE_TEXT) {
				try {
					return LocalDate.parse(s, f);
				}
				catch (DateTimeParseException e) {
					// try the next pattern
				}
			}
			return null;
		}

		/** 是 or 否 (blank is 否); a TRUE/FALSE cell is taken as it is. */
		boolean yesNo(LedgerColumn column) {
			ImportSheet.Cell cell = cell(column);
			if (cell == null) {
				return false;
			}
			if (cell.kind() == ImportSheet.Kind.BOOLEAN) {
				return "TRUE".equals(cell.text());
			}
			var value = cell.kind() == ImportSheet.Kind.TEXT ? format.yesNo(cell.text().strip())
					: java.util.Optional.<Boolean>empty();
			if (value.isEmpty()) {
				error(column, "ledger.import.error.yesNo");
				return false;
			}
			return value.get();
		}
	}

	// ------------------------------------------------------------------------------------------------ writing

	private Result write(List<Line> lines, Context ctx, CurrentUser user, Stopwatch watch) {
		Instant now = clock.instant();
		List<Project> created = new ArrayList<>();
		List<Project> changed = new ArrayList<>();
		Map<Project, Map<String, Object>> before = new LinkedHashMap<>();
		int unchanged = 0;
		for (Line line : lines) {
			Project p = line.project;
			if (p == null) {
				p = new Project();
				p.name = line.name;
				p.stage = line.stage;
				p.status = ProjectStatus.ACTIVE;
				p.evidencePending = line.stage != Stage.NEGOTIATING;
				p.version = 0;
				p.createdBy = user.getUsername();
				p.createdAt = now;
				apply(line, p, ctx, true);
				p.updatedAt = now;
				created.add(p);
			}
			else {
				var snapshot = snapshot(p);
				before.put(p, p.auditView());
				if (line.stage != p.stage) {
					p.stage = line.stage;
					p.evidencePending = true;
				}
				apply(line, p, ctx, false);
				if (snapshot.equals(snapshot(p))) {
					unchanged++;
					before.remove(p);
				}
				else {
					p.updatedAt = now;
					changed.add(p);
				}
			}
		}
		List<String> codes = ledger.nextCodes(created.size());
		for (int i = 0; i < created.size(); i++) {
			created.get(i).code = codes.get(i);
		}
		try {
			insert(created, now);
			update(changed, now);
		}
		catch (DuplicateKeyException e) {
			// another import or edit created the same project meanwhile: the user imports again and gets updates
			throw new OptimisticLockingFailureException("project created meanwhile", e);
		}
		watch.lap("write");
		// one audit row per project as always, written by the audit module in one batch (docs/benchmarks.md)
		List<Auditor.Change> audit = new ArrayList<>(created.size() + changed.size());
		for (Project p : created) {
			audit.add(new Auditor.Change("project", p.id, "IMPORT", p.code + " " + p.name, Map.of(), p.auditView()));
		}
		for (Project p : changed) {
			audit.add(new Auditor.Change("project", p.id, "IMPORT", p.code + " " + p.name, before.get(p),
					p.auditView()));
		}
		auditor.recordAll(audit);
		watch.lap("audit");
		return new Result(created.size(), changed.size(), unchanged);
	}

	/** Sets the row's fields; for an existing project, fields whose column the sheet lacks stay as they are. */
	private void apply(Line line, Project p, Context ctx, boolean isNew) {
		p.merchantId = line.merchantId;
		p.investorName = line.investorName;
		p.unitId = line.unit.id().value();
		p.chainId = line.chain.id().value();
		p.type = line.type;
		p.plannedInvestment = line.planned;
		if (isNew || ctx.present(LedgerColumn.FOREIGN)) {
			p.foreignInvestment = line.foreign;
		}
		if (isNew || ctx.present(LedgerColumn.SIGNED_DATE)) {
			p.signedDate = line.signed;
		}
		if (isNew || ctx.present(LedgerColumn.COMMENCED_DATE)) {
			p.commencedDate = line.commenced;
		}
		if (isNew || ctx.present(LedgerColumn.PRODUCTION_DATE)) {
			p.productionDate = line.production;
		}
		if (isNew || ctx.present(LedgerColumn.KEY)) {
			p.keyProject = line.key;
		}
		if (isNew || ctx.present(LedgerColumn.LEADER)) {
			// the same name keeps the person it is linked to (chosen by hand when the name is not unique)
			p.leaderId = line.leader != null && line.leader.equals(p.leaderName) && p.leaderId != null ? p.leaderId
					: line.leader == null ? null : ctx.person(line.leader);
			p.leaderName = line.leader;
		}
		if (isNew || ctx.present(LedgerColumn.ATTENDANT)) {
			p.chiefAttendantId = line.attendant != null && line.attendant.equals(p.chiefAttendantName)
					&& p.chiefAttendantId != null ? p.chiefAttendantId
							: line.attendant == null ? null : ctx.person(line.attendant);
			p.chiefAttendantName = line.attendant;
		}
		p.namesUnmatched = (p.leaderName != null && p.leaderId == null)
				|| (p.chiefAttendantName != null && p.chiefAttendantId == null);
		if (line.progress != null && !line.progress.equals(p.latestProgress)) {
			// the latest progress is a log line, not a field: a blank cell does not erase it
			p.latestProgress = line.progress;
			p.latestProgressDate = ctx.today;
		}
	}

	/** Every field an import may change, amounts by value (12.5 equals 12.50). */
	private static List<Object> snapshot(Project p) {
		return java.util.Arrays.asList(p.name, p.merchantId, p.investorName, p.unitId, p.chainId, p.type, p.stage,
				plain(p.plannedInvestment), plain(p.foreignInvestment), p.keyProject, p.signedDate, p.commencedDate,
				p.productionDate, p.leaderId, p.leaderName, p.chiefAttendantId, p.chiefAttendantName,
				p.namesUnmatched, p.evidencePending, p.latestProgress, p.latestProgressDate);
	}

	private static BigDecimal plain(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros();
	}

	/**
	 * Plain batches, then the new ids by code: asking the driver for generated keys makes PostgreSQL answer every
	 * row of a batch, which took several times as long.
	 */
	private void insert(List<Project> created, Instant now) {
		for (int from = 0; from < created.size(); from += BATCH) {
			List<Project> chunk = created.subList(from, Math.min(created.size(), from + BATCH));
			jdbc.batchUpdate("""
					INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
					    planned_investment, foreign_investment, key_project, signed_date, commenced_date,
					    production_date, leader_id, leader_name, chief_attendant_id, chief_attendant_name,
					    names_unmatched, evidence_pending, latest_progress, latest_progress_date, version, created_by,
					    created_at, updated_at)
					VALUES (:code, :name, :merchant, :investor, :unit, :chain, :type, :stage, :status, :planned,
					    :foreign, :key, :signed, :commenced, :production, :leaderId, :leaderName, :attendantId,
					    :attendantName, :unmatched, :pending, :progress, :progressDate, 0, :createdBy, :now, :now)""",
					chunk.stream().map(p -> params(p, now)).toArray(SqlParameterSource[]::new));
			Map<String, Project> byCode = chunk.stream().collect(Collectors.toMap(p -> p.code, p -> p));
			jdbc.query("SELECT p.id, p.code FROM project p JOIN (VALUES :codes) AS k(v) ON p.code = k.v",
					Map.of("codes", keys(byCode.keySet())), (rs, n) -> byCode.get(rs.getString(2)).id = rs.getLong(1));
		}
	}

	private void update(List<Project> changed, Instant now) {
		for (int from = 0; from < changed.size(); from += BATCH) {
			List<Project> chunk = changed.subList(from, Math.min(changed.size(), from + BATCH));
			int[] counts = jdbc.batchUpdate("""
					UPDATE project SET merchant_id = :merchant, investor_name = :investor, unit_id = :unit,
					    chain_id = :chain, type = :type, stage = :stage, planned_investment = :planned,
					    foreign_investment = :foreign, key_project = :key, signed_date = :signed,
					    commenced_date = :commenced, production_date = :production, leader_id = :leaderId,
					    leader_name = :leaderName, chief_attendant_id = :attendantId,
					    chief_attendant_name = :attendantName, names_unmatched = :unmatched,
					    evidence_pending = :pending, latest_progress = :progress,
					    latest_progress_date = :progressDate, updated_at = :now, version = version + 1
					WHERE id = :id AND version = :version""",
					chunk.stream().map(p -> params(p, now)).toArray(SqlParameterSource[]::new));
			for (int i = 0; i < counts.length; i++) {
				// SUCCESS_NO_INFO (-2) is a driver's "done, count unknown"; 0 means someone saved it meanwhile
				if (counts[i] == 0) {
					throw new OptimisticLockingFailureException("project " + chunk.get(i).id + " changed meanwhile");
				}
			}
			chunk.forEach(p -> p.version = p.version + 1);
		}
	}

	/** Typed parameters: with a SQL type for every nullable value the driver is never asked for metadata. */
	private static SqlParameterSource params(Project p, Instant now) {
		return new MapSqlParameterSource().addValue("id", p.id, Types.BIGINT)
			.addValue("version", p.version, Types.INTEGER)
			.addValue("code", p.code, Types.VARCHAR)
			.addValue("name", p.name, Types.VARCHAR)
			.addValue("merchant", p.merchantId, Types.BIGINT)
			.addValue("investor", p.investorName, Types.VARCHAR)
			.addValue("unit", p.unitId, Types.BIGINT)
			.addValue("chain", p.chainId, Types.BIGINT)
			.addValue("type", p.type.name(), Types.VARCHAR)
			.addValue("stage", p.stage.name(), Types.VARCHAR)
			.addValue("status", p.status.name(), Types.VARCHAR)
			.addValue("planned", p.plannedInvestment, Types.NUMERIC)
			.addValue("foreign", p.foreignInvestment, Types.NUMERIC)
			.addValue("key", p.keyProject, Types.BOOLEAN)
			.addValue("signed", p.signedDate, Types.DATE)
			.addValue("commenced", p.commencedDate, Types.DATE)
			.addValue("production", p.productionDate, Types.DATE)
			.addValue("leaderId", p.leaderId, Types.BIGINT)
			.addValue("leaderName", p.leaderName, Types.VARCHAR)
			.addValue("attendantId", p.chiefAttendantId, Types.BIGINT)
			.addValue("attendantName", p.chiefAttendantName, Types.VARCHAR)
			.addValue("unmatched", p.namesUnmatched, Types.BOOLEAN)
			.addValue("pending", p.evidencePending, Types.BOOLEAN)
			.addValue("progress", p.latestProgress, Types.VARCHAR)
			.addValue("progressDate", p.latestProgressDate, Types.DATE)
			.addValue("createdBy", p.createdBy, Types.VARCHAR)
			.addValue("now", now.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
	}
}
