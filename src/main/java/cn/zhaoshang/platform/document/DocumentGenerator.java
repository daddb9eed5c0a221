package cn.zhaoshang.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link OfficialDocument} as .docx or .pdf. Both formats show the same parts in the same order; the .pdf
 * needs the CJK font ({@link CjkFont}) and refuses with a message naming what to install when there is none.
 */
@Component
public class DocumentGenerator {

	private final MessageSource messages;
	private final CjkFont font;

	DocumentGenerator(MessageSource messages, CjkFont font) {
		this.messages = messages;
		this.font = font;
	}

	public byte[] write(OfficialDocument document, DocumentFormat format) {
		var out = new ByteArrayOutputStream(64 * 1024);
		write(document, format, out);
		return out.toByteArray();
	}

	public void write(OfficialDocument document, DocumentFormat format, OutputStream out) {
		var labels = new Labels(document, messages);
		try {
			switch (format) {
				case DOCX -> DocxWriter.write(document, labels, out);
				case PDF -> PdfWriter.write(document, labels, font.get(), out);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether .pdf can be written here (a CJK font was found); pages may say so before the user clicks. */
	public boolean pdfAvailable() {
		return font.available();
	}

	/** The generator's own words, in the document's language. */
	record Labels(String dateLine, java.util.function.IntFunction<String> appendix) {

		Labels(OfficialDocument d, MessageSource messages) {
			this(messages.getMessage("document.date", new Object[] { String.valueOf(d.date().getYear()),
					String.valueOf(d.date().getMonthValue()), String.valueOf(d.date().getDayOfMonth()), d.date().toString() },
					d.locale()),
					n -> messages.getMessage("document.appendix", new Object[] { String.valueOf(n) }, d.locale()));
		}
	}
}
