package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.StageMoveRequest;

/**
 * The stage-move, status and move-back forms as posted (a mutable bean, see {@link ProjectForm}). Evidence files
 * come as multipart parts beside it; {@code evidenceIds} carries uploads already stored by an earlier attempt, so a
 * user whose move was refused for a missing date need not choose the files again.
 */
public class MoveForm {

	private Stage to;
	private ProjectStatus toStatus;
	private LocalDate date;
	private ContractType contractType;
	private BigDecimal contractedInvestment;
	private BigDecimal paidInInvestment;
	private BigDecimal actualInvestment;
	private List<Long> evidenceIds = new ArrayList<>();
	private String reason;

	StageMoveRequest toRequest(List<Long> evidence) {
		return new StageMoveRequest(to, toStatus, date, contractType, contractedInvestment, paidInInvestment,
				actualInvestment, evidence, reason);
	}

	public Stage getTo() {
		return to;
	}

	public void setTo(Stage to) {
		this.to = to;
	}

	public ProjectStatus getToStatus() {
		return toStatus;
	}

	public void setToStatus(ProjectStatus toStatus) {
		this.toStatus = toStatus;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public ContractType getContractType() {
		return contractType;
	}

	public void setContractType(ContractType contractType) {
		this.contractType = contractType;
	}

	public BigDecimal getContractedInvestment() {
		return contractedInvestment;
	}

	public void setContractedInvestment(BigDecimal contractedInvestment) {
		this.contractedInvestment = contractedInvestment;
	}

	public BigDecimal getPaidInInvestment() {
		return paidInInvestment;
	}

	public void setPaidInInvestment(BigDecimal paidInInvestment) {
		this.paidInInvestment = paidInInvestment;
	}

	public BigDecimal getActualInvestment() {
		return actualInvestment;
	}

	public void setActualInvestment(BigDecimal actualInvestment) {
		this.actualInvestment = actualInvestment;
	}

	public List<Long> getEvidenceIds() {
		return evidenceIds;
	}

	public void setEvidenceIds(List<Long> evidenceIds) {
		this.evidenceIds = evidenceIds == null ? new ArrayList<>() : new ArrayList<>(evidenceIds);
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}
}
