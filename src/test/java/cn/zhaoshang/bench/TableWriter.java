package cn.zhaoshang.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postgresql.PGConnection;

/**
 * Bulk rows for the benchmark data generators: rows are collected per table (in the order the tables are first
 * named, so parents go before children) and written by {@link #flush}: on PostgreSQL one {@code COPY FROM STDIN}
 * (CSV) per table, elsewhere (H2) one JDBC batch per table in one transaction. Counts what it wrote per table.
 */
public final class TableWriter {

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

	private final Connection connection;

	private final boolean postgres;

	private final Map<String, Table> tables = new LinkedHashMap<>();

	private final Map<String, Long> written = new LinkedHashMap<>();

	public TableWriter(Connection connection) throws SQLException {
		this.connection = connection;
		this.postgres = isPostgres(connection);
		connection.setAutoCommit(postgres);
	}

	public static boolean isPostgres(Connection c) throws SQLException {
		return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

	public boolean postgres() {
		return postgres;
	}

	/** Adds one row; {@code columns} is the same comma-separated list for every row of the table. */
	public void add(String table, String columns, Object... values) {
		tables.computeIfAbsent(table, t -> new Table(columns)).rows.add(values);
	}

	/** Writes the collected rows and forgets them. */
	public void flush() throws SQLException {
		for (Map.Entry<String, Table> e : tables.entrySet()) {
			Table t = e.getValue();
			if (t.rows.isEmpty()) {
				continue;
			}
			if (postgres) {
				copy(e.getKey(), t);
			}
			else {
				batch(e.getKey(), t);
			}
			written.merge(e.getKey(), (long) t.rows.size(), Long::sum);
			t.rows.clear();
		}
		if (!postgres) {
			connection.commit();
		}
	}

	/** Rows written so far, per table. */
	public Map<String, Long> written() {
		return written;
	}

	public long total() {
		return written.values().stream().mapToLong(Long::longValue).sum();
	}

	private void copy(String table, Table t) throws SQLException {
		StringBuilder b = new StringBuilder(t.rows.size() * 120);
		for (Object[] row : t.rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					b.append(',');
				}
				csv(b, row[i]);
			}
			b.append('\n');
		}
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + t.columns + ") FROM STDIN WITH (FORMAT csv)",
						new StringReader(b.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An empty unquoted field is NULL; text with a comma, quote or line break is quoted. */
	private static void csv(StringBuilder b, Object v) {
		if (v == null) {
			return;
		}
		String s = v instanceof BigDecimal d ? d.toPlainString() : v instanceof OffsetDateTime t ? TS.format(t)
				: v.toString();
		if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
			b.append('"').append(s.replace("\"", "\"\"")).append('"');
		}
		else {
			b.append(s);
		}
	}

	private void batch(String table, Table t) throws SQLException {
		int n = t.columns.split(",").length;
		String sql = "INSERT INTO " + table + " (" + t.columns + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			for (Object[] row : t.rows) {
				for (int i = 0; i < row.length; i++) {
					ps.setObject(i + 1, row[i] instanceof LocalDate d ? Date.valueOf(d) : row[i]);
				}
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static final class Table {

		final String columns;

		final List<Object[]> rows = new ArrayList<>();

		Table(String columns) {
			this.columns = columns;
		}
	}
}
