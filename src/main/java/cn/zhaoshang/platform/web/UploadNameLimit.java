package cn.zhaoshang.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How long an uploaded file's name may be. Tomcat reads each part's headers, the file name among them, into a buffer
 * of {@code server.tomcat.max-part-header-size} bytes (8 KB here; Tomcat's default of 512 bytes refused a PDF named
 * with 150 Chinese characters). A longer header fails the whole multipart request with a size error that Spring
 * reports like an oversize file; this class tells the two apart so that the answer names the real problem.
 */
@Component
class UploadNameLimit {

	/** Room for the part's other header text (name, content type) before the file name. */
	private static final int OTHER_HEADER_BYTES = 256;

	private final int maxCharacters;

	UploadNameLimit(@Value("${server.tomcat.max-part-header-size:8KB}") DataSize maxPartHeaderSize) {
		// A character takes at most 3 bytes in UTF-8 (a surrogate pair, 2 chars, takes 4), rounded down to hundreds.
		this.maxCharacters = (int) ((maxPartHeaderSize.toBytes() - OTHER_HEADER_BYTES) / 3 / 100 * 100);
	}

	/** A file name of up to this many characters is always accepted. */
	int maxCharacters() {
		return maxCharacters;
	}

	/** Whether a failed multipart request failed because a part's headers (its file name) were too long. */
	static boolean exceededBy(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			// Tomcat's FileUploadIOException(SizeLimitExceededException("Header section has more than N bytes ..."))
			if (t.getMessage() != null && t.getMessage().contains("Header section has more than")) {
				return true;
			}
		}
		return false;
	}
}
