package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * English pages read as English: no Chinese full-width punctuation in the English bundles, nor hard-coded between a
 * label and its value in a template ("People met：" — the colon comes from the bundles: {@code ctx.colon()}, and
 * likewise {@code label.parenthesis} and {@code label.sentenceEnd}), and one term per unit: 万元 is "10k CNY" and
 * 万美元 "10k USD" everywhere, never "10k yuan", "10,000 yuan" or "¥10k". Apostrophes show as written, in every
 * bundle: a message with placeholders goes through {@link MessageFormat}, where a single apostrophe opens a quoted
 * section ("The unit's projects: {1}" shows "The units projects: {1}"), so it writes {@code ''}; a message without
 * placeholders is shown as it stands (the message source does not format it), so it writes a single one. Plain file
 * scanning, like {@link I18nTests}.
 */
class EnglishBundleTests {

	/**
	 * Full-width punctuation that has an ASCII counterpart in English. The enumeration comma 、 is not in the list:
	 * the import help names it as the separator users type in Chinese cells.
	 */
	static final Pattern FULL_WIDTH = Pattern.compile("[：（）；，。！？【】“”]");

	/** Spellings of 万元 / 万美元 other than the canonical "10k CNY" / "10k USD". */
	static final Pattern OTHER_WAN = Pattern.compile("(?i)10k\\s*(yuan|rmb|dollars?|us\\s*dollars?)|10,000\\s*(cny|usd|yuan|rmb|"
			+ "us\\s*dollars?|dollars?)|10\\s000|ten\\s+thousand|¥\\s*10k|\\$\\s*10k|\\bwan\\b|in\\s+10k\\b(?!\\s*(cny|usd))");

	@Test
	void english_bundles_have_no_full_width_punctuation() {
		assertThat(messagesMatching(FULL_WIDTH)).isEmpty();
	}

	@Test
	void english_bundles_write_wan_yuan_as_10k_cny_and_wan_dollars_as_10k_usd() {
		assertThat(messagesMatching(OTHER_WAN)).isEmpty();
	}

	/** English messages in which the pattern finds something, with what it found. */
	private static List<String> messagesMatching(Pattern pattern) {
		List<String> found = new ArrayList<>();
		english().forEach((where, text) -> {
			Matcher m = pattern.matcher(text);
			if (m.find()) {
				found.add(where + " has \"" + m.group() + "\": " + text);
			}
		});
		return found;
	}

