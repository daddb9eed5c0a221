package cn.zhaoshang.dispatch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The interview list (约谈名单) of a round as .docx (an official document) and .xlsx (the export kit's styles): per
 * stalled project the unit, responsible leader and chief attendant, the rounds without progress, the problems raised
 * and whether they were solved, and the interviews recorded so far.
 */
@Component
public class InterviewListExport {

	/** A file to send: its name in the reader's language, an ASCII fallback and its bytes. */
	public record File(String name, String asciiName, String contentType, byte[] content) {
	}

	private final StalledQueries queries;
	private final DocumentGenerator generator;
	private final MessageSource messages;
	private final Clock clock;

	InterviewListExport(StalledQueries queries, DocumentGenerator generator, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.generator = generator;
		this.messages = messages;
		this.clock = clock;
	}

	public File docx(long roundId, DataScope scope, Locale locale) {
		var round = queries.round(roundId);
		var doc = OfficialDocument.builder(t(locale, "interview.doc.title", round.name()), LocalDate.now(clock), locale)
			.issuer(t(locale, "packet.issuer"));
		doc.paragraph(t(locale, "stalled.rule", queries.threshold()));
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (StalledQueries.Entry e : queries.interviewList(roundId, scope)) {
			rows.add(List.of(String.valueOf(n++), e.item().unitName(),
					e.item().projectCode() + "\n" + e.item().projectName(), text(e.item().leaderName()),
					text(e.item().chiefAttendantName()), rounds(e.item(), locale), problems(e, locale),
					interviews(e, locale)));
		}
		doc.table(Table.of(List.of(t(locale, "packet.col.no"), t(locale, "packet.col.unit"),
				t(locale, "packet.col.project"), t(locale, "interview.col.leader"), t(locale, "interview.col.attendant"),
				t(locale, "packet.col.countingRounds"), t(locale, "interview.col.problems"),
				t(locale, "interview.col.interviews")), rows).withWidths(1, 2, 3, 2, 2, 3, 4, 3));
		return new File(t(locale, "interview.fileName", round.name()) + ".docx", "interview-list-" + roundId + ".docx",
				DocumentFormat.DOCX.contentType(), generator.write(doc.build(), DocumentFormat.DOCX));
	}

	public File xlsx(long roundId, DataScope scope, Locale locale) {
		var round = queries.round(roundId);
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "interview.sheet"));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(t(locale, "packet.col.no"), 6),
					new WorkbookStyles.Column(t(locale, "packet.col.unit"), 14),
					new WorkbookStyles.Column(t(locale, "packet.col.code"), 16),
					new WorkbookStyles.Column(t(locale, "packet.col.name"), 30),
					new WorkbookStyles.Column(t(locale, "interview.col.leader"), 12),
					new WorkbookStyles.Column(t(locale, "interview.col.attendant"), 12),
					new WorkbookStyles.Column(t(locale, "packet.col.rounds"), 10),
					new WorkbookStyles.Column(t(locale, "packet.col.countingRounds"), 36),
					new WorkbookStyles.Column(t(locale, "interview.col.problems"), 48),
					new WorkbookStyles.Column(t(locale, "interview.col.interviews"), 40)));
			int r = 1;
			for (StalledQueries.Entry e : queries.interviewList(roundId, scope)) {
				styles.row(sheet, r)
					.integer(r)
					.text(e.item().unitName())
					.text(e.item().projectCode())
					.text(e.item().projectName())
					.text(text(e.item().leaderName()))
					.text(text(e.item().chiefAttendantName()))
					.integer(e.item().roundsWithoutProgress())
					.lines(rounds(e.item(), locale))
					.lines(problems(e, locale))
					.lines(interviews(e, locale));
				r++;
			}
			wb.write(out);
			return new File(t(locale, "interview.fileName", round.name()) + ".xlsx",
					"interview-list-" + roundId + ".xlsx", cn.zhaoshang.platform.web.Downloads.XLSX,
					out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String rounds(StalledQueries.Item item, Locale locale) {
		return item.rounds().stream().map(StalledQueries.RoundRef::name)
			.collect(Collectors.joining(t(locale, "stalled.separator")));
	}

	private String problems(StalledQueries.Entry e, Locale locale) {
		if (e.problems().isEmpty()) {
			return t(locale, "interview.noProblems");
		}
		return e.problems().stream()
			.map(p -> t(locale, "interview.problemLine", p.text(),
					t(locale, p.done() ? "stalled.problem.done" : "stalled.problem.open")))
			.collect(Collectors.joining("\n"));
	}

	private String interviews(StalledQueries.Entry e, Locale locale) {
		if (e.interviews().isEmpty()) {
			return t(locale, "interview.none");
		}
		return e.interviews().stream()
			.map(i -> t(locale, "interview.line", i.date().toString(), i.interviewer(), i.interviewees(),
					i.commitments()))
			.collect(Collectors.joining("\n"));
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? "—" : value;
	}
}
