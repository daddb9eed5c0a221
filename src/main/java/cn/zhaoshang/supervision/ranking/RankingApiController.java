package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.supervision.ReportingPeriod;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The quarterly rankings API (issue 11, ADR 0015): compute a draft, read a ranking with every part of every score,
 * publish, drill down to the projects behind a value, and the versioned formula. The city bureau computes,
 * publishes and edits the formula; every internal role reads published rankings and the formula.
 */
@Tag(name = "Supervision")
@RestController
class RankingApiController {

	/** Internal roles with a part in the cycle: all but intermediaries and viewers (as the figures). */
	static final String READER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF','LEADER')";

	private final Rankings rankings;
	private final Formulas formulas;
	private final RankingDrillDown drillDown;
	private final MessageSource messages;

	RankingApiController(Rankings rankings, Formulas formulas, RankingDrillDown drillDown, MessageSource messages) {
		this.rankings = rankings;
		this.formulas = formulas;
		this.drillDown = drillDown;
		this.messages = messages;
	}

	/** One line of a score. */
	record PartJson(String criterion, String label, BigDecimal value, BigDecimal weight, BigDecimal points,
			BigDecimal cap, BigDecimal achieved, BigDecimal basis) {
	}

	/** One unit's place. */
	record RowJson(long unitId, String unitName, int rank, BigDecimal score, List<PartJson> parts) {
	}

	/**
	 * A ranking. {@code corrections}: later edits touching the figures behind a published ranking, from the
	 * publications registry (ADR 0014); the ranking itself never changes.
	 */
	record RankingJson(long id, String quarter, String status, int formulaVersion, LocalDate asOf,
			Instant computedAt, String computedBy, Instant publishedAt, String publishedBy, int version,
			List<RowJson> rows, List<cn.zhaoshang.supervision.Publications.Correction> corrections) {
	}

	/** A ranking's header in the list. */
	record SummaryJson(long id, String quarter, String status, int formulaVersion, LocalDate asOf,
			Instant computedAt, Instant publishedAt, int version) {
	}

	record ComputeBody(String quarter) {
	}

	record PublishBody(Integer version) {
	}

	record CriterionJson(RankingCriterion criterion, BigDecimal weight, BigDecimal cap) {
	}

	record FormulaJson(int version, String note, String createdBy, Instant createdAt, List<CriterionJson> criteria) {
	}

	record FormulaBody(Integer basedOn, String note, List<CriterionJson> criteria) {
	}

	record LineJson(long projectId, String code, String name, String detail, BigDecimal sharePercent,
			BigDecimal whole, BigDecimal part) {
	}

	record DrillDownJson(long rankingId, String quarter, long unitId, String criterion, BigDecimal frozenValue,
			BigDecimal total, List<LineJson> lines, BigDecimal lastYearTotal, List<LineJson> lastYear) {
	}

	@GetMapping("/api/v1/rankings")
	@PreAuthorize(READER)
	@Operation(summary = "List quarterly rankings (drafts only for the city bureau)", operationId = "listRankings")
	List<SummaryJson> list(@AuthenticationPrincipal CurrentUser user) {
		return rankings.list(user).stream()
			.map(s -> new SummaryJson(s.id(), s.quarter(), s.status().name(), s.formulaVersion(), s.asOf(),
					s.computedAt(), s.publishedAt(), s.version()))
			.toList();
	}

