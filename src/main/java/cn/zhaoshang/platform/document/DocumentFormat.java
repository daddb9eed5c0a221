package cn.zhaoshang.platform.document;

import cn.zhaoshang.platform.web.Downloads;

/** The file formats {@link DocumentGenerator} writes, with what a download needs to say about them. */
public enum DocumentFormat {

	/** Word 2007+ (Office Open XML); opens in Word, WPS and LibreOffice; needs no font on the server. */
	DOCX(Downloads.DOCX, "docx"),

	/** PDF with the CJK font embedded (subset), so that it prints the same everywhere. */
	PDF(Downloads.PDF, "pdf");

	private final String contentType;
	private final String extension;

	DocumentFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	/** The file name extension, without the dot. */
	public String extension() {
		return extension;
	}
}
