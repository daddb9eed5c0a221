package cn.zhaoshang.chain.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A project of the promotion-project catalog (aggregate root). Status changes only through the guarded transitions
 * below, each refusing (422) what its status does not allow: publish a draft, match a published project to the
 * clue or project that found its investor, withdraw anything not yet withdrawn. Edits are allowed until matched.
 */
@Table("catalog_project")
public class CatalogProject {

	@Id
	Long id;
	String name;
	String nameEn;
	String description;
	String descriptionEn;
	Long chainId;
	Long linkId;
	Long unitId;
	String location;
	BigDecimal landMu;
	BigDecimal totalInvestment;
	InvestmentForm investmentForm;
	String expectedReturns;
	String expectedReturnsEn;
	String conditions;
	String conditionsEn;
	String contactUnit;
	CatalogStatus status = CatalogStatus.DRAFT;
	Long matchedClueId;
	Long matchedProjectId;
	Instant publishedAt;
	String withdrawnReason;
	@Version
	Integer version;
	String createdBy;
	Instant createdAt;
	Instant updatedAt;

	static CatalogProject draft(String createdBy, Instant now) {
		var p = new CatalogProject();
		p.createdBy = createdBy;
		p.createdAt = now;
		p.updatedAt = now;
		return p;
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public CatalogStatus status() {
		return status;
	}

	public UnitId unit() {
		return UnitId.of(unitId);
	}

	public Long chainId() {
		return chainId;
	}

	public Integer version() {
		return version;
	}

	void edit(CatalogDetails d, Instant now) {
		if (status == CatalogStatus.MATCHED || status == CatalogStatus.WITHDRAWN) {
			throw new BusinessException("catalog.error.notEditable");
		}
		name = d.name().strip();
		nameEn = d.nameEn().strip();
		description = d.description().strip();
		descriptionEn = d.descriptionEn().strip();
		chainId = d.chainId();
		linkId = d.linkId();
		unitId = d.unitId();
		location = d.location().strip();
		landMu = d.landMu();
		totalInvestment = d.totalInvestment();
		investmentForm = d.investmentForm();
		expectedReturns = blankToNull(d.expectedReturns());
		expectedReturnsEn = blankToNull(d.expectedReturnsEn());
		conditions = blankToNull(d.conditions());
		conditionsEn = blankToNull(d.conditionsEn());
		contactUnit = d.contactUnit().strip();
		updatedAt = now;
	}

	void publish(Instant now) {
		if (status != CatalogStatus.DRAFT) {
			throw new BusinessException("catalog.error.publishOnlyDraft");
		}
		status = CatalogStatus.PUBLISHED;
		publishedAt = now;
		updatedAt = now;
	}

	void match(Long clueId, Long projectId, Instant now) {
		if (status != CatalogStatus.PUBLISHED) {
			throw new BusinessException("catalog.error.matchOnlyPublished");
		}
		if (clueId == null && projectId == null) {
			throw new FieldException("matchedClueId", "catalog.validation.matchNeedsLink");
		}
		if ((clueId != null && clueId <= 0) || (projectId != null && projectId <= 0)) {
			throw new FieldException(clueId != null && clueId <= 0 ? "matchedClueId" : "matchedProjectId",
					"validation.unknown");
		}
		status = CatalogStatus.MATCHED;
		matchedClueId = clueId;
		matchedProjectId = projectId;
		updatedAt = now;
	}

	void withdraw(String reason, Instant now) {
		if (status == CatalogStatus.WITHDRAWN) {
			throw new BusinessException("catalog.error.alreadyWithdrawn");
		}
		if (reason == null || reason.isBlank()) {
			throw new FieldException("reason", "validation.required");
		}
		if (reason.length() > 500) {
			throw new FieldException("reason", "validation.size");
		}
		status = CatalogStatus.WITHDRAWN;
		withdrawnReason = reason.strip();
		updatedAt = now;
	}

	/** Whether visitors without an account may read it. */
	boolean isPublic() {
		return status == CatalogStatus.PUBLISHED || status == CatalogStatus.MATCHED;
	}

	Map<String, Object> auditView() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("nameEn", nameEn);
		m.put("chainId", chainId);
		m.put("linkId", linkId);
		m.put("unitId", unitId);
		m.put("location", location);
		m.put("landMu", landMu);
		m.put("totalInvestment", totalInvestment);
		m.put("investmentForm", investmentForm);
		m.put("contactUnit", contactUnit);
		m.put("status", status);
		m.put("matchedClueId", matchedClueId);
		m.put("matchedProjectId", matchedProjectId);
		m.put("withdrawnReason", withdrawnReason);
		m.values().removeIf(java.util.Objects::isNull);
		return m;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
