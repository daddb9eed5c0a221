package cn.zhaoshang.service.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's materials checklist: the standard items of its project types (set by the city bureau) merged with
 * what was recorded for the project, each SUBMITTED, MISSING_COMMITTED (容缺受理: what is missing and the promised
 * date) or DONE. A commitment whose promised date has passed is overdue.
 */
@Service
public class Materials {

	/** One item as read. */
	public record Item(String name, MaterialStatus status, String commitment, LocalDate promisedDate,
			LocalDate flaggedOn, boolean standard, boolean overdue, long overdueDays) {
	}

	/** A project's checklist and its version. */
	public record Checklist(long projectId, int version, List<Item> items) {

		public long count(MaterialStatus status) {
			return items.stream().filter(i -> i.status() == status).count();
		}

		public long overdue() {
			return items.stream().filter(Item::overdue).count();
		}
	}

	/** One item as written. */
	public record ItemInput(String name, MaterialStatus status, String commitment, LocalDate promisedDate) {
	}

	private final JdbcClient jdbc;
	private final ServiceProjects projects;
	private final Auditor auditor;
	private final Clock clock;

	Materials(JdbcClient jdbc, ServiceProjects projects, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.auditor = auditor;
		this.clock = clock;
	}

	public Checklist of(long projectId, CurrentUser user) {
		projects.readable(projectId, user);
		return load(projectId);
	}

	/** The checklist without the user's rights (the project page's fragment and the reminder job check them). */
	Checklist load(long projectId) {
		LocalDate today = LocalDate.now(clock);
		Map<String, Item> items = new LinkedHashMap<>();
		Set<String> standard = new HashSet<>(standardItems(projectId));
		for (String name : standardItems(projectId)) {
			items.put(name, new Item(name, MaterialStatus.PENDING, null, null, null, true, false, 0));
		}
		jdbc.sql("""
				SELECT name, status, commitment, promised_date, flagged_on FROM service_project_material
				WHERE project_id = :p ORDER BY sort_order, id""")
			.param("p", projectId)
			.query((rs, n) -> {
				String name = rs.getString("name");
				MaterialStatus status = MaterialStatus.valueOf(rs.getString("status"));
				LocalDate promised = rs.getObject("promised_date", LocalDate.class);
				boolean overdue = status == MaterialStatus.MISSING_COMMITTED && promised != null
						&& promised.isBefore(today);
				return new Item(name, status, rs.getString("commitment"), promised,
						rs.getObject("flagged_on", LocalDate.class), standard.contains(name), overdue,
						overdue ? ChronoUnit.DAYS.between(promised, today) : 0);
			})
			.list()
			.forEach(i -> items.put(i.name(), i));
		return new Checklist(projectId, version(projectId), new ArrayList<>(items.values()));
	}

