package cn.zhaoshang.project.internal;

import java.util.Map;

import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/**
 * Every save of a project through its repository (the project page, the API, stage moves, conversions) moves the
 * project's funds sums when its unit, chain or types change, before the row is written and in the same transaction
 * ({@link FundsSums#follow}). The bulk writer, {@link ProjectRows}, calls it itself.
 */
@Component
class FundsSumsFollowProjects implements BeforeConvertCallback<Project> {

	private final FundsSums sums;

	FundsSumsFollowProjects(FundsSums sums) {
		this.sums = sums;
	}

	@Override
	public Project onBeforeConvert(Project p) {
		if (p.id != null && p.unitId != null && p.chainId != null && p.type != null) {
			sums.follow(Map.of(p.id, new FundsSums.ProjectKey(p.unitId, p.chainId, p.type.name(),
					p.types != null ? p.types : p.type.name())));
		}
		return p;
	}
}
