package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.project.Stage;

/**
 * What checked ledger rows do to the projects, in memory: a new project for a row that names none, the row's values
 * on the project it names, and which of those did not change at all (nothing to write).
 */
final class LedgerRowApplier {

	/**
	 * The projects to write.
	 *
	 * @param created new projects, without codes yet
	 * @param changed existing projects whose fields changed
	 * @param before the audit view of each changed project before the change
	 * @param unchanged rows equal to their project
	 */
	record Changes(List<Project> created, List<Project> changed, Map<Project, Map<String, Object>> before,
			int unchanged) {
	}

	private LedgerRowApplier() {
	}

	static Changes apply(List<LedgerRow> lines, LedgerReferenceData ctx, String user, Instant now) {
		List<Project> created = new ArrayList<>();
		List<Project> changed = new ArrayList<>();
		Map<Project, Map<String, Object>> before = new LinkedHashMap<>();
		int unchanged = 0;
		for (LedgerRow line : lines) {
			Project p = line.project;
			if (p == null) {
				p = new Project();
				p.name = line.name;
				p.stage = line.stage;
				p.status = ProjectStatus.ACTIVE;
				// history on paper: a project above 在谈 waits for its evidence
				p.evidencePending = line.stage != Stage.NEGOTIATING;
				p.version = 0;
				p.createdBy = user;
				p.createdAt = now;
				apply(line, p, ctx, true);
				p.updatedAt = now;
				created.add(p);
			}
			else {
				var snapshot = snapshot(p);
				var view = p.auditView();
				if (line.stage != p.stage) {
					p.stage = line.stage;
					p.evidencePending = true;
				}
				apply(line, p, ctx, false);
				if (snapshot.equals(snapshot(p))) {
					unchanged++;
				}
				else {
					p.updatedAt = now;
					before.put(p, view);
					changed.add(p);
				}
			}
		}
		return new Changes(created, changed, before, unchanged);
	}

	/** Sets the row's fields; for an existing project, fields whose column the sheet lacks stay as they are. */
	static void apply(LedgerRow line, Project p, LedgerReferenceData ctx, boolean isNew) {
		p.merchantId = line.merchantId;
		p.investorName = line.investorName;
		p.unitId = line.unit.id().value();
		p.chainId = line.chain.id().value();
		ProjectTypes types = line.typeSet();
		p.type = types.primary();
		p.types = types.canonical();
		p.plannedInvestment = line.planned;
		if (line.negotiation != null) {
			// a blank cell (or no column) keeps the stored date; a new project starts on the day it is imported
			p.negotiationDate = line.negotiation;
		}
		else if (isNew) {
			p.negotiationDate = ctx.today;
		}
		if (isNew || ctx.present(LedgerColumn.REGISTERED_DATE)) {
			p.registeredDate = line.registered;
		}
		if (isNew || ctx.present(LedgerColumn.FOREIGN)) {
			p.foreignInvestment = line.foreign;
		}
		if (isNew || ctx.present(LedgerColumn.SIGNED_DATE)) {
			p.signedDate = line.signed;
		}
		if (isNew || ctx.present(LedgerColumn.COMMENCED_DATE)) {
			p.commencedDate = line.commenced;
		}
		if (isNew || ctx.present(LedgerColumn.PRODUCTION_DATE)) {
			p.productionDate = line.production;
		}
		if (isNew || ctx.present(LedgerColumn.KEY)) {
			p.keyProject = line.key;
		}
		if (isNew || ctx.present(LedgerColumn.LEADER)) {
			// the same name keeps the person it is linked to (chosen by hand when the name is not unique)
			p.leaderId = line.leader != null && line.leader.equals(p.leaderName) && p.leaderId != null ? p.leaderId
					: line.leader == null ? null : ctx.person(line.leader);
			p.leaderName = line.leader;
		}
		if (isNew || ctx.present(LedgerColumn.ATTENDANT)) {
			p.chiefAttendantId = line.attendant != null && line.attendant.equals(p.chiefAttendantName)
					&& p.chiefAttendantId != null ? p.chiefAttendantId
							: line.attendant == null ? null : ctx.person(line.attendant);
			p.chiefAttendantName = line.attendant;
		}
		p.namesUnmatched = (p.leaderName != null && p.leaderId == null)
				|| (p.chiefAttendantName != null && p.chiefAttendantId == null);
		if (line.progress != null && !line.progress.equals(p.latestProgress)) {
			// the latest progress is a log line, not a field: a blank cell does not erase it
			p.latestProgress = line.progress;
			p.latestProgressDate = ctx.today;
		}
	}

	/** Every field an import may change, amounts by value (12.5 equals 12.50). */
	static List<Object> snapshot(Project p) {
		return Arrays.asList(p.name, p.merchantId, p.investorName, p.unitId, p.chainId, p.types(), p.stage,
				p.negotiationDate, p.registeredDate,
				plain(p.plannedInvestment), plain(p.foreignInvestment), p.keyProject, p.signedDate, p.commencedDate,
				p.productionDate, p.leaderId, p.leaderName, p.chiefAttendantId, p.chiefAttendantName,
				p.namesUnmatched, p.evidencePending, p.latestProgress, p.latestProgressDate);
	}

	private static BigDecimal plain(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros();
	}
}
