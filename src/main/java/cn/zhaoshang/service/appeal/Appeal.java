package cn.zhaoshang.service.appeal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enterprise's appeal (aggregate root). State changes only through the guarded transitions below, each refusing
 * (422) what the status does not allow: acknowledge a received appeal, answer an open one, rate an answered one,
 * reopen one rated not satisfied. Assignment to a unit is possible while an answer is owed.
 */
@Table("appeal")
public class Appeal {

	@Id
	Long id;
	String trackingNo;
	AppealChannel channel;
	AppealCategory category;
	Long merchantId;
	String enterpriseName;
	String contactName;
	String contact;
	Long projectId;
	String content;
	AppealStatus status = AppealStatus.RECEIVED;
	Long assignedUnitId;
	Instant ackDueAt;
	Instant dueAt;
	Instant acknowledgedAt;
	Instant answeredAt;
	String answer;
	String answeredBy;
	Satisfaction satisfaction;
	Instant ratedAt;
	int escalationLevel;
	Instant escalatedAt;
	int reopenCount;
	@Version
	Integer version;
	String createdBy;
	Instant createdAt;
	Instant updatedAt;

	public long id() {
		return id;
	}

	public String trackingNo() {
		return trackingNo;
	}

	public Instant dueAt() {
		return dueAt;
	}

	public AppealStatus status() {
		return status;
	}

	public UnitId assignedUnit() {
		return UnitId.of(assignedUnitId);
	}

	public Integer version() {
		return version;
	}

	void assign(UnitId unit, Instant now) {
		if (!status.open()) {
			throw new BusinessException("appeal.error.notOpen");
		}
		assignedUnitId = unit == null ? null : unit.value();
		updatedAt = now;
	}

	void acknowledge(Instant now) {
		if (status != AppealStatus.RECEIVED) {
			throw new BusinessException("appeal.error.acknowledgeOnlyReceived");
		}
		status = AppealStatus.ACKNOWLEDGED;
		acknowledgedAt = now;
		updatedAt = now;
	}

	void answer(String text, String by, Instant now) {
		if (!status.open()) {
			throw new BusinessException("appeal.error.notOpen");
		}
		if (text == null || text.isBlank()) {
			throw new FieldException("answer", "validation.required");
		}
		if (text.length() > 4000) {
			throw new FieldException("answer", "validation.size");
		}
		if (acknowledgedAt == null) {
			acknowledgedAt = now;
		}
		status = AppealStatus.ANSWERED;
		answer = text.strip();
		answeredBy = by;
		answeredAt = now;
		satisfaction = null;
		ratedAt = null;
		updatedAt = now;
	}

	void rate(Satisfaction rating, Instant now) {
		if (status != AppealStatus.ANSWERED) {
			throw new BusinessException("appeal.error.rateOnlyAnswered");
		}
		if (rating == null) {
			throw new FieldException("satisfaction", "validation.required");
		}
		satisfaction = rating;
		ratedAt = now;
		if (rating != Satisfaction.NOT_SATISFIED) {
			status = AppealStatus.CLOSED;
		}
		updatedAt = now;
	}

	void reopen(Instant newDue, Instant now) {
		if (status != AppealStatus.ANSWERED || satisfaction != Satisfaction.NOT_SATISFIED) {
			throw new BusinessException("appeal.error.reopenOnlyNotSatisfied");
		}
		status = AppealStatus.REOPENED;
		reopenCount++;
		dueAt = newDue;
		escalationLevel = Math.min(escalationLevel, 1);
		updatedAt = now;
	}

	Map<String, Object> auditView() {
		var m = new LinkedHashMap<String, Object>();
		m.put("trackingNo", trackingNo);
		m.put("channel", channel);
		m.put("category", category);
		m.put("merchantId", merchantId);
		m.put("enterpriseName", enterpriseName);
		m.put("projectId", projectId);
		m.put("status", status);
		m.put("assignedUnitId", assignedUnitId);
		m.put("dueAt", dueAt);
		m.put("answer", answer);
		m.put("satisfaction", satisfaction);
		m.put("escalationLevel", escalationLevel);
		m.put("reopenCount", reopenCount);
		m.values().removeIf(java.util.Objects::isNull);
		return m;
	}
}
