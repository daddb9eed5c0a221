package cn.zhaoshang.service.serviceday;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise service days (企业服务日): a unit's day with the leaders attending (people of the org), the enterprises
 * (merchants) and the problems collected, each a text with its owner. The problems are recorded here as they were
 * collected; turning each into an appeal of the mayor-hotline workflow is the appeal module's step (see
 * docs/api-service-approvals.md).
 */
@Service
public class ServiceDays {

	/** A problem collected on the day. */
	public record Problem(Long merchantId, String merchantName, String content, String owner) {
	}

	/** A service day as read. */
	public record Day(long id, long unitId, String unitName, LocalDate date, String title, List<String> leaders,
			List<Long> leaderIds, List<String> enterprises, List<Long> merchantIds, List<Problem> problems) {
	}

	/** What a request writes. */
	public record Input(Long unitId, LocalDate date, String title, List<Long> leaderIds, List<Long> merchantIds,
			List<Problem> problems) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;
	private final cn.zhaoshang.service.approval.ServiceProjects projects;

	ServiceDays(JdbcClient jdbc, DataScopes scopes, Auditor auditor, Clock clock,
			cn.zhaoshang.service.approval.ServiceProjects projects) {
		this.projects = projects;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The days the user may read, newest first, optionally of one year. */
	public List<Day> list(Integer year, CurrentUser user) {
		DataScope scope = scopes.of(user);
		List<Long> ids = jdbc.sql("SELECT d.id, d.unit_id FROM service_day d"
				+ (year == null ? "" : " WHERE d.day_date >= :from AND d.day_date < :to")
				+ " ORDER BY d.day_date DESC, d.id DESC")
			.params(year == null ? Map.of() : Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)))
			.query((rs, n) -> scope.canRead(new UnitId(rs.getLong(2))) ? rs.getLong(1) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		return ids.stream().map(this::load).toList();
	}

	public Day get(long id, CurrentUser user) {
		Day d = load(id);
		if (!scopes.of(user).canRead(new UnitId(d.unitId()))) {
			throw new NotFoundException();
		}
		return d;
	}

	Day load(long id) {
		record Head(long unit, String unitName, LocalDate date, String title) {
		}
		Head h = jdbc.sql("SELECT d.*, u.name AS unit_name FROM service_day d JOIN unit u ON u.id = d.unit_id WHERE d.id = :id")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getObject("day_date", LocalDate.class), rs.getString("title")))
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Long> leaderIds = new ArrayList<>();
		List<String> leaders = new ArrayList<>();
		jdbc.sql("SELECT p.id, p.name FROM service_day_leader l JOIN person p ON p.id = l.person_id WHERE l.day_id = :id"
				+ " ORDER BY p.name")
			.param("id", id)
			.query((rs, n) -> {
				leaderIds.add(rs.getLong(1));
				leaders.add(rs.getString(2));
				return null;
			})
			.list();
		List<Long> merchantIds = new ArrayList<>();
		List<String> enterprises = new ArrayList<>();
		jdbc.sql("SELECT m.id, m.name FROM service_day_enterprise e JOIN merchant m ON m.id = e.merchant_id"
				+ " WHERE e.day_id = :id ORDER BY m.name")
			.param("id", id)
			.query((rs, n) -> {
				merchantIds.add(rs.getLong(1));
				enterprises.add(rs.getString(2));
				return null;
			})
			.list();
		List<Problem> problems = jdbc.sql("""
				SELECT p.merchant_id, m.name, p.content, p.owner FROM service_day_problem p
				LEFT JOIN merchant m ON m.id = p.merchant_id WHERE p.day_id = :id ORDER BY p.id""")
			.param("id", id)
			.query((rs, n) -> new Problem(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
		return new Day(id, h.unit(), h.unitName(), h.date(), h.title(), leaders, leaderIds, enterprises, merchantIds,
				problems);
	}

	/** Records a service day of a unit the user may edit (city bureau, unit managers and staff). */
	@Transactional
	public Day create(Input in, CurrentUser user) {
		List<Violation> v = new ArrayList<>();
		if (in.unitId() == null) {
			v.add(new Violation("unitId", "validation.required"));
		}
		if (in.date() == null) {
			v.add(new Violation("date", "validation.required"));
		}
		if (in.title() == null || in.title().isBlank()) {
			v.add(new Violation("title", "validation.required"));
		}
		else if (in.title().strip().length() > 200) {
			v.add(new Violation("title", "material.rule.maxLength", 200));
		}
		List<Long> leaders = in.leaderIds() == null ? List.of() : in.leaderIds().stream().distinct().toList();
		List<Long> merchants = in.merchantIds() == null ? List.of() : in.merchantIds().stream().distinct().toList();
		List<Problem> problems = in.problems() == null ? List.of() : in.problems();
		for (int i = 0; i < leaders.size(); i++) {
			if (count("person", leaders.get(i)) == 0) {
				v.add(new Violation("leaderIds[" + i + "]", "validation.unknown"));
			}
		}
		for (int i = 0; i < merchants.size(); i++) {
			if (count("merchant", merchants.get(i)) == 0) {
				v.add(new Violation("merchantIds[" + i + "]", "validation.unknown"));
			}
		}
		for (int i = 0; i < problems.size(); i++) {
			Problem p = problems.get(i);
			if (p == null || p.content() == null || p.content().isBlank()) {
				v.add(new Violation("problems[" + i + "].content", "validation.required"));
			}
			if (p == null || p.owner() == null || p.owner().isBlank()) {
				v.add(new Violation("problems[" + i + "].owner", "validation.required"));
			}
			if (p != null && p.merchantId() != null && count("merchant", p.merchantId()) == 0) {
				v.add(new Violation("problems[" + i + "].merchantId", "validation.unknown"));
			}
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		if (!projects.canEdit(new UnitId(in.unitId()), user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO service_day (unit_id, day_date, title, created_by, created_at)"
				+ " VALUES (:u, :d, :t, :by, :at)")
			.param("u", in.unitId())
			.param("d", in.date())
			.param("t", in.title().strip())
			.param("by", user.getUsername())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		leaders.forEach(l -> jdbc.sql("INSERT INTO service_day_leader (day_id, person_id) VALUES (:d, :p)")
			.param("d", id).param("p", l).update());
		merchants.forEach(m -> jdbc.sql("INSERT INTO service_day_enterprise (day_id, merchant_id) VALUES (:d, :m)")
			.param("d", id).param("m", m).update());
		problems.forEach(p -> jdbc.sql("INSERT INTO service_day_problem (day_id, merchant_id, content, owner)"
				+ " VALUES (:d, :m, :c, :o)")
			.param("d", id).param("m", p.merchantId()).param("c", p.content().strip()).param("o", p.owner().strip())
			.update());
		Day day = load(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("date", day.date().toString());
		after.put("title", day.title());
		after.put("leaders", String.join("\u3001", day.leaders()));
		after.put("enterprises", String.join("\u3001", day.enterprises()));
		after.put("problems", day.problems().size());
		auditor.record("serviceDay", id, "CREATE", day.title(), Map.of(), after);
		return day;
	}

	private int count(String table, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id").param("id", id).query(Integer.class).single();
	}
}