	/** The standard items of the project's types, in the bureau's order, each once. */
	List<String> standardItems(long projectId) {
		var row = jdbc.sql("SELECT types, type FROM project WHERE id = :p").param("p", projectId)
			.query((rs, n) -> ProjectTypes.parse(rs.getString("types"), rs.getString("type")))
			.optional();
		List<String> types = row.map(t -> t.list().stream().map(ProjectType::name).toList()).orElse(List.of());
		if (types.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT name FROM service_material_item WHERE project_type IN (:t) ORDER BY sort_order, id")
			.param("t", types)
			.query(String.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	int version(long projectId) {
		return jdbc.sql("SELECT version FROM service_material_list WHERE project_id = :p").param("p", projectId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * Replaces the project's recorded items at the version read (null: no check). Each needs a name and a status;
	 * a commitment needs what is promised and the promised date.
	 */
	@Transactional
	public Checklist replace(long projectId, Integer version, List<ItemInput> input, CurrentUser user) {
		ProjectSummary project = projects.editable(projectId, user);
		List<Violation> violations = check(input);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		int current = version(projectId);
		if (version != null && version != current) {
			throw new org.springframework.dao.OptimisticLockingFailureException("stale materials version");
		}
		Checklist before = load(projectId);
		int updated = current == 0 && jdbc.sql("SELECT COUNT(*) FROM service_material_list WHERE project_id = :p")
			.param("p", projectId).query(Integer.class).single() == 0
				? jdbc.sql("INSERT INTO service_material_list (project_id, version) VALUES (:p, 1)")
					.param("p", projectId).update()
				: jdbc.sql("UPDATE service_material_list SET version = version + 1 WHERE project_id = :p AND version = :v")
					.param("p", projectId).param("v", current).update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("stale materials version");
		}
		Map<String, LocalDate> flagged = new LinkedHashMap<>();
		before.items().forEach(i -> flagged.put(i.name(), i.flaggedOn()));
		jdbc.sql("DELETE FROM service_project_material WHERE project_id = :p").param("p", projectId).update();
		int order = 0;
		for (ItemInput i : input) {
			boolean committed = i.status() == MaterialStatus.MISSING_COMMITTED;
			Item old = before.items().stream().filter(b -> b.name().equals(i.name().strip())).findFirst().orElse(null);
			// a flag stays while the same promise stands; a new promised date may be flagged again
			LocalDate keepFlag = committed && old != null && i.promisedDate().equals(old.promisedDate())
					? flagged.get(old.name()) : null;
			jdbc.sql("""
					INSERT INTO service_project_material (project_id, name, status, commitment, promised_date,
					    flagged_on, sort_order, updated_by, updated_at)
					VALUES (:p, :name, :status, :commitment, :promised, :flagged, :order, :by, :at)""")
				.param("p", projectId)
				.param("name", i.name().strip())
				.param("status", i.status().name())
				.param("commitment", committed ? i.commitment().strip() : null)
				.param("promised", committed ? i.promisedDate() : null)
				.param("flagged", keepFlag)
				.param("order", order++)
				.param("by", user.getUsername())
				.param("at", java.sql.Timestamp.from(clock.instant()))
				.update();
		}
		Checklist after = load(projectId);
		auditor.record("projectMaterials", projectId, "UPDATE", project.code() + " " + project.name(),
				Map.of("materials", summary(before)), Map.of("materials", summary(after)));
		return after;
	}

	private static String summary(Checklist c) {
		return c.items().stream()
			.filter(i -> i.status() != MaterialStatus.PENDING)
			.map(i -> i.name() + ":" + i.status() + (i.promisedDate() == null ? "" : "@" + i.promisedDate()))
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
	}

	static List<Violation> check(List<ItemInput> input) {
		List<Violation> violations = new ArrayList<>();
		if (input == null) {
			violations.add(new Violation("items", "validation.required"));
			return violations;
		}
		Set<String> names = new HashSet<>();
		for (int n = 0; n < input.size(); n++) {
			ItemInput i = input.get(n);
			String at = "items[" + n + "]";
			if (i == null || i.name() == null || i.name().isBlank()) {
				violations.add(new Violation(at + ".name", "validation.required"));
				continue;
			}
			if (i.name().strip().length() > 200) {
				violations.add(new Violation(at + ".name", "material.rule.maxLength", 200));
			}
			if (!names.add(i.name().strip())) {
				violations.add(new Violation(at + ".name", "material.rule.duplicate", i.name().strip()));
			}
			if (i.status() == null) {
				violations.add(new Violation(at + ".status", "validation.required"));
			}
			else if (i.status() == MaterialStatus.MISSING_COMMITTED) {
				if (i.commitment() == null || i.commitment().isBlank()) {
					violations.add(new Violation(at + ".commitment", "material.rule.commitmentRequired"));
				}
				else if (i.commitment().strip().length() > 500) {
					violations.add(new Violation(at + ".commitment", "material.rule.maxLength", 500));
				}
				if (i.promisedDate() == null) {
					violations.add(new Violation(at + ".promisedDate", "material.rule.promisedDateRequired"));
				}
			}
		}
		return violations;
	}
}
