package cn.zhaoshang.project.internal;

import java.util.Map;

import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/**
 * Every save of a project through its repository (the project page, the API, stage moves, conversions, relocation)
 * moves the project's funds sums when its unit, chain, types, status or signing month change ({@link FundsSums#follow}) and its counted
 * moves' sums when its landing unit changes ({@link CountedSums#follow}), before the row is written and in the same
 * transaction. The bulk writer, {@link ProjectRows}, calls both itself.
 */
@Component
class FundsSumsFollowProjects implements BeforeConvertCallback<Project> {

	private final FundsSums sums;
	private final CountedSums counted;

	FundsSumsFollowProjects(FundsSums sums, CountedSums counted) {
		this.sums = sums;
		this.counted = counted;
	}

	@Override
	public Project onBeforeConvert(Project p) {
		if (p.id != null && p.unitId != null && p.chainId != null && p.type != null) {
			sums.follow(Map.of(p.id, FundsSums.ProjectKey.of(p.unitId, p.chainId, p.type.name(),
					p.types != null ? p.types : p.type.name(), p.status.name(), p.signedDate)));
			counted.follow(Map.of(p.id, p.unitId));
		}
		return p;
	}
}
