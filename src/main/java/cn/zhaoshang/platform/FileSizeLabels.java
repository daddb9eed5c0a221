package cn.zhaoshang.platform;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/** A stored file's size ({@code sizeBytes}) as people read it in a history: 12.5 KB rather than 12800. */
@Component
class FileSizeLabels implements HistoryLabels {

	@Override
	public boolean covers(String recordType, String field) {
		return field.equals("sizeBytes");
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		Map<String, String> sizes = new LinkedHashMap<>();
		for (String v : values) {
			if (v.matches("\\d{1,18}")) {
				sizes.put(v, readable(Long.parseLong(v)));
			}
		}
		return sizes;
	}

	static String readable(long bytes) {
		var format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return format.format(bytes / 1024.0) + " KB";
		}
		return format.format(bytes / (1024.0 * 1024)) + " MB";
	}
}
