package cn.zhaoshang.project.internal;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.project.Stage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the ledger workbook: column headers, stage, type and status words, 是/否. They are read from the
 * Chinese message bundle (Java sources hold no Chinese), because the workbook format is Chinese for every user:
 * the same file travels between offices whatever language each one's screen is in.
 */
@Component
class LedgerFormat {

	static final Locale WORKBOOK_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;
	private final Map<LedgerColumn, String> headers = new EnumMap<>(LedgerColumn.class);
	private final Map<String, LedgerColumn> byHeader = new HashMap<>();
	private final Map<String, Stage> stages = new HashMap<>();
	private final Map<String, ProjectType> types = new HashMap<>();
	// the words of each value, read once: an export writes them on every row (issue 15)
	private final Map<Stage, String> stageWords = new EnumMap<>(Stage.class);
	private final Map<ProjectType, String> typeWords = new EnumMap<>(ProjectType.class);
	private final Map<ProjectStatus, String> statusWords = new EnumMap<>(ProjectStatus.class);
	private final String yes;
	private final String no;

	LedgerFormat(MessageSource messages) {
		this.messages = messages;
		for (LedgerColumn c : LedgerColumn.values()) {
			String header = chinese(c.messageKey());
			headers.put(c, header);
			byHeader.put(normalizeHeader(header), c);
		}
		for (Stage s : Stage.values()) {
			stageWords.put(s, chinese(s.messageKey()));
			stages.put(stageWords.get(s), s);
		}
		for (ProjectType t : ProjectType.values()) {
			typeWords.put(t, chinese(t.messageKey()));
			types.put(typeWords.get(t), t);
		}
		for (ProjectStatus s : ProjectStatus.values()) {
			statusWords.put(s, chinese(s.messageKey()));
		}
		this.yes = chinese("ledger.yes");
		this.no = chinese("ledger.no");
	}

	String chinese(String key, Object... args) {
		return messages.getMessage(key, args, WORKBOOK_LOCALE);
	}

	String header(LedgerColumn c) {
		return headers.get(c);
	}

	/** The column a header cell names, if any: spaces, width of brackets and letters do not matter. */
	Optional<LedgerColumn> column(String header) {
		return Optional.ofNullable(byHeader.get(normalizeHeader(header)));
	}

	/**
	 * NFKC turns full-width brackets, letters and digits into their half-width forms, so 计划总投资（万元） and
	 * 计划总投资(万元) are the same header; whitespace anywhere is dropped (headers often carry a stray space or line
	 * break from the office that made the sheet).
	 */
	static String normalizeHeader(String header) {
		String n = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
		return n.replaceAll("[\\s\\u00A0\\u3000]+", "");
	}

	Optional<Stage> stage(String word) {
		return Optional.ofNullable(stages.get(word));
	}

	Optional<ProjectType> type(String word) {
		return Optional.ofNullable(types.get(word));
	}

	String word(Stage s) {
		return stageWords.get(s);
	}

	String word(ProjectType t) {
		return typeWords.get(t);
	}

	/** The types' words joined by 、 (the ledgers' own separator), in canonical order. */
	String words(ProjectTypes types) {
		return types.joined(this::word);
	}

	/**
	 * The types a cell names: words separated by 、 (also , ， / ／ ; ； and spaces); empty when any word is not a
	 * type's (or there is none). Repeats do not matter.
	 */
	Optional<ProjectTypes> types(String cell) {
		java.util.List<ProjectType> found = new java.util.ArrayList<>();
		for (String word : cell.split("[\u3001,\uFF0C/\uFF0F;\uFF1B\s\u00A0\u3000]+")) {
			if (word.isEmpty()) {
				continue;
			}
			ProjectType t = types.get(word);
			if (t == null) {
				return Optional.empty();
			}
			found.add(t);
		}
		return found.isEmpty() ? Optional.empty() : Optional.of(ProjectTypes.of(found));
	}

	String word(ProjectStatus s) {
		return statusWords.get(s);
	}

	String word(boolean b) {
		return b ? yes : no;
	}

	/** 是 → true, 否 or blank → false, anything else → empty. */
	Optional<Boolean> yesNo(String word) {
		if (word == null || word.isBlank() || word.equals(no)) {
			return Optional.of(false);
		}
		return word.equals(yes) ? Optional.of(true) : Optional.empty();
	}
}
