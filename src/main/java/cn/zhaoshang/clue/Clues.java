package cn.zhaoshang.clue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.clue.internal.Clue;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.MarkClueConverted;
import cn.zhaoshang.clue.internal.ReturnClueToPool;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue database as other modules use it: the project module converts clues (it depends on this module, never
 * the reverse), the notification module finds stale clues and returns them to the city pool. Every write checks
 * the user's rights and is audited, exactly as on the clue pages.
 */
@Service
public class Clues {

	private final ClueLookup lookup;
	private final MarkClueConverted markConverted;
	private final ReturnClueToPool returnToPool;
	private final JdbcClient jdbc;

	Clues(ClueLookup lookup, MarkClueConverted markConverted, ReturnClueToPool returnToPool, JdbcClient jdbc) {
		this.lookup = lookup;
		this.markConverted = markConverted;
		this.returnToPool = returnToPool;
		this.jdbc = jdbc;
	}

	public Optional<ClueSummary> find(ClueId id) {
		return lookup.find(id.value()).map(Clues::summary);
	}

	/** The clue if the user may read it, else {@link cn.zhaoshang.platform.NotFoundException}. */
	public ClueSummary readable(ClueId id, CurrentUser user) {
		return summary(lookup.readable(id.value(), user));
	}

	/**
	 * The clue the user is about to convert: it must be editable by the user (else 404/403) and CONFIRMED (else a
	 * 422 {@link BusinessException} {@code clue.error.convertNotConfirmed}).
	 */
	public ClueSummary convertible(ClueId id, CurrentUser user) {
		Clue c = lookup.editable(id.value(), user);
		if (c.status() != ClueStatus.CONFIRMED) {
			throw new BusinessException("clue.error.convertNotConfirmed");
		}
		return summary(c);
	}

	/**
	 * Marks a CONFIRMED clue CONVERTED with a link to its new project. Joins the caller's transaction, so the
	 * project and the clue change together or not at all.
	 */
	@Transactional
	public ClueSummary markConverted(ClueId id, ProjectId project, String projectCode, CurrentUser user) {
		return summary(markConverted.execute(id.value(), project, projectCode, null, user));
	}

	/**
	 * {@link #markConverted(ClueId, ProjectId, String, CurrentUser)}, also linking a clue that named its enterprise only
	 * as text to the merchant the project was registered with.
	 */
	@Transactional
	public ClueSummary markConverted(ClueId id, ProjectId project, String projectCode, MerchantId merchant,
			CurrentUser user) {
		return summary(markConverted.execute(id.value(), project, projectCode, merchant, user));
	}

	/** The clue a project was converted from, if any. */
	public Optional<ClueSummary> ofProject(ProjectId project) {
		return lookup.ofProject(project).map(Clues::summary);
	}

	/** Sends any open clue back to the city pool, with a reason (its unit manager, its assignee, the city bureau). */
	@Transactional
	public ClueSummary returnToPool(ClueId id, String reason, CurrentUser user) {
		return summary(returnToPool.execute(id.value(), reason, user));
	}

	/**
	 * Open clues not flagged stale whose latest follow-up (or creation, while none) is before {@code cutoff}: the
	 * stale candidates (a flagged clue was notified when it became stale; a follow-up clears the flag).
	 */
	public List<ClueId> openNotFlaggedIdleSince(LocalDate cutoff) {
		// only ids (cheap at a million clues), oldest first; each is read when it is flagged (issue 15: reading every
		// idle clue's aggregate at once ran a 256 MB heap out of memory at start-up on 100x Puyang's data)
		return jdbc.sql("""
				SELECT id FROM clue WHERE status IN ('NEW', 'FOLLOWING', 'CONFIRMED') AND last_follow_up_at < :cutoff
				AND stale_since IS NULL ORDER BY last_follow_up_at, id""")
			.param("cutoff", cutoff)
			.query(Long.class)
			.list()
			.stream()
			.map(ClueId::new)
			.toList();
	}

	private static ClueSummary summary(Clue c) {
		return c.summary();
	}
}
