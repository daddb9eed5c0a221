package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

/**
 * The ledger list's filters, bound from query parameters (pages and {@code GET /api/v1/projects} alike). Every
 * field is optional.
 *
 * @param q substring of project or investor name (Chinese included) or the project code
 * @param dateOf which date the {@code from}/{@code to} range applies to: created, signed, commenced, production
 * @param amountOf which amount {@code min}/{@code max} apply to: planned, contracted, paidIn (万元)
 * @param pending {@code evidence} (imported, evidence pending) or {@code review} (a move awaits review)
 * @param sort code, name, unit, stage, planned, contracted, paidIn, updated (default), progress
 * @param dir asc or desc
 */
public record ProjectFilter(String q, Long unit, Stage stage, ProjectStatus status, Long chain, ProjectType type,
		Boolean key, Long attendant, Long leader, String dateOf, LocalDate from, LocalDate to, String amountOf,
		BigDecimal min, BigDecimal max, String pending, String sort, String dir) {

	public static ProjectFilter none() {
		return new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	public ProjectFilter withStage(Stage s) {
		return new ProjectFilter(q, unit, s, status, chain, type, key, attendant, leader, dateOf, from, to, amountOf,
				min, max, pending, sort, dir);
	}
}
