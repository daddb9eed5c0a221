package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.WorkbookReader;
import cn.zhaoshang.project.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * {@code unchanged} and writes nothing, so importing an exported ledger reports 0 created and 0 updated. The
 * counts are the platform's {@link ImportResult} ({@code created, updated, unchanged}), as for every import.
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
 * <p>
 * This class is the use case; each step is its own class: {@link LedgerHeaders} (row 1), {@link LedgerRowParser}
 * with {@link LedgerCells} (the cells of a row), {@link LedgerRowRules} (stage dates, repeated rows, existing
 * projects), {@link LedgerProjectMatcher}, {@link LedgerRowApplier} (what changes) and {@link ProjectRows} (the
 * batch writer, shared with {@link LedgerGenerator}).
 */
@Service
public class ProjectImport {

	private static final Logger log = LoggerFactory.getLogger(ProjectImport.class);

	private static final String REJECTED = "import.rejected";

	private final ProjectLedger ledger;
	private final Merchants merchants;
	private final Units units;
	private final Chains chains;
	private final People people;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;
	private final WorkbookReader reader;
	private final LedgerHeaders headers;
	private final LedgerRowParser parser;
	private final LedgerRowRules rules;
	private final LedgerProjectMatcher matcher;
	private final ProjectRows rows;
	private final StageMoveRows moveRows;

	ProjectImport(ProjectLedger ledger, Merchants merchants, Units units, Chains chains, People people,
			DataScopes scopes, Auditor auditor, Clock clock, WorkbookReader reader, LedgerHeaders headers,
			LedgerRowParser parser, LedgerRowRules rules, LedgerProjectMatcher matcher, ProjectRows rows,
			StageMoveRows moveRows) {
		this.moveRows = moveRows;
		this.ledger = ledger;
		this.merchants = merchants;
		this.units = units;
		this.chains = chains;
		this.people = people;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
		this.reader = reader;
		this.headers = headers;
		this.parser = parser;
		this.rules = rules;
		this.matcher = matcher;
		this.rows = rows;
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		var watch = new ImportStopwatch();
		checkUpload(bytes);
		try (var sheet = reader.firstSheet(bytes, "import.notXlsx", REJECTED)) {
			watch.lap("read");
			return execute(sheet.rows(), user, watch);
		}
	}

	private ImportResult execute(List<ImportSheet.Row> sheet, CurrentUser user, ImportStopwatch watch) {
		var errors = new ArrayList<CellError>();
		Map<LedgerColumn, Integer> columns = headers.columns(sheet, errors);
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		List<ImportSheet.Row> data = sheet.stream().filter(r -> r.number() > 1).toList();
		if (data.isEmpty()) {
			throw new BusinessException("import.noRows");
		}
		var ctx = LedgerReferenceData.load(columns, scopes.of(user), LocalDate.now(clock), units, chains, people);
		List<LedgerRow> lines = new ArrayList<>();
		for (ImportSheet.Row row : data) {
			LedgerRow line = parser.parse(row, ctx, errors);
			if (line != null) {
				lines.add(line);
			}
		}
		lines = rules.withoutRepeats(lines, LedgerRow::fileKey, errors);
		watch.lap("check");
		// Investors are registered before the last checks so those can see every row's project; a rejection
		// rolls the registrations back with everything else.
		var investors = merchants.findOrRegisterAll(lines.stream().map(l -> l.investor).toList());
		for (LedgerRow line : lines) {
			var m = investors.get(line.investor);
			line.merchantId = m.id().value();
			line.investorName = m.name();
		}
		watch.lap("investors");
		lines = rules.withoutRepeats(lines, LedgerRow::projectKey, errors);
		matcher.match(lines);
		for (LedgerRow line : lines) {
			if (line.project != null) {
				rules.checkExisting(line, ctx, errors);
			}
		}
		watch.lap("match");
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(CellError::row));
			log.info("Ledger import by {} rejected: {} rows, {} errors ({})", user.getUsername(), data.size(),
					errors.size(), watch);
			throw new ImportRejected(REJECTED, errors);
		}
		ImportResult result = write(lines, ctx, user, watch);
		log.info("Ledger import by {}: {} rows, {} ({})", user.getUsername(), data.size(), result, watch);
		return result;
	}

	/**
	 * An applied move for every stage a created project starts above, or an existing one was moved forward past,
	 * dated by the row's stage date: the supervision figures count stages from dated moves only (ADR 0012).
	 */
	private static List<StageMoveRows.Row> stagesReached(LedgerRowApplier.Changes changes, String user, Instant now) {
		List<StageMoveRows.Row> moves = new ArrayList<>();
		for (Project p : changes.created()) {
			addMoves(moves, p, Stage.NEGOTIATING, user, now);
		}
		for (Project p : changes.changed()) {
			Object before = changes.before().get(p).get("stage");
			if (before instanceof Stage from && from.isBefore(p.stage)) {
				addMoves(moves, p, from, user, now);
			}
		}
		return moves;
	}

	private static void addMoves(List<StageMoveRows.Row> moves, Project p, Stage from, String user, Instant now) {
		for (Stage s = from.next(); s != null && !p.stage.isBefore(s); s = s.next()) {
			LocalDate date = switch (s) {
				case SIGNED -> p.signedDate;
				case COMMENCED -> p.commencedDate;
				case IN_PRODUCTION -> p.productionDate;
				case NEGOTIATING -> null;
			};
			moves.add(new StageMoveRows.Row(p.id, s.previous(), s, p.status, p.status, date,
					s == Stage.SIGNED ? p.contractType : null, s == Stage.SIGNED ? p.contractedInvestment : null, null,
					"APPLIED", user, now));
		}
	}

	/** The upload's own limits, before the workbook reader's (which also recognises the type by content). */
	private static void checkUpload(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		if (bytes.length > Attachments.MAX_BYTES) {
			throw new BusinessException(413, "attachment.tooLarge", Attachments.MAX_BYTES / 1024 / 1024);
		}
	}

	private ImportResult write(List<LedgerRow> lines, LedgerReferenceData ctx, CurrentUser user, ImportStopwatch watch) {
		Instant now = clock.instant();
		var changes = LedgerRowApplier.apply(lines, ctx, user.getUsername(), now);
		List<Project> created = changes.created();
		List<String> codes = ledger.nextCodes(created.size());
		for (int i = 0; i < created.size(); i++) {
			created.get(i).code = codes.get(i);
		}
		try {
			rows.insert(created);
			rows.update(changes.changed());
		}
		catch (DuplicateKeyException e) {
			// another import or edit created the same project meanwhile: the user imports again and gets updates
			throw new OptimisticLockingFailureException("project created meanwhile", e);
		}
		moveRows.insert(stagesReached(changes, user.getUsername(), now));
		watch.lap("write");
		// one audit row per project as always, written by the audit module in one batch (docs/benchmarks.md)
		List<Auditor.Change> audit = new ArrayList<>(created.size() + changes.changed().size());
		for (Project p : created) {
			audit.add(new Auditor.Change("project", p.id, "IMPORT", p.code + " " + p.name, Map.of(), p.auditView()));
		}
		for (Project p : changes.changed()) {
			audit.add(new Auditor.Change("project", p.id, "IMPORT", p.code + " " + p.name, changes.before().get(p),
					p.auditView()));
		}
		auditor.recordAll(audit);
		watch.lap("audit");
		return ImportResult.of(created.size(), changes.changed().size(), changes.unchanged());
	}
}
