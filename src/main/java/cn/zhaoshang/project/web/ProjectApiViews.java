package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.Milestones;
import cn.zhaoshang.project.ProjectMilestone;
import cn.zhaoshang.project.internal.ProjectQueries;

/**
 * What {@code /api/v1/projects} and {@code /api/v1/attachments} read and write, as records: camelCase English
 * names, enums by their exact names, amounts (万元, foreign investment 万美元) as JSON numbers with two decimals.
 * The read model's types stay internal; these are the published shape.
 */
final class ProjectApiViews {

	private ProjectApiViews() {
	}

	/**
	 * A row of {@code GET /api/v1/projects}. {@code type} is the primary (first) of {@code types}, kept for older
	 * clients and deprecated: read {@code types}.
	 */
	record ProjectItem(long id, String code, String name, String investorName, String investorUscc, long unitId,
			String unitName, long chainId, String chainName, ProjectType type, Stage stage, ProjectStatus status,
			BigDecimal plannedInvestment, BigDecimal foreignInvestment, BigDecimal contractedInvestment,
			BigDecimal paidInInvestment, boolean keyProject, boolean evidencePending, boolean pendingReview,
			boolean namesUnmatched, String leaderName, String chiefAttendantName, LocalDate signedDate,
			LocalDate commencedDate, LocalDate productionDate, String latestProgress, LocalDate latestProgressDate,
			Instant updatedAt, List<ProjectType> types, boolean stalled, int stalledRounds) {

		static ProjectItem of(ProjectQueries.Row r) {
			return new ProjectItem(r.id(), r.code(), r.name(), r.investorName(), r.investorUscc(), r.unitId(),
					r.unitName(), r.chainId(), r.chainName(), r.type(), r.stage(), r.status(),
					money(r.plannedInvestment()), money(r.foreignInvestment()), money(r.contractedInvestment()),
					money(r.paidInInvestment()), r.keyProject(), r.evidencePending(), r.pendingReview(),
					r.namesUnmatched(), r.leaderName(), r.chiefAttendantName(), r.signedDate(), r.commencedDate(),
					r.productionDate(), r.latestProgress(), r.latestProgressDate(), r.updatedAt(), r.types().list(),
					r.stalled(), r.stalledRounds());
		}

		@Override
		@Deprecated
		public ProjectType type() {
			return type;
		}
	}

	/** Sums of the whole filtered set, not of the page. */
	record Sums(BigDecimal plannedInvestment, BigDecimal contractedInvestment, BigDecimal paidInInvestment,
			BigDecimal fundsInPlace) {

		static Sums of(ProjectQueries.Totals t) {
			return new Sums(money(t.plannedInvestment()), money(t.contractedInvestment()), money(t.paidInInvestment()),
					money(t.fundsInPlace()));
		}
	}

	/** {@code GET /api/v1/projects}: one page, the filtered set's size and sums. {@code page} is 1-based. */
	record ProjectList(List<ProjectItem> items, long total, int page, int size, Sums sums) {

		static ProjectList of(ProjectQueries.Listing p) {
			var t = p.totals();
			return new ProjectList(p.items().stream().map(ProjectItem::of).toList(), t.count(), p.page(), p.size(),
					Sums.of(t));
		}
	}

	/** One group of {@code GET /api/v1/projects/groups}: the unit's or chain's id (a stage's name), its name, count, sums. */
	record GroupJson(String key, String label, long total, Sums sums) {

		static GroupJson of(ProjectQueries.Group g) {
			return new GroupJson(g.key(), g.label(), g.totals().count(), Sums.of(g.totals()));
		}
	}

	/**
	 * {@code GET /api/v1/projects/groups}: the filtered set grouped by {@code unit}, {@code chain} or {@code stage}
	 * (the grouped ledger page's figures), and the whole set's count and sums.
	 */
	record ProjectGroups(String by, List<GroupJson> groups, long total, Sums sums) {

