package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The ledger list's filters, bound from query parameters (pages and {@code GET /api/v1/projects} alike). Every
 * field is optional; the constraints name the few words the query understands, so a typo is refused with the
 * parameter's name instead of silently not filtering (they apply where the filter is bound with {@code @Valid}).
 *
 * @param type project types: a project having any of them (its types are flags that combine)
 * @param q substring of project or investor name (Chinese included) or the project code
 * @param dateOf which date the {@code from}/{@code to} range applies to: created, signed, commenced, production;
 *        required with a range ({@link DateRangeNamed})
 * @param amountOf which amount {@code min}/{@code max} apply to: planned (the default), contracted, paidIn (万元)
 * @param pending {@code evidence} (imported, evidence pending) or {@code review} (a move awaits review)
 * @param sort code, name, unit, stage, planned, contracted, paidIn, updated (default), progress
 * @param dir asc or desc
 * @param includeDropped whether dropped (终止) projects count when no status is chosen: {@code false} counts only
 *        active and on-hold projects (the pages' default, so that sums are not inflated), {@code true} or absent
 *        counts every status (the API's default, unchanged); a chosen {@code status} always wins
 * @param stalled {@code true}: only projects the dispatch rounds found stalled (停滞, issue 10)
 * @param outsidePositioning {@code true}: only projects outside positioning (定位外项目, issue 12): the project has
 *        a chain, its landing unit declared a positioning, and the chain is not among the unit's leading chains
 *        ({@link cn.zhaoshang.chain.PositioningSql#outside})
 */
@DateRangeNamed
public record ProjectFilter(@Size(max = 200, message = "{validation.size}") String q, Long unit, Stage stage,
		ProjectStatus status, Long chain, java.util.List<ProjectType> type, Boolean key, Long attendant, Long leader,
		@Pattern(regexp = "created|signed|commenced|production", message = "{validation.invalidValue}") String dateOf,
		@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
		@Pattern(regexp = "planned|contracted|paidIn", message = "{validation.invalidValue}") String amountOf,
		BigDecimal min, BigDecimal max,
		@Pattern(regexp = "evidence|review", message = "{validation.invalidValue}") String pending,
		@Pattern(regexp = "code|name|unit|stage|planned|contracted|paidIn|updated|progress",
				message = "{validation.invalidValue}") String sort,
		@Pattern(regexp = "asc|desc", message = "{validation.invalidValue}") String dir,
		Boolean includeDropped, Boolean stalled, Boolean outsidePositioning) {

	/** The filter without the positioning choice (as before issue 12, so that existing callers read unchanged). */
	public ProjectFilter(String q, Long unit, Stage stage, ProjectStatus status, Long chain,
			java.util.List<ProjectType> type, Boolean key, Long attendant, Long leader, String dateOf, LocalDate from,
			LocalDate to, String amountOf, BigDecimal min, BigDecimal max, String pending, String sort, String dir,
			Boolean includeDropped, Boolean stalled) {
		this(q, unit, stage, status, chain, type, key, attendant, leader, dateOf, from, to, amountOf, min, max,
				pending, sort, dir, includeDropped, stalled, null);
	}

	/** The filter without the stalled choice (as before issue 10, so that existing callers read unchanged). */
	public ProjectFilter(String q, Long unit, Stage stage, ProjectStatus status, Long chain,
			java.util.List<ProjectType> type, Boolean key, Long attendant, Long leader, String dateOf, LocalDate from, LocalDate to, String amountOf,
			BigDecimal min, BigDecimal max, String pending, String sort, String dir, Boolean includeDropped) {
		this(q, unit, stage, status, chain, type, key, attendant, leader, dateOf, from, to, amountOf, min, max,
				pending, sort, dir, includeDropped, null, null);
	}

	/** This filter with the stalled choice. */
	public ProjectFilter withStalled(Boolean only) {
		return new ProjectFilter(q, unit, stage, status, chain, type, key, attendant, leader, dateOf, from, to,
				amountOf, min, max, pending, sort, dir, includeDropped, only, outsidePositioning);
	}

	/** This filter with the outside-positioning choice. */
	public ProjectFilter withOutsidePositioning(Boolean only) {
		return new ProjectFilter(q, unit, stage, status, chain, type, key, attendant, leader, dateOf, from, to,
				amountOf, min, max, pending, sort, dir, includeDropped, stalled, only);
	}

	public static ProjectFilter none() {
		return new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	public ProjectFilter withStage(Stage s) {
		return new ProjectFilter(q, unit, s, status, chain, type, key, attendant, leader, dateOf, from, to, amountOf,
				min, max, pending, sort, dir, includeDropped, stalled, outsidePositioning);
	}

	public ProjectFilter withIncludeDropped(Boolean include) {
		return new ProjectFilter(q, unit, stage, status, chain, type, key, attendant, leader, dateOf, from, to,
				amountOf, min, max, pending, sort, dir, include, stalled, outsidePositioning);
	}

	/**
	 * This filter without the named fields (the query parameters a page refused, so that the list still shows with
	 * the rest); without {@code dateOf} the range goes too, as it means nothing alone.
	 */
	public ProjectFilter without(java.util.Collection<String> fields) {
		boolean range = fields.contains("dateOf") || fields.contains("from") || fields.contains("to");
		java.util.function.Predicate<String> keep = name -> !fields.contains(name);
		return new ProjectFilter(keep.test("q") ? q : null, keep.test("unit") ? unit : null,
				keep.test("stage") ? stage : null, keep.test("status") ? status : null,
				keep.test("chain") ? chain : null, keep.test("type") ? type : null, keep.test("key") ? key : null,
				keep.test("attendant") ? attendant : null, keep.test("leader") ? leader : null,
				range ? null : dateOf, range ? null : from, range ? null : to,
				keep.test("amountOf") ? amountOf : null, keep.test("min") ? min : null, keep.test("max") ? max : null,
				keep.test("pending") ? pending : null, keep.test("sort") ? sort : null, keep.test("dir") ? dir : null,
				keep.test("includeDropped") ? includeDropped : null, keep.test("stalled") ? stalled : null,
				keep.test("outsidePositioning") ? outsidePositioning : null);
	}

	/** Whether this filter leaves dropped projects out (no status chosen and dropped ones not asked for). */
	public boolean excludesDropped() {
		return status == null && Boolean.FALSE.equals(includeDropped);
	}
}
