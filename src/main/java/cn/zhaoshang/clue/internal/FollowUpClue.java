package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dated follow-up by an editor of the clue or its assignee ({@link ClueLookup#followable}); the first one moves
 * NEW to FOLLOWING. Returns the follow-up's id.
 */
@Service
public class FollowUpClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final Clock clock;

	FollowUpClue(ClueRepository clues, ClueLookup lookup, Auditor auditor, JdbcClient jdbc, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public long execute(long id, FollowUpInput in, CurrentUser user) {
		Clue c = lookup.followable(id, user);
		c.requireOpen();
		validate(in, LocalDate.now(clock));
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue_follow_up (clue_id, follow_up_date, kind, people_met, content, next_step, next_date,
				    created_by, created_at)
				VALUES (:c, :d, :k, :people, :content, :next, :nextDate, :by, :at)""")
			.param("c", c.id)
			.param("d", in.followUpDate())
			.param("k", in.followUpKind().name())
			.param("people", Clue.blankToNull(in.peopleMet()))
			.param("content", in.content().trim())
			.param("next", Clue.blankToNull(in.nextStep()))
			.param("nextDate", in.nextDate())
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		var before = c.auditView();
		c.followedUp(in.followUpDate(), now);
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "FOLLOW_UP",
				saved.title + " " + in.followUpDate() + " " + abbreviate(in.content().trim()), before, saved.auditView());
		return keys.getKey().longValue();
	}

	private static void validate(FollowUpInput in, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		if (in.followUpDate() == null) {
			violations.add(new Violation("followUpDate", "validation.required"));
		}
		else if (in.followUpDate().isAfter(today)) {
			violations.add(new Violation("followUpDate", "validation.notFuture"));
		}
		if (in.followUpKind() == null) {
			violations.add(new Violation("followUpKind", "validation.required"));
		}
		if (in.content() == null || in.content().isBlank()) {
			violations.add(new Violation("content", "validation.required"));
		}
		else if (in.content().length() > 2000) {
			violations.add(new Violation("content", "validation.size"));
		}
		if (in.peopleMet() != null && in.peopleMet().length() > 200) {
			violations.add(new Violation("peopleMet", "validation.size"));
		}
		if (in.nextStep() != null && in.nextStep().length() > 500) {
			violations.add(new Violation("nextStep", "validation.size"));
		}
		if (in.nextDate() != null && in.followUpDate() != null && in.nextDate().isBefore(in.followUpDate())) {
			violations.add(new Violation("nextDate", "clue.validation.nextDateBeforeDate"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}
}