		static ProjectGroups of(ProjectQueries.Grouped g) {
			return new ProjectGroups(g.by(), g.groups().stream().map(GroupJson::of).toList(), g.total().count(),
					Sums.of(g.total()));
		}
	}

	/** An attachment's metadata; the bytes are at {@code GET /api/v1/attachments/{id}}. */
	record AttachmentJson(long id, String fileName, String contentType, long sizeBytes, String kind,
			Long projectId, String uploadedBy, Instant uploadedAt) {

		static AttachmentJson of(Attachments.Attachment a) {
			return new AttachmentJson(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.kind(), a.projectId(),
					a.uploadedBy(), a.uploadedAt());
		}
	}

	/** A line of the stage timeline, with its evidence and review. */
	record MoveJson(long id, Stage fromStage, Stage toStage, ProjectStatus fromStatus, ProjectStatus toStatus,
			LocalDate date, ContractType contractType, BigDecimal amount, String reason, String state,
			String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String opinion,
			List<Long> evidenceIds, List<AttachmentJson> evidence) {

		static MoveJson of(ProjectQueries.Move m) {
			return new MoveJson(m.id(), m.fromStage(), m.toStage(), m.fromStatus(), m.toStatus(), m.date(),
					m.contractType(), money(m.amount()), m.reason(), m.state(), m.submittedBy(), m.submittedAt(),
					m.reviewedBy(), m.reviewedAt(), m.opinion(),
					m.evidence().stream().map(Attachments.Attachment::id).toList(),
					m.evidence().stream().map(AttachmentJson::of).toList());
		}
	}

	/** A progress update with its photos. */
	record ProgressJson(long id, LocalDate date, String text, BigDecimal paidInInvestment, String createdBy,
			Instant createdAt, List<Long> photoIds) {

		static ProgressJson of(ProjectQueries.Progress p) {
			return new ProgressJson(p.id(), p.date(), p.text(), money(p.paidInInvestment()), p.createdBy(),
					p.createdAt(), p.photos().stream().map(Attachments.Attachment::id).toList());
		}
	}

	/**
	 * {@code GET /api/v1/projects/{id}}: every field, the stage facts, the timeline (newest first), progress
	 * (newest first) and attachments. {@code version} goes back with a PUT; {@code editable} says whether this
	 * user may change the project. {@code type} (deprecated) is the primary of {@code types};
	 * {@code negotiationDate} is 洽谈日期, {@code registeredDate} the REGISTERED milestone (注册日期), whose
	 * recordings are listed in {@code milestones}.
	 */
	record ProjectJson(long id, String code, String name, String investorName, String investorUscc, long unitId,
			String unitName, Long introUnitId, String introUnitName, String introducers, long chainId,
			String chainName, String chainLink, ProjectType type, PromotionMode promotionMode, Stage stage,
			ProjectStatus status, String statusReason, BigDecimal plannedInvestment, BigDecimal foreignInvestment,
			BigDecimal contractedInvestment, BigDecimal paidInInvestment, BigDecimal actualInvestment,
			BigDecimal annualOutput, BigDecimal annualTax, Integer jobs, BigDecimal landNeedMu,
			BigDecimal factoryNeedM2, boolean keyProject, ContractType contractType, LocalDate signedDate,
			LocalDate commencedDate, LocalDate productionDate, Long leaderId, String leaderName,
			Long chiefAttendantId, String chiefAttendantName, boolean namesUnmatched, boolean evidencePending,
			boolean pendingReview, Long pendingMoveId, String problems, String description, String latestProgress,
			LocalDate latestProgressDate, String createdBy, Instant createdAt, Instant updatedAt, int version,
			boolean editable, List<MoveJson> timeline, List<ProgressJson> progress,
			List<AttachmentJson> attachments, List<ProjectType> types, LocalDate negotiationDate,
			LocalDate registeredDate, List<MilestoneJson> milestones) {

		static ProjectJson of(ProjectQueries.Detail d, boolean editable, List<ProjectQueries.Move> timeline,
				List<ProjectQueries.Progress> progress, List<Attachments.Attachment> attachments,
				List<Milestones.Line> milestones) {
			var r = d.row();
			return new ProjectJson(r.id(), r.code(), r.name(), r.investorName(), r.investorUscc(), r.unitId(),
					r.unitName(), d.introUnitId(), d.introUnitName(), d.introducers(), r.chainId(), r.chainName(),
					d.chainLink(), r.type(), d.promotionMode(), r.stage(), r.status(), d.statusReason(),
					money(r.plannedInvestment()), money(r.foreignInvestment()), money(r.contractedInvestment()),
					money(r.paidInInvestment()), money(d.actualInvestment()), money(d.annualOutput()),
					money(d.annualTax()), d.jobs(), money(d.landNeedMu()), money(d.factoryNeedM2()), r.keyProject(),
					d.contractType(), r.signedDate(), r.commencedDate(), r.productionDate(), d.leaderId(),
					r.leaderName(), d.chiefAttendantId(), r.chiefAttendantName(), r.namesUnmatched(),
					r.evidencePending(), r.pendingReview(), d.pendingMoveId(), d.problems(), d.description(),
					r.latestProgress(), r.latestProgressDate(), d.createdBy(), d.createdAt(), r.updatedAt(),
					d.version(), editable, timeline.stream().map(MoveJson::of).toList(),
					progress.stream().map(ProgressJson::of).toList(),
					attachments.stream().map(AttachmentJson::of).toList(), r.types().list(), d.negotiationDate(),
					d.registeredDate(), milestones.stream().map(MilestoneJson::of).toList());
		}

		@Override
		@Deprecated
		public ProjectType type() {
			return type;
		}
	}

