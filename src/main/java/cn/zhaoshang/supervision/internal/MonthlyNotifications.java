package cn.zhaoshang.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.activity.OutboundTrips;
import cn.zhaoshang.dispatch.DispatchRounds;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly notifications (issue 11): a draft per month the city bureau edits (title, document number, date,
 * opening and closing text; optimistic locking, audited), then publishes. Publishing writes the .docx and the .pdf
 * (when the CJK font is there) into the document store, registers a {@link Publications publication} that freezes
 * the figures, and locks the notification: its stored files are what every later download returns. Before
 * publishing, a download is generated from the figures as of the month's end, so it reads the same any day.
 */
@Service
@Transactional
public class MonthlyNotifications {

	/** The owner type of the stored files. */
	static final String OWNER = "monthly-notification";

	/** A notification as stored. */
	public record Notification(long id, int year, int month, String status, String title, String number,
			LocalDate date, String opening, String closing, int version, Long docxId, Long pdfId, Long publicationId,
			String publishedBy, Instant publishedAt) {

		public boolean published() {
			return "PUBLISHED".equals(status);
		}

		public ReportingPeriod period() {
			return new ReportingPeriod(ReportingPeriod.Kind.MONTH, year, month);
		}
	}

	/** One month of the list: its notification, if one was started. */
	public record MonthEntry(ReportingPeriod period, Optional<Notification> notification, int corrections) {
	}

	/** What the bureau edits; {@code version} as read. */
	public record Edit(String title, String number, LocalDate date, String opening, String closing, Integer version) {
	}

	private static final String COLUMNS = """
			SELECT id, report_year, month_no, status, title, doc_number, doc_date, opening_text, closing_text, version,
			       docx_document_id, pdf_document_id, publication_id, published_by, published_at
			FROM monthly_notification""";

	private final JdbcClient jdbc;
	private final SupervisionFigures figures;
	private final Publications publications;
	private final DispatchRounds dispatch;
	private final OutboundTrips trips;
	private final DocumentGenerator generator;
	private final Documents documents;
	private final UnitDirectory units;
	private final MessageSource messages;
	private final Auditor auditor;
	private final Clock clock;

