package cn.zhaoshang.platform.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

import cn.zhaoshang.platform.BusinessException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The TrueType font with Chinese glyphs that .pdf files embed (ADR 0009). Taken from
 * {@code zhaoshang.documents.cjk-font} when set (a .ttf, or a .ttc with {@code ,index}), else the first of the usual
 * Linux and Windows locations that exists; Debian's {@code fonts-wqy-zenhei} is the one installed by .ci/run and named
 * in docs/operations.md. Fonts with CFF outlines (Noto/Source Han .otf/.ttc) are not used: OpenPDF embeds TrueType
 * outlines only. Loaded once, on first use; without a font the .pdf is refused with a message saying what to install.
 */
@Component
class CjkFont {

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	/** Where Debian/Ubuntu packages and Windows put TrueType CJK fonts, most suitable first. */
	static final List<String> CANDIDATES = List.of(
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
			"/usr/share/fonts/truetype/arphic/uming.ttc,0",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc,0",
			"C:/Windows/Fonts/simsun.ttc,0");

	private final String configured;
	private volatile BaseFont font;

	CjkFont(@Value("${zhaoshang.documents.cjk-font:}") String configured) {
		this.configured = configured == null ? "" : configured.strip();
	}

	boolean available() {
		return location() != null;
	}

	/** The font, loaded on first use; refuses with 503 and a message naming the package when there is none. */
	BaseFont get() {
		BaseFont f = font;
		if (f == null) {
			synchronized (this) {
				if (font == null) {
					font = load();
				}
				f = font;
			}
		}
		return f;
	}

	private BaseFont load() {
		String location = location();
		if (location == null) {
			log.warn("No CJK font for PDF documents: set zhaoshang.documents.cjk-font or install fonts-wqy-zenhei"
					+ " (looked at {} {})", configured.isEmpty() ? "" : configured, CANDIDATES);
			throw new BusinessException(503, "document.pdf.fontMissing",
					configured.isEmpty() ? CANDIDATES.get(0) : configured);
		}
		try {
			BaseFont f = BaseFont.createFont(location, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			log.info("PDF documents use the CJK font {}", location);
			return f;
		}
		catch (Exception e) {
			log.warn("Cannot read the CJK font {}", location, e);
			throw new BusinessException(503, "document.pdf.fontMissing", location);
		}
	}

	/** The configured font if its file exists, else the first candidate that exists; {@code null} for none. */
	String location() {
		if (!configured.isEmpty()) {
			return exists(configured) ? configured : null;
		}
		return CANDIDATES.stream().filter(CjkFont::exists).findFirst().orElse(null);
	}

	private static boolean exists(String location) {
		int comma = location.lastIndexOf(',');
		String file = comma > 0 && location.substring(0, comma).toLowerCase().endsWith(".ttc")
				? location.substring(0, comma) : location;
		return Files.isRegularFile(Path.of(file));
	}
}
