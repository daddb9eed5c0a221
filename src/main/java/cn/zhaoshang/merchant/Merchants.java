package cn.zhaoshang.merchant;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.Uscc;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds or registers the investor a project names: by USCC when given, else by exact name. Audited. */
@Service
public class Merchants {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations batch;
	private final Auditor auditor;
	private final Clock clock;

	private final List<MerchantLinks> links;

	Merchants(JdbcClient jdbc, NamedParameterJdbcOperations batch, Auditor auditor, Clock clock,
			List<MerchantLinks> links) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.auditor = auditor;
		this.clock = clock;
		this.links = links;
	}

	/**
	 * The units that pursue the merchant through any open record of any module (projects, clues …). Two or more
	 * means a claim conflict, which every one of them is told of.
	 */
	public SortedSet<UnitId> claimants(MerchantId merchant) {
		var units = new TreeSet<UnitId>(Comparator.comparingLong(UnitId::value));
		links.forEach(l -> units.addAll(l.unitsPursuing(merchant)));
		return units;
	}

	/** A merchant as other modules see it. */
	public record Merchant(MerchantId id, String name, String uscc) {
	}

	/**
	 * Whether the enterprise lacks its type or any industry chain (资料不全), as one registered from a project form or
	 * a clue with a name only does; its page asks to complete it.
	 */
	public boolean incomplete(MerchantId id) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM merchant m
				WHERE m.id = :id AND (m.enterprise_type IS NULL
				      OR NOT EXISTS (SELECT 1 FROM merchant_chain c WHERE c.merchant_id = m.id))""")
			.param("id", id.value())
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Merchant> find(MerchantId id) {
		return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> new Merchant(new MerchantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * A record an administrator merged into another stands for that other one (the survivor): a project that names
	 * the merged record's USCC or name is linked to the survivor.
	 */
	private static final String FOLLOW_MERGES = """
			SELECT COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
			FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id
			""";

	/** The existing investor with this USCC, or with this name (when no USCC is given). */
	public Optional<Merchant> match(String name, String uscc) {
		String code = uscc == null || uscc.isBlank() ? null : Uscc.normalize(uscc);
		if (code != null) {
			return jdbc.sql(FOLLOW_MERGES + "WHERE m.uscc = :uscc")
				.param("uscc", code)
				.query((rs, n) -> new Merchant(new MerchantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
				.optional();
		}
		return jdbc.sql(FOLLOW_MERGES + "WHERE m.name = :name ORDER BY m.id")
			.param("name", name.trim())
			.query((rs, n) -> new Merchant(new MerchantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * The investor for a project: matched as {@link #match}, else registered. A USCC given for an investor known
	 * only by name is recorded on it.
	 */
	@Transactional
	public Merchant findOrRegister(String name, String uscc) {
		return findOrRegister(name, uscc, null);
	}

	/**
	 * {@link #findOrRegister(String, String)}, a new record registered for the given unit (the project's or clue's),
	 * so that the unit that met the enterprise may complete its type and chains (资料不全) instead of only the city
	 * bureau.
	 */
	@Transactional
	public Merchant findOrRegister(String name, String uscc, UnitId registeringUnit) {
		String code = uscc == null || uscc.isBlank() ? null : Uscc.normalize(uscc);
		if (code != null && !Uscc.isValid(code)) {
			throw new FieldException("investorUscc", "validation.uscc");
		}
		var existing = match(name, code);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (code != null) {
			var byName = match(name, null).filter(m -> m.uscc() == null);
			if (byName.isPresent()) {
				jdbc.sql("UPDATE merchant SET uscc = :uscc, updated_at = :now WHERE id = :id")
					.param("uscc", code)
					.param("now", clock.instant().atOffset(ZoneOffset.UTC))
					.param("id", byName.get().id().value())
					.update();
				auditor.record("merchant", byName.get().id().value(), "UPDATE", name, Map.of(),
						Map.of("uscc", code));
				return new Merchant(byName.get().id(), byName.get().name(), code);
			}
		}
		var keys = new GeneratedKeyHolder();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO merchant (name, normalized_name, uscc, unit_id, created_at, updated_at)
				VALUES (:name, :normalized, :uscc, :unit, :now, :now)""")
			.param("unit", registeringUnit == null ? null : registeringUnit.value())
			.param("name", name.trim())
			.param("normalized", EnterpriseNames.normalize(name))
			.param("uscc", code)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		auditor.record("merchant", id, "CREATE", name.trim(), Map.of(),
				code == null ? Map.of("name", name.trim()) : Map.of("name", name.trim(), "uscc", code));
		return new Merchant(new MerchantId(id), name.trim(), code);
	}

	/** An investor as a ledger row names it: the name, and the USCC when the row gives one. */
	public record InvestorRef(String name, String uscc) {
	}

	/**
	 * {@link #findOrRegister} for many investors at once (the ledger import): the look-ups take two queries per
	 * thousand investors and the registrations one batch insert, where one by one they would take several
	 * statements each. The rules are the same and apply in the given order, so an investor later in the list finds
	 * one registered or given a USCC earlier in it. Every registration and every USCC recorded is audited as usual.
	 *
	 * @return the merchant of each investor of the list
	 */
	@Transactional
	public Map<InvestorRef, Merchant> findOrRegisterAll(List<InvestorRef> investors) {
		Map<InvestorRef, InvestorRef> normalized = new LinkedHashMap<>();
		for (InvestorRef ref : investors) {
			String code = ref.uscc() == null || ref.uscc().isBlank() ? null : Uscc.normalize(ref.uscc());
			if (code != null && !Uscc.isValid(code)) {
				throw new FieldException("investorUscc", "validation.uscc");
			}
			normalized.put(ref, new InvestorRef(ref.name().trim(), code));
		}
		var known = new Known();
		known.load(normalized.values());
		Map<InvestorRef, Slot> slots = new HashMap<>();
		List<Slot> created = new ArrayList<>();
		List<Slot> usccRecorded = new ArrayList<>();
		for (InvestorRef key : normalized.values()) {
			slots.computeIfAbsent(key, k -> known.resolve(k, created, usccRecorded));
		}
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		insert(created, now);
		if (!usccRecorded.isEmpty()) {
			batch.batchUpdate("UPDATE merchant SET uscc = :uscc, updated_at = :now WHERE id = :id",
					usccRecorded.stream()
						.map(m -> new MapSqlParameterSource("uscc", m.uscc).addValue("now", now).addValue("id", m.id))
						.toArray(SqlParameterSource[]::new));
		}
		// each registration and each USCC recorded keeps its own audit row; the audit module writes them in a batch
		List<Auditor.Change> audit = new ArrayList<>(usccRecorded.size() + created.size());
		usccRecorded.forEach(m -> audit.add(new Auditor.Change("merchant", m.id, "UPDATE", m.name, Map.of(),
				Map.of("uscc", m.uscc))));
		created.forEach(m -> audit.add(new Auditor.Change("merchant", m.id, "CREATE", m.name, Map.of(),
				m.uscc == null ? Map.of("name", m.name) : Map.of("name", m.name, "uscc", m.uscc))));
		auditor.recordAll(audit);
		Map<InvestorRef, Merchant> result = new LinkedHashMap<>();
		normalized.forEach((ref, key) -> {
			Slot m = slots.get(key);
			result.put(ref, new Merchant(new MerchantId(m.id), m.name, m.uscc));
		});
		return result;
	}

	/**
	 * Plain batches, then the new ids by USCC or name: asking the driver for generated keys makes PostgreSQL answer
	 * every row of a batch, which took several times as long. A new merchant without USCC has a name no other
	 * merchant had (else it would have matched), so its name finds it.
	 */
	private void insert(List<Slot> created, java.time.OffsetDateTime now) {
		for (int from = 0; from < created.size(); from += CHUNK) {
			List<Slot> chunk = created.subList(from, Math.min(created.size(), from + CHUNK));
			batch.batchUpdate("""
					INSERT INTO merchant (name, normalized_name, uscc, created_at, updated_at)
					VALUES (:name, :normalized, :uscc, :now, :now)""",
					chunk.stream()
						.map(m -> new MapSqlParameterSource("name", m.name)
							.addValue("normalized", EnterpriseNames.normalize(m.name))
							.addValue("uscc", m.uscc, java.sql.Types.VARCHAR)
							.addValue("now", now, java.sql.Types.TIMESTAMP_WITH_TIMEZONE))
						.toArray(SqlParameterSource[]::new));
			Map<String, Slot> byCode = new HashMap<>();
			Map<String, Slot> byName = new HashMap<>();
			chunk.forEach(m -> {
				if (m.uscc != null) {
					byCode.put(m.uscc, m);
				}
				else {
					byName.put(m.name, m);
				}
			});
			if (!byCode.isEmpty()) {
				jdbc.sql("SELECT m.id, m.uscc FROM merchant m JOIN (VALUES :codes) AS k(v) ON m.uscc = k.v")
					.param("codes", keys(byCode.keySet()))
					.query((rs, n) -> byCode.get(rs.getString(2)).id = rs.getLong(1))
					.list();
			}
			if (!byName.isEmpty()) {
				jdbc.sql("""
						SELECT m.id, m.name FROM merchant m JOIN (VALUES :names) AS k(v) ON m.name = k.v
						WHERE m.uscc IS NULL ORDER BY m.id""")
					.param("names", keys(byName.keySet()))
					.query((rs, n) -> byName.get(rs.getString(2)).id = rs.getLong(1))
					.list();
			}
		}
	}

	private static final int CHUNK = 1000;

	/**
	 * Look-up keys as a VALUES list to join with ({@code JOIN (VALUES :keys) AS k(v)}), not an IN list: once
	 * PostgreSQL caches a generic plan for a statement run again and again, an IN list of a thousand parameters is
	 * compared row by row against every row of an unindexed column (a second per thousand names on 40,000
	 * merchants), while a join hashes the keys whatever the plan.
	 */
	private static List<Object[]> keys(java.util.Collection<String> values) {
		return values.stream().map(v -> new Object[] { v }).toList();
	}

	/** A merchant during a batch: known (with id) or to be registered (id assigned on insert). */
	private static final class Slot {

		Long id;
		final String name;
		String uscc;

		Slot(Long id, String name, String uscc) {
			this.id = id;
			this.name = name;
			this.uscc = uscc;
		}
	}

	/** The merchants a batch may match, indexed as {@link #match} looks them up. */
	private final class Known {

		final Map<Long, Slot> byId = new HashMap<>();
		final Map<String, Slot> byUscc = new HashMap<>();
		/** The first merchant of each name by id, as {@code match(name, null)} finds it. */
		final Map<String, Slot> firstByName = new HashMap<>();

		void load(java.util.Collection<InvestorRef> keys) {
			List<String> codes = keys.stream()
				.map(InvestorRef::uscc)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.toList();
			List<String> names = keys.stream().map(InvestorRef::name).distinct().toList();
			for (int from = 0; from < codes.size(); from += CHUNK) {
				query("ON m.uscc = k.v", codes.subList(from, Math.min(codes.size(), from + CHUNK)), false);
			}
			for (int from = 0; from < names.size(); from += CHUNK) {
				query("ON m.name = k.v", names.subList(from, Math.min(names.size(), from + CHUNK)), true);
			}
		}

		/**
		 * Loads the merchants whose USCC or name ({@code on}) is one of the values, each standing for its survivor
		 * when an administrator merged it (as {@link #match} follows merges), indexed under the value it matched.
		 */
		private void query(String on, List<String> values, boolean byName) {
			record Row(String key, Slot slot) {
			}
			var rows = jdbc.sql("""
					SELECT k.v, COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
					FROM merchant m JOIN (VALUES :values) AS k(v) %s
					LEFT JOIN merchant s ON s.id = m.merged_into_id
					ORDER BY m.id""".formatted(on))
				.param("values", keys(values))
				.query((rs, n) -> new Row(rs.getString(1), new Slot(rs.getLong(2), rs.getString(3), rs.getString(4))))
				.list();
			for (Row row : rows) {
				Slot m = byId.computeIfAbsent(row.slot().id, id -> row.slot());
				if (m.uscc != null) {
					byUscc.putIfAbsent(m.uscc, m);
				}
				if (byName) {
					// rows come by id, and all of a name's rows come in one chunk: the first one wins
					firstByName.putIfAbsent(row.key(), m);
				}
				else {
					byUscc.putIfAbsent(row.key(), m);
				}
			}
		}

		/** The rules of {@link #findOrRegister}, on the indexes; a new merchant joins them at once. */
		Slot resolve(InvestorRef key, List<Slot> created, List<Slot> usccRecorded) {
			if (key.uscc() != null) {
				Slot byCode = byUscc.get(key.uscc());
				if (byCode != null) {
					return byCode;
				}
				Slot byName = firstByName.get(key.name());
				if (byName != null && byName.uscc == null) {
					byName.uscc = key.uscc();
					byUscc.put(key.uscc(), byName);
					if (byName.id != null) {
						usccRecorded.add(byName);
					}
					return byName;
				}
			}
			else {
				Slot byName = firstByName.get(key.name());
				if (byName != null) {
					return byName;
				}
			}
			Slot m = new Slot(null, key.name(), key.uscc());
			created.add(m);
			firstByName.putIfAbsent(m.name, m);
			if (m.uscc != null) {
				byUscc.put(m.uscc, m);
			}
			return m;
		}
	}
}
