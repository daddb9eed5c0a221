package cn.zhaoshang.partner.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.partner.internal.Agreements;
import cn.zhaoshang.project.Stage;

/** The agreement form: the header and up to three rule rows ({@code rules[0].stage} …); empty rows are dropped. */
public class AgreementForm {

	static final int ROWS = 3;

	private Integer version;
	private Long intermediaryUnitId;
	private String agreementTitle;
	private LocalDate validFrom;
	private LocalDate validTo;
	private String scopeChains;
	private String scopeRegions;
	private String financialSupport;
	private String note;
	private List<RuleRow> rules = new ArrayList<>();

	/** One rule row of the form. */
	public static class RuleRow {

		private Stage stage;
		private BigDecimal percentOfFunds;
		private BigDecimal fixedAmount;
		private BigDecimal cap;

		public Stage getStage() {
			return stage;
		}

		public void setStage(Stage stage) {
			this.stage = stage;
		}

		public BigDecimal getPercentOfFunds() {
			return percentOfFunds;
		}

		public void setPercentOfFunds(BigDecimal percentOfFunds) {
			this.percentOfFunds = percentOfFunds;
		}

		public BigDecimal getFixedAmount() {
			return fixedAmount;
		}

		public void setFixedAmount(BigDecimal fixedAmount) {
			this.fixedAmount = fixedAmount;
		}

		public BigDecimal getCap() {
			return cap;
		}

		public void setCap(BigDecimal cap) {
			this.cap = cap;
		}

		boolean empty() {
			return stage == null && percentOfFunds == null && fixedAmount == null && cap == null;
		}
	}

	/** The form filled with a stored agreement (for its edit). */
	static AgreementForm of(Agreements.Agreement a) {
		var f = new AgreementForm();
		f.version = a.version();
		f.intermediaryUnitId = a.intermediaryUnitId();
		f.agreementTitle = a.title();
		f.validFrom = a.validFrom();
		f.validTo = a.validTo();
		f.scopeChains = a.scopeChains();
		f.scopeRegions = a.scopeRegions();
		f.financialSupport = a.financialSupport();
		f.note = a.note();
		for (var r : a.rules()) {
			var row = new RuleRow();
			row.stage = r.stage();
			row.percentOfFunds = r.percentOfFunds() == null ? null : r.percentOfFunds().stripTrailingZeros();
			row.fixedAmount = r.fixedAmount();
			row.cap = r.cap();
			f.rules.add(row);
		}
		return f;
	}

	/** The rows to show: the entered ones filled up to three. */
	public List<RuleRow> rows() {
		List<RuleRow> rows = new ArrayList<>(rules);
		while (rows.size() < ROWS) {
			rows.add(new RuleRow());
		}
		return rows;
	}

	Agreements.AgreementInput input() {
		List<Agreements.RuleInput> in = new ArrayList<>();
		for (RuleRow r : rules) {
			if (r != null && !r.empty()) {
				in.add(new Agreements.RuleInput(r.stage, r.percentOfFunds, r.fixedAmount, r.cap));
			}
		}
		return new Agreements.AgreementInput(intermediaryUnitId, agreementTitle, validFrom, validTo, scopeChains,
				scopeRegions, financialSupport, note, in);
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public Long getIntermediaryUnitId() {
		return intermediaryUnitId;
	}

	public void setIntermediaryUnitId(Long intermediaryUnitId) {
		this.intermediaryUnitId = intermediaryUnitId;
	}

	public String getAgreementTitle() {
		return agreementTitle;
	}

	public void setAgreementTitle(String agreementTitle) {
		this.agreementTitle = agreementTitle;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public void setValidTo(LocalDate validTo) {
		this.validTo = validTo;
	}

	public String getScopeChains() {
		return scopeChains;
	}

	public void setScopeChains(String scopeChains) {
		this.scopeChains = scopeChains;
	}

	public String getScopeRegions() {
		return scopeRegions;
	}

	public void setScopeRegions(String scopeRegions) {
		this.scopeRegions = scopeRegions;
	}

	public String getFinancialSupport() {
		return financialSupport;
	}

	public void setFinancialSupport(String financialSupport) {
		this.financialSupport = financialSupport;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public List<RuleRow> getRules() {
		return rules;
	}

	public void setRules(List<RuleRow> rules) {
		this.rules = rules;
	}
}
