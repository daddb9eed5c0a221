package cn.zhaoshang.project.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.Stage;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The kinds of evidence a stage needs, as groups: every group must be met, a group by any one of its kinds. Written
 * in the settings {@code ledger.evidence.<STAGE>} as {@code ,} for "all of" and {@code |} for "one of", e.g.
 * {@code CONSTRUCTION_PERMIT,SITE_PHOTO} or {@code PRODUCTION_LICENCE|FIRST_INVOICE|ACCEPTANCE}.
 */
public record EvidenceRequirement(List<Set<EvidenceKind>> groups) {

	static final EvidenceRequirement NONE = new EvidenceRequirement(List.of());

	public EvidenceRequirement {
		groups = groups.stream().map(Set::copyOf).toList();
	}

	/** The defaults of DESIGN §4. */
	static String defaultText(Stage stage) {
		return switch (stage) {
			case SIGNED -> "CONTRACT";
			case COMMENCED -> "CONSTRUCTION_PERMIT,SITE_PHOTO";
			case IN_PRODUCTION -> "PRODUCTION_LICENCE|FIRST_INVOICE|ACCEPTANCE";
			case NEGOTIATING -> "";
		};
	}

	static EvidenceRequirement defaults(Stage stage) {
		return parse(defaultText(stage));
	}

	/** Parses a setting's text; throws {@link IllegalArgumentException} naming the first unknown kind. */
	static EvidenceRequirement parse(String text) {
		List<Set<EvidenceKind>> groups = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return NONE;
		}
		for (String group : text.split(",")) {
			Set<EvidenceKind> kinds = new LinkedHashSet<>();
			for (String name : group.split("\\|")) {
				String n = name.strip().toUpperCase(Locale.ROOT);
				if (n.isEmpty()) {
					continue;
				}
				try {
					kinds.add(EvidenceKind.valueOf(n));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(name.strip(), e);
				}
			}
			if (!kinds.isEmpty()) {
				groups.add(kinds);
			}
		}
		return new EvidenceRequirement(groups);
	}

	/** The groups not met by the given kinds, in order. */
	List<Set<EvidenceKind>> missing(Collection<EvidenceKind> present) {
		return groups.stream().filter(g -> g.stream().noneMatch(present::contains)).toList();
	}

	/** Every kind named, in order: one file input each on the move form. */
	public List<EvidenceKind> kinds() {
		return groups.stream().flatMap(Set::stream).distinct().toList();
	}

	/** Whether the kind belongs to a "one of" group. */
	public boolean isAlternative(EvidenceKind kind) {
		return groups.stream().anyMatch(g -> g.size() > 1 && g.contains(kind));
	}

	/**
	 * The requirement as people read it, with the kinds' labels: "施工许可证、现场照片", "生产许可证、首张发票或验收报告"
	 * (the settings page shows this beside the stored codes); no groups read as "any one file".
	 */
	public MessageSourceResolvable describe() {
		return groups.isEmpty() ? new DefaultMessageSourceResolvable("setting.ledger.evidence.any") : describe(groups);
	}

	/**
	 * The kinds this requirement asks for, translated ("A、B" for all of, "A或B" for one of; "at least one file" when
	 * it names none): the argument of the move form's gate hint {@code ledger.gate.<STAGE>}, so that the sentence
	 * follows the city bureau's settings.
	 */
	public MessageSourceResolvable described() {
		return groups.isEmpty() ? new DefaultMessageSourceResolvable("evidenceKind.any") : describe(groups);
	}

	/** "A、B、C" for the groups, each "A" or "A或B" (the message with as many places as items). */
	static MessageSourceResolvable describe(List<Set<EvidenceKind>> groups) {
		return list("evidenceKind.list.", groups.stream().map(EvidenceRequirement::groupName).toArray());
	}

	private static MessageSourceResolvable groupName(Set<EvidenceKind> group) {
		Object[] names = group.stream().sorted().map(k -> new DefaultMessageSourceResolvable(k.messageKey())).toArray();
		return names.length == 1 ? (MessageSourceResolvable) names[0] : list("evidenceKind.oneOf.", names);
	}

	private static MessageSourceResolvable list(String prefix, Object[] items) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + items.length }, items);
	}

	/** The requirement in force per stage, from the settings the city bureau edits. */
	@Component
	public static class Source {

		private final Settings settings;

		Source(Settings settings) {
			this.settings = settings;
		}

		public EvidenceRequirement of(Stage stage) {
			if (stage == null || stage == Stage.NEGOTIATING) {
				return NONE;
			}
			return parse(settings.textValue(key(stage)));
		}
	}

	static String key(Stage stage) {
		return "ledger.evidence." + stage.name();
	}

	@Configuration(proxyBeanMethods = false)
	static class Declared {

		@Bean
		SettingDefinition evidenceSigned() {
			return declare(Stage.SIGNED);
		}

		@Bean
		SettingDefinition evidenceCommenced() {
			return declare(Stage.COMMENCED);
		}

		@Bean
		SettingDefinition evidenceInProduction() {
			return declare(Stage.IN_PRODUCTION);
		}

		private static SettingDefinition declare(Stage stage) {
			return SettingDefinition
				.ofText(key(stage), "setting.ledger.evidence." + stage.name(), "setting.ledger.evidence.help",
						defaultText(stage), 200)
				.withCheck(EvidenceRequirement::check)
				.withDisplay(value -> parse(value).describe())
				.editableBy(Role.CITY_SUPERVISOR);
		}
	}

	/** The setting's rule: only known kind names (the list of them in the message). */
	static Optional<SettingDefinition.Problem> check(String value) {
		try {
			parse(value);
			return Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.of(new SettingDefinition.Problem("setting.rule.evidenceKind", e.getMessage(),
					String.join(", ", Arrays.stream(EvidenceKind.values()).map(Enum::name).toList())));
		}
	}
}
