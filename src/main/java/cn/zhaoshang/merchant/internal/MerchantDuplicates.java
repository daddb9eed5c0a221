package cn.zhaoshang.merchant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Candidate;
import cn.zhaoshang.platform.Uscc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The duplicate check of ADR 0004: which stored enterprises the one being entered may be. */
@Component
class MerchantDuplicates {

	private final JdbcClient jdbc;

	MerchantDuplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The records that block an enterprise of this name and USCC (ADR 0004): any with the same USCC; and any whose
	 * normalised name or alias equals the normalised name, unless both carry a USCC and they differ (two registered
	 * legal persons, e.g. the Puyang and the Shanghai company of one group, may share a normalised name).
	 */
	List<Candidate> of(String name, String uscc, Long excludeId) {
		String code = MerchantRegistry.blank(uscc) ? null : Uscc.normalize(uscc);
		Map<Long, Candidate> found = new LinkedHashMap<>();
		if (code != null) {
			jdbc.sql("""
					SELECT COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
					FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id WHERE m.uscc = :uscc""")
				.param("uscc", code)
				.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), "uscc"))
				.list()
				.forEach(c -> found.putIfAbsent(c.id(), c));
		}
		if (!MerchantRegistry.blank(name)) {
			String normalized = EnterpriseNames.normalize(name.strip());
			jdbc.sql("""
					SELECT COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
					FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id
					WHERE m.normalized_name = :n
					   OR m.id IN (SELECT a.merchant_id FROM merchant_alias a WHERE a.normalized_name = :n)
					ORDER BY 1""")
				.param("n", normalized)
				.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), "name"))
				.list()
				.stream()
				.filter(c -> code == null || c.uscc() == null || c.uscc().equals(code))
				.forEach(c -> found.putIfAbsent(c.id(), c));
		}
		if (excludeId != null) {
			found.remove(excludeId);
		}
		return new ArrayList<>(found.values());
	}
}