	MonthlyNotifications(JdbcClient jdbc, SupervisionFigures figures, Publications publications,
			DispatchRounds dispatch, OutboundTrips trips, DocumentGenerator generator, Documents documents,
			UnitDirectory units, MessageSource messages, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.publications = publications;
		this.dispatch = dispatch;
		this.trips = trips;
		this.generator = generator;
		this.documents = documents;
		this.units = units;
		this.messages = messages;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The months of a year up to the current month (all twelve for a past year), newest first. */
	@Transactional(readOnly = true)
	public List<MonthEntry> year(int year) {
		Map<Integer, Notification> stored = new HashMap<>();
		jdbc.sql(COLUMNS + " WHERE report_year = :y").param("y", year).query(MonthlyNotifications::row).list()
			.forEach(n -> stored.put(n.month(), n));
		YearMonth now = YearMonth.now(clock);
		int last = year < now.getYear() ? 12 : year == now.getYear() ? now.getMonthValue() : 0;
		List<MonthEntry> list = new ArrayList<>();
		for (int m = last; m >= 1; m--) {
			Notification n = stored.get(m);
			int corrections = n == null || n.publicationId() == null ? 0
					: publications.find(n.publicationId()).map(Publications.Publication::corrections).orElse(0);
			list.add(new MonthEntry(new ReportingPeriod(ReportingPeriod.Kind.MONTH, year, m),
					Optional.ofNullable(n), corrections));
		}
		return list;
	}

	@Transactional(readOnly = true)
	public Optional<Notification> find(ReportingPeriod month) {
		return jdbc.sql(COLUMNS + " WHERE report_year = :y AND month_no = :m")
			.param("y", month.year())
			.param("m", month.number())
			.query(MonthlyNotifications::row)
			.optional();
	}

	/** The month's notification, started as a draft with the generated text when there is none (audited). */
	public Notification draft(ReportingPeriod month, Locale locale) {
		requireMonth(month);
		Optional<Notification> existing = find(month);
		if (existing.isPresent()) {
			return existing.get();
		}
		Defaults d = defaults(month, locale);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO monthly_notification (report_year, month_no, title, doc_number, doc_date, opening_text,
				    closing_text, created_by, updated_by)
				VALUES (:y, :m, :title, NULL, :date, :opening, :closing, :by, :by)""")
			.param("y", month.year())
			.param("m", month.number())
			.param("title", d.title())
			.param("date", d.date())
			.param("opening", d.opening())
			.param("closing", d.closing())
			.param("by", actor())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		auditor.record("monthlyNotification", id, "CREATE", month.toString(), Map.of(),
				Map.of("month", month.toString(), "title", d.title()));
		return find(month).orElseThrow();
	}

	/** Saves the bureau's text of a draft; a published notification is refused (409), a stale version too. */
	public Notification edit(ReportingPeriod month, Edit edit) {
		Notification n = find(month).orElseThrow(NotFoundException::new);
		if (n.published()) {
			throw new BusinessException(409, "monthly.published");
		}
		List<Violation> errors = new ArrayList<>();
		if (edit.title() == null || edit.title().isBlank()) {
			errors.add(new Violation("docTitle", "monthly.error.title.required"));
		}
		else if (edit.title().strip().length() > 200) {
			errors.add(new Violation("docTitle", "monthly.error.title.length"));
		}
		if (edit.number() != null && edit.number().strip().length() > 50) {
			errors.add(new Violation("docNumber", "monthly.error.number.length"));
		}
		if (edit.date() == null) {
			errors.add(new Violation("docDate", "monthly.error.date.required"));
		}
		if (edit.opening() != null && edit.opening().length() > 4000) {
			errors.add(new Violation("opening", "monthly.error.text.length"));
		}
		if (edit.closing() != null && edit.closing().length() > 4000) {
			errors.add(new Violation("closing", "monthly.error.text.length"));
		}
		if (edit.version() == null) {
			errors.add(new Violation("version", "monthly.error.version.required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String number = edit.number() == null || edit.number().isBlank() ? null : edit.number().strip();
		int updated = jdbc.sql("""
				UPDATE monthly_notification SET title = :title, doc_number = :number, doc_date = :date,
				    opening_text = :opening, closing_text = :closing, version = version + 1, updated_by = :by,
				    updated_at = CURRENT_TIMESTAMP
				WHERE id = :id AND version = :version AND status = 'DRAFT'""")
			.param("title", edit.title().strip())
			.param("number", number)
			.param("date", edit.date())
			.param("opening", edit.opening())
			.param("closing", edit.closing())
			.param("by", actor())
			.param("id", n.id())
			.param("version", edit.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("monthly notification " + n.id());
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("title", n.title());
		before.put("number", String.valueOf(n.number()));
		before.put("date", n.date().toString());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("title", edit.title().strip());
		after.put("number", String.valueOf(number));
		after.put("date", edit.date().toString());
		auditor.record("monthlyNotification", n.id(), "UPDATE", month.toString(), before, after);
		return find(month).orElseThrow();
	}

	/**
	 * Starts the month's draft when there is none and saves the text, in one transaction: refused text leaves no
	 * draft behind. For a month without a draft the version is the new draft's.
	 */
	public Notification save(ReportingPeriod month, Edit edit, Locale locale) {
		Optional<Notification> existing = find(month);
		if (existing.isPresent()) {
			return edit(month, edit);
		}
		Notification created = draft(month, locale);
		return edit(month, new Edit(edit.title(), edit.number(), edit.date(), edit.opening(), edit.closing(),
				created.version()));
	}

	/**
	 * Publishes a draft: writes and stores its .docx and .pdf, freezes the figures as a publication and locks the
	 * notification. Refused for a month not yet over (422), a published one or a stale version (409).
	 */
	public Notification publish(ReportingPeriod month, int version, CurrentUser user, Locale locale) {
		Notification n = find(month).orElseThrow(NotFoundException::new);
		if (n.published()) {
			throw new BusinessException(409, "monthly.published");
		}
		if (!month.end().isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException(List.of(new Violation("month", "monthly.error.notOver")));
		}
		if (n.version() != version) {
			throw new OptimisticLockingFailureException("monthly notification " + n.id());
		}
		OfficialDocument document = document(n, locale);
		String name = n.title();
		var owner = DocumentOwner.of(OWNER, n.id());
		long docx = documents.store(name + ".docx", generator.write(document, DocumentFormat.DOCX), user, owner,
				"PUBLISHED", null).id();
		Long pdf = generator.pdfAvailable()
				? documents.store(name + ".pdf", generator.write(document, DocumentFormat.PDF), user, owner,
						"PUBLISHED", null).id()
				: null;
		var publication = publications.publish(Publications.Kind.MONTHLY, month, n.title(), n.id(),
				"/supervision/monthly/" + month, user);
		int updated = jdbc.sql("""
				UPDATE monthly_notification SET status = 'PUBLISHED', docx_document_id = :docx, pdf_document_id = :pdf,
				    publication_id = :pub, published_by = :by, published_at = :at, version = version + 1,
				    updated_by = :by, updated_at = CURRENT_TIMESTAMP
				WHERE id = :id AND version = :version AND status = 'DRAFT'""")
			.param("docx", docx)
			.param("pdf", pdf)
			.param("pub", publication.id())
			.param("by", user.getUsername())
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("id", n.id())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("monthly notification " + n.id());
		}
		auditor.record("monthlyNotification", n.id(), "PUBLISH", month + " " + n.title(),
				Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED", "publication", publication.id()));
		return find(month).orElseThrow();
	}

	/** A download: the published file when published, else one generated now (the draft's text, or the defaults). */
	@Transactional(readOnly = true)
	public Download download(ReportingPeriod month, DocumentFormat format, Locale locale) {
		requireMonth(month);
		Optional<Notification> n = find(month);
		if (n.isPresent() && n.get().published()) {
			Long id = format == DocumentFormat.DOCX ? n.get().docxId() : n.get().pdfId();
			if (id != null) {
				var stored = documents.find(id).orElseThrow(NotFoundException::new);
				return new Download(n.get().title(), documents.read(stored), true);
			}
		}
		OfficialDocument document = n.isPresent() ? document(n.get(), locale) : document(month, locale);
		return new Download(document.title(), generator.write(document, format), false);
	}

	/** The bytes of a download, its title and whether it is the published file. */
	public record Download(String title, byte[] bytes, boolean published) {
	}

	/** The figures of a month as the notification shows them (the read model, as of the month's end). */
	@Transactional(readOnly = true)
	public SupervisionFigures.Result figures(ReportingPeriod month) {
		return figures.of(month);
	}

	/** The ranking the notification prints. */
	@Transactional(readOnly = true)
	public List<MonthlyRanking.Place> ranking(ReportingPeriod month) {
		return MonthlyRanking.of(figures.of(month));
	}

	/** The stalled list the notification prints. */
	@Transactional(readOnly = true)
	public Optional<DispatchRounds.StalledList> stalled(ReportingPeriod month) {
		return dispatch.stalledAsOf(month.end());
	}

	/** Whether a .pdf can be written here. */
	public boolean pdfAvailable() {
		return generator.pdfAvailable();
	}

	OfficialDocument document(Notification n, Locale locale) {
		return new MonthlyDocument(messages, locale).of(
				new MonthlyDocument.Text(issuer(locale), n.number(), n.title(), n.date(), n.opening(), n.closing()),
				figures.of(n.period()), dispatch.stalledAsOf(n.period().end()), trips(n.period()));
	}

	OfficialDocument document(ReportingPeriod month, Locale locale) {
		Defaults d = defaults(month, locale);
		return new MonthlyDocument(messages, locale).of(
				new MonthlyDocument.Text(issuer(locale), null, d.title(), d.date(), d.opening(), d.closing()),
				figures.of(month), dispatch.stalledAsOf(month.end()), trips(month));
	}

	/** The month's trip compliance the notification prints (approved trips with a day in the month). */
	@Transactional(readOnly = true)
	public List<OutboundTrips.Compliance> trips(ReportingPeriod month) {
		return trips.compliance(YearMonth.of(month.year(), month.number()));
	}

	private record Defaults(String title, LocalDate date, String opening, String closing) {
	}

	private Defaults defaults(ReportingPeriod month, Locale locale) {
		var r = figures.of(month);
		var ytd = r.totalsYearToDate();
		String y = String.valueOf(month.year());
		String m = String.valueOf(month.number());
		String opening = messages.getMessage("monthly.default.opening", new Object[] { y, m,
				MonthlyDocument.figure(ytd.signedCount(), true), MonthlyDocument.figure(ytd.contractedInvestment(), false),
				MonthlyDocument.figure(ytd.commencedCount(), true), MonthlyDocument.figure(ytd.productionCount(), true),
				MonthlyDocument.figure(ytd.fundsInPlace(), false), MonthlyDocument.figure(r.totals().fundsInPlace(), false) },
				locale);
		LocalDate today = LocalDate.now(clock);
		LocalDate date = today.isAfter(month.end()) ? today : month.end();
		return new Defaults(messages.getMessage("monthly.default.title", new Object[] { y, m }, locale), date, opening,
				messages.getMessage("monthly.default.closing", null, locale));
	}

	private String issuer(Locale locale) {
		return units.all().stream()
			.filter(u -> "CITY_BUREAU".equals(u.type()))
			.map(UnitSummary::name)
			.findFirst()
			.orElse(null);
	}

	private void requireMonth(ReportingPeriod month) {
		if (month.kind() != ReportingPeriod.Kind.MONTH) {
			throw new InvalidInputException(List.of(new Violation("month", "validation.period")));
		}
	}

	private static String actor() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? null : auth.getName();
	}

	private static Notification row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime published = rs.getObject(15, OffsetDateTime.class);
		return new Notification(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getInt(10),
				rs.getObject(11) == null ? null : rs.getLong(11), rs.getObject(12) == null ? null : rs.getLong(12),
				rs.getObject(13) == null ? null : rs.getLong(13), rs.getString(14),
				published == null ? null : published.toInstant());
	}
}
