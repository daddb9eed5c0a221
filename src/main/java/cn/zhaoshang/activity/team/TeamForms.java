package cn.zhaoshang.activity.team;

import java.time.LocalDate;

/** What the team pages' forms send, shown again with the errors when refused. */
public final class TeamForms {

	private TeamForms() {
	}

	/** A line of a resident team's work log; the enterprise typed by its full name. */
	public record LogForm(LocalDate date, TeamLogKind kind, String merchantName, String workDone, Long clueId) {
	}

	/** A joint team; the anchor and the targets typed by full name, targets one per line. */
	public record JointForm(String name, Long unitId, Long cadrePersonId, String enterpriseHead, String anchorName,
			String upstream, String downstream, String note, Integer version) {
	}

	/** A person the joint-team form offers as its cadre. */
	public record PersonChoice(long id, String label) {
	}
}
