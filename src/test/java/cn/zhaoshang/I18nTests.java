package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.zhaoshang.merchant.talent.TalentRelation;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.UnitType;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;

/**
 * Every user-visible string comes from the message bundles, in both languages (DESIGN §1, STYLE 11). Plain file
 * scanning, no Spring context: bundles, templates and main Java sources are read from {@code src/main}.
 */
class I18nTests {

	static final Path JAVA = Path.of("src/main/java");
	static final Path TEMPLATES = Path.of("src/main/jte");
	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)+");

	// ---------------------------------------------------------------- (a) bundle pairs

	@Test
	void every_module_bundle_has_chinese_and_english_with_the_same_keys() {
		Map<String, Path> chinese = bundleFiles("_zh_CN.properties");
		Map<String, Path> english = bundleFiles("_en.properties");
		assertThat(chinese).as("module bundles").isNotEmpty();
		assertThat(english.keySet()).as("modules with an English bundle").isEqualTo(chinese.keySet());
		List<String> problems = new ArrayList<>();
		chinese.forEach((module, zhFile) -> {
			Set<String> zh = load(zhFile).stringPropertyNames();
			Set<String> en = load(english.get(module)).stringPropertyNames();
			Set<String> onlyZh = new TreeSet<>(zh);
			onlyZh.removeAll(en);
			Set<String> onlyEn = new TreeSet<>(en);
			onlyEn.removeAll(zh);
			if (!onlyZh.isEmpty()) {
				problems.add(module + ": only in zh_CN: " + onlyZh);
			}
			if (!onlyEn.isEmpty()) {
				problems.add(module + ": only in en: " + onlyEn);
			}
		});
		assertThat(problems).as("differences between the Chinese and English bundles").isEmpty();
	}

	@Test
	void no_message_is_empty_and_the_same_key_is_not_defined_by_two_modules() {
		List<String> problems = new ArrayList<>();
		Map<String, String> owner = new TreeMap<>();
		for (Path file : allBundleFiles()) {
			Properties p = load(file);
			for (String key : p.stringPropertyNames()) {
				if (p.getProperty(key).isBlank()) {
					problems.add(file.getFileName() + ": " + key + " is empty");
				}
				String module = file.getFileName().toString().replaceAll("_(zh_CN|en)\\.properties$", "");
				String previous = owner.putIfAbsent(key, module);
				if (previous != null && !previous.equals(module)) {
					problems.add(key + " is defined by both " + previous + " and " + module);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	// ---------------------------------------------------------------- (b) keys in use exist

	@Test
	void every_message_key_used_in_templates_and_java_exists_in_both_languages() {
		Set<String> zh = keys("_zh_CN.properties");
		Set<String> en = keys("_en.properties");
		Map<String, Set<String>> used = usedKeys();
		assertThat(used).as("keys found by the scan (a scan that finds nothing proves nothing)").hasSizeGreaterThan(50);
		for (String status : List.of("DRAFT", "PUBLISHED")) {
			used.put("supervision.weekly.status." + status, Set.of("supervision/weekly-list.jte (dynamic)"));
		}
		for (String kind : List.of("CLUE", "MOVE", "FUNDS", "STALLED")) {
			used.put("supervision.weekly.kind." + kind, Set.of("supervision/weekly.jte (dynamic)"));
		}
		List<String> missing = new ArrayList<>();
		used.forEach((key, where) -> {
			if (!zh.contains(key)) {
				missing.add(key + " (zh_CN) used in " + where);
			}
			if (!en.contains(key)) {
				missing.add(key + " (en) used in " + where);
			}
		});
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	@Test
	void every_enum_value_shown_through_a_dynamic_key_has_a_message() {
		Set<String> all = new TreeSet<>(keys("_zh_CN.properties"));
		all.retainAll(keys("_en.properties"));
		List<String> missing = new ArrayList<>();
		Stream.of(UnitType.values()).map(v -> "unitType." + v.name()).filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(PersonKind.values()).map(v -> "personKind." + v.name()).filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(Role.values()).map(Role::messageKey).filter(k -> !all.contains(k)).forEach(missing::add);
		// The ledger pages (project/*.jte): enums through messageKey(), and the dynamic keys below.
		Stream.of(Stage.values()).map(Stage::messageKey).filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(ProjectStatus.values()).map(ProjectStatus::messageKey).filter(k -> !all.contains(k))
			.forEach(missing::add);
		Stream.of(ProjectType.values()).map(ProjectType::messageKey).filter(k -> !all.contains(k))
			.forEach(missing::add);
		Stream.of(cn.zhaoshang.project.web.AmountUnit.values()).map(v -> "ledger.display.unit." + v.name())
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of("unit", "chain", "stage").map(v -> "groups.by." + v).filter(k -> !all.contains(k))
			.forEach(missing::add);
		Stream.of(ContractType.values()).map(ContractType::messageKey).filter(k -> !all.contains(k))
			.forEach(missing::add);
		Stream.of(cn.zhaoshang.project.EvidenceKind.values()).map(cn.zhaoshang.project.EvidenceKind::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		for (int n = 1; n <= cn.zhaoshang.project.EvidenceKind.values().length; n++) {
			Stream.of("evidenceKind.list." + n, "evidenceKind.oneOf." + Math.max(2, n)).filter(k -> !all.contains(k))
				.forEach(missing::add);
		}
		Stream.of(PromotionMode.values()).map(PromotionMode::messageKey).filter(k -> !all.contains(k))
			.forEach(missing::add);
		// The merchant pages (merchant/*.jte): enterprise type, size and source tags through messageKey().
		Stream.of(cn.zhaoshang.merchant.EnterpriseType.values()).map(cn.zhaoshang.merchant.EnterpriseType::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.merchant.EnterpriseSize.values()).map(cn.zhaoshang.merchant.EnterpriseSize::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.merchant.SourceTag.values()).map(cn.zhaoshang.merchant.SourceTag::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of("APPLIED", "SUBMITTED", "APPROVED", "RETURNED").map(v -> "moveState." + v)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(Stage.SIGNED, Stage.COMMENCED, Stage.IN_PRODUCTION)
			.flatMap(v -> Stream.of("ledger.gate." + v.name(), "ledger.gate.date." + v.name()))
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of("EVIDENCE", "PHOTO", "OTHER").map(v -> "ledger.kind." + v).filter(k -> !all.contains(k))
			.forEach(missing::add);
		// The talent directory (merchant/talent/*.jte and its history): how a talent is linked to Puyang.
		Stream.of(TalentRelation.values())
			.flatMap(v -> Stream.of("talent.relation." + v.name(), "talentForm.relation." + v.name()))
			.filter(k -> !all.contains(k)).forEach(missing::add);
		// The clue pages (clue/*.jte): enums through messageKey(), and the assignment kinds.
		Stream.of(cn.zhaoshang.clue.ClueStatus.values()).map(cn.zhaoshang.clue.ClueStatus::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.clue.ClueSource.values()).map(cn.zhaoshang.clue.ClueSource::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.clue.FollowUpKind.values()).map(cn.zhaoshang.clue.FollowUpKind::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of("CREATE", "ASSIGN", "REASSIGN", "RETURN").map(v -> "assignmentKind." + v)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		// The dispatch pages (dispatch/*.jte): enums through messageKey().
		Stream.of(cn.zhaoshang.dispatch.RoundStatus.values()).map(cn.zhaoshang.dispatch.RoundStatus::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.dispatch.ReportStatus.values()).map(cn.zhaoshang.dispatch.ReportStatus::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.dispatch.ProblemStatus.values()).map(cn.zhaoshang.dispatch.ProblemStatus::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		Stream.of(cn.zhaoshang.dispatch.MajorForum.values()).map(cn.zhaoshang.dispatch.MajorForum::messageKey)
			.filter(k -> !all.contains(k)).forEach(missing::add);
		assertThat(missing).isEmpty();
	}

	/**
	 * Dynamic keys of the ledger pages, whose values {@link #every_enum_value_shown_through_a_dynamic_key_has_a_message}
	 * checks: a stage move's state, and a gate's hint and date label by target stage.
	 */
	static final Set<String> LEDGER_DYNAMIC_PREFIXES = Set.of("moveState.", "ledger.gate.", "ledger.gate.date.",
			"ledger.display.unit.", "groups.by.");

	/** Dynamic keys of the clue pages: the kind of an assignment history entry. */
	static final Set<String> CLUE_DYNAMIC_PREFIXES = Set.of("assignmentKind.");

	/**
	 * Dynamic keys of the supervision pages: an indicator's head and label (TargetIndicatorTests checks each), a
	 * weekly dynamics' status and the kind of a line (checked below).
	 */
	static final Set<String> SUPERVISION_DYNAMIC_PREFIXES = Set.of("supervision.head.", "supervision.field.",
			"supervision.weekly.status.", "supervision.weekly.kind.");

	/** Dynamic keys of the service module's approval pages (issue 14), checked below. */
	static final Set<String> SERVICE_APPROVAL_DYNAMIC_PREFIXES = Set.of("evaluation.result.", "materialStatus.",
			"approvalKind.", "serviceLogKind.", "attendant.satisfaction.", "envCategory.");

	@Test
	void every_service_approval_enum_shown_through_a_dynamic_key_has_a_message() {
		Set<String> all = new TreeSet<>(keys("_zh_CN.properties"));
		all.retainAll(keys("_en.properties"));
		List<String> keys = new ArrayList<>();
		Stream.of(cn.zhaoshang.service.evaluation.EvaluationPolicy.Result.values())
			.forEach(v -> keys.add("evaluation.result." + v.name()));
		Stream.of(cn.zhaoshang.service.evaluation.EvaluationPolicy.Reason.values())
			.forEach(v -> keys.add("evaluation.reason." + v.name()));
		Stream.of(cn.zhaoshang.service.evaluation.EvaluationPolicy.Indicator.values())
			.forEach(v -> keys.add("evaluation.indicator." + v.name()));
		Stream.of(cn.zhaoshang.service.approval.MaterialStatus.values())
			.forEach(v -> keys.add("materialStatus." + v.name()));
		Stream.of(cn.zhaoshang.service.approval.ApprovalKind.values()).forEach(v -> keys.add("approvalKind." + v.name()));
		Stream.of(cn.zhaoshang.service.evaluation.EnvCategory.values()).forEach(v -> keys.add("envCategory." + v.name()));
		Stream.of(cn.zhaoshang.service.attendant.ServiceLogKind.values())
			.forEach(v -> keys.add("serviceLogKind." + v.name()));
		Stream.of(cn.zhaoshang.service.attendant.Satisfaction.values())
			.forEach(v -> keys.add("attendant.satisfaction." + v.name()));
		assertThat(keys.stream().filter(k -> !all.contains(k)).toList()).isEmpty();
	}

	/** Every key the code names literally, with the files naming it. */
	static Map<String, Set<String>> usedKeys() {
		Map<String, Set<String>> used = new TreeMap<>();
		var templateCall = Pattern.compile("ctx\\.t\\(\\s*\"([^\"]+)\"\\s*[,)]");
		var dynamicTemplateCall = Pattern.compile("ctx\\.t\\(\\s*\"([A-Za-z0-9_.]+\\.)\"\\s*\\+\\s*([A-Za-z0-9_.]+)");
		var inputName = Pattern.compile("@template\\.layout\\.input\\([^\\n]*?\\bname\\s*=\\s*\"([A-Za-z0-9_]+)\"");
		for (Path file : files(TEMPLATES, ".jte")) {
			String text = read(file);
			String where = TEMPLATES.relativize(file).toString();
			find(templateCall, text, 1).forEach(k -> add(used, k, where));
			// ctx.t("field." + name) in the input fragment: every name passed to it needs a label
			// (unless the call passes its own label: the talent form's labels are field.talentForm.*)
			Matcher input = inputName.matcher(text);
			while (input.find()) {
				int end = text.indexOf('\n', input.end());
				if (!text.substring(input.start(), end < 0 ? text.length() : end).contains("label = ")) {
					add(used, "field." + input.group(1), where);
				}
			}
			Matcher m = dynamicTemplateCall.matcher(text);
			while (m.find()) {
				String prefix = m.group(1);
				boolean known = prefix.equals("field.") || prefix.equals("unitType.") || prefix.equals("personKind.")
						|| LEDGER_DYNAMIC_PREFIXES.contains(prefix) || prefix.equals("talent.relation.")
						|| CLUE_DYNAMIC_PREFIXES.contains(prefix) || SUPERVISION_DYNAMIC_PREFIXES.contains(prefix)
						|| SERVICE_APPROVAL_DYNAMIC_PREFIXES.contains(prefix);
				assertThat(known)
					.as("%s: ctx.t(\"%s\" + ...) has a dynamic key; teach I18nTests which values it takes", where, prefix)
					.isTrue();
			}
		}
		Set<String> prefixes = keys("_zh_CN.properties").stream()
			.filter(k -> k.contains("."))
			.map(k -> k.substring(0, k.indexOf('.')))
			.collect(Collectors.toSet());
		var annotationMessage = Pattern.compile("message\\s*=\\s*\"\\{([^}]+)}\"");
		var exception = Pattern.compile("new\\s+(BusinessException|FieldException)\\s*\\(");
		// the group is a literal or a constant (e.g. GROUP); the item's label key is always a literal
		var navItem = Pattern.compile("new\\s+NavItem\\(\\s*(?:\"([^\"]+)\"|[A-Z_][A-Z0-9_]*)\\s*,\\s*\"([^\"]+)\"");
		var auditViewPut = Pattern.compile("\\bm\\.put\\(\\s*\"([A-Za-z0-9]+)\"");
		for (Path file : files(JAVA, ".java")) {
			String code = JavaSource.withoutComments(read(file));
			String where = JAVA.relativize(file).toString();
			find(annotationMessage, code, 1).forEach(k -> add(used, k, where));
			Matcher nav = navItem.matcher(code);
			while (nav.find()) {
				if (nav.group(1) != null) {
					add(used, nav.group(1), where);
				}
				add(used, nav.group(2), where);
				add(used, nav.group(2) + ".hint", where); // home page tiles: ctx.t(item.label() + ".hint")
			}
			Matcher ex = exception.matcher(code);
			while (ex.find()) {
				List<String> args = JavaSource.arguments(code, ex.end() - 1);
				List<String> literals = args.stream().map(JavaSource::literal).toList();
				int keyIndex = 0;
				if (ex.group(1).equals("FieldException")) {
					if (literals.get(0) != null) {
						add(used, "field." + literals.get(0), where);
					}
					keyIndex = 1;
				}
				else if (!literals.isEmpty() && literals.get(0) == null && args.size() > 1) {
					keyIndex = 1; // BusinessException(status, key, ...)
				}
				if (keyIndex < literals.size() && literals.get(keyIndex) != null) {
					add(used, literals.get(keyIndex), where);
				}
			}
			if (code.contains("auditView()")) {
				find(auditViewPut, code, 1).forEach(f -> add(used, "field." + f, where));
			}
			for (String call : List.of("auditor.record(", "auditor.recordAs(")) {
				int at = -1;
				while ((at = code.indexOf(call, at + 1)) >= 0) {
					List<String> args = JavaSource.arguments(code, at + call.length() - 1);
					int action = call.endsWith("As(") ? 5 : 2;
					JavaSource.literals(args.get(action)).forEach(a -> add(used, "audit.action." + a, where));
					JavaSource.literals(args.get(action - 2)).forEach(t -> add(used, "recordType." + t, where));
				}
			}
			// Any other literal that looks like a key of a known family ("flash.saved", "login.error.bad" …).
			for (String literal : JavaSource.stringLiterals(code)) {
				if (KEY.matcher(literal).matches() && prefixes.contains(literal.substring(0, literal.indexOf('.')))) {
					add(used, literal, where);
				}
			}
		}
		return used;
	}

	// ---------------------------------------------------------------- (c) templates

	static final Set<String> CHECKED_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "data-confirm");

	@Test
	void templates_contain_no_literal_text() {
		List<String> problems = new ArrayList<>();
		List<Path> templates = files(TEMPLATES, ".jte");
		assertThat(templates).hasSizeGreaterThan(10);
		for (Path file : templates) {
			String where = TEMPLATES.relativize(file).toString();
			String html = Jte.strip(read(file));
			problems.addAll(Html.literalText(html, where));
		}
		assertThat(problems).as("user-visible text that does not come from the message bundles").isEmpty();
	}

	@Test
	void the_template_check_finds_literal_text_where_there_is_some() {
		String template = """
				@import cn.zhaoshang.platform.web.Ctx
				@param Ctx ctx
				<%-- a comment with words --%>
				@template.layout.main(ctx = ctx, title = ctx.t("x.title"), content = @`
				<h1>${ctx.t("x.title")} · ${"{nested}"}</h1>
				@if(a > b && "x".equals(y))<p>Save</p>@else<p>${ctx.t("x.no")}</p>@endif
				<input placeholder="名称" aria-label="${ctx.t("field.name")}">
				<input type="submit" value="OK">
				`)
				""";
		String html = Jte.strip(template);
		assertThat(Html.literalText(html, "t.jte")).containsExactlyInAnyOrder("t.jte:6: Save",
				"t.jte:7: placeholder=\"名称\"", "t.jte:8: value=\"OK\"");
	}

	// ---------------------------------------------------------------- (d), (e) Java

	@Test
	void main_java_has_no_chinese_outside_comments() {
		List<String> problems = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			String[] lines = JavaSource.withoutComments(read(file)).split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (lines[i].codePoints().anyMatch(I18nTests::cjk)) {
					problems.add(JAVA.relativize(file) + ":" + (i + 1) + ": " + lines[i].trim());
				}
			}
		}
		assertThat(problems).as("Chinese text belongs in i18n/*_zh_CN.properties").isEmpty();
	}

	@Test
	void the_comment_stripper_keeps_strings_and_removes_comments() {
		String code = "String a = \"http://x\"; // 注释\n/* 块\n注释 */ char c = '\"'; String b = \"中\"; /** 文档 */";
		String stripped = JavaSource.withoutComments(code);
		assertThat(stripped).contains("\"http://x\"").contains("\"中\"").doesNotContain("注释").doesNotContain("文档");
		assertThat(stripped.split("\n", -1)).hasSize(3);
	}

	@Test
	void controllers_pass_only_message_keys_as_flash_messages_and_errors() {
		List<String> problems = new ArrayList<>();
		List<Path> controllers = files(JAVA, "Controller.java");
		assertThat(controllers).hasSizeGreaterThanOrEqualTo(5);
		var modelMessage = Pattern.compile("addAttribute\\(\\s*\"(message|error|flash)\"\\s*,");
		for (Path file : controllers) {
			String code = JavaSource.withoutComments(read(file));
			String where = JAVA.relativize(file).toString();
			List<String> texts = new ArrayList<>();
			for (String call : List.of("addFlashAttribute(", "Flash.success(")) {
				int at = -1;
				while ((at = code.indexOf(call, at + 1)) >= 0) {
					texts.addAll(JavaSource.arguments(code, at + call.length() - 1));
				}
			}
			Matcher m = modelMessage.matcher(code);
			while (m.find()) {
				List<String> args = JavaSource.arguments(code, code.lastIndexOf('(', m.start() + "addAttribute(".length()));
				texts.add(args.get(1));
			}
			for (String text : texts) {
				// switch labels ("locked" ->) select a key, they are not shown
				String shown = text.replaceAll("case\\s+\"[^\"]*\"\\s*(,\\s*\"[^\"]*\"\\s*)*->", "");
				for (String literal : JavaSource.stringLiterals(shown)) {
					if (!literal.matches("[a-z]+(\\.[A-Za-z0-9]+)+")) {
						problems.add(where + ": \"" + literal + "\" is not a message key");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	static boolean cjk(int cp) {
		Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
				|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
				|| block == Character.UnicodeBlock.BOPOMOFO;
	}

	// ---------------------------------------------------------------- helpers

	/** Strips JTE constructs from a template, keeping line breaks so that line numbers stay right. */
	static final class Jte {

		private final String s;
		private int i;
		private final StringBuilder out = new StringBuilder();

		private Jte(String s) {
			this.s = s;
		}

		static String strip(String template) {
			var jte = new Jte(template);
			jte.text(false);
			return jte.out.toString();
		}

		/** Template text up to the end, or up to the backtick closing a content block. */
		private void text(boolean inContentBlock) {
			while (i < s.length()) {
				if (inContentBlock && s.charAt(i) == '`') {
					blank(1);
					return;
				}
				if (at("<%--")) {
					int end = s.indexOf("--%>", i);
					blank((end < 0 ? s.length() : end + 4) - i);
				}
				else if (at("${") || at("!{")) {
					blank(1);
					code('{', '}');
				}
				else if (at("$unsafe{")) {
					blank(7);
					code('{', '}');
				}
				else if (at("@import") || at("@param")) {
					int end = s.indexOf('\n', i);
					blank((end < 0 ? s.length() : end) - i);
				}
				else if (at("@if(") || at("@elseif(") || at("@for(")) {
					blank(s.indexOf('(', i) - i);
					code('(', ')');
				}
				else if (at("@template.")) {
					int open = s.indexOf('(', i);
					blank(open - i);
					code('(', ')');
				}
				else if (at("@endif") || at("@endfor")) {
					blank(s.startsWith("@endif", i) ? 6 : 7);
				}
				else if (at("@else")) {
					blank(5);
				}
				else {
					out.append(s.charAt(i++));
				}
			}
		}

		/** Java code between balanced brackets (strings skipped); content blocks inside are template text again. */
		private void code(char open, char close) {
			int depth = 0;
			while (i < s.length()) {
				char c = s.charAt(i);
				if (c == '"' || c == '\'') {
					int end = i + 1;
					while (end < s.length() && s.charAt(end) != c) {
						end += s.charAt(end) == '\\' ? 2 : 1;
					}
					blank(end + 1 - i);
					continue;
				}
				if (at("@`")) {
					blank(2);
					text(true);
					continue;
				}
				blank(1);
				if (c == open) {
					depth++;
				}
				else if (c == close && --depth == 0) {
					return;
				}
			}
		}

		private boolean at(String token) {
			return s.startsWith(token, i);
		}

		private void blank(int n) {
			for (int k = 0; k < n && i < s.length(); k++, i++) {
				out.append(s.charAt(i) == '\n' ? '\n' : ' ');
			}
		}
	}

	/** Literal text left in a template once its JTE constructs are gone. */
	static final class Html {

		static final Pattern TAG = Pattern.compile("<[^>]*>");
		static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");
		static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
		static final Pattern LETTER = Pattern.compile("\\p{L}");

		static List<String> literalText(String html, String where) {
			List<String> problems = new ArrayList<>();
			Matcher tag = TAG.matcher(html);
			StringBuilder text = new StringBuilder();
			int last = 0;
			while (tag.find()) {
				text.append(html, last, tag.start());
				String t = tag.group();
				boolean button = t.matches("(?s)<input\\b.*\\btype\\s*=\\s*[\"'](submit|button|reset)[\"'].*");
				Matcher a = ATTRIBUTE.matcher(t);
				while (a.find()) {
					String name = a.group(1).toLowerCase(java.util.Locale.ROOT);
					String value = a.group(2).substring(1, a.group(2).length() - 1);
					if ((CHECKED_ATTRIBUTES.contains(name) || (button && name.equals("value")))
							&& LETTER.matcher(value).find()) {
						problems.add(where + ":" + line(html, tag.start() + a.start()) + ": " + name + "=\"" + value.trim()
								+ "\"");
					}
				}
				text.append(t.replaceAll("[^\n]", " "));
				last = tag.end();
			}
			text.append(html.substring(last));
			String[] lines = ENTITY.matcher(text).replaceAll(" ").split("\n", -1);
			for (int n = 0; n < lines.length; n++) {
				if (LETTER.matcher(lines[n]).find()) {
					problems.add(where + ":" + (n + 1) + ": " + lines[n].trim());
				}
			}
			return problems;
		}

		private static int line(String s, int offset) {
			return (int) s.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
		}
	}

	/** Just enough of a Java lexer: comments, string literals and argument lists. */
	static final class JavaSource {

		/** The source with comments replaced by spaces (line breaks kept); string and char literals untouched. */
		static String withoutComments(String code) {
			StringBuilder out = new StringBuilder(code.length());
			int i = 0;
			while (i < code.length()) {
				char c = code.charAt(i);
				if (code.startsWith("\"\"\"", i)) {
					int end = code.indexOf("\"\"\"", i + 3);
					end = end < 0 ? code.length() : end + 3;
					out.append(code, i, end);
					i = end;
				}
				else if (c == '"' || c == '\'') {
					int end = i + 1;
					while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
						end += code.charAt(end) == '\\' ? 2 : 1;
					}
					end = Math.min(code.length(), end + 1);
					out.append(code, i, end);
					i = end;
				}
				else if (code.startsWith("//", i)) {
					while (i < code.length() && code.charAt(i) != '\n') {
						out.append(' ');
						i++;
					}
				}
				else if (code.startsWith("/*", i)) {
					int end = code.indexOf("*/", i + 2);
					end = end < 0 ? code.length() : end + 2;
					for (; i < end; i++) {
						out.append(code.charAt(i) == '\n' ? '\n' : ' ');
					}
				}
				else {
					out.append(c);
					i++;
				}
			}
			return out.toString();
		}

		/** The top-level arguments of the call whose opening parenthesis is at {@code open}. */
		static List<String> arguments(String code, int open) {
			List<String> args = new ArrayList<>();
			int depth = 0;
			int start = open + 1;
			for (int i = open; i < code.length(); i++) {
				char c = code.charAt(i);
				if (c == '"' || c == '\'') {
					i++;
					while (i < code.length() && code.charAt(i) != c) {
						i += code.charAt(i) == '\\' ? 2 : 1;
					}
					continue;
				}
				if (c == '(' || c == '{' || c == '[') {
					depth++;
				}
				else if (c == ')' || c == '}' || c == ']') {
					depth--;
					if (depth == 0) {
						String last = code.substring(start, i).trim();
						if (!last.isEmpty() || !args.isEmpty()) {
							args.add(last);
						}
						return args;
					}
				}
				else if (c == ',' && depth == 1) {
					args.add(code.substring(start, i).trim());
					start = i + 1;
				}
			}
			throw new IllegalStateException("unbalanced call at " + open);
		}

		static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

		static List<String> stringLiterals(String code) {
			return find(STRING, code, 1);
		}

		static List<String> literals(String expression) {
			return stringLiterals(expression);
		}

		/** The value of an argument that is exactly one string literal, else null. */
		static String literal(String argument) {
			Matcher m = STRING.matcher(argument.trim());
			return m.matches() ? m.group(1) : null;
		}
	}

	static List<String> find(Pattern pattern, String text, int group) {
		List<String> found = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(group));
		}
		return found;
	}

	static void add(Map<String, Set<String>> used, String key, String where) {
		used.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(where);
	}

	static Map<String, Path> bundleFiles(String suffix) {
		return allBundleFiles().stream()
			.filter(p -> p.getFileName().toString().endsWith(suffix))
			.collect(Collectors.toMap(p -> p.getFileName().toString().replace(suffix, ""), Function.identity(),
					(a, b) -> a, TreeMap::new));
	}

	static List<Path> allBundleFiles() {
		return files(BUNDLES, ".properties");
	}

	static Set<String> keys(String suffix) {
		Set<String> keys = new TreeSet<>();
		bundleFiles(suffix).values().forEach(f -> keys.addAll(load(f).stringPropertyNames()));
		return keys;
	}

	static Properties load(Path file) {
		var p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}

	static List<Path> files(Path root, String suffix) {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