	@PostMapping("/api/v1/rankings")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Compute the draft ranking of a quarter with the formula in force (recomputes its draft)",
			operationId = "computeRanking")
	@ApiResponse(responseCode = "201", description = "The draft; `Location` is its address.")
	ResponseEntity<RankingJson> compute(@AuthenticationPrincipal CurrentUser user, @RequestBody ComputeBody body) {
		ReportingPeriod quarter = rankings.quarter(body == null ? null : body.quarter());
		long id = rankings.compute(quarter, user.getUsername());
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(json(rankings.find(id)));
	}

	@GetMapping("/api/v1/rankings/{id}")
	@PreAuthorize(READER)
	@Operation(summary = "Read a ranking: rows by place, each score's parts (criterion, value, weight, points)",
			operationId = "getRanking")
	RankingJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return json(rankings.find(id, user));
	}

	@PostMapping("/api/v1/rankings/{id}/publish")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Publish a draft ranking: frozen from then on (optional body: the version read, else 409)",
			operationId = "publishRanking")
	RankingJson publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) PublishBody body) {
		rankings.publish(id, body == null ? null : body.version(), user);
		return json(rankings.find(id));
	}

	@GetMapping("/api/v1/rankings/{id}/drill-down")
	@PreAuthorize(READER)
	@Operation(summary = "The projects behind one value of a unit's score (from today's data)",
			operationId = "getRankingDrillDown")
	DrillDownJson drillDown(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Parameter(description = "the unit") @RequestParam long unitId,
			@Parameter(description = "the criterion, e.g. COMPLETION_SIGNED_COUNT") @RequestParam String criterion) {
		var ranking = rankings.find(id, user);
		RankingCriterion c = RankingCriterion.byName(criterion)
			.orElseThrow(() -> new InvalidInputException(List.of(new Violation("criterion", "ranking.validation.criterion"))));
		var row = ranking.row(unitId)
			.orElseThrow(() -> new InvalidInputException(List.of(new Violation("unitId", "ranking.validation.unit"))));
		BigDecimal frozen = row.parts().stream().filter(p -> p.criterion() == c).map(Scoring.Part::value).findFirst()
			.orElse(null);
		var result = drillDown.of(ReportingPeriod.parse(ranking.summary().quarter()), unitId, c);
		var locale = LocaleContextHolder.getLocale();
		return new DrillDownJson(id, ranking.summary().quarter(), unitId, c.name(), frozen, result.total(),
				lines(result.lines(), locale), result.lastYearTotal(), lines(result.lastYear(), locale));
	}

	@GetMapping("/api/v1/ranking-formulas")
	@PreAuthorize(READER)
	@Operation(summary = "Every version of the ranking formula, the newest (in force) first",
			operationId = "listRankingFormulas")
	List<FormulaJson> formulas() {
		return formulas.versions().stream().map(RankingApiController::json).toList();
	}

	@GetMapping("/api/v1/ranking-formulas/{version}")
	@PreAuthorize(READER)
	@Operation(summary = "One version of the ranking formula", operationId = "getRankingFormula")
	FormulaJson formula(@PathVariable int version) {
		return json(formulas.of(version));
	}

	@PostMapping("/api/v1/ranking-formulas")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Save an edit of the formula as its next version (basedOn: the version edited, else 409)",
			operationId = "createRankingFormula")
	@ApiResponse(responseCode = "201", description = "The new version; `Location` is its address.")
	ResponseEntity<FormulaJson> saveFormula(@AuthenticationPrincipal CurrentUser user, @RequestBody FormulaBody body) {
		if (body == null || body.basedOn() == null) {
			throw new InvalidInputException(List.of(new Violation("basedOn", "validation.required")));
		}
		List<Formula.Criterion> criteria = new ArrayList<>();
		if (body.criteria() != null) {
			body.criteria().forEach(c -> criteria.add(new Formula.Criterion(c.criterion(), c.weight(), c.cap())));
		}
		Formula saved = formulas.save(criteria, body.note(), body.basedOn(), user.getUsername());
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{v}")
			.buildAndExpand(saved.version()).toUri();
		return ResponseEntity.created(location).body(json(saved));
	}

	private List<LineJson> lines(List<RankingDrillDown.Line> lines, java.util.Locale locale) {
		return lines.stream()
			.map(l -> new LineJson(l.projectId(), l.code(), l.name(),
					messages.getMessage(l.detail(), new Object[] { l.detailArg() }, l.detail(), locale)
							+ (l.detailArg() == null ? "" : " · " + l.detailArg()),
					l.sharePercent(), l.whole(), l.part()))
			.toList();
	}

	private static FormulaJson json(Formula f) {
		return new FormulaJson(f.version(), f.note(), f.createdBy(), f.createdAt(),
				f.criteria().stream().map(c -> new CriterionJson(c.criterion(), c.weight(), c.cap())).toList());
	}

	private RankingJson json(Rankings.Ranking r) {
		var s = r.summary();
		var locale = LocaleContextHolder.getLocale();
		List<RowJson> rows = r.rows().stream()
			.map(row -> new RowJson(row.unitId(), row.unitName(), row.rank(), row.score(),
					row.parts().stream()
						.map(p -> new PartJson(p.criterion().name(),
								messages.getMessage(p.criterion().messageKey(), null, p.criterion().name(), locale),
								p.value(), p.weight(), p.points(), p.cap(), p.achieved(), p.basis()))
						.toList()))
			.toList();
		return new RankingJson(s.id(), s.quarter(), s.status().name(), s.formulaVersion(), s.asOf(), s.computedAt(),
				s.computedBy(), s.publishedAt(), s.publishedBy(), s.version(), rows, rankings.corrections(s.id()));
	}
}
