package cn.zhaoshang.merchant;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Uscc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds or registers the investor a project names: by USCC when given, else by exact name. Audited. */
@Service
public class Merchants {

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;

	Merchants(JdbcClient jdbc, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** A merchant as other modules see it. */
	public record Merchant(MerchantId id, String name, String uscc) {
	}

	public Optional<Merchant> find(MerchantId id) {
		return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> new Merchant(new MerchantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** The existing investor with this USCC, or with this name (when no USCC is given). */
	public Optional<Merchant> match(String name, String uscc) {
		String code = uscc == null || uscc.isBlank() ? null : Uscc.normalize(uscc);
		if (code != null) {
			return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE uscc = :uscc")
				.param("uscc", code)
				.query((rs, n) -> new Merchant(new MerchantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
				.optional();
		}
		return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE name = :name ORDER BY id")
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
				INSERT INTO merchant (name, normalized_name, uscc, created_at, updated_at)
				VALUES (:name, :normalized, :uscc, :now, :now)""")
			.param("name", name.trim())
			.param("normalized", name.trim())
			.param("uscc", code)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		auditor.record("merchant", id, "CREATE", name.trim(), Map.of(),
				code == null ? Map.of("name", name.trim()) : Map.of("name", name.trim(), "uscc", code));
		return new Merchant(new MerchantId(id), name.trim(), code);
	}
}
