package cn.zhaoshang.clue.web;

import java.math.BigDecimal;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueQueries;

/**
 * The create/edit form as bound from the page (a bean, so that a malformed number comes back as a binding error
 * next to its field rather than failing the whole binding). {@code ownerUnitId} is a text: a unit's id, or empty
 * for the city pool.
 */
public class ClueForm {

	private String clueTitle = "";
	private String enterpriseName = "";
	private Long merchantId;
	private Long chainId;
	private String chainLink = "";
	private BigDecimal estimatedInvestment;
	private PromotionMode promotionMode;
	private ClueSource source = ClueSource.OTHER;
	private Long sourceUnitId;
	private String sourceCredit = "";
	private Long ownerUnitId;
	private Long assigneeId;
	private String notes = "";
	private Integer version;

	static ClueForm empty(Long ownerUnitId) {
		var f = new ClueForm();
		f.ownerUnitId = ownerUnitId;
		return f;
	}

	static ClueForm of(ClueQueries.Detail d) {
		var r = d.row();
		var f = new ClueForm();
		f.clueTitle = r.title();
		f.enterpriseName = r.enterpriseName();
		f.merchantId = r.merchantId();
		f.chainId = r.chainId();
		f.chainLink = r.chainLink() == null ? "" : r.chainLink();
		f.estimatedInvestment = r.estimatedInvestment();
		f.promotionMode = r.promotionMode();
		f.source = r.source();
		f.sourceCredit = r.sourceCredit() == null ? "" : r.sourceCredit();
		f.ownerUnitId = r.ownerUnitId();
		f.assigneeId = r.assigneeId();
		f.notes = d.description() == null ? "" : d.description();
		f.version = d.version();
		return f;
	}

	ClueDetails toDetails() {
		return new ClueDetails(clueTitle, enterpriseName, merchantId, chainId, chainLink, estimatedInvestment,
				promotionMode, source, sourceUnitId, sourceCredit, ownerUnitId, assigneeId, notes, version);
	}

	public String getClueTitle() {
		return clueTitle;
	}

	public void setClueTitle(String clueTitle) {
		this.clueTitle = clueTitle;
	}

	public String getEnterpriseName() {
		return enterpriseName;
	}

	public void setEnterpriseName(String enterpriseName) {
		this.enterpriseName = enterpriseName;
	}

	public Long getMerchantId() {
		return merchantId;
	}

	public void setMerchantId(Long merchantId) {
		this.merchantId = merchantId;
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

	public BigDecimal getEstimatedInvestment() {
		return estimatedInvestment;
	}

	public void setEstimatedInvestment(BigDecimal estimatedInvestment) {
		this.estimatedInvestment = estimatedInvestment;
	}

	public PromotionMode getPromotionMode() {
		return promotionMode;
	}

	public void setPromotionMode(PromotionMode promotionMode) {
		this.promotionMode = promotionMode;
	}

	public ClueSource getSource() {
		return source;
	}

	public void setSource(ClueSource source) {
		this.source = source;
	}

	public Long getSourceUnitId() {
		return sourceUnitId;
	}

	public void setSourceUnitId(Long sourceUnitId) {
		this.sourceUnitId = sourceUnitId;
	}

	public String getSourceCredit() {
		return sourceCredit;
	}

	public void setSourceCredit(String sourceCredit) {
		this.sourceCredit = sourceCredit;
	}

	public Long getOwnerUnitId() {
		return ownerUnitId;
	}

	public void setOwnerUnitId(Long ownerUnitId) {
		this.ownerUnitId = ownerUnitId;
	}

	public Long getAssigneeId() {
		return assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
