package cn.zhaoshang.project.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.PositioningSql;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

/**
 * The ledger's filter and sort as SQL over {@code project p} (list, Kanban, groups, export alike), built with the
 * list kit: the reader's scope first, then each filter that is set.
 */
final class ProjectWhere {

	/** The stages in the policy's order (not alphabetically: COMMENCED would come first). */
	static final String STAGE_ORDER = Arrays.stream(Stage.values())
		.map(s -> "WHEN '" + s.name() + "' THEN " + s.ordinal())
		.collect(Collectors.joining(" ", "CASE p.stage ", " END"));

	/**
	 * What the list may be sorted by; stage sorts in the policy's order and unit in the unit tree's order, as the
	 * pages show them. Codes and names ascend by default, the rest start with the largest or newest.
	 */
	static final Sorting SORTING = Sorting.of("updated", "code", "p.code", "name", "p.name", "unit", "u.sort_order",
			"stage", STAGE_ORDER, "planned", "p.planned_investment", "contracted", "p.contracted_investment",
			"paidIn", "p.paid_in_investment", "progress", "p.latest_progress_date", "updated", "p.updated_at")
		.ascendingFirst("code", "name");

	private ProjectWhere() {
	}

	static Sorting.Sort sort(ProjectFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	static String orderBy(ProjectFilter f) {
		return SORTING.orderBy(sort(f), "p.id");
	}

	/** Only the units the reader may read: nothing at all for an empty scope. */
	static SqlFilter scoped(DataScope scope) {
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in("p.unit_id", "scopeUnits", scope.readable().stream().map(UnitId::value).toList());
		}
		return where;
	}

	/**
	 * Projects having any of the types (flags stored as canonical names between commas, docs/adr/0010); the names
	 * come from the enum, never from the request's text. An empty or absent list adds nothing.
	 */
	static String typesCondition(java.util.List<cn.zhaoshang.project.ProjectType> types) {
		if (types == null || types.isEmpty()) {
			return "1 = 1";
		}
		return types.stream().distinct()
			.map(t -> "(',' || COALESCE(p.types, p.type) || ',') LIKE '%," + t.name() + ",%'")
			.collect(Collectors.joining(" OR ", "(", ")"));
	}

	static SqlFilter of(ProjectFilter f, DataScope scope) {
		SqlFilter where = scoped(scope);
		String q = f.q() == null ? null : f.q().strip();
		where.containsOr("q", q, java.util.List.of("p.name", "p.investor_name"), "p.code = :code");
		if (q != null && !q.isEmpty()) {
			where.param("code", q.toUpperCase(Locale.ROOT));
		}
		where.eq("p.unit_id", "unit", f.unit())
			.eq("p.stage", "stage", f.stage())
			.eq("p.status", "status", f.status())
			.andIf(f.excludesDropped(), "p.status <> '" + ProjectStatus.DROPPED.name() + "'")
			.eq("p.chain_id", "chain", f.chain())
			.andIf(f.type() != null && !f.type().isEmpty(), typesCondition(f.type()))
			.eq("p.key_project", "key", f.key())
			.eq("p.chief_attendant_id", "attendant", f.attendant())
			.eq("p.leader_id", "leader", f.leader());
		String dateColumn = switch (f.dateOf() == null ? "" : f.dateOf()) {
			case "signed" -> "p.signed_date";
			case "commenced" -> "p.commenced_date";
			case "production" -> "p.production_date";
			case "created" -> "CAST(p.created_at AS DATE)";
			default -> null;
		};
		if (dateColumn == null && (f.from() != null || f.to() != null)) {
			// Which date the range applies to cannot be guessed, and ignoring the range would show (or export) a
			// set the user did not ask for: the same refusal as the filter's own check (ProjectFilter.DateRange).
			throw new FieldException("dateOf", 400, "validation.required");
		}
		if (dateColumn != null) {
			where.range(dateColumn, "from", f.from(), "to", f.to());
		}
		// Without a choice the bounds apply to planned investment, the ledger's headline figure; ignoring them
		// silently would show a list the user did not ask for.
		String amountColumn = switch (f.amountOf() == null ? "planned" : f.amountOf()) {
			case "contracted" -> "p.contracted_investment";
			case "paidIn" -> "p.paid_in_investment";
			case "planned" -> "p.planned_investment";
			default -> null;
		};
		if (amountColumn != null) {
			where.range(amountColumn, "min", f.min(), "max", f.max());
		}
		return where.andIf("evidence".equals(f.pending()), "p.evidence_pending = TRUE")
			.andIf("review".equals(f.pending()), "p.pending_move_id IS NOT NULL")
			.andIf(Boolean.TRUE.equals(f.stalled()), "p.stalled = TRUE")
			.andIf(Boolean.TRUE.equals(f.outsidePositioning()), PositioningSql.outside("p.unit_id", "p.chain_id"));
	}
}
