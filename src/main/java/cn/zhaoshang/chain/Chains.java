package cn.zhaoshang.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Look-up of the industry chains (reference data, loaded by migration). */
@Service
public class Chains {

	private final JdbcClient jdbc;

	Chains(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Chain> all() {
		return jdbc.sql("SELECT id, code, name, name_en, sort_order, active FROM industry_chain ORDER BY sort_order, id")
			.query((rs, n) -> new Chain(new ChainId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getBoolean(6)))
			.list();
	}

	public Optional<Chain> find(ChainId id) {
		return all().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/**
	 * Every chain's name in the reader's language, by id: lists and pages read the Chinese name stored with a record
	 * and show this one, so that a page is in one language (exports keep the Chinese names users re-import).
	 */
	public Map<Long, String> names(boolean english) {
		Map<Long, String> names = new LinkedHashMap<>();
		all().forEach(c -> names.put(c.id().value(), c.name(english)));
		return names;
	}

	/** By the Chinese name as written in ledgers (e.g. 化工), or by code. */
	public Optional<Chain> findByName(String name) {
		String n = name == null ? "" : name.trim();
		return all().stream().filter(c -> c.name().equals(n) || c.code().equals(n)).findFirst();
	}
}
