package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Publications} in the tables {@code publication} and {@code publication_correction} (V22, ADR 0014). The
 * frozen figures are {@link FrozenFigures} JSON; a check compares every cell (unit or city, indicator, period or year
 * to date) with the newest known value of that cell: the latest correction's figure, else the published one. So the
 * same difference is recorded once, a later different value again, and a change back to the published value too.
 */
@Service
@Transactional
class PublicationStore implements Publications {

	private static final String COLUMNS = """
			SELECT p.id, p.kind, p.period, p.title, p.reference_id, p.link, p.published_by, p.published_at,
			       (SELECT COUNT(*) FROM publication_correction c WHERE c.publication_id = p.id)
			FROM publication p""";

	private final JdbcClient jdbc;
	private final SupervisionFigures figures;
	private final Auditor auditor;
	private final Notifications notifications;
	private final Clock clock;
	private final JsonMapper json;

	PublicationStore(JdbcClient jdbc, SupervisionFigures figures, Auditor auditor, Notifications notifications,
			Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.auditor = auditor;
		this.notifications = notifications;
		this.clock = clock;
		this.json = json;
	}

	@Override
	public Publication publish(Kind kind, ReportingPeriod period, String title, Long referenceId, String link,
			CurrentUser by) {
		String snapshot = FrozenFigures.write(figures.of(period), json);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO publication (kind, period, title, reference_id, link, figures_json, published_by, published_at)
				VALUES (:kind, :period, :title, :ref, :link, :json, :by, :at)""")
			.param("kind", kind.name())
			.param("period", period.toString())
			.param("title", title)
			.param("ref", referenceId)
			.param("link", link)
			.param("json", snapshot)
			.param("by", by.getUsername())
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		auditor.record("publication", id, "PUBLISH", kind + " " + period + " " + title, Map.of(),
				Map.of("kind", kind.name(), "period", period.toString(), "title", title));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Publication> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE p.id = :id").param("id", id).query(PublicationStore::publication).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Publication> of(Kind kind) {
		return jdbc.sql(COLUMNS + " WHERE p.kind = :kind ORDER BY p.published_at DESC, p.id DESC")
			.param("kind", kind.name())
			.query(PublicationStore::publication)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public SupervisionFigures.Result figures(long publicationId) {
		return FrozenFigures.read(snapshot(publicationId), json);
	}

	private String snapshot(long id) {
		return jdbc.sql("SELECT figures_json FROM publication WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Correction> corrections(long publicationId) {
		return jdbc.sql("""
				SELECT id, publication_id, unit_id, unit_name, indicator, scope, figure_then, figure_now, project_id,
				       change_action, change_summary, changed_by, recorded_at
				FROM publication_correction WHERE publication_id = :id ORDER BY id""")
			.param("id", publicationId)
			.query((rs, n) -> new Correction(rs.getLong(1), rs.getLong(2),
					rs.getObject(3) == null ? null : new UnitId(rs.getLong(3)), rs.getString(4), rs.getString(5),
					Scope.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10), rs.getString(11),
					rs.getString(12), rs.getObject(13, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A new transaction: it runs after the project write committed (ADR 0014). */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int check(ProjectChange change) {
		return check(change, e -> true);
	}

	/** A new transaction: it runs after the project write committed (ADR 0014). */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int check(ProjectChange change, java.util.function.Predicate<LocalDate> touched) {
		List<Publication> all = jdbc.sql(COLUMNS + " ORDER BY p.id")
			.query(PublicationStore::publication)
			.stream()
			.filter(p -> touched.test(p.period().end()))
			.toList();
		if (all.isEmpty()) {
			return 0;
		}
		Map<ReportingPeriod, SupervisionFigures.Result> now = new HashMap<>();
		int added = 0;
		for (Publication p : all) {
			SupervisionFigures.Result current = now.computeIfAbsent(p.period(), figures::of);
			Map<String, BigDecimal> known = FrozenFigures.cells(figures(p.id()));
			jdbc.sql("SELECT unit_id, indicator, scope, figure_now FROM publication_correction "
					+ "WHERE publication_id = :id ORDER BY id")
				.param("id", p.id())
				.query(rs -> {
					known.put(FrozenFigures.key(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2),
							Scope.valueOf(rs.getString(3))), rs.getBigDecimal(4));
				});
			Map<String, BigDecimal> fresh = FrozenFigures.cells(current);
			Map<String, String> names = unitNames(current);
			int before = added;
			for (Map.Entry<String, BigDecimal> cell : fresh.entrySet()) {
				BigDecimal was = known.getOrDefault(cell.getKey(), BigDecimal.ZERO);
				if (was.compareTo(cell.getValue()) != 0) {
					insert(p, cell.getKey(), names, was, cell.getValue(), change);
					added++;
				}
			}
			// a unit that left the figures altogether: its published cells are now zero
			for (Map.Entry<String, BigDecimal> cell : known.entrySet()) {
				if (!fresh.containsKey(cell.getKey()) && cell.getValue().signum() != 0) {
					insert(p, cell.getKey(), names, cell.getValue(), BigDecimal.ZERO, change);
					added++;
				}
			}
			if (added > before) {
				auditor.recordAs(change.changedBy(), null, null, "publication", p.id(), "CORRECTION",
						(added - before) + " " + p.kind() + " " + p.period(), Map.of(),
						Map.of("corrections", added - before, "project", String.valueOf(change.projectId())));
				notifyBureau(p, added - before);
			}
		}
		return added;
	}

	private void notifyBureau(Publication p, int count) {
		List<UserId> bureau = new ArrayList<>(notifications.users(Role.CITY_SUPERVISOR, null));
		for (UserId user : bureau) {
			notifications.notify(user, "publication.corrected", new Object[] { p.title(), count }, p.link());
		}
	}

	private static Map<String, String> unitNames(SupervisionFigures.Result r) {
		Map<String, String> names = new LinkedHashMap<>();
		for (UnitRow row : r.rows()) {
			names.put(String.valueOf(row.unitId().value()), row.unitName());
		}
		return names;
	}

	private void insert(Publication p, String key, Map<String, String> names, BigDecimal then, BigDecimal now,
			ProjectChange change) {
		String[] parts = key.split("\\|");
		Long unit = "city".equals(parts[0]) ? null : Long.valueOf(parts[0]);
		jdbc.sql("""
				INSERT INTO publication_correction (publication_id, unit_id, unit_name, indicator, scope, figure_then,
				    figure_now, project_id, change_action, change_summary, changed_by, recorded_at)
				VALUES (:p, :unit, :name, :indicator, :scope, :then, :now, :project, :action, :summary, :by, :at)""")
			.param("p", p.id())
			.param("unit", unit)
			.param("name", unit == null ? null : names.get(parts[0]))
			.param("indicator", parts[1])
			.param("scope", parts[2])
			.param("then", then)
			.param("now", now)
			.param("project", change.projectId())
			.param("action", cut(change.action(), 40))
			.param("summary", cut(change.summary(), 500))
			.param("by", cut(change.changedBy(), 50))
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static Publication publication(ResultSet rs, int n) throws SQLException {
		return new Publication(rs.getLong(1), Kind.valueOf(rs.getString(2)), ReportingPeriod.parse(rs.getString(3)),
				rs.getString(4), rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7),
				rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getInt(9));
	}
}
