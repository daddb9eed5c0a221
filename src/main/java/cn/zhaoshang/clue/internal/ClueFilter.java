package cn.zhaoshang.clue.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.PromotionMode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The clue list's filters, bound from query parameters (pages, export and {@code GET /api/v1/clues} alike). Every
 * field is optional.
 *
 * @param q substring of the title or the enterprise name (Chinese included)
 * @param unit the owner unit's id, or {@code pool} for the city pool
 * @param from created on or after (date)
 * @param to created on or before (date)
 * @param sort title, enterprise, owner, status, investment, lastFollowUp, created, updated (default)
 * @param dir asc or desc (default desc)
 * @param stale only clues flagged 久未跟进 when true
 * @param open only open clues (new, following, confirmed) when true: the home page's counts link to this set
 * @param unassigned only clues without an assignee when true (the unit manager's "to assign" task links here)
 * @param outsidePositioning only clues outside positioning (定位外线索, issue 12) when true: the clue has a chain, its
 *        owner unit declared a positioning, and the chain is not among the unit's leading chains
 *        ({@link cn.zhaoshang.chain.PositioningSql#outside}); clues of the city pool are never outside
 */
public record ClueFilter(@Size(max = 200, message = "{validation.size}") String q, ClueStatus status,
		@Pattern(regexp = "pool|\\d{1,18}", message = "{validation.invalidValue}") String unit, Long chain,
		ClueSource source, PromotionMode mode, Long assignee, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = ISO.DATE) LocalDate to,
		@Pattern(regexp = "title|enterprise|owner|status|investment|lastFollowUp|created|updated",
				message = "{validation.invalidValue}") String sort,
		@Pattern(regexp = "asc|desc", message = "{validation.invalidValue}") String dir, Boolean stale, Boolean open,
		Boolean unassigned, Boolean outsidePositioning) {

	public static ClueFilter none() {
		return new ClueFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	public ClueFilter withStatus(ClueStatus s) {
		return new ClueFilter(q, s, unit, chain, source, mode, assignee, from, to, sort, dir, stale, open, unassigned,
				outsidePositioning);
	}

	/** Whether only clues without an assignee are asked for. */
	public boolean unassignedOnly() {
		return Boolean.TRUE.equals(unassigned);
	}

	/** Whether only open clues are asked for. */
	public boolean openOnly() {
		return Boolean.TRUE.equals(open);
	}

	/** Whether only clues outside their owner unit's positioning are asked for. */
	public boolean outsidePositioningOnly() {
		return Boolean.TRUE.equals(outsidePositioning);
	}

	public boolean pool() {
		return "pool".equals(unit);
	}

	public Long unitId() {
		return unit == null || pool() || !unit.matches("\\d{1,18}") ? null : Long.valueOf(unit);
	}

	/** The filter as a query string (without {@code ?}), for links that keep it. */
	public String query() {
		var sb = new StringBuilder();
		add(sb, "q", q);
		add(sb, "status", status == null ? null : status.name());
		add(sb, "unit", unit);
		add(sb, "chain", chain);
		add(sb, "source", source == null ? null : source.name());
		add(sb, "mode", mode == null ? null : mode.name());
		add(sb, "assignee", assignee);
		add(sb, "from", from);
		add(sb, "to", to);
		add(sb, "sort", sort);
		add(sb, "dir", dir);
		add(sb, "stale", Boolean.TRUE.equals(stale) ? "true" : null);
		add(sb, "open", Boolean.TRUE.equals(open) ? "true" : null);
		add(sb, "unassigned", Boolean.TRUE.equals(unassigned) ? "true" : null);
		add(sb, "outsidePositioning", outsidePositioningOnly() ? "true" : null);
		return sb.toString();
	}

	private static void add(StringBuilder sb, String name, Object value) {
		if (value == null || value.toString().isBlank()) {
			return;
		}
		if (!sb.isEmpty()) {
			sb.append('&');
		}
		sb.append(name).append('=').append(java.net.URLEncoder.encode(value.toString().trim(),
				java.nio.charset.StandardCharsets.UTF_8));
	}
}
