package cn.zhaoshang.dispatch.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.dispatch.internal.DispatchProblem;
import cn.zhaoshang.dispatch.internal.ReportInput;
import cn.zhaoshang.dispatch.internal.ScopeRow;

import org.springframework.format.annotation.DateTimeFormat;

/** The report form of one project: bound from the page (problem rows as problems[i].text …). */
public class ReportForm {

	private String summary;
	private String nextSteps;
	private Integer version;
	private List<Row> problems = new ArrayList<>();

	/** One problem row. */
	public static class Row {

		private Long id;
		private String text;
		private Long ownerUnitId;
		private String ownerName;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate due;

		public Long getId() {
			return id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public Long getOwnerUnitId() {
			return ownerUnitId;
		}

		public void setOwnerUnitId(Long ownerUnitId) {
			this.ownerUnitId = ownerUnitId;
		}

		public String getOwnerName() {
			return ownerName;
		}

		public void setOwnerName(String ownerName) {
			this.ownerName = ownerName;
		}

		public LocalDate getDue() {
			return due;
		}

		public void setDue(LocalDate due) {
			this.due = due;
		}

		boolean blank() {
			return id == null && (text == null || text.isBlank()) && ownerUnitId == null
					&& (ownerName == null || ownerName.isBlank()) && due == null;
		}
	}

	static ReportForm of(ScopeRow row, List<DispatchProblem> problems) {
		ReportForm f = new ReportForm();
		f.summary = row.summary();
		f.nextSteps = row.nextSteps();
		f.version = row.version();
		for (DispatchProblem p : problems) {
			Row r = new Row();
			r.id = p.id();
			r.text = p.text();
			r.ownerUnitId = p.ownerUnitId();
			r.ownerName = p.ownerName();
			r.due = p.due();
			f.problems.add(r);
		}
		return f;
	}

	/** The input of the use case; rows left entirely blank are dropped. */
	ReportInput input(boolean submit) {
		List<ReportInput.Problem> rows = problems.stream()
			.filter(r -> r != null && !r.blank())
			.map(r -> new ReportInput.Problem(r.id, r.text, r.ownerUnitId, r.ownerName, r.due))
			.toList();
		return new ReportInput(summary, nextSteps, rows, submit, version);
	}

	/** Drops the rows left blank (so that error indexes match what the use case sees). */
	void dropBlankRows() {
		problems.removeIf(r -> r == null || r.blank());
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getNextSteps() {
		return nextSteps;
	}

	public void setNextSteps(String nextSteps) {
		this.nextSteps = nextSteps;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public List<Row> getProblems() {
		return problems;
	}

	public void setProblems(List<Row> problems) {
		this.problems = problems;
	}
}