	/** A recorded milestone (REGISTERED): its date, the date it corrected, who recorded it and when. */
	record MilestoneJson(ProjectMilestone milestone, LocalDate date, LocalDate previousDate, String recordedBy,
			Instant recordedAt) {

		static MilestoneJson of(Milestones.Line l) {
			return new MilestoneJson(l.milestone(), l.date(), l.previous(), l.recordedBy(), l.recordedAt());
		}
	}

	/** {@code POST /api/v1/projects/{id}/registration}: the registration date (not in the future). */
	record RegistrationBody(LocalDate registeredDate) {
	}

	/** {@code POST /api/v1/projects/{id}/stage-moves}: applied at once, or submitted for review (applied=false). */
	record MoveOutcomeJson(long moveId, boolean applied) {
	}

	/** {@code POST .../stage-moves/{moveId}/review}: approve, or return with an opinion. */
	record ReviewBody(@NotNull(message = "{validation.required}") Boolean approve,
			@Size(max = 500, message = "{validation.size}") String opinion) {
	}

	/** What a review left: the move's state and the project's stage afterwards. */
	record ReviewOutcomeJson(long moveId, String state, Stage stage, ProjectStatus status) {
	}

	/**
	 * {@code POST /api/v1/projects/{id}/progress}: a dated update, paid-in investment to date (万元) and photos
	 * uploaded before through {@code POST /api/v1/attachments}. Checked by the use case, which names each field.
	 */
	record ProgressBody(LocalDate date, String text, BigDecimal paidInInvestment, List<Long> photoIds) {
	}

	/** {@code 201} answer of a progress update. */
	record ProgressOutcomeJson(long id, LocalDate latestProgressDate, String latestProgress,
			BigDecimal paidInInvestment) {
	}

	/** {@code 201} answer of an upload. */
	record UploadJson(long id, String fileName, String contentType, long sizeBytes, Long projectId, String kind,
			cn.zhaoshang.project.EvidenceKind evidenceKind) {

		static UploadJson of(Attachments.Attachment a) {
			return new UploadJson(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.projectId(), a.kind(),
					a.evidenceKind());
		}
	}

	/** Amounts always leave with two decimals (12000 → 12000.00), whatever scale the database returned. */
	static BigDecimal money(BigDecimal v) {
		return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
	}
}
