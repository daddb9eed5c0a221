package cn.zhaoshang.service.approval;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.web.Downloads;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The median days per approval kind per unit as .xlsx (the export kit's styles). */
@Component
class ApprovalExport {

	private final MessageSource messages;

	ApprovalExport(MessageSource messages) {
		this.messages = messages;
	}

	void write(List<Approvals.Median> medians, CurrentUser user, HttpServletResponse response) throws IOException {
		var locale = user.locale();
		Downloads.xlsx(response, messages.getMessage("approval.medians.fileName", null, locale) + ".xlsx",
				"approval-medians.xlsx");
		try (var wb = new StreamingWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(messages.getMessage("approval.medians.title", null, locale));
			styles.headerRow(sheet, List.of(
					new WorkbookStyles.Column(messages.getMessage("approval.medians.unit", null, locale), 18),
					new WorkbookStyles.Column(messages.getMessage("approval.medians.kind", null, locale), 16),
					new WorkbookStyles.Column(messages.getMessage("approval.medians.count", null, locale), 12),
					new WorkbookStyles.Column(messages.getMessage("approval.medians.days", null, locale), 14)));
			int r = 1;
			for (Approvals.Median m : medians) {
				styles.row(sheet, r++)
					.text(m.unitName())
					.text(messages.getMessage("approvalKind." + m.kind().name(), null, locale))
					.integer(m.count())
					.amount(java.math.BigDecimal.valueOf(m.medianDays()));
			}
			wb.write(response.getOutputStream());
		}
	}
}