	/** A placeholder: {@code {0}}, or {@code {0,number,#}} and the like. */
	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,[^{}]*)?}");

	@Test
	void messages_with_placeholders_double_their_apostrophes_and_the_others_do_not() {
		List<String> problems = new ArrayList<>();
		for (Path file : I18nTests.allBundleFiles()) {
			Properties p = I18nTests.load(file);
			Locale locale = file.getFileName().toString().endsWith("_en.properties") ? Locale.ENGLISH
					: Locale.SIMPLIFIED_CHINESE;
			for (String key : new TreeSet<>(p.stringPropertyNames())) {
				String text = p.getProperty(key);
				String problem = formatted(key, p) ? apostropheSwallows(text, locale)
						: text.contains("''") ? "has no placeholders, so it is shown as written and '' shows doubled"
								: null;
				if (problem != null) {
					problems.add(file.getFileName() + ": " + key + " " + problem + ": " + text);
				}
			}
		}
		assertThat(problems).as("apostrophes: '' in a message with {0}-style placeholders, ' in one without")
			.isEmpty();
	}

	/**
	 * What the rule above rests on: the message source (set up as {@code I18nConfig} does, without "always use
	 * MessageFormat") formats a message only when it is given arguments.
	 */
	@Test
	void the_message_source_formats_a_message_only_when_it_is_given_arguments() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames(I18nTests.bundleFiles("_en.properties").keySet().stream().map(m -> "i18n/" + m)
			.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		assertThat(source.getMessage("site.reason.chainSuits", new Object[0], Locale.ENGLISH))
			.isEqualTo("Suits the project's chain");
		assertThat(source.getMessage("dispatch.round.confirmClose", new Object[] { "2026-05", 2 }, Locale.ENGLISH))
			.startsWith("Close \"2026-05\"? Each project's figures")
			.endsWith("(2 not submitted yet).");
		// A list of one: no "1 records" (seen on the activity pages at phone width).
		assertThat(source.getMessage("list.total", new Object[] { 1, 1, 1 }, Locale.ENGLISH))
			.isEqualTo("Total 1, page 1 of 1");
	}

	/**
	 * Whether the message source formats the message: when it has placeholders (it is given arguments then), and a
	 * notification's body ({@code <subject>.body}), which gets its subject's arguments.
	 */
	static boolean formatted(String key, Properties bundle) {
		String subject = key.endsWith(".body") ? bundle.getProperty(key.substring(0, key.length() - 5)) : null;
		return PLACEHOLDER.matcher(bundle.getProperty(key)).find()
				|| subject != null && PLACEHOLDER.matcher(subject).find();
	}

	/**
	 * What goes wrong when {@link MessageFormat} formats the message with arguments 100, 101, ...: null when the
	 * result is the text with {@code ''} as one apostrophe and each placeholder replaced by its argument.
	 */
	static String apostropheSwallows(String text, Locale locale) {
		Matcher m = PLACEHOLDER.matcher(text);
		int count = 0;
		while (m.find()) {
			count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
		}
		Object[] args = new Object[count];
		for (int i = 0; i < count; i++) {
			args[i] = 100 + i;
		}
		String actual;
		try {
			actual = new MessageFormat(text, locale).format(args);
		}
		catch (IllegalArgumentException e) {
			return "cannot be formatted (" + e.getMessage() + ")";
		}
		String expected = PLACEHOLDER.matcher(text.replace("''", "'"))
			.replaceAll(r -> String.valueOf(100 + Integer.parseInt(r.group(1))));
		return actual.equals(expected) ? null : "shows \"" + actual + "\" (a single ' opens a quote: write '')";
	}

	@Test
	void the_checks_find_what_they_look_for() {
		assertThat(apostropheSwallows("The unit's projects in hand: {1}", Locale.ENGLISH)).isNotNull();
		assertThat(apostropheSwallows("The stage's date ({0})", Locale.ENGLISH)).isNotNull();
		assertThat(apostropheSwallows("Use {name} for {0}", Locale.ENGLISH)).startsWith("cannot be formatted");
		assertThat(apostropheSwallows("The unit''s projects in hand: {1} of {0,number,#}", Locale.ENGLISH)).isNull();
		var bundle = new Properties();
		bundle.setProperty("a", "Published {0}");
		bundle.setProperty("a.body", "See the publication's page");
		bundle.setProperty("b.body", "See the publication's page");
		assertThat(formatted("a.body", bundle)).isTrue();
		assertThat(formatted("b.body", bundle)).isFalse();
		assertThat(formatted("a", bundle)).isTrue();
		assertThat(FULL_WIDTH.matcher("People met：").find()).isTrue();
		assertThat(FULL_WIDTH.matcher("Planned（10k CNY）").find()).isTrue();
		assertThat(FULL_WIDTH.matcher("Chains separated by 、; People met: 3 (10k CNY)").find()).isFalse();
		for (String other : List.of("Planned (10k yuan)", "Amounts in 10,000 yuan", "A number in 10,000 CNY",
				"Estimate (¥10k)", "in 10,000 US dollars", "Foreign (10k dollars)", "ten thousand yuan",
				"Amounts in 10k.")) {
			assertThat(OTHER_WAN.matcher(other).find()).as(other).isTrue();
		}
		for (String canonical : List.of("Planned (10k CNY)", "Foreign investment (10k USD)",
				"Amounts in 10k CNY (foreign investment in 10k USD)", "10,000 rows")) {
			assertThat(OTHER_WAN.matcher(canonical).find()).as(canonical).isFalse();
		}
	}

	@Test
	void templates_take_punctuation_between_labels_and_values_from_the_bundles() {
		List<String> problems = new ArrayList<>();
		for (Path file : I18nTests.files(I18nTests.TEMPLATES, ".jte")) {
			String[] lines = I18nTests.read(file).split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (FULL_WIDTH.matcher(lines[i]).find()) {
					problems.add(I18nTests.TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + lines[i].trim());
				}
			}
		}
		assertThat(problems)
			.as("full-width punctuation in a template shows in English too: use ctx.colon(), label.parenthesis, "
					+ "label.sentenceEnd")
			.isEmpty();
	}

	/** Every English message as "file: key" → text. */
	private static Map<String, String> english() {
		Map<String, String> all = new TreeMap<>();
		I18nTests.bundleFiles("_en.properties").forEach((module, file) -> {
			Properties p = I18nTests.load(file);
			p.stringPropertyNames().forEach(k -> all.put(file.getFileName() + ": " + k, p.getProperty(k)));
		});
		assertThat(all).as("English messages found").hasSizeGreaterThan(100);
		return all;
	}
}
