package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.project.EvidenceKind;

import org.springframework.stereotype.Service;

/**
 * The ledger's write use cases under their former names, for the callers that have not moved to the use-case
 * classes yet (the stage pages, the ledger import and generator, tests of parallel branches). No rule lives here:
 * each method hands over to {@link ProjectAccess}, {@link CreateProject}, {@link EditProject},
 * {@link MoveProjectStage}, {@link ReviewStageMove}, {@link RecordProgress}, {@link AttachToProject} or
 * {@link ProjectCodes}. New code injects the use case it needs.
 */
@Service
public class ProjectLedger {

	private final ProjectAccess access;
	private final CreateProject create;
	private final EditProject edit;
	private final MoveProjectStage move;
	private final ReviewStageMove review;
	private final RecordProgress progress;
	private final AttachToProject attach;
	private final ProjectCodes codes;

	ProjectLedger(ProjectAccess access, CreateProject create, EditProject edit, MoveProjectStage move,
			ReviewStageMove review, RecordProgress progress, AttachToProject attach, ProjectCodes codes) {
		this.access = access;
		this.create = create;
		this.edit = edit;
		this.move = move;
		this.review = review;
		this.progress = progress;
		this.attach = attach;
		this.codes = codes;
	}

	public Project readable(long id, CurrentUser user) {
		return access.readable(id, user);
	}

	public Project editable(long id, CurrentUser user) {
		return access.editable(id, user);
	}

	public Attachments.Attachment readableAttachment(long attachmentId, CurrentUser user) {
		return access.readableAttachment(attachmentId, user);
	}

	public boolean canEdit(Project p, CurrentUser user) {
		return access.canEdit(p, user);
	}

	public Project create(ProjectDetails d, CurrentUser user) {
		return create.execute(d, user);
	}

	public Project update(long id, ProjectDetails d, CurrentUser user) {
		return edit.execute(id, d, user);
	}

	/** The outcome of a requested move. */
	public record MoveOutcome(long moveId, boolean applied) {
	}

	public MoveOutcome move(long id, StageMoveRequest request, CurrentUser user) {
		var outcome = move.execute(id, request, user);
		return new MoveOutcome(outcome.moveId(), outcome.applied());
	}

	public void review(long projectId, long moveId, boolean approve, String opinion, CurrentUser user) {
		review.execute(projectId, moveId, approve, opinion, user);
	}

	public long recordProgress(long id, LocalDate date, String text, BigDecimal paidIn, List<Long> photoIds,
			CurrentUser user) {
		return progress.execute(id, date, text, paidIn, photoIds, user);
	}

	public Attachments.Attachment attach(long id, String fileName, byte[] bytes, String kind, CurrentUser user) {
		return attach.execute(id, fileName, bytes, kind, null, user);
	}

	public Attachments.Attachment attach(long id, String fileName, byte[] bytes, String kind,
			EvidenceKind evidenceKind, CurrentUser user) {
		return attach.execute(id, fileName, bytes, kind, evidenceKind, user);
	}

	List<String> nextCodes(int count) {
		return codes.next(count);
	}
}
