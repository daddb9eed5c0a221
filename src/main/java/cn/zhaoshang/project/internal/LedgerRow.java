package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.project.Stage;

/**
 * A checked row of an imported ledger: the values of its cells ({@link LedgerRowParser}), then its investor and the
 * project it names, if any ({@link ProjectImport}, {@link LedgerProjectMatcher}).
 */
final class LedgerRow {

	/** The row as Excel numbers it. */
	int row;
	String name;
	InvestorRef investor;
	UnitSummary unit;
	Chain chain;
	ProjectType type;
	/** The row's types (several separated by 、); null in rows built without them, which then mean {@link #type}. */
	ProjectTypes types;
	LocalDate negotiation;
	LocalDate registered;
	BigDecimal planned;
	BigDecimal foreign;
	Stage stage;
	LocalDate signed;
	LocalDate commenced;
	LocalDate production;
	String leader;
	String attendant;
	boolean key;
	String progress;

	long merchantId;
	String investorName;
	/** The project the row names, null for a new one. */
	Project project;

	/** The row's types: {@link #types}, else the single {@link #type}. */
	ProjectTypes typeSet() {
		return types != null ? types : ProjectTypes.of(type);
	}

	/** The same project within the file, before investors are matched: name and USCC, else name and investor name. */
	Object fileKey() {
		return List.of(name, investor.uscc() != null ? "uscc:" + investor.uscc() : "name:" + investor.name());
	}

	/** The same project in the ledger: name and investor. */
	Key projectKey() {
		return new Key(name, merchantId);
	}

	/** A project's identity for the import: its name and its investor. */
	record Key(String name, long merchantId) {
	}
}
