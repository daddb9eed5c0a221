package cn.zhaoshang.clue.internal;

import java.util.Optional;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;

import org.springframework.stereotype.Service;

/**
 * The clue database's write use cases under their former names, for the callers that have not moved to the use-case
 * classes yet (the clue import, tests of parallel branches). No rule lives here: each method hands over to one use
 * case ({@link LogClue}, {@link SubmitClue}, {@link EditClue}, {@link MatchClue}, {@link RegisterClueMerchant},
 * {@link FollowUpClue}, {@link ConfirmClue}, {@link InvalidateClue}, {@link AssignClue}, {@link ReturnClueToPool},
 * {@link MarkClueConverted}) or to {@link ClueLookup}. New code injects the use case it needs.
 */
@Service
public class ClueBook {

	private final ClueLookup lookup;
	private final LogClue log;
	private final SubmitClue submit;
	private final EditClue edit;
	private final MatchClue match;
	private final RegisterClueMerchant registerMerchant;
	private final FollowUpClue followUp;
	private final ConfirmClue confirm;
	private final InvalidateClue invalidate;
	private final AssignClue assign;
	private final ReturnClueToPool returnToPool;
	private final MarkClueConverted markConverted;

	ClueBook(ClueLookup lookup, LogClue log, SubmitClue submit, EditClue edit, MatchClue match,
			RegisterClueMerchant registerMerchant, FollowUpClue followUp, ConfirmClue confirm,
			InvalidateClue invalidate, AssignClue assign, ReturnClueToPool returnToPool,
			MarkClueConverted markConverted) {
		this.lookup = lookup;
		this.log = log;
		this.submit = submit;
		this.edit = edit;
		this.match = match;
		this.registerMerchant = registerMerchant;
		this.followUp = followUp;
		this.confirm = confirm;
		this.invalidate = invalidate;
		this.assign = assign;
		this.returnToPool = returnToPool;
		this.markConverted = markConverted;
	}

	public Clue readable(long id, CurrentUser user) {
		return lookup.readable(id, user);
	}

	public Clue editable(long id, CurrentUser user) {
		return lookup.editable(id, user);
	}

	public Clue followable(long id, CurrentUser user) {
		return lookup.followable(id, user);
	}

	public Clue assignable(long id, CurrentUser user) {
		return lookup.assignable(id, user);
	}

	public Clue returnable(long id, CurrentUser user) {
		return lookup.returnable(id, user);
	}

	public Optional<Clue> find(long id) {
		return lookup.find(id);
	}

	public Optional<Clue> ofProject(ProjectId project) {
		return lookup.ofProject(project);
	}

	public Clue create(ClueDetails d, CurrentUser user) {
		return log.execute(d, user);
	}

	/** For the clue import, which writes in its own transaction. */
	Clue create(ClueDetails d, CurrentUser user, ClueStatus status) {
		return log.execute(d, user, status);
	}

	public Clue submit(ClueDetails d, CurrentUser user) {
		return submit.execute(d, user);
	}

	public Clue update(long id, ClueDetails d, CurrentUser user) {
		return edit.execute(id, d, user);
	}

	public Clue match(long id, long merchantId, CurrentUser user) {
		return match.execute(id, merchantId, user);
	}

	public Clue registerMerchant(long id, CurrentUser user) {
		return registerMerchant.execute(id, user);
	}

	public long followUp(long id, FollowUpInput in, CurrentUser user) {
		return followUp.execute(id, in, user);
	}

	public Clue confirm(long id, CurrentUser user) {
		return confirm.execute(id, user);
	}

	public Clue invalidate(long id, String reason, CurrentUser user) {
		return invalidate.execute(id, reason, user);
	}

	public Clue assign(long id, Long unitId, Long userId, String reason, CurrentUser user) {
		return assign.execute(id, unitId, userId, reason, user);
	}

	public Clue returnToPool(long id, String reason, CurrentUser user) {
		return returnToPool.execute(id, reason, user);
	}

	public Clue markConverted(long id, ProjectId project, String projectCode, MerchantId merchant,
			CurrentUser user) {
		return markConverted.execute(id, project, projectCode, merchant, user);
	}
}
