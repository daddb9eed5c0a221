package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger's project codes ({@code PY-2026-00123}): prefix, year of creation, number from a sequence. */
@Component
class ProjectCodes {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String codePrefix;

	ProjectCodes(JdbcClient jdbc, Clock clock, @Value("${zhaoshang.project.code-prefix:PY}") String codePrefix) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.codePrefix = codePrefix;
	}

	String next() {
		long n = jdbc.sql("SELECT nextval('project_code_seq')").query(Long.class).single();
		return code(n);
	}

	/** {@link #next} for many projects in one query (the ledger import, the generator). */
	List<String> next(int count) {
		if (count == 0) {
			return List.of();
		}
		return jdbc.sql("SELECT nextval('project_code_seq') FROM generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list()
			.stream()
			.map(this::code)
			.toList();
	}

	private String code(long n) {
		return "%s-%d-%05d".formatted(codePrefix, LocalDate.now(clock).getYear(), n);
	}
}
