package cn.zhaoshang.merchant.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.merchant.EnterpriseNames;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Recomputes {@code normalized_name} of every enterprise and alias with {@link EnterpriseNames#normalize}: the demo
 * data and rows written before the normaliser existed hold the raw name there, which would hide their duplicates.
 * A Spring bean, so that Spring Boot hands it to Flyway; it runs once, after the demo data (V4_2) when that is loaded.
 */
@Component
class V4_3__Normalize_merchant_names extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		for (String table : new String[] { "merchant", "merchant_alias" }) {
			Map<Long, String> changed = new LinkedHashMap<>();
			try (var st = connection.createStatement();
					ResultSet rs = st.executeQuery("SELECT id, name, normalized_name FROM " + table)) {
				while (rs.next()) {
					String normalized = EnterpriseNames.normalize(rs.getString(2));
					if (!normalized.equals(rs.getString(3))) {
						changed.put(rs.getLong(1), normalized);
					}
				}
			}
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE " + table + " SET normalized_name = ? WHERE id = ?")) {
				for (var e : changed.entrySet()) {
					update.setString(1, e.getValue());
					update.setLong(2, e.getKey());
					update.addBatch();
				}
				update.executeBatch();
			}
		}
	}
}
