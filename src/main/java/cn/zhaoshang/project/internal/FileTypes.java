package cn.zhaoshang.project.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises an upload by its content, never by its name: PDF, JPEG, PNG, and the Office Open XML documents DOCX
 * and XLSX (zip packages with {@code word/} or {@code xl/} parts). Anything else — including a renamed executable
 * or a legacy .doc — is refused.
 */
final class FileTypes {

	/** A recognised type: canonical extension and MIME type. */
	record FileType(String extension, String mimeType) {

		boolean isImage() {
			return mimeType.startsWith("image/");
		}
	}

	static final FileType PDF = new FileType("pdf", "application/pdf");
	static final FileType JPEG = new FileType("jpg", "image/jpeg");
	static final FileType PNG = new FileType("png", "image/png");
	static final FileType DOCX = new FileType("docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final FileType XLSX = new FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private FileTypes() {
	}

	static Optional<FileType> detect(byte[] bytes) {
		if (startsWith(bytes, "%PDF-".getBytes())) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, new byte[] { 'P', 'K', 3, 4 })) {
			return officeType(bytes);
		}
		return Optional.empty();
	}

	private static Optional<FileType> officeType(byte[] bytes) {
		boolean contentTypes = false;
		boolean word = false;
		boolean excel = false;
		try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
				String name = entry.getName();
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.startsWith("word/");
				excel |= name.startsWith("xl/");
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return Optional.empty();
		}
		if (contentTypes && word) {
			return Optional.of(DOCX);
		}
		if (contentTypes && excel) {
			return Optional.of(XLSX);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
