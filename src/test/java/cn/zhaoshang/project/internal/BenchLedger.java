package cn.zhaoshang.project.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

/**
 * The ledger's read model outside the application, for the benchmark client (bench/run.sh): the very statements a
 * list, grouped or export request runs ({@link ProjectQueries}), over a plain connection, for the city's scope (every
 * unit), so that each API figure stands next to the SQL it issued.
 */
public final class BenchLedger {

	/** What the city bureau reads: every unit. */
	public static final DataScope CITY = new DataScope(true, true, java.util.Set.of(), java.util.Set.of());

	private BenchLedger() {
	}

	public static ProjectQueries queries(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new ProjectQueries(jdbc, new ProjectRecordQueries(jdbc),
				new SignedFundsSums(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(dataSource)));
	}

	/** A filter from query parameters, as the API binds them (simple values only). */
	public static ProjectFilter filter(Map<String, String> query) {
		RecordComponent[] components = ProjectFilter.class.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			String v = query.get(components[i].getName());
			values[i] = v == null ? null : convert(components[i], v);
		}
		try {
			return ProjectFilter.class
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
				.newInstance(values);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Object convert(RecordComponent c, String v) {
		Class<?> t = c.getType();
		if (t == String.class) {
			return v;
		}
		if (t == Long.class) {
			return Long.valueOf(v);
		}
		if (t == Boolean.class) {
			return Boolean.valueOf(v);
		}
		if (t == BigDecimal.class) {
			return new BigDecimal(v);
		}
		if (t == LocalDate.class) {
			return LocalDate.parse(v);
		}
		if (t == Stage.class) {
			return Stage.valueOf(v);
		}
		if (t == ProjectStatus.class) {
			return ProjectStatus.valueOf(v);
		}
		if (t == List.class) {
			List<ProjectType> types = new ArrayList<>();
			for (String s : v.split(",")) {
				types.add(ProjectType.valueOf(s));
			}
			return types;
		}
		throw new IllegalArgumentException(c.getName() + ": " + t);
	}
}
