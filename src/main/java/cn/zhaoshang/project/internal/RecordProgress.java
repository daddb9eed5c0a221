package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dated progress update, optionally with paid-in investment to date and photos. Returns the update's id. */
@Service
public class RecordProgress {

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final Attachments attachments;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final CumulativeFunds funds;

	RecordProgress(ProjectRepository projects, ProjectAccess access, Attachments attachments, Auditor auditor,
			JdbcClient jdbc, Clock clock, CumulativeFunds funds) {
		this.projects = projects;
		this.access = access;
		this.attachments = attachments;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.funds = funds;
	}

	@Transactional
	public long execute(long id, LocalDate date, String text, BigDecimal paidIn, List<Long> photoIds,
			CurrentUser user) {
		Project p = access.editable(id, user);
		validate(date, text, paidIn);
		// paid-in to date becomes funds rows (ADR 0010): a figure below them is refused before anything is written;
		// a back-dated update stays in the history only, as it always did (its figure is older than the ledger's)
		boolean latest = date != null && (p.latestProgressDate == null || !date.isBefore(p.latestProgressDate));
		if (latest) {
			funds.check(p, date, paidIn, "paidInInvestment");
		}
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		// the statement of the batch writer (import, generator), so that an update is stored one way
		jdbc.sql(ProgressRows.INSERT)
			.param("p", p.id)
			.param("d", date)
			.param("t", text.trim())
			.param("paid", paidIn)
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long progressId = keys.getKey().longValue();
		List<Long> photos = photoIds == null ? List.of() : photoIds.stream().distinct().toList();
		if (!photos.isEmpty()) {
			attachments.claim(photos, p.id, user, "PHOTO");
			for (Long photo : photos) {
				jdbc.sql("INSERT INTO project_progress_photo (progress_id, attachment_id) VALUES (:g, :a)")
					.param("g", progressId)
					.param("a", photo)
					.update();
			}
		}
		var before = p.auditView();
		p.progressRecorded(date, text.trim(), paidIn, now);
		Project saved = projects.save(p);
		if (latest) {
			funds.book(saved, date, paidIn, user.getUsername());
			funds.recompute(saved);
		}
		auditor.record("project", saved.id, "PROGRESS", saved.code + " " + date + " " + abbreviate(text.trim()),
				before, saved.auditView());
		return progressId;
	}

	private void validate(LocalDate date, String text, BigDecimal paidIn) {
		var violations = new ArrayList<Violation>();
		if (date == null) {
			violations.add(new Violation("progressDate", "validation.required"));
		}
		else if (date.isAfter(LocalDate.now(clock))) {
			violations.add(new Violation("progressDate", "validation.notFuture"));
		}
		if (text == null || text.isBlank()) {
			violations.add(new Violation("text", "validation.required"));
		}
		else if (text.length() > 2000) {
			violations.add(new Violation("text", "validation.size"));
		}
		Amount.violation("paidInInvestment", paidIn).ifPresent(violations::add);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}
}
