package cn.zhaoshang.activity.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A training session as written by the form and the API ({@code POST /api/v1/trainings}).
 *
 * @param date the day it took place
 * @param hours class hours (学时), above 0 and at most 100, one decimal
 * @param unitId the organising unit (the user must be allowed to edit its records)
 * @param attendeeIds people records (org) who attended; each is credited the session's hours
 * @param materialIds uploads ({@code POST /api/v1/attachments}) to file as the session's materials
 * @param version the version read, for a change
 */
public record TrainingInput(String topic, TrainingKind kind, String lecturer,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, BigDecimal hours, Long unitId, String place,
		List<Long> attendeeIds, List<Long> materialIds, Integer version) {

	public boolean attended(long person) {
		return attendeeIds != null && attendeeIds.contains(person);
	}
}
