package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * English pages read as English: no Chinese full-width punctuation in the English bundles, nor hard-coded between a
 * label and its value in a template ("People met：" — the colon comes from the bundles: {@code ctx.colon()}, and
 * likewise {@code label.parenthesis} and {@code label.sentenceEnd}), and one term per unit: 万元 is "10k CNY" and
 * 万美元 "10k USD" everywhere, never "10k yuan", "10,000 yuan" or "¥10k". Plain file scanning, like {@link I18nTests}.
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

	@Test
	void the_checks_find_what_they_look_for() {
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
