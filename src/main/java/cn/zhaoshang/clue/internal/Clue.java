package cn.zhaoshang.clue.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.clue.ClueAssigned;
import cn.zhaoshang.clue.ClueFollowedUp;
import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.ClueStatusChanged;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A clue (aggregate root). Status changes only through the guarded transitions below, each of which throws a
 * {@link BusinessException} with a message key when the clue is not in a state that allows it, and registers an
 * event. Ownership (unit, assignee) changes only through {@link #assign} and {@link #returnToPool}.
 */
@Table("clue")
public class Clue extends AbstractAggregateRoot<Clue> {

	@Id
	Long id;
	String title;
	Long merchantId;
	String enterpriseName;
	Long chainId;
	String chainLink;
	BigDecimal estimatedInvestment;
	PromotionMode promotionMode;
	ClueSource source;
	Long sourceUnitId;
	String sourceCredit;
	Long ownerUnitId;
	Long assigneeId;
	ClueStatus status = ClueStatus.NEW;
	String invalidReason;
	String description;
	Long projectId;
	String projectCode;
	LocalDate lastFollowUpAt;
	Long submittedById;
	@Version
	Integer version;
	String createdBy;
	Instant createdAt;
	Instant updatedAt;

	public ClueId id() {
		return new ClueId(id);
	}

	public ClueStatus status() {
		return status;
	}

	public UnitId owner() {
		return UnitId.of(ownerUnitId);
	}

	public UserId assignee() {
		return assigneeId == null ? null : new UserId(assigneeId);
	}

	public Long submittedById() {
		return submittedById;
	}

	public Integer version() {
		return version;
	}

	public String title() {
		return title;
	}

	/** A new clue: NEW, its staleness counted from today until the first follow-up. */
	static Clue logged(ClueSource source, String createdBy, Long submittedById, LocalDate today, Instant now) {
		Clue c = new Clue();
		c.source = source;
		c.createdBy = createdBy;
		c.submittedById = submittedById;
		c.lastFollowUpAt = today;
		c.createdAt = now;
		c.updatedAt = now;
		return c;
	}

	/** Applies the editable facts; the enterprise is resolved by the caller. */
	void edit(ClueDetails d, Long merchantId, String enterpriseName, Instant now) {
		this.title = d.clueTitle().trim();
		this.merchantId = merchantId;
		this.enterpriseName = enterpriseName;
		this.chainId = d.chainId();
		this.chainLink = blankToNull(d.chainLink());
		this.estimatedInvestment = d.estimatedInvestment();
		this.promotionMode = d.promotionMode();
		this.description = blankToNull(d.notes());
		this.updatedAt = now;
	}

	/** Who gets the credit: the source kind, a unit of ours when it is one, and the person or organisation. */
	void credit(ClueSource source, Long sourceUnitId, String sourceCredit) {
		this.source = source;
		this.sourceUnitId = sourceUnitId;
		this.sourceCredit = blankToNull(sourceCredit);
	}

	/** Links the enterprise typed as free text to a merchant of the database. */
	void matched(MerchantId merchant, String name, Instant now) {
		this.merchantId = merchant.value();
		this.enterpriseName = name;
		this.updatedAt = now;
	}

	/** Only open clues change; converted and invalid ones are final. */
	public void requireOpen() {
		if (!status.isOpen()) {
			throw new BusinessException(409, "clue.error.closed");
		}
	}

	/** A follow-up was recorded: the first one moves NEW to FOLLOWING; the latest date is kept for staleness. */
	void followedUp(LocalDate date, Instant now) {
		requireOpen();
		// The first follow-up replaces the creation date even when back-dated: it is the first real contact. Later
		// ones move the date only forward, so a follow-up typed in late never makes a clue look more neglected.
		if (status == ClueStatus.NEW || lastFollowUpAt == null || date.isAfter(lastFollowUpAt)) {
			this.lastFollowUpAt = date;
		}
		this.updatedAt = now;
		registerEvent(new ClueFollowedUp(id(), owner(), date, lastFollowUpAt));
		if (status == ClueStatus.NEW) {
			move(ClueStatus.FOLLOWING);
		}
	}

	/** The enterprise confirmed its intent: only from FOLLOWING (a clue nobody followed up cannot be confirmed). */
	void confirm(Instant now) {
		if (status != ClueStatus.FOLLOWING) {
			throw new BusinessException(status == ClueStatus.NEW ? "clue.error.confirmNeedsFollowUp"
					: "clue.error.confirmNotFollowing");
		}
		this.updatedAt = now;
		move(ClueStatus.CONFIRMED);
	}

	/** Dropped, with a reason; from any open status. */
	void invalidate(String reason, Instant now) {
		requireOpen();
		if (reason == null || reason.isBlank()) {
			throw new FieldException("reason", "validation.required");
		}
		this.invalidReason = reason.trim();
		this.updatedAt = now;
		move(ClueStatus.INVALID);
	}

	/** Converted into a project of the ledger; only a CONFIRMED clue may be. */
	void converted(long projectId, String projectCode, Instant now) {
		if (status != ClueStatus.CONFIRMED) {
			throw new BusinessException("clue.error.convertNotConfirmed");
		}
		this.projectId = projectId;
		this.projectCode = projectCode;
		this.updatedAt = now;
		move(ClueStatus.CONVERTED);
	}

	/** Assigned or reassigned to a unit (and optionally one of its users). */
	void assign(UnitId unit, UserId user, String reason, Instant now) {
		requireOpen();
		UnitId fromUnit = owner();
		UserId fromUser = assignee();
		this.ownerUnitId = unit.value();
		this.assigneeId = user == null ? null : user.value();
		this.updatedAt = now;
		registerEvent(new ClueAssigned(id(), fromUnit, fromUser, unit, user, reason));
	}

	/** Back to the city pool for reassignment: no owner, no assignee. */
	void returnToPool(String reason, Instant now) {
		requireOpen();
		if (ownerUnitId == null) {
			throw new BusinessException(409, "clue.error.alreadyInPool");
		}
		if (reason == null || reason.isBlank()) {
			throw new FieldException("reason", "validation.required");
		}
		UnitId fromUnit = owner();
		UserId fromUser = assignee();
		this.ownerUnitId = null;
		this.assigneeId = null;
		this.updatedAt = now;
		registerEvent(new ClueAssigned(id(), fromUnit, fromUser, null, null, reason.trim()));
	}

	private void move(ClueStatus to) {
		ClueStatus from = status;
		this.status = to;
		registerEvent(new ClueStatusChanged(id(), owner(), from, to));
	}

	public ClueSummary summary() {
		return new ClueSummary(id(), title, merchantId == null ? null : new MerchantId(merchantId), enterpriseName,
				chainId == null ? null : new ChainId(chainId), chainLink, estimatedInvestment, promotionMode, source,
				UnitId.of(sourceUnitId), sourceCredit, owner(), assignee(), status, invalidReason, ProjectId.of(projectId),
				projectCode, lastFollowUpAt, version == null ? 0 : version);
	}

	/** The events registered and not yet published (for tests of the transitions). */
	java.util.List<Object> pendingEvents() {
		return java.util.List.copyOf(domainEvents());
	}

	/** The fields the audit trail records. */
	Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("clueTitle", title);
		m.put("enterpriseName", enterpriseName);
		m.put("merchantId", merchantId);
		m.put("chainId", chainId);
		m.put("chainLink", chainLink);
		m.put("estimatedInvestment",
				estimatedInvestment == null ? null
						: estimatedInvestment.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
		m.put("promotionMode", promotionMode);
		m.put("source", source);
		m.put("sourceUnitId", sourceUnitId);
		m.put("sourceCredit", sourceCredit);
		m.put("ownerUnitId", ownerUnitId);
		m.put("assigneeId", assigneeId);
		m.put("status", status);
		m.put("invalidReason", invalidReason);
		m.put("projectCode", projectCode);
		m.put("notes", description);
		m.values().removeIf(java.util.Objects::isNull);
		return m;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
