package cn.zhaoshang.service.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standard materials checklist of each project type, kept by the city bureau. */
@Service
public class MaterialItems {

	private final JdbcClient jdbc;
	private final Auditor auditor;

	MaterialItems(JdbcClient jdbc, Auditor auditor) {
		this.jdbc = jdbc;
		this.auditor = auditor;
	}

	public List<String> of(ProjectType type) {
		return jdbc.sql("SELECT name FROM service_material_item WHERE project_type = :t ORDER BY sort_order, id")
			.param("t", type.name())
			.query(String.class)
			.list();
	}

	/** Replaces the type's list by these names, in this order (projects keep what was recorded for them). */
	@Transactional
	public List<String> replace(ProjectType type, List<String> names) {
		List<Violation> v = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<String> clean = new ArrayList<>();
		List<String> given = names == null ? List.of() : names;
		for (int i = 0; i < given.size(); i++) {
			String n = given.get(i) == null ? "" : given.get(i).strip();
			if (n.isEmpty()) {
				v.add(new Violation("items[" + i + "]", "validation.required"));
			}
			else if (n.length() > 200) {
				v.add(new Violation("items[" + i + "]", "material.rule.maxLength", 200));
			}
			else if (!seen.add(n)) {
				v.add(new Violation("items[" + i + "]", "material.rule.duplicate", n));
			}
			clean.add(n);
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		List<String> before = of(type);
		jdbc.sql("DELETE FROM service_material_item WHERE project_type = :t").param("t", type.name()).update();
		for (int i = 0; i < clean.size(); i++) {
			jdbc.sql("INSERT INTO service_material_item (project_type, name, sort_order) VALUES (:t, :n, :o)")
				.param("t", type.name())
				.param("n", clean.get(i))
				.param("o", i + 1)
				.update();
		}
		auditor.record("materialChecklist", type.name(), "UPDATE", type.name(),
				Map.of("items", String.join("; ", before)), Map.of("items", String.join("; ", clean)));
		return of(type);
	}
}
