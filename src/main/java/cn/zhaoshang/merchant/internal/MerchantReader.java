package cn.zhaoshang.merchant.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One enterprise record with its chains, tags, aliases and contacts, as stored and as the audit trail keeps it. */
@Component
public class MerchantReader {

	private final JdbcClient jdbc;
	private final Chains chains;
	private final UnitDirectory units;

	MerchantReader(JdbcClient jdbc, Chains chains, UnitDirectory units) {
		this.jdbc = jdbc;
		this.chains = chains;
		this.units = units;
	}

	/** The enterprise with contacts as stored (callers mask them with {@link MerchantRecord#forReader}). */
	public MerchantRecord get(long id) {
		var base = jdbc.sql("""
				SELECT m.id, m.name, m.uscc, m.enterprise_type, m.headquarters, m.chain_links, m.enterprise_size,
				       m.listed, m.global500, m.china500, m.unit_id, m.remarks, m.version, m.created_at, m.updated_at,
				       m.created_by, m.merged_into_id, s.name
				FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id WHERE m.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
					rs.getBoolean(10), (Long) rs.getObject(11, Long.class), rs.getString(12), rs.getInt(13),
					rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class), rs.getString(16),
					rs.getObject(17, Long.class), rs.getString(18) })
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Long> chainIds = jdbc.sql("SELECT chain_id FROM merchant_chain WHERE merchant_id = :id ORDER BY chain_id")
			.param("id", id)
			.query(Long.class)
			.list();
		Map<Long, Chain> allChains = new LinkedHashMap<>();
		chains.all().forEach(c -> allChains.put(c.id().value(), c));
		List<Long> orderedChains = allChains.keySet().stream().filter(chainIds::contains).toList();
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		List<String> chainNames = orderedChains.stream().map(c -> allChains.get(c).name(english)).toList();
		Set<SourceTag> tags = EnumSet.noneOf(SourceTag.class);
		jdbc.sql("SELECT tag FROM merchant_tag WHERE merchant_id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach(t -> tags.add(SourceTag.valueOf(t)));
		var aliases = jdbc.sql("SELECT id, name, kind FROM merchant_alias WHERE merchant_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new MerchantRecord.Alias(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		var contacts = jdbc.sql("""
				SELECT id, name, title, phone, email, wechat FROM merchant_contact WHERE merchant_id = :id
				ORDER BY sort_order, id""")
			.param("id", id)
			.query((rs, n) -> new MerchantRecord.Contact(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		Long unitId = (Long) base[10];
		String unitName = unitId == null ? null
				: units.find(new UnitId(unitId)).map(u -> u.name()).orElse(null);
		return new MerchantRecord((long) base[0], (String) base[1], (String) base[2],
				base[3] == null ? null : EnterpriseType.valueOf((String) base[3]), (String) base[4], orderedChains,
				chainNames, (String) base[5], base[6] == null ? null : EnterpriseSize.valueOf((String) base[6]),
				(boolean) base[7], (boolean) base[8], (boolean) base[9], tags, aliases, UnitId.of(unitId), unitName,
				(String) base[11], contacts, (int) base[12], instant(base[13]), instant(base[14]), (String) base[15],
				(Long) base[16], (String) base[17]);
	}

	private static Instant instant(Object o) {
		return o == null ? null : ((OffsetDateTime) o).toInstant();
	}

	/**
	 * The record as the audit trail keeps it. Contacts appear by name only: the history is read by roles that see
	 * contact details masked, and the trail is append-only, so phone numbers never go into it.
	 */
	Map<String, Object> auditView(long id) {
		MerchantRecord r = get(id);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", r.name());
		m.put("uscc", r.uscc());
		m.put("enterpriseType", r.enterpriseType() == null ? null : r.enterpriseType().name());
		m.put("headquarters", r.headquarters());
		m.put("chains", String.join(", ", chainNamesZh(r.chainIds())));
		m.put("chainLinks", r.chainLinks());
		m.put("enterpriseSize", r.enterpriseSize() == null ? null : r.enterpriseSize().name());
		m.put("listed", r.listed());
		m.put("global500", r.global500());
		m.put("china500", r.china500());
		m.put("tags", String.join(",", r.tags().stream().sorted().map(Enum::name).toList()));
		m.put("aliases", String.join("; ", r.ownAliases()));
		m.put("registeringUnitId", r.unitName());
		m.put("remarks", r.remarks());
		m.put("contacts", String.join(", ", r.contacts().stream().map(MerchantRecord.Contact::name).toList()));
		m.values().removeIf(Objects::isNull);
		return m;
	}

	/** The chains' Chinese names (as the ledgers and the workbook write them), in the chains' order. */
	List<String> chainNamesZh(List<Long> ids) {
		return chains.all().stream().filter(c -> ids.contains(c.id().value())).map(Chain::name).toList();
	}
}
