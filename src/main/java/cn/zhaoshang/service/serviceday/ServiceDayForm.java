package cn.zhaoshang.service.serviceday;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The service day form as typed (kept as text, to show again with what went wrong): unit, date, title, the leaders
 * attending, the enterprises (one name a line, from the merchant database) and up to {@link #ROWS} problems, each
 * its text, the owner that handles it and, if given, the enterprise that raised it.
 */
public record ServiceDayForm(String unitId, String dayDate, String dayTitle, List<String> dayLeaderIds,
		String enterprises, List<String> problemContent, List<String> problemOwner, List<String> problemEnterprise) {

	/** The problem rows the form offers. */
	public static final int ROWS = 5;

	static ServiceDayForm empty(Long unitId, String today) {
		return new ServiceDayForm(unitId == null ? null : unitId.toString(), today, null, List.of(), null, List.of(),
				List.of(), List.of());
	}

	/** The form as posted. */
	static ServiceDayForm of(HttpServletRequest request) {
		return new ServiceDayForm(request.getParameter("unitId"), request.getParameter("dayDate"),
				request.getParameter("dayTitle"), values(request, "dayLeaderIds"), request.getParameter("enterprises"),
				values(request, "problemContent"), values(request, "problemOwner"), values(request, "problemEnterprise"));
	}

	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? List.of() : new ArrayList<>(Arrays.asList(values));
	}

	/** Whether a leader is chosen (to keep the choice when the form comes back). */
	public boolean leader(long id) {
		return dayLeaderIds.contains(String.valueOf(id));
	}

	/** A cell of a problem row, blank when not given. */
	public static String cell(List<String> column, int row) {
		return row < column.size() && column.get(row) != null ? column.get(row) : "";
	}

	/** The enterprise names, one a line, blank lines left out. */
	List<String> enterpriseNames() {
		return enterprises == null ? List.of()
				: enterprises.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
