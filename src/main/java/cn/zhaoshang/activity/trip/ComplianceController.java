package cn.zhaoshang.activity.trip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.web.Downloads;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly trip compliance page (clause XV): per unit how many people the rules count and how many comply, and
 * per person the minimum, the approved trips and days out, and the status; exported to Excel.
 */
@Controller
class ComplianceController {

	private final TripCompliance compliance;
	private final UnitDirectory units;
	private final MessageSource messages;
	private final Clock clock;

	ComplianceController(TripCompliance compliance, UnitDirectory units, MessageSource messages, Clock clock) {
		this.compliance = compliance;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/activity/trip-compliance")
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@RequestParam(required = false) String month, @RequestParam(required = false) Long unit,
			Model model) {
		YearMonth m = month(month);
		var rows = compliance.month(m, unit);
		Map<Long, TripCompliance.UnitLine> lines = new LinkedHashMap<>();
		for (var r : rows) {
			var old = lines.get(r.unitId());
			lines.put(r.unitId(), new TripCompliance.UnitLine(r.unitId(), r.unitName(), (old == null ? 0 : old.people()) + 1,
					(old == null ? 0 : old.compliant()) + (r.compliant() ? 1 : 0)));
		}
		model.addAttribute("month", m.toString());
		model.addAttribute("unit", unit);
		model.addAttribute("units", units.all());
		model.addAttribute("rows", rows);
		model.addAttribute("lines", List.copyOf(lines.values()));
		return "activity/compliance";
	}

	@GetMapping("/activity/trip-compliance.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@RequestParam(required = false) String month, @RequestParam(required = false) Long unit,
			Locale locale, HttpServletResponse response) throws IOException {
		YearMonth m = month(month);
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "compliance.sheet"));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(t(locale, "field.unitId"), 18),
					new WorkbookStyles.Column(t(locale, "field.name"), 12),
					new WorkbookStyles.Column(t(locale, "field.position"), 20),
					new WorkbookStyles.Column(t(locale, "compliance.col.requiredTrips"), 12),
					new WorkbookStyles.Column(t(locale, "compliance.col.requiredDays"), 12),
					new WorkbookStyles.Column(t(locale, "compliance.col.trips"), 10),
					new WorkbookStyles.Column(t(locale, "compliance.col.days"), 10),
					new WorkbookStyles.Column(t(locale, "compliance.col.status"), 10)));
			int r = 1;
			for (var row : compliance.month(m, unit)) {
				styles.row(sheet, r++)
					.text(row.unitName())
					.text(row.name())
					.text(t(locale, row.position().messageKey()))
					.integer(row.requiredTrips())
					.integer(row.requiredDays())
					.integer(row.trips())
					.integer(row.days())
					.text(t(locale, row.compliant() ? "compliance.ok" : "compliance.short"));
			}
			wb.write(out);
			Downloads.attachment(response, Downloads.XLSX, t(locale, "compliance.fileName", m.toString()) + ".xlsx",
					"trip-compliance-" + m + ".xlsx");
			response.getOutputStream().write(out.toByteArray());
		}
	}

	private YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.from(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
		}
		return TripApiController.month(text);
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
