package cn.zhaoshang.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectQueries.Detail;
import cn.zhaoshang.project.internal.ProjectQueries.Move;
import cn.zhaoshang.project.internal.ProjectQueries.Progress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One project as its page and the API show it: the detail, the stage timeline and the progress updates, each
 * limited to the units the reader may read, like the list ({@link ProjectWhere#scoped}). A project outside the
 * scope is not found; its timeline and progress are empty.
 */
@Service
public class ProjectRecordQueries {

	/** The detail's columns beyond a list row's. */
	private static final String DETAIL_COLUMNS = """
			, iu.name AS intro_unit_name, p.introducers, p.chain_link, p.promotion_mode,
			       p.actual_investment, p.annual_output, p.annual_tax, p.jobs, p.land_need_mu, p.factory_need_m2,
			       p.contract_type, p.status_reason, p.leader_id, p.chief_attendant_id, p.intro_unit_id, p.problems,
			       p.description, p.created_by, p.created_at, p.version, p.merchant_id""";

	private static final String DETAIL = "SELECT " + ProjectQueries.ROW_COLUMNS + DETAIL_COLUMNS
			+ ProjectQueries.ROW_FROM + " LEFT JOIN unit iu ON iu.id = p.intro_unit_id WHERE p.id = :id";

	private final JdbcClient jdbc;

	ProjectRecordQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The project as the reader may see it; 404 when there is none or it is outside the reader's scope. */
	public Detail detail(long id, DataScope scope) {
		SqlFilter where = ProjectWhere.scoped(scope);
		return jdbc.sql(DETAIL + where.andSql())
			.params(where.params())
			.param("id", id)
			.query(ProjectRecordQueries::detail)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** For {@link ProjectQueries#detail(long)} alone (see there why no scope is needed). */
	Detail detailUnscoped(long id) {
		return jdbc.sql(DETAIL).param("id", id).query(ProjectRecordQueries::detail).single();
	}

	private static Detail detail(ResultSet rs, int n) throws SQLException {
		return new Detail(ProjectQueries.row(rs, n), rs.getString("intro_unit_name"), rs.getString("introducers"),
				rs.getString("chain_link"),
				rs.getString("promotion_mode") == null ? null : PromotionMode.valueOf(rs.getString("promotion_mode")),
				rs.getBigDecimal("actual_investment"), rs.getBigDecimal("annual_output"),
				rs.getBigDecimal("annual_tax"), (Integer) rs.getObject("jobs", Integer.class),
				rs.getBigDecimal("land_need_mu"), rs.getBigDecimal("factory_need_m2"),
				rs.getString("contract_type") == null ? null : ContractType.valueOf(rs.getString("contract_type")),
				rs.getString("status_reason"), (Long) rs.getObject("leader_id", Long.class),
				(Long) rs.getObject("chief_attendant_id", Long.class),
				(Long) rs.getObject("intro_unit_id", Long.class), rs.getString("problems"),
				rs.getString("description"), (Long) rs.getObject("pending_move_id", Long.class),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getInt("version"), rs.getLong("merchant_id"));
	}

	/** The condition that the project {@code :p} is in the reader's scope, for the project's own tables. */
	private static SqlFilter inScope(DataScope scope) {
		SqlFilter project = ProjectWhere.scoped(scope);
		return SqlFilter.where().and("EXISTS (SELECT 1 FROM project p WHERE p.id = :p" + project.andSql() + ")")
			.params(project.params());
	}

	/** The stage moves, newest first, with their evidence; empty outside the reader's scope. */
	public List<Move> timeline(long projectId, DataScope scope, Attachments attachments) {
		SqlFilter visible = inScope(scope);
		Map<Long, List<Attachments.Attachment>> evidence = linked("""
				SELECT e.move_id, e.attachment_id FROM project_stage_move_evidence e
				JOIN project_stage_move m ON m.id = e.move_id WHERE m.project_id = :p ORDER BY e.attachment_id""",
				projectId, attachments);
		return jdbc.sql("SELECT * FROM project_stage_move WHERE project_id = :p" + visible.andSql()
				+ " ORDER BY submitted_at DESC, id DESC")
			.params(visible.params())
			.param("p", projectId)
			.query((rs, n) -> new Move(rs.getLong("id"), Stage.valueOf(rs.getString("from_stage")),
					Stage.valueOf(rs.getString("to_stage")), ProjectStatus.valueOf(rs.getString("from_status")),
					ProjectStatus.valueOf(rs.getString("to_status")), rs.getObject("move_date", LocalDate.class),
					rs.getString("contract_type") == null ? null : ContractType.valueOf(rs.getString("contract_type")),
					rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("state"),
					rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
					rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("opinion"),
					evidence.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The progress updates, newest first, with their photos; empty outside the reader's scope. */
	public List<Progress> progress(long projectId, DataScope scope, Attachments attachments) {
		SqlFilter visible = inScope(scope);
		Map<Long, List<Attachments.Attachment>> photos = linked("""
				SELECT ph.progress_id, ph.attachment_id FROM project_progress_photo ph
				JOIN project_progress g ON g.id = ph.progress_id WHERE g.project_id = :p ORDER BY ph.attachment_id""",
				projectId, attachments);
		return jdbc.sql("SELECT * FROM project_progress WHERE project_id = :p" + visible.andSql()
				+ " ORDER BY progress_date DESC, id DESC")
			.params(visible.params())
			.param("p", projectId)
			.query((rs, n) -> new Progress(rs.getLong("id"), rs.getObject("progress_date", LocalDate.class),
					rs.getString("text"), rs.getBigDecimal("paid_in_investment"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					photos.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * The project's attachments grouped by the owner id of a link table (move → evidence, progress → photos). Links
	 * only ever point at attachments claimed by this project, so one query for the project's attachments serves
	 * every link instead of one query per link. Only the rows the scoped query returns look them up.
	 */
	private Map<Long, List<Attachments.Attachment>> linked(String linkSql, long projectId, Attachments attachments) {
		Map<Long, Attachments.Attachment> byId = new LinkedHashMap<>();
		attachments.ofProject(projectId).forEach(a -> byId.put(a.id(), a));
		Map<Long, List<Attachments.Attachment>> grouped = new LinkedHashMap<>();
		jdbc.sql(linkSql).param("p", projectId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list()
			.forEach(pair -> {
				var a = byId.get(pair[1]);
				if (a != null) {
					grouped.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(a);
				}
			});
		return grouped;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var v = rs.getObject(column, OffsetDateTime.class);
		return v == null ? null : v.toInstant();
	}
}
