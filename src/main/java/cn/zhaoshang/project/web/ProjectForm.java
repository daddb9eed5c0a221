package cn.zhaoshang.project.web;

import java.math.BigDecimal;

import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectQueries;

/**
 * The create/edit form as the browser posts it. A mutable bean rather than binding {@link ProjectDetails} directly,
 * so that a value that does not convert (a malformed amount) becomes an error on that one field while every other
 * field keeps what the user typed; the controller then validates the resulting {@link ProjectDetails}.
 */
public class ProjectForm {
	private String name;
	private String investorName;
	private String investorUscc;
	private Long unitId;
	private Long introUnitId;
	private String introducers;
	private Long chainId;
	private String chainLink;
	private ProjectType type;
	private java.util.List<ProjectType> types;
	@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
	private java.time.LocalDate negotiationDate;
	private PromotionMode promotionMode;
	private BigDecimal plannedInvestment;
	private BigDecimal foreignInvestment;
	private BigDecimal annualOutput;
	private BigDecimal annualTax;
	private Integer jobs;
	private BigDecimal landNeedMu;
	private BigDecimal factoryNeedM2;
	private boolean keyProject;
	private Long leaderId;
	private Long chiefAttendantId;
	private String problems;
	private String description;
	private Integer version;

	public static ProjectForm of(ProjectDetails d) {
		var f = new ProjectForm();
		f.name = d.name();
		f.investorName = d.investorName();
		f.investorUscc = d.investorUscc();
		f.unitId = d.unitId();
		f.introUnitId = d.introUnitId();
		f.introducers = d.introducers();
		f.chainId = d.chainId();
		f.chainLink = d.chainLink();
		f.type = d.type();
		f.types = d.typeSet().list();
		f.negotiationDate = d.negotiationDate();
		f.promotionMode = d.promotionMode();
		f.plannedInvestment = d.plannedInvestment();
		f.foreignInvestment = d.foreignInvestment();
		f.annualOutput = d.annualOutput();
		f.annualTax = d.annualTax();
		f.jobs = d.jobs();
		f.landNeedMu = d.landNeedMu();
		f.factoryNeedM2 = d.factoryNeedM2();
		f.keyProject = d.keyProject();
		f.leaderId = d.leaderId();
		f.chiefAttendantId = d.chiefAttendantId();
		f.problems = d.problems();
		f.description = d.description();
		f.version = d.version();
		return f;
	}

	/** The form of a stored project (its current values and version). */
	public static ProjectForm of(ProjectQueries.Detail d) {
		var r = d.row();
		return of(new ProjectDetails(r.name(), r.investorName(), r.investorUscc(), r.unitId(), d.introUnitId(),
				d.introducers(), r.chainId(), d.chainLink(), r.type(), d.promotionMode(), r.plannedInvestment(),
				r.foreignInvestment(), d.annualOutput(), d.annualTax(), d.jobs(), d.landNeedMu(), d.factoryNeedM2(),
				r.keyProject(), d.leaderId(), d.chiefAttendantId(), d.problems(), d.description(), d.version(),
				r.types().list(), d.negotiationDate(), null));
	}

	public ProjectDetails toDetails() {
		return new ProjectDetails(trim(name), trim(investorName), trim(investorUscc), unitId, introUnitId,
				trim(introducers), chainId, trim(chainLink), type, promotionMode, plannedInvestment, foreignInvestment,
				annualOutput, annualTax, jobs, landNeedMu, factoryNeedM2, keyProject, leaderId, chiefAttendantId,
				trim(problems), trim(description), version, types == null ? java.util.List.of() : types,
				negotiationDate, null);
	}

	public java.util.List<ProjectType> getTypes() {
		return types;
	}

	public void setTypes(java.util.List<ProjectType> types) {
		this.types = types;
	}

	/** Whether the box of this type is ticked. */
	public boolean hasType(ProjectType t) {
		return types != null && types.contains(t);
	}

	public java.time.LocalDate getNegotiationDate() {
		return negotiationDate;
	}

	public void setNegotiationDate(java.time.LocalDate negotiationDate) {
		this.negotiationDate = negotiationDate;
	}

	private static String trim(String s) {
		return s == null ? null : s.trim();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getInvestorName() {
		return investorName;
	}

	public void setInvestorName(String investorName) {
		this.investorName = investorName;
	}

	public String getInvestorUscc() {
		return investorUscc;
	}

	public void setInvestorUscc(String investorUscc) {
		this.investorUscc = investorUscc;
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public Long getIntroUnitId() {
		return introUnitId;
	}

	public void setIntroUnitId(Long introUnitId) {
		this.introUnitId = introUnitId;
	}

	public String getIntroducers() {
		return introducers;
	}

	public void setIntroducers(String introducers) {
		this.introducers = introducers;
	}

	public Long getChainId() {
		return chainId;
	}

	public void setChainId(Long chainId) {
		this.chainId = chainId;
	}

	public String getChainLink() {
		return chainLink;
	}

	public void setChainLink(String chainLink) {
		this.chainLink = chainLink;
	}

	public ProjectType getType() {
		return type;
	}

	public void setType(ProjectType type) {
		this.type = type;
	}

	public PromotionMode getPromotionMode() {
		return promotionMode;
	}

	public void setPromotionMode(PromotionMode promotionMode) {
		this.promotionMode = promotionMode;
	}

	public BigDecimal getPlannedInvestment() {
		return plannedInvestment;
	}

	public void setPlannedInvestment(BigDecimal plannedInvestment) {
		this.plannedInvestment = plannedInvestment;
	}

	public BigDecimal getForeignInvestment() {
		return foreignInvestment;
	}

	public void setForeignInvestment(BigDecimal foreignInvestment) {
		this.foreignInvestment = foreignInvestment;
	}

	public BigDecimal getAnnualOutput() {
		return annualOutput;
	}

	public void setAnnualOutput(BigDecimal annualOutput) {
		this.annualOutput = annualOutput;
	}

	public BigDecimal getAnnualTax() {
		return annualTax;
	}

	public void setAnnualTax(BigDecimal annualTax) {
		this.annualTax = annualTax;
	}

	public Integer getJobs() {
		return jobs;
	}

	public void setJobs(Integer jobs) {
		this.jobs = jobs;
	}

	public BigDecimal getLandNeedMu() {
		return landNeedMu;
	}

	public void setLandNeedMu(BigDecimal landNeedMu) {
		this.landNeedMu = landNeedMu;
	}

	public BigDecimal getFactoryNeedM2() {
		return factoryNeedM2;
	}

	public void setFactoryNeedM2(BigDecimal factoryNeedM2) {
		this.factoryNeedM2 = factoryNeedM2;
	}

	public boolean isKeyProject() {
		return keyProject;
	}

	public void setKeyProject(boolean keyProject) {
		this.keyProject = keyProject;
	}

	public Long getLeaderId() {
		return leaderId;
	}

	public void setLeaderId(Long leaderId) {
		this.leaderId = leaderId;
	}

	public Long getChiefAttendantId() {
		return chiefAttendantId;
	}

	public void setChiefAttendantId(Long chiefAttendantId) {
		this.chiefAttendantId = chiefAttendantId;
	}

	public String getProblems() {
		return problems;
	}

	public void setProblems(String problems) {
		this.problems = problems;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
