package cn.zhaoshang.platform.setting;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings declared by the modules ({@link SettingDefinition} beans) and their saved values in
 * {@code app_setting}. A saved value is checked against its definition, guarded by the row's version (optimistic
 * locking: two administrators editing at once cannot overwrite each other) and audited.
 */
@Service
class SettingStore implements Settings {

	private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;

	SettingStore(List<SettingDefinition> declared, JdbcClient jdbc, Auditor auditor, Clock clock) {
		declared.stream().sorted(Comparator.comparing(SettingDefinition::key)).forEach(d -> {
			if (definitions.putIfAbsent(d.key(), d) != null) {
				throw new IllegalStateException("setting " + d.key() + " is declared twice");
			}
			if (validate(d, d.defaultValue()).isPresent()) {
				throw new IllegalStateException("setting " + d.key() + " has an invalid default " + d.defaultValue());
			}
		});
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** A saved value with its version, or none. */
	record Saved(String value, int version, Instant updatedAt, String updatedBy) {
	}

	List<SettingDefinition> definitions() {
		return List.copyOf(definitions.values());
	}

	SettingDefinition definition(String key) {
		SettingDefinition d = definitions.get(key);
		if (d == null) {
			throw new NotFoundException();
		}
		return d;
	}

	Map<String, Saved> allSaved() {
		Map<String, Saved> saved = new LinkedHashMap<>();
		jdbc.sql("SELECT setting_key, setting_value, version, updated_at, updated_by FROM app_setting")
			.query((rs, n) -> Map.entry(rs.getString(1), new Saved(rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5))))
			.list()
			.forEach(e -> saved.put(e.getKey(), e.getValue()));
		return saved;
	}

	Optional<Saved> saved(String key) {
		return jdbc.sql("SELECT setting_value, version, updated_at, updated_by FROM app_setting WHERE setting_key = ?")
			.param(key)
			.query((rs, n) -> new Saved(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.optional();
	}

	/** The value in force: the saved one, else the default. */
	String value(String key) {
		SettingDefinition d = definition(key);
		return saved(key).map(Saved::value).filter(v -> validate(d, v).isEmpty()).orElse(d.defaultValue());
	}

	@Override
	public int intValue(String key) {
		requireType(key, SettingDefinition.Type.INT);
		return Integer.parseInt(value(key).trim());
	}

	@Override
	public boolean booleanValue(String key) {
		requireType(key, SettingDefinition.Type.BOOLEAN);
		return Boolean.parseBoolean(value(key).trim());
	}

	@Override
	public String textValue(String key) {
		return value(key);
	}

	private void requireType(String key, SettingDefinition.Type type) {
		if (definition(key).type() != type) {
			throw new IllegalArgumentException("setting " + key + " is not of type " + type);
		}
	}

	/**
	 * Saves a new value. {@code version} is the version the administrator's form was built from: null while no value
	 * was saved. A different version in the database means someone else saved meanwhile (409).
	 */
	@Transactional
	void save(String key, String raw, Integer version) {
		SettingDefinition d = definition(key);
		String value = normalise(d, raw);
		validate(d, value).ifPresent(rule -> {
			throw new FieldException("settingValue", rule.key(), rule.args());
		});
		Optional<Saved> current = saved(key);
		String before = current.map(Saved::value).orElse(d.defaultValue());
		String actor = Security.currentUser().map(u -> u.getUsername()).orElse(null);
		Instant now = clock.instant();
		if (current.isEmpty()) {
			if (version != null) {
				throw new OptimisticLockingFailureException("setting " + key + " changed meanwhile");
			}
			try {
				jdbc.sql("INSERT INTO app_setting (setting_key, setting_value, version, updated_at, updated_by) "
						+ "VALUES (?, ?, 0, ?, ?)")
					.params(key, value, java.sql.Timestamp.from(now), actor)
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new OptimisticLockingFailureException("setting " + key + " saved meanwhile", e);
			}
		}
		else {
			int changed = jdbc
				.sql("UPDATE app_setting SET setting_value = ?, version = version + 1, updated_at = ?, updated_by = ? "
						+ "WHERE setting_key = ? AND version = ?")
				.params(value, java.sql.Timestamp.from(now), actor, key, version == null ? -1 : version)
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("setting " + key + " changed meanwhile");
			}
		}
		if (!Objects.equals(before, value)) {
			auditor.record("setting", key, "UPDATE", key, Map.of("settingValue", before), Map.of("settingValue", value));
		}
	}

	/** A broken rule: message key and arguments. */
	record Rule(String key, Object... args) {
	}

	static String normalise(SettingDefinition d, String raw) {
		String v = raw == null ? "" : raw;
		return d.type() == SettingDefinition.Type.TEXT ? v.strip() : v.trim();
	}

	/** The rule a value breaks, if any. */
	static Optional<Rule> validate(SettingDefinition d, String value) {
		if (value == null) {
			return Optional.of(new Rule("validation.required"));
		}
		switch (d.type()) {
			case INT -> {
				if (value.isBlank()) {
					return Optional.of(new Rule("validation.required"));
				}
				long n;
				try {
					n = Long.parseLong(value.trim());
				}
				catch (NumberFormatException e) {
					return Optional.of(new Rule("setting.rule.int"));
				}
				if ((d.min() != null && n < d.min()) || (d.max() != null && n > d.max())) {
					return Optional.of(new Rule("setting.rule.range", d.min(), d.max()));
				}
			}
			case BOOLEAN -> {
				if (!value.equals("true") && !value.equals("false")) {
					return Optional.of(new Rule("setting.rule.boolean"));
				}
			}
			case TEXT -> {
				int length = value.codePointCount(0, value.length());
				if (d.min() != null && d.min() > 0 && value.isBlank()) {
					return Optional.of(new Rule("validation.required"));
				}
				if (d.max() != null && length > d.max()) {
					return Optional.of(new Rule("setting.rule.length", d.max()));
				}
			}
		}
		if (d.check() != null) {
			return d.check().check(value).map(p -> new Rule(p.messageKey(), p.args()));
		}
		return Optional.empty();
	}
}
