package cn.zhaoshang.project.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The monthly funds grid as posted: the unit, the month and one line per project, amounts as typed (read with
 * {@link cn.zhaoshang.platform.Amount#parse}, so that a wrong number is reported in its cell).
 */
public class FundsGridForm {

	private Long unit;
	private String month;
	private List<Line> rows = new ArrayList<>();

	/** One project's line. */
	public static class Line {

		private Long projectId;
		private String version;
		private String fundsInPlace;
		private String outOfProvince;
		private String foreignUsed;
		private String fixedAssets;
		private String note;

		public Long getProjectId() {
			return projectId;
		}

		public void setProjectId(Long projectId) {
			this.projectId = projectId;
		}

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public String getFundsInPlace() {
			return fundsInPlace;
		}

		public void setFundsInPlace(String fundsInPlace) {
			this.fundsInPlace = fundsInPlace;
		}

		public String getOutOfProvince() {
			return outOfProvince;
		}

		public void setOutOfProvince(String outOfProvince) {
			this.outOfProvince = outOfProvince;
		}

		public String getForeignUsed() {
			return foreignUsed;
		}

		public void setForeignUsed(String foreignUsed) {
			this.foreignUsed = foreignUsed;
		}

		public String getFixedAssets() {
			return fixedAssets;
		}

		public void setFixedAssets(String fixedAssets) {
			this.fixedAssets = fixedAssets;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		/** Whether nothing at all was typed in the line. */
		boolean blank() {
			return isBlank(fundsInPlace) && isBlank(outOfProvince) && isBlank(foreignUsed) && isBlank(fixedAssets)
					&& isBlank(note);
		}

		private static boolean isBlank(String s) {
			return s == null || s.isBlank();
		}
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public String getMonth() {
		return month;
	}

	public void setMonth(String month) {
		this.month = month;
	}

	public List<Line> getRows() {
		return rows;
	}

	public void setRows(List<Line> rows) {
		this.rows = rows;
	}
}
