package cn.zhaoshang.merchant.internal;

import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;

import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Checked;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes checked enterprise input ({@link Checked}) with its chains, tags, aliases and contacts: a new record, or a
 * stored one at the version it was read in. Rights, rules and the audit entry are the caller's.
 */
@Component
class MerchantStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	MerchantStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long insert(Checked c, CurrentUser user) {
		var keys = new GeneratedKeyHolder();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO merchant (name, normalized_name, uscc, enterprise_type, headquarters, chain_links,
				    enterprise_size, listed, global500, china500, unit_id, remarks, created_by, created_at, updated_at)
				VALUES (:name, :normalized, :uscc, :type, :hq, :links, :size, :listed, :g500, :c500, :unit, :remarks,
				    :by, :now, :now)""")
			.paramSource(params(c).addValue("by", user == null ? null : user.getUsername()).addValue("now", now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		children(id, c);
		return id;
	}

	void write(long id, Checked c, int version) {
		int updated = jdbc.sql("""
				UPDATE merchant SET name = :name, normalized_name = :normalized, uscc = :uscc, enterprise_type = :type,
				    headquarters = :hq, chain_links = :links, enterprise_size = :size, listed = :listed,
				    global500 = :g500, china500 = :c500, unit_id = :unit, remarks = :remarks, version = version + 1,
				    updated_at = :now
				WHERE id = :id AND version = :version""")
			.paramSource(params(c).addValue("id", id)
				.addValue("version", version)
				.addValue("now", clock.instant().atOffset(ZoneOffset.UTC)))
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("merchant " + id + " changed meanwhile");
		}
		jdbc.sql("DELETE FROM merchant_chain WHERE merchant_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_tag WHERE merchant_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_alias WHERE merchant_id = :id AND kind <> 'MERGED'").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_contact WHERE merchant_id = :id").param("id", id).update();
		children(id, c);
	}

	private static MapSqlParameterSource params(Checked c) {
		return new MapSqlParameterSource("name", c.name())
			.addValue("normalized", EnterpriseNames.normalize(c.name()))
			.addValue("uscc", c.uscc(), Types.VARCHAR)
			.addValue("type", c.type().name())
			.addValue("hq", c.headquarters(), Types.VARCHAR)
			.addValue("links", c.chainLinks(), Types.VARCHAR)
			.addValue("size", c.size() == null ? null : c.size().name(), Types.VARCHAR)
			.addValue("listed", c.listed())
			.addValue("g500", c.global500())
			.addValue("c500", c.china500())
			.addValue("unit", c.unitId())
			.addValue("remarks", c.remarks(), Types.VARCHAR);
	}

	private void children(long id, Checked c) {
		for (Long chain : c.chainIds()) {
			jdbc.sql("INSERT INTO merchant_chain (merchant_id, chain_id) VALUES (:id, :chain)")
				.param("id", id)
				.param("chain", chain)
				.update();
		}
		for (SourceTag tag : c.tags()) {
			jdbc.sql("INSERT INTO merchant_tag (merchant_id, tag) VALUES (:id, :tag)")
				.param("id", id)
				.param("tag", tag.name())
				.update();
		}
		for (String alias : c.aliases()) {
			jdbc.sql("""
					INSERT INTO merchant_alias (merchant_id, name, normalized_name, kind)
					VALUES (:id, :name, :normalized, 'ALIAS')""")
				.param("id", id)
				.param("name", alias)
				.param("normalized", EnterpriseNames.normalize(alias))
				.update();
		}
		int order = 0;
		for (ContactInput ct : c.contacts()) {
			jdbc.sql("""
					INSERT INTO merchant_contact (merchant_id, name, title, phone, email, wechat, sort_order)
					VALUES (:id, :name, :title, :phone, :email, :wechat, :order)""")
				.param("id", id)
				.param("name", ct.name())
				.param("title", ct.title(), Types.VARCHAR)
				.param("phone", ct.phone(), Types.VARCHAR)
				.param("email", ct.email(), Types.VARCHAR)
				.param("wechat", ct.wechat(), Types.VARCHAR)
				.param("order", order++)
				.update();
		}
	}
}
