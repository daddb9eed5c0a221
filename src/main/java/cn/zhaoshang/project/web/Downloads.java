package cn.zhaoshang.project.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/** Headers of a file download whose name is Chinese. */
final class Downloads {

	private Downloads() {
	}

	/**
	 * Content type and {@code Content-Disposition: attachment} with the name in RFC 5987 form
	 * ({@code filename*=UTF-8''...}, which every current browser uses) and an ASCII name for older clients.
	 */
	static void attachment(HttpServletResponse response, String contentType, String fileName, String asciiFileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii(asciiFileName)
				+ "\"; filename*=UTF-8''" + rfc5987(fileName));
	}

	private static String ascii(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	/** Percent-encodes every byte but RFC 5987's attr-char. */
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
