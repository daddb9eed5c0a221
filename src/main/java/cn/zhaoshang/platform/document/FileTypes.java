package cn.zhaoshang.platform.document;

import java.io.IOException;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

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

	/**
	 * Looks at the package's central directory, not at the local headers one by one: zips written in streaming
	 * mode (Apache POI's SXSSF, hence our own ledger export, and other generators) carry sizes only in data
	 * descriptors, which {@code java.util.zip.ZipInputStream} refuses.
	 */
	private static Optional<FileType> officeType(byte[] bytes) {
		boolean contentTypes = false;
		boolean word = false;
		boolean excel = false;
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			var entries = zip.getEntries();
			int count = 0;
			while (entries.hasMoreElements() && count++ < 10_000) {
				String name = entries.nextElement().getName();
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.startsWith("word/");
				excel |= name.startsWith("xl/");
			}
		}
		catch (IOException | RuntimeException e) {
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
