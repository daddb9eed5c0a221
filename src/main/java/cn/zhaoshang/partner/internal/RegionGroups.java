package cn.zhaoshang.partner.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The dictionary of region groupings (长三角, 珠三角, 京津冀 …) that agreements name in their regional scope, each with
 * the provinces or cities it covers (issue 13). It is the setting {@value #KEY}, which the city bureau edits on the
 * settings page; its default is the documented list in {@code partner/region-groups.txt}. The value is one line:
 * groupings separated by ；, each {@code name=places} with the places separated by 、 or ，.
 */
@Component
public class RegionGroups {

	public static final String KEY = "partner.regionGroups";

	static final int MAX_LENGTH = 2000;

	private final Settings settings;

	RegionGroups(Settings settings) {
		this.settings = settings;
	}

	/** The groupings now in force, by lower-case name. */
	public Map<String, List<String>> groups() {
		return parse(settings.textValue(KEY));
	}

	@Bean
	static SettingDefinition regionGroupsSetting() {
		return SettingDefinition.ofText(KEY, "partner.regionGroups", "partner.regionGroups.help", defaults(), MAX_LENGTH)
			.editableBy(Role.CITY_SUPERVISOR)
			.withCheck(value -> check(value));
	}

	/** The documented default: the lines of {@code partner/region-groups.txt} that are not notes, joined by ；. */
	static String defaults() {
		try (InputStream in = new ClassPathResource("partner/region-groups.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.collect(Collectors.joining("\uff1b"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Refuses a grouping without a name or without places, naming the grouping (1-based). */
	static Optional<SettingDefinition.Problem> check(String value) {
		String[] entries = entries(value);
		for (int i = 0; i < entries.length; i++) {
			String[] parts = entries[i].split("[=\uff1d:\uff1a]", 2);
			if (parts.length < 2 || parts[0].isBlank() || places(parts[1]).isEmpty()) {
				return Optional.of(new SettingDefinition.Problem("partner.regionGroups.rule", i + 1, entries[i]));
			}
		}
		return Optional.empty();
	}

	static Map<String, List<String>> parse(String value) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (String entry : entries(value)) {
			String[] parts = entry.split("[=\uff1d:\uff1a]", 2);
			if (parts.length == 2 && !parts[0].isBlank()) {
				List<String> places = places(parts[1]);
				if (!places.isEmpty()) {
					groups.put(parts[0].strip().toLowerCase(Locale.ROOT), places);
				}
			}
		}
		return groups;
	}

	private static String[] entries(String value) {
		if (value == null || value.isBlank()) {
			return new String[0];
		}
		return Arrays.stream(value.split("[\uff1b;\\n]+")).map(String::strip).filter(e -> !e.isEmpty())
			.toArray(String[]::new);
	}

	private static List<String> places(String list) {
		return Arrays.stream(list.split("[\u3001\uff0c,\\s]+"))
			.map(String::strip)
			.filter(p -> !p.isEmpty())
			.map(p -> p.toLowerCase(Locale.ROOT))
			.toList();
	}
}
