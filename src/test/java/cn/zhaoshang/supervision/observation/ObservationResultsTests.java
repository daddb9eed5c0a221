package cn.zhaoshang.supervision.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.UnitId;

import org.junit.jupiter.api.Test;

/** The averaging and ranking rules of {@link ObservationResults}, against hand-computed figures. */
class ObservationResultsTests {

	static final UnitId HUALONG = new UnitId(1);

	static final UnitId PUYANG = new UnitId(2);

	static Observation event(boolean drop, int judges, List<Observation.ObservedProject> projects) {
		List<Observation.Judge> list = new ArrayList<>();
		for (int i = 1; i <= judges; i++) {
			list.add(new Observation.Judge(100 + i, null, "J" + i, 0));
		}
		return new Observation(1, "t", LocalDate.of(2032, 7, 1), List.of(), drop, ObservationStatus.SCORING, 0,
				List.of(new Observation.Criterion(11, "scale", new BigDecimal("20.0")),
						new Observation.Criterion(12, "progress", new BigDecimal("30.0"))),
				projects, list);
	}

	static Observation.ObservedProject project(long id, String code, UnitId unit) {
		return new Observation.ObservedProject(id, id * 10, code, "P" + code, unit, unit == HUALONG ? "HL" : "PY");
	}

	static ObservationResults.Points p(long judge, long project, long criterion, String points) {
		return new ObservationResults.Points(judge, project, criterion, new BigDecimal(points));
	}

	@Test
	void two_judges_average_the_totals_and_units_average_their_projects() {
		var event = event(false, 2,
				List.of(project(1, "A", HUALONG), project(2, "B", HUALONG), project(3, "C", PUYANG)));
		var results = ObservationResults.compute(event, List.of(
				// judge 101: A 18+25=43, B 15+20=35, C 19.5+28=47.5
				p(101, 1, 11, "18"), p(101, 1, 12, "25"), p(101, 2, 11, "15"), p(101, 2, 12, "20"),
				p(101, 3, 11, "19.5"), p(101, 3, 12, "28"),
				// judge 102: A 16+27=43, B 17+22.5=39.5, C 12+20=32
				p(102, 1, 11, "16"), p(102, 1, 12, "27"), p(102, 2, 11, "17"), p(102, 2, 12, "22.5"),
				p(102, 3, 11, "12"), p(102, 3, 12, "20")));

		// A (43+43)/2 = 43.00; C (47.5+32)/2 = 39.75; B (35+39.5)/2 = 37.25
		assertThat(results.projects()).extracting(r -> r.code() + " " + r.score() + " #" + r.rank())
			.containsExactly("A 43.00 #1", "C 39.75 #2", "B 37.25 #3");
		// HL (43.00+37.25)/2 = 40.125 -> 40.13; PY 39.75
		assertThat(results.units()).extracting(u -> u.unitName() + " " + u.score() + " #" + u.rank())
			.containsExactly("HL 40.13 #1", "PY 39.75 #2");
	}

	@Test
	void dropping_extremes_changes_the_order_the_plain_mean_would_give() {
		var event = new Observation(1, "t", LocalDate.of(2032, 7, 1), List.of(), true, ObservationStatus.SCORING, 0,
				List.of(new Observation.Criterion(11, "all", new BigDecimal("100.0"))),
				List.of(project(1, "Q1", HUALONG), project(2, "Q2", PUYANG)),
				List.of(new Observation.Judge(101, null, "J1", 0), new Observation.Judge(102, null, "J2", 0),
						new Observation.Judge(103, null, "J3", 0)));
		var points = List.of(p(101, 1, 11, "95"), p(102, 1, 11, "70"), p(103, 1, 11, "80"), p(101, 2, 11, "85"),
				p(102, 2, 11, "84"), p(103, 2, 11, "60"));
		// Q1: drop 95 and 70 -> 80.00 (plain 81.67); Q2: drop 85 and 60 -> 84.00 (plain 76.33)
		var dropped = ObservationResults.compute(event, points);
		assertThat(dropped.projects()).extracting(r -> r.code() + " " + r.score() + " #" + r.rank())
			.containsExactly("Q2 84.00 #1", "Q1 80.00 #2");
		var plain = ObservationResults.compute(new Observation(1, "t", event.date(), List.of(), false,
				ObservationStatus.SCORING, 0, event.criteria(), event.projects(), event.judges()), points);
		assertThat(plain.projects()).extracting(r -> r.code() + " " + r.score() + " #" + r.rank())
			.containsExactly("Q1 81.67 #1", "Q2 76.33 #2");
	}

	@Test
	void an_unfinished_sheet_gives_no_total_equal_scores_share_a_rank_and_unscored_come_last() {
		var event = event(false, 2, List.of(project(1, "A", HUALONG), project(2, "B", PUYANG),
				project(3, "C", PUYANG)));
		var results = ObservationResults.compute(event, List.of(p(101, 1, 11, "10"), p(101, 1, 12, "20"),
				p(102, 1, 11, "5"), // judge 102 left A unfinished: only judge 101's 30 counts
				p(101, 2, 11, "10"), p(101, 2, 12, "20")));
		assertThat(results.projects()).extracting(r -> r.code() + " " + r.score() + " #" + r.rank() + " " + r.counted())
			.containsExactly("A 30.00 #1 1", "B 30.00 #1 1", "C null #0 0");
		assertThat(results.units()).extracting(u -> u.unitName() + " " + u.score() + " #" + u.rank())
			.containsExactly("HL 30.00 #1", "PY 30.00 #1");
	}

	@Test
	void every_status_and_commendation_kind_shown_through_a_computed_key_has_both_languages() throws Exception {
		for (String bundle : List.of("i18n/supervision_zh_CN.properties", "i18n/supervision_en.properties")) {
			var props = new java.util.Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (ObservationStatus status : ObservationStatus.values()) {
				assertThat(props.getProperty(ObservationPages.statusKey(status))).as(bundle + " " + status).isNotBlank();
			}
			for (var kind : cn.zhaoshang.supervision.yearend.CommendationKind.values()) {
				assertThat(props.getProperty(cn.zhaoshang.supervision.yearend.YearEndPage.kindKey(kind)))
					.as(bundle + " " + kind)
					.isNotBlank();
			}
		}
	}
}
