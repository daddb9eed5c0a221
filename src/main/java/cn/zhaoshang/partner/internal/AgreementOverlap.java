package cn.zhaoshang.partner.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One intermediary may not hold two agreements for the same scope over the same days: a project it introduces would
 * otherwise be rewarded twice for one stage move. Two agreements meet when their periods share a day and their scopes
 * share a chain and a region; a scope left blank covers every chain (or region), so it meets any other. Scope lists
 * are free text as written in the agreements ("新材料、智能家居"), compared word by word after splitting on Chinese and
 * Latin list separators.
 */
final class AgreementOverlap {

	/** An agreement the new period and scope would collide with. */
	record Clash(long id, String title, LocalDate from, LocalDate to) {
	}

	private AgreementOverlap() {
	}

	/** The first other agreement of the unit that meets the period and scope, if any ({@code self} is skipped). */
	static Optional<Clash> find(JdbcClient jdbc, long unitId, LocalDate from, LocalDate to, String chains,
			String regions, Long self) {
		return jdbc.sql("""
				SELECT a.id, a.title, a.valid_from, a.valid_to, a.scope_chains, a.scope_regions, u.name
				FROM partner_agreement a JOIN unit u ON u.id = a.intermediary_unit_id
				WHERE a.intermediary_unit_id = :u AND a.valid_from <= :to AND a.valid_to >= :from AND a.id <> :self
				ORDER BY a.valid_from, a.id""")
			.param("u", unitId)
			.param("from", from)
			.param("to", to)
			.param("self", self == null ? -1L : self)
			.query((rs, n) -> meet(chains, rs.getString("scope_chains")) && meet(regions, rs.getString("scope_regions"))
					? new Clash(rs.getLong("id"),
							rs.getString("title") != null ? rs.getString("title") : rs.getString("name"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class))
					: null)
			.list()
			.stream()
			.filter(c -> c != null)
			.findFirst();
	}

	/** Whether two scope lists share a word; a blank list covers everything. */
	static boolean meet(String a, String b) {
		Set<String> left = words(a);
		Set<String> right = words(b);
		return left.isEmpty() || right.isEmpty() || !Collections.disjoint(left, right);
	}

	static Set<String> words(String list) {
		if (list == null || list.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(list.split("[\u3001\uff0c,\uff1b;/\\s]+"))
			.map(String::strip)
			.filter(w -> !w.isEmpty())
			.map(w -> w.toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.toSet());
	}
}
