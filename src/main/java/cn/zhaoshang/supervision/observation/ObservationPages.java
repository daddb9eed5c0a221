package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the observation pages show (public: the precompiled templates read them). */
public final class ObservationPages {

	private ObservationPages() {
	}

	/** The label key of a status ({@code observation.status.<NAME>}; ObservationResultsTests checks each). */
	public static String statusKey(ObservationStatus status) {
		return "observation.status." + status.name();
	}

	/** A line of the year's list. */
	public record Item(long id, String title, LocalDate date, ObservationStatus status, int projects, int judges) {
	}

	/** The new-event form as typed: one stop, criterion ("name points"), project code or judge per line. */
	public record Form(String title, String date, String route, boolean dropExtremes, String criteria,
			String projects, String judges) {

		public static Form blank(String defaultCriteria) {
			return new Form("", "", "", false, defaultCriteria, "", "");
		}
	}

	public record ListPage(int year, List<Integer> years, List<Item> items, boolean organiser, Form form,
			List<String> errors) {
	}

	public record DetailPage(Observation event, boolean organiser, List<Observation.Judge> mySheets,
			ObservationResults results) {

		public String score(BigDecimal score) {
			return ObservationNotice.score(score);
		}

		public String points(BigDecimal points) {
			return ObservationNotice.points(points);
		}
	}

	/** A judge's grid: projects down, criteria across; cells named {@code s_<project>_<criterion>}. */
	public record SheetPage(Observation event, Observation.Judge judge, Map<String, String> cells,
			List<String> errors, boolean editable) {

		public static String name(long project, long criterion) {
			return "s_" + project + "_" + criterion;
		}

		public String cell(long project, long criterion) {
			return cells.getOrDefault(name(project, criterion), "");
		}

		public String points(BigDecimal points) {
			return ObservationNotice.points(points);
		}
	}
}
