package cn.zhaoshang.supervision.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures every document and chart uses ({@code GET /api/v1/supervision/figures}), per unit through the credit
 * shares, as of the period's last day (ADR 0012). Rankings are published, so every internal role reads every unit's
 * row; intermediaries and viewers are refused.
 */
@Tag(name = "Supervision")
@RestController
@RequestMapping("/api/v1/supervision")
class FiguresApiController {

	/** Internal roles with a part in the cycle: all but intermediaries and viewers. */
	static final String FIGURES_READER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF','LEADER')";

	private final SupervisionFigures figures;

	FiguresApiController(SupervisionFigures figures) {
		this.figures = figures;
	}

	/** The seven figures of one scope: the period's, with the year to date beside them. */
	record FiguresJson(BigDecimal signedCount, BigDecimal contractedInvestment, BigDecimal commencedCount,
			BigDecimal productionCount, BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			YearToDate yearToDate, Map<String, Completion> completion) {

		static FiguresJson of(Figures p, Figures y, Map<String, Completion> completion) {
			return new FiguresJson(p.signedCount(), p.contractedInvestment(), p.commencedCount(), p.productionCount(),
					p.fundsInPlace(), p.outOfProvince(), p.foreignUsed(), YearToDate.of(y), completion);
		}
	}

	/** The figures from 1 January to the period's end. */
	record YearToDate(BigDecimal signedCount, BigDecimal contractedInvestment, BigDecimal commencedCount,
			BigDecimal productionCount, BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed) {

		static YearToDate of(Figures y) {
			return new YearToDate(y.signedCount(), y.contractedInvestment(), y.commencedCount(), y.productionCount(),
					y.fundsInPlace(), y.outOfProvince(), y.foreignUsed());
		}
	}

	/** One unit's row. */
	record RowJson(long unitId, String unitName, BigDecimal signedCount, BigDecimal contractedInvestment,
			BigDecimal commencedCount, BigDecimal productionCount, BigDecimal fundsInPlace, BigDecimal outOfProvince,
			BigDecimal foreignUsed, YearToDate yearToDate, Map<String, Completion> completion) {
	}

	/** The answer. */
	record FiguresResponse(String period, LocalDate asOf, List<RowJson> rows, FiguresJson totals) {
	}

	@GetMapping("/figures")
	@PreAuthorize(FIGURES_READER)
	@Operation(summary = "Figures per unit for a month, quarter or year, as of its last day, through credit shares",
			operationId = "getSupervisionFigures")
	FiguresResponse figures(@Parameter(description = "2026-10 (month), 2026-Q3 (quarter) or 2026 (year)",
			example = "2026-10") @RequestParam String period) {
		ReportingPeriod p;
		try {
			p = ReportingPeriod.parse(period);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(List.of(new Violation("period", "validation.period")));
		}
		var result = figures.of(p);
		List<RowJson> rows = result.rows().stream().map(r -> {
			Figures f = r.period();
			return new RowJson(r.unitId().value(), r.unitName(), f.signedCount(), f.contractedInvestment(),
					f.commencedCount(), f.productionCount(), f.fundsInPlace(), f.outOfProvince(), f.foreignUsed(),
					YearToDate.of(r.yearToDate()), r.completion());
		}).toList();
		return new FiguresResponse(p.toString(), result.asOf(), rows,
				FiguresJson.of(result.totals(), result.totalsYearToDate(), result.totalsCompletion()));
	}
}
