package cn.zhaoshang.platform.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * The headers of every file download (the export kit): the content types of the files the platform writes, each
 * defined here once, and {@code Content-Disposition} for a name that is usually Chinese. The name goes out twice:
 * in RFC 5987 form ({@code filename*=UTF-8''%E9%A1%B9…}, which every current browser uses; RFC 6266) and as an
 * ASCII stand-in ({@code filename="…"}) for older clients — the English file name where the caller has one, else
 * the name with every character outside printable ASCII (and the double quote, the backslash and the percent sign)
 * replaced by {@code _}.
 */
public final class Downloads {

	/** An Excel workbook (.xlsx). */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A Word document (.docx). */
	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** A PDF document. */
	public static final String PDF = "application/pdf";

	private Downloads() {
	}

	/** An .xlsx download named fileName. */
	public static void xlsx(HttpServletResponse response, String fileName) {
		attachment(response, XLSX, fileName, null);
	}

	/** An .xlsx download named fileName, with asciiFileName (e.g. the English name) for older clients. */
	public static void xlsx(HttpServletResponse response, String fileName, String asciiFileName) {
		attachment(response, XLSX, fileName, asciiFileName);
	}

	/**
	 * Content type and {@code Content-Disposition: attachment}; asciiFileName may be null (the stand-in is then
	 * derived from fileName).
	 */
	public static void attachment(HttpServletResponse response, String contentType, String fileName,
			String asciiFileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName, asciiFileName));
	}

	/** {@code attachment; filename="…"; filename*=UTF-8''…}. */
	public static String attachment(String fileName, String asciiFileName) {
		return disposition("attachment", fileName, asciiFileName);
	}

	/** {@code inline; filename="…"; filename*=UTF-8''…}: shown by the browser (an image), saved under the name. */
	public static String inline(String fileName) {
		return disposition("inline", fileName, null);
	}

	private static String disposition(String type, String fileName, String asciiFileName) {
		return type + "; filename=\"" + ascii(asciiFileName == null ? fileName : asciiFileName) + "\"; filename*=UTF-8''"
				+ rfc5987(fileName);
	}

	/** The quoted stand-in: printable ASCII only, without the characters that end or escape the quoted string. */
	static String ascii(String name) {
		var sb = new StringBuilder(name.length());
		name.codePoints().forEach(c -> sb.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' && c != '%'
				? (char) c : '_'));
		return sb.toString();
	}

	/** Percent-encodes every UTF-8 byte that is not an RFC 5987 attr-char. */
	static String rfc5987(String value) {
		var sb = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				sb.append((char) c);
			}
			else {
				sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return sb.toString();
	}
}
