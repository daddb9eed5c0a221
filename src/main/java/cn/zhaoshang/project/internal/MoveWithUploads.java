package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stage-move forms' use cases around {@link ProjectLedger}: a forward move with the evidence files uploaded in
 * the same form, a move back, and a progress update with its photos. The files are stored in the move's own
 * transaction (the document store joins it) and claimed by it there, so a refused or failed move leaves neither a
 * file nor a row; a refused move's files may then be {@link #keep kept} as the user's unclaimed uploads for the next
 * attempt (the cleanup job removes them if none comes).
 */
@Service
public class MoveWithUploads {

	/** A file chosen on a form, with what it proves (null: a photo, or untagged). */
	public record Upload(String fileName, byte[] bytes, EvidenceKind kind) {
	}

	private final ProjectLedger ledger;
	private final Attachments attachments;

	MoveWithUploads(ProjectLedger ledger, Attachments attachments) {
		this.ledger = ledger;
		this.attachments = attachments;
	}

	/** The stage the move form offers for this project now, if a forward move is possible (see the form for why not). */
	public Optional<Stage> forwardTarget(long id, CurrentUser user) {
		return ledger.editable(id, user).forwardTarget();
	}

	/** The stage the move-back form proposes: one before the current, none from the first. */
	public Optional<Stage> backTarget(long id, CurrentUser user) {
		return Optional.ofNullable(ledger.editable(id, user).stage().previous());
	}

	/**
	 * Moves forward with the files kept from an earlier attempt ({@code move.evidence()}) and those uploaded now, in
	 * one transaction: stored, claimed and linked to the move, or (the move refused) none of it.
	 */
	@Transactional
	public ProjectLedger.MoveOutcome forward(long id, StageMoveRequest move, List<Upload> uploads, CurrentUser user) {
		List<Long> evidence = new ArrayList<>(kept(move.evidence(), user, id));
		for (Upload u : uploads) {
			try {
				evidence.add(attachments.store(u.fileName(), u.bytes(), user, null, "EVIDENCE", u.kind()).id());
			}
			catch (BusinessException e) {
				// a file refused by type, size or scanner: said on the evidence field, like the gate's own rules
				throw new InvalidInputException(List.of(new Violation("evidenceIds", e.messageKey(), e.args())));
			}
		}
		return ledger.move(id, move.withEvidence(evidence), user);
	}

	/**
	 * The files of a refused attempt, for the form shown again: those kept from before that the user may still name,
	 * and the new uploads stored as the user's unclaimed files, each in a transaction of its own (the move's was
	 * rolled back); a file the store refuses is left out (the form says why).
	 */
	public List<Attachments.Attachment> keep(long id, List<Long> earlier, List<Upload> uploads, CurrentUser user) {
		List<Attachments.Attachment> kept = new ArrayList<>();
		kept(earlier, user, id).forEach(a -> attachments.find(a).ifPresent(kept::add));
		for (Upload u : uploads) {
			try {
				kept.add(attachments.store(u.fileName(), u.bytes(), user, null, "EVIDENCE", u.kind()));
			}
			catch (BusinessException e) {
				// refused by type, size or scanner: not kept
			}
		}
		return kept;
	}

	/** The city bureau moves a project back to an earlier stage, with a reason. */
	@Transactional
	public ProjectLedger.MoveOutcome back(long id, Stage to, String reason, CurrentUser user) {
		ledger.editable(id, user).checkBackTarget(to);
		return ledger.move(id, StageMoveRequest.back(to, reason), user);
	}

	/**
	 * A progress update with its photos (JPEG or PNG), stored in the update's transaction. Photos of an update that
	 * is incomplete anyway are not even looked at: the update is refused first.
	 */
	@Transactional
	public long progress(long id, LocalDate date, String text, BigDecimal paidIn, List<Upload> photos,
			CurrentUser user) {
		List<Long> ids = new ArrayList<>();
		if (date != null && text != null && !text.isBlank()) {
			for (Upload photo : photos) {
				if (!attachments.isImage(photo.bytes())) {
					throw new BusinessException(415, "ledger.photo.notImage");
				}
			}
			for (Upload photo : photos) {
				ids.add(attachments.store(photo.fileName(), photo.bytes(), user, null, "PHOTO", null).id());
			}
		}
		return ledger.recordProgress(id, date, text, paidIn, ids, user);
	}

	/** Files of an earlier attempt that are still this user's and unclaimed (or already on this project). */
	private List<Long> kept(List<Long> ids, CurrentUser user, long projectId) {
		List<Long> out = new ArrayList<>();
		for (Long aid : ids) {
			if (aid != null) {
				attachments.find(aid).filter(a -> attachments.claimable(a, user, projectId)).ifPresent(a -> out.add(a.id()));
			}
		}
		return out;
	}
}
