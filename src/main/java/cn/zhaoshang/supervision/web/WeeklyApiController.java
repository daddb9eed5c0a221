package cn.zhaoshang.supervision.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.supervision.internal.WeeklyCompiler;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Section;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;
import cn.zhaoshang.supervision.internal.WeeklyKey;
import cn.zhaoshang.supervision.internal.WeeklyPublisher;
import cn.zhaoshang.supervision.internal.WeeklyQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/supervision/weekly}: a stored week (404 when not compiled, or a draft for anyone but the city
 * bureau), the list of weeks, compiling a week and publishing it (city bureau). docs/api-supervision-weekly.md.
 */
@Tag(name = "Supervision")
@RestController
class WeeklyApiController {

	/** A week as the API shows it. */
	record WeekJson(String week, LocalDate start, LocalDate end, String status, String note, Instant compiledAt,
			String compiledBy, Instant publishedAt, String publishedBy, int version, Totals totals,
			List<SectionJson> units) {

		static WeekJson of(Week w) {
			Header h = w.header();
			return new WeekJson(h.week(), h.start(), h.end(), h.status().name(), h.note(), h.compiledAt(),
					h.compiledBy(), h.publishedAt(), h.publishedBy(), h.version(),
					new Totals(w.clueCount(), w.moveCount(), w.fundsTotal(), w.stalledCount(), w.tripCount()),
					w.sections().stream().map(SectionJson::of).toList());
		}
	}

	/** Counts and the funds in place (10,000 yuan) of a week or a unit. */
	record Totals(int newClues, int stageMoves, BigDecimal fundsInPlace, int stalledProjects, int outboundTrips) {
	}

	/** One unit's section ({@code unitId} null: the city clue pool). */
	record SectionJson(Long unitId, String unitName, Totals totals, List<ClueLine> newClues, List<MoveLine> stageMoves,
			List<FundsLine> funds, List<StalledLine> stalledProjects, List<TripLine> outboundTrips) {

		static SectionJson of(Section s) {
			return new SectionJson(s.unitId(), s.unitName(),
					new Totals(s.clues().size(), s.moves().size(), s.fundsTotal(), s.stalled().size(),
							s.trips().size()),
					s.clues().stream().map(i -> new ClueLine(i.refId(), i.title(), i.toStatus(), i.date())).toList(),
					s.moves().stream().map(MoveLine::of).toList(), s.funds().stream().map(FundsLine::of).toList(),
					s.stalled().stream().map(StalledLine::of).toList(), s.trips().stream().map(TripLine::of).toList());
		}
	}

	/** A leaders' outbound trip (approved) with a day in the week. */
	record TripLine(long tripId, List<String> leaders, String destination, LocalDate from, LocalDate to) {

		static TripLine of(Item i) {
			return new TripLine(i.refId(), i.leaders(), i.title(), i.date(), i.endDate());
		}
	}

	record ClueLine(long clueId, String title, String status, LocalDate loggedOn) {
	}

	record MoveLine(long projectId, String code, String name, String fromStage, String toStage, String fromStatus,
			String toStatus, LocalDate date, BigDecimal sharePercent) {

		static MoveLine of(Item i) {
			return new MoveLine(i.refId(), i.code(), i.title(), i.fromStage(), i.toStage(), i.fromStatus(),
					i.toStatus(), i.date(), BigDecimal.valueOf(i.shareBp(), 2));
		}
	}

	record FundsLine(long projectId, String code, String name, String month, LocalDate recordedOn,
			BigDecimal fundsInPlace, BigDecimal sharePercent) {

		static FundsLine of(Item i) {
			return new FundsLine(i.refId(), i.code(), i.title(), i.fundsMonth().toString().substring(0, 7), i.date(),
					i.amount(), BigDecimal.valueOf(i.shareBp(), 2));
		}
	}

	record StalledLine(long projectId, String code, String name, int roundsWithoutProgress, BigDecimal sharePercent) {

		static StalledLine of(Item i) {
			return new StalledLine(i.refId(), i.code(), i.title(), i.rounds(), BigDecimal.valueOf(i.shareBp(), 2));
		}
	}

	/** A week's header in the list. */
	record WeekSummary(String week, LocalDate start, LocalDate end, String status, Instant compiledAt,
			Instant publishedAt) {
	}

	record WeekList(List<WeekSummary> items, long total, int page, int size) {
	}

	/** The bureau's note and the version read. */
	record PublishBody(String note, Integer version) {
	}

	private final WeeklyQueries queries;
	private final WeeklyCompiler compiler;
	private final WeeklyPublisher publisher;

	WeeklyApiController(WeeklyQueries queries, WeeklyCompiler compiler, WeeklyPublisher publisher) {
		this.queries = queries;
		this.compiler = compiler;
		this.publisher = publisher;
	}

	@GetMapping("/api/v1/supervision/weekly")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a compiled week's dynamics with its per-unit sections "
			+ "(404 when not compiled; drafts for the city bureau only)", operationId = "getWeeklyDynamics")
	WeekJson week(@RequestParam("week") String week, @AuthenticationPrincipal CurrentUser user) {
		return WeekJson.of(queries.readable(WeeklyKey.parse(week, 400), user));
	}

	@GetMapping("/api/v1/supervision/weekly/list")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the weeks, the latest first (published ones only, but for the city bureau)",
			operationId = "listWeeklyDynamics")
	WeekList list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal CurrentUser user) {
		var result = queries.list(user, Math.max(page, 1), PageSizes.forApi(size));
		return new WeekList(result.items()
			.stream()
			.map(h -> new WeekSummary(h.week(), h.start(), h.end(), h.status().name(), h.compiledAt(),
					h.publishedAt()))
			.toList(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/supervision/weekly/compile")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Compile a week now (creates the draft or replaces a draft's lines; 409 when published)",
			operationId = "compileWeeklyDynamics")
	WeekJson compile(@RequestParam("week") String week, @AuthenticationPrincipal CurrentUser user) {
		WeeklyKey key = WeeklyKey.parse(week, 400);
		compiler.compile(key);
		return WeekJson.of(queries.readable(key, user));
	}

	@PostMapping("/api/v1/supervision/weekly/publish")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Publish a draft week with the bureau's note at the version read (notifies the units' users)",
			operationId = "publishWeeklyDynamics")
	WeekJson publish(@RequestParam("week") String week, @RequestBody PublishBody body,
			@AuthenticationPrincipal CurrentUser user) {
		WeeklyKey key = WeeklyKey.parse(week, 400);
		publisher.publish(key, body.note(), body.version() == null ? -1 : body.version(), user);
		return WeekJson.of(queries.readable(key, user));
	}
}
