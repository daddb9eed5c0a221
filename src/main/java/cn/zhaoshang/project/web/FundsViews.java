package cn.zhaoshang.project.web;

import java.math.BigDecimal;

import cn.zhaoshang.project.internal.FundsRows;

/** What the funds pages (project/funds-edit, project/funds-grid) show and post. */
public final class FundsViews {

	private FundsViews() {
	}

	/** The month form of one project, amounts as typed. */
	public record EditForm(String month, String fundsInPlace, String outOfProvince, String foreignUsed, String fixedAssets,
			String note, Integer version) {
	}

	/** One line of the grid as shown: the project, its stored row (or null) and the values in the inputs. */
	public record GridLine(FundsRows.GridProject project, FundsRows.Row stored, String version, String fundsInPlace,
			String outOfProvince, String foreignUsed, String fixedAssets, String note) {

		static GridLine of(FundsRows.GridProject p, FundsRows.Row r) {
			return r == null ? new GridLine(p, null, "", "", "", "", "", "")
					: new GridLine(p, r, String.valueOf(r.version()), plain(r.fundsInPlace()),
							plain(r.outOfProvince()), plain(r.foreignUsed()), plain(r.fixedAssets()),
							r.note() == null ? "" : r.note());
		}

		static GridLine typed(FundsRows.GridProject p, FundsRows.Row r, FundsGridForm.Line l) {
			return new GridLine(p, r, nz(l.getVersion()), nz(l.getFundsInPlace()), nz(l.getOutOfProvince()),
					nz(l.getForeignUsed()), nz(l.getFixedAssets()), nz(l.getNote()));
		}
	}

	static String plain(BigDecimal v) {
		return v == null ? null : v.toPlainString();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
