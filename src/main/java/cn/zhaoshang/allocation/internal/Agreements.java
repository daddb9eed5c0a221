package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.zhaoshang.allocation.internal.BenefitSplit.Segment;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.CreditShares;
import cn.zhaoshang.project.Stage;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benefit-sharing agreements: made when a transfer is accepted and applied to the project's credit shares through
 * {@link CreditShares#set} by the {@link BenefitSplit} policy; their share, term and note changed only by the city
 * bureau (all the project's agreements applied again, in order, from the shares it had before the first one); the
 * signed agreement attached as a document. A clue's agreement is recorded with the transfer and applied when the
 * clue becomes a project ({@link #clueConverted}).
 */
@Service("benefitAgreements")
public class Agreements {

	/** The owner type of an agreement's documents. */
	public static final String DOCUMENTS = "benefit-agreement";

	public static final int NOTE_MAX = 1000;

	static final String SELECT = """
			SELECT a.*, t.subject_code, t.subject_name, iu.name AS introducer_name, ru.name AS receiver_name
			FROM benefit_agreement a
			JOIN allocation_transfer t ON t.id = a.transfer_id
			JOIN unit iu ON iu.id = a.introducer_unit_id
			JOIN unit ru ON ru.id = a.receiver_unit_id""";

	private final JdbcClient jdbc;
	private final CreditShares shares;
	private final TransferStore transfers;
	private final Documents documents;
	private final Auditor auditor;
	private final MessageSource messages;
	private final AllocationNotices notices;
	private final Clock clock;

	Agreements(JdbcClient jdbc, CreditShares shares, TransferStore transfers, @Lazy Documents documents,
			Auditor auditor, MessageSource messages, AllocationNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.shares = shares;
		this.transfers = transfers;
		this.documents = documents;
		this.auditor = auditor;
		this.messages = messages;
		this.notices = notices;
		this.clock = clock;
	}

	public Optional<Agreement> find(long id) {
		return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(Agreements::row).optional();
	}

	public Optional<Agreement> ofTransfer(long transferId) {
		return jdbc.sql(SELECT + " WHERE a.transfer_id = :id").param("id", transferId).query(Agreements::row).optional();
	}

	static Agreement row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Agreement(rs.getLong("id"), rs.getLong("transfer_id"), rs.getObject("project_id", Long.class),
				rs.getObject("clue_id", Long.class), rs.getString("subject_code"), rs.getString("subject_name"),
				rs.getLong("introducer_unit_id"), rs.getString("introducer_name"), rs.getLong("receiver_unit_id"),
				rs.getString("receiver_name"), rs.getInt("share_bp"), rs.getInt("years"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("base_shares"), rs.getString("note"), rs.getInt("version"),
				TransferStore.stage(rs.getString("until_stage")), rs.getObject("stage_reached_on", LocalDate.class));
	}

	/** The last day of a term of {@code years} years starting on {@code from}. */
	static LocalDate lastDay(LocalDate from, int years) {
		return from.plusYears(years).minusDays(1);
	}

	/** The project's shares from {@code from} on, read before the project moves (null for a clue). */
	String base(Transfer t, LocalDate from) {
		return t.project()
				? BenefitSplit.format(BenefitSplit.segments(shares.history(new ProjectId(t.projectId())), from)) : null;
	}

	/**
	 * The agreement of an accepted transfer, applied to the project's shares from {@code from} on, starting from the
	 * shares it had before it moved ({@link #base}).
	 */
	void create(Transfer t, LocalDate from, String base, CurrentUser user) {
		var keys = new GeneratedKeyHolder();
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO benefit_agreement (transfer_id, project_id, clue_id, introducer_unit_id, receiver_unit_id,
				    share_bp, years, until_stage, valid_from, valid_to, base_shares, created_by, updated_by, created_at,
				    updated_at)
				VALUES (:t, :p, :c, :i, :r, :bp, :y, :until, :from, :to, :base, :by, :by, :at, :at)""")
			.param("t", t.id())
			.param("p", t.projectId())
			.param("c", t.clueId())
			.param("i", t.fromUnitId())
			.param("r", t.toUnitId())
			.param("bp", t.introducerShareBp())
			.param("y", t.years())
			.param("until", t.untilStage() == null ? null : t.untilStage().name())
			.param("from", from)
			.param("to", lastDay(from, t.years()))
			.param("base", base)
			.param("by", user.getUsername())
			.param("at", at)
			.update(keys, "id");
		Agreement a = find(keys.getKey().longValue()).orElseThrow();
		apply(a, user);
		auditor.record("benefitAgreement", a.id(), "CREATE", summary(a), null, a.auditView());
	}

	/**
	 * A transferred clue became a project: each accepted agreement of the clue (newest first, so that an earlier
	 * introducer shares in the part of a later one) now applies to the project. Its term starts on the day of the
	 * conversion and runs its years; the receiving unit's part of the project's shares counts as the introducer's
	 * part before the split (a clue's agreement shares what the receiving unit lands), so that the introducer gets its
	 * share of it and the receiving unit the rest, and the receiving unit the whole after the term. A project that
	 * lands elsewhere than at the receiving unit leaves the shares as they are. Audited on the agreement.
	 */
	@Transactional
	public void clueConverted(long clueId, long projectId, CurrentUser user) {
		List<Long> ids = jdbc.sql("""
				SELECT a.id FROM benefit_agreement a JOIN allocation_transfer t ON t.id = a.transfer_id
				WHERE a.clue_id = :c AND a.project_id IS NULL AND t.status = 'ACCEPTED' ORDER BY a.id DESC""")
			.param("c", clueId)
			.query(Long.class)
			.list();
		LocalDate today = LocalDate.now(clock);
		for (long id : ids) {
			Agreement before = find(id).orElseThrow();
			// the shares as they are; the fold of apply counts the receiving unit's part as the introducer's
			String base = BenefitSplit.format(BenefitSplit.segments(shares.history(new ProjectId(projectId)), today));
			jdbc.sql("""
					UPDATE benefit_agreement SET project_id = :p, valid_from = :from, valid_to = :to, base_shares = :base,
					    version = version + 1, updated_by = :by, updated_at = :at
					WHERE id = :id""")
				.param("p", projectId)
				.param("from", today)
				.param("to", lastDay(today, before.years()))
				.param("base", base)
				.param("by", user.getUsername())
				.param("at", clock.instant().atOffset(ZoneOffset.UTC))
				.param("id", id)
				.update();
			Agreement after = find(id).orElseThrow();
			apply(after, user);
			auditor.record("benefitAgreement", id, "UPDATE", summary(after), before.auditView(), after.auditView());
		}
	}

	/**
	 * The project reached a stage: each agreement of the project that lasts until this stage (or an earlier one)
	 * and has not ended yet ends the day before {@code date} (never before its first day), and the project's shares
	 * are set again from the agreement's base. Audited on the agreement.
	 */
	@Transactional
	public void stageReached(long projectId, Stage stage, LocalDate date, CurrentUser user) {
		List<Agreement> open = jdbc.sql(SELECT + " WHERE a.project_id = :p AND a.until_stage IS NOT NULL"
				+ " AND a.stage_reached_on IS NULL ORDER BY a.id")
			.param("p", projectId)
			.query(Agreements::row)
			.list();
		for (Agreement before : open) {
			if (stage.isBefore(before.untilStage())) {
				continue;
			}
			jdbc.sql("""
					UPDATE benefit_agreement SET stage_reached_on = :d, valid_to = :to, version = version + 1,
					    updated_by = :by, updated_at = :at
					WHERE id = :id""")
				.param("d", date)
				.param("to", end(before.validFrom(), before.years(), date))
				.param("by", user.getUsername())
				.param("at", clock.instant().atOffset(ZoneOffset.UTC))
				.param("id", before.id())
				.update();
			Agreement after = find(before.id()).orElseThrow();
			if (!after.validTo().equals(before.validTo())) {
				apply(after, user);
			}
			auditor.record("benefitAgreement", after.id(), "UPDATE", summary(after), before.auditView(),
					after.auditView());
		}
	}

	/**
	 * The term's last day: the years' last day, or the day before the named stage was reached when earlier (never
	 * before the first day).
	 */
	static LocalDate end(LocalDate from, int years, LocalDate stageReachedOn) {
		LocalDate end = lastDay(from, years);
		if (stageReachedOn != null && stageReachedOn.minusDays(1).isBefore(end)) {
			end = stageReachedOn.minusDays(1).isBefore(from) ? from : stageReachedOn.minusDays(1);
		}
		return end;
	}

	/**
	 * The order the agreements of a project took effect in: by first day; on the same day a clue's agreements first,
	 * newest first (as {@link #clueConverted} applies them: an earlier introducer shares in the part of a later
	 * one), then the project's own, oldest first (each accepted after the one before).
	 */
	static final java.util.Comparator<Agreement> TOOK_EFFECT = java.util.Comparator.comparing(Agreement::validFrom)
		.thenComparing(a -> a.clueId() == null)
		.thenComparing(a -> a.clueId() == null ? a.id() : -a.id());

	/**
	 * Sets the project's shares again from the first day of its first agreement on: every agreement of the project
	 * applied in the order they took effect ({@link BenefitSplit#applyAll}), starting from the shares the project had
	 * before the first one (that agreement's base). Applying only the changed agreement to the shares it was accepted
	 * on would undo the agreements accepted after it, and the later ones' stored bases would bring back the earlier
	 * ones' old terms. {@code trigger} names the reason written with the shares.
	 */
	private void apply(Agreement trigger, CurrentUser user) {
		if (trigger.projectId() == null || trigger.baseShares() == null) {
			return;
		}
		List<Agreement> all = new ArrayList<>(
				jdbc.sql(SELECT + " WHERE a.project_id = :p AND a.base_shares IS NOT NULL")
					.param("p", trigger.projectId())
					.query(Agreements::row)
					.list());
		all.sort(TOOK_EFFECT);
		Agreement first = all.get(0);
		List<Segment> ground = BenefitSplit.parse(first.baseShares());
		List<BenefitSplit.Term> terms = all.stream()
			.map(a -> new BenefitSplit.Term(a.validFrom(), a.validTo(), a.introducerUnitId(), a.receiverUnitId(),
					a.shareBp(), a.clueId() != null))
			.toList();
		List<Segment> target = BenefitSplit.applyAll(ground, terms);
		String reason = messages.getMessage("agreement.shareReason", new Object[] { trigger.id(),
				trigger.share().toPlainString(), trigger.validFrom().toString(), trigger.validTo().toString() },
				Locale.SIMPLIFIED_CHINESE);
		for (Segment s : target) {
			List<CreditShares.NewShare> rows = new ArrayList<>();
			s.shares().forEach((unit, bp) -> rows.add(new CreditShares.NewShare(new UnitId(unit), bp)));
			shares.set(new ProjectId(trigger.projectId()), s.from(), rows, reason, user);
		}
	}

	/** What the city bureau may change: share (percent), years, note, and the version read. */
	public record Change(BigDecimal introducerShare, Integer years, String note, Integer version) {
	}

	@Transactional
	public Agreement update(long id, Change in, CurrentUser user) {
		if (user == null || !user.role().isCityWide()) {
			throw new BusinessException(403, "error.forbidden");
		}
		Agreement before = find(id).orElseThrow(NotFoundException::new);
		List<Violation> v = new ArrayList<>();
		Integer bp = Transfers.shareBp(in.introducerShare(), v);
		Transfers.years(in.years(), v);
		String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
		if (note != null && note.length() > NOTE_MAX) {
			v.add(new Violation("note", "transfer.validation.tooLong", NOTE_MAX));
		}
		if (in.version() == null) {
			v.add(new Violation("version", "validation.required"));
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		int n = jdbc.sql("""
				UPDATE benefit_agreement SET share_bp = :bp, years = :y, valid_to = :to, note = :note,
				    version = version + 1, updated_by = :by, updated_at = :at
				WHERE id = :id AND version = :v""")
			.param("bp", bp)
			.param("y", in.years())
			.param("to", end(before.validFrom(), in.years(), before.stageReachedOn()))
			.param("note", note)
			.param("by", user.getUsername())
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("v", in.version())
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("agreement " + id + " changed meanwhile");
		}
		transfers.terms(before.transferId(), bp, in.years());
		Agreement after = find(id).orElseThrow();
		if (after.shareBp() != before.shareBp() || !after.validTo().equals(before.validTo())) {
			apply(after, user);
		}
		auditor.record("benefitAgreement", id, "UPDATE", summary(after), before.auditView(), after.auditView());
		transfers.find(after.transferId()).ifPresent(t -> notices.agreementChanged(t, user));
		return after;
	}

	/** Attaches the signed agreement (the city bureau). */
	@Transactional
	public StoredDocument attach(long id, String fileName, byte[] bytes, CurrentUser user) {
		if (user == null || !user.role().isCityWide()) {
			throw new BusinessException(403, "error.forbidden");
		}
		find(id).orElseThrow(NotFoundException::new);
		return documents.store(fileName, bytes, user, DocumentOwner.of(DOCUMENTS, id), "AGREEMENT", null);
	}

	public List<StoredDocument> documents(long id) {
		return documents.ofOwner(DocumentOwner.of(DOCUMENTS, id));
	}

	static String summary(Agreement a) {
		return (a.subjectCode() == null ? "" : a.subjectCode() + " ") + a.subjectName() + " "
				+ a.share().toPlainString() + "% " + a.validFrom() + ".." + a.validTo();
	}
}
