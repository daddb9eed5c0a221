package cn.zhaoshang.project;

/**
 * What an evidence file of a stage move proves. Each upload of a move is tagged with one; the city bureau's settings
 * {@code ledger.evidence.<STAGE>} say which kinds a stage needs (DESIGN §4). Untagged files count as {@link #OTHER}.
 */
public enum EvidenceKind {
	/** 合同: the signed contract or framework agreement (签约). */
	CONTRACT,
	/** 施工许可证: construction permit or equivalent (开工). */
	CONSTRUCTION_PERMIT,
	/** 现场照片: photos of the site (开工). */
	SITE_PHOTO,
	/** 生产许可证: production licence (投产). */
	PRODUCTION_LICENCE,
	/** 首张发票: the first invoice issued (投产). */
	FIRST_INVOICE,
	/** 验收报告: acceptance report (投产). */
	ACCEPTANCE,
	/** 其他: any other supporting file; never satisfies a required kind. */
	OTHER;

	public String messageKey() {
		return "evidenceKind." + name();
	}
}
