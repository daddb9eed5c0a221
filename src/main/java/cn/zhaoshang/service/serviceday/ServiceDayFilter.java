package cn.zhaoshang.service.serviceday;

/**
 * The service day list's filters (page and export): a year (2000–2100, else all), a unit, words of a title, a leader
 * or an enterprise.
 */
public record ServiceDayFilter(Integer year, Long unit, String q) {

	public static ServiceDayFilter of(String year, String unit, String q) {
		return new ServiceDayFilter(number(year, 2000, 2100), unit == null || !unit.matches("\\d{1,18}") ? null
				: Long.valueOf(unit), q == null || q.isBlank() ? null : q.strip());
	}

	private static Integer number(String text, int min, int max) {
		if (text == null || !text.matches("\\d{4}")) {
			return null;
		}
		int n = Integer.parseInt(text);
		return n < min || n > max ? null : n;
	}

	boolean keeps(ServiceDays.Day d) {
		if (unit != null && d.unitId() != unit) {
			return false;
		}
		if (q == null) {
			return true;
		}
		return d.title().contains(q) || d.leaders().stream().anyMatch(l -> l.contains(q))
				|| d.enterprises().stream().anyMatch(e -> e.contains(q));
	}
}
