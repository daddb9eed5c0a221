package cn.zhaoshang.service.site;

import java.util.HashMap;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectPageSection;

import org.springframework.stereotype.Component;

/**
 * The project page's section "land and factories": what is reserved for the project, and, while it still needs
 * land or factory space, the matches ranked with their reasons and a reserve button for those the user may keep.
 */
@Component
class ProjectSites implements ProjectPageSection {

	private final Sites sites;
	private final SiteStore store;
	private final SiteMatching matching;

	ProjectSites(Sites sites, SiteStore store, SiteMatching matching) {
		this.sites = sites;
		this.store = store;
		this.matching = matching;
	}

	@Override
	public Section section(ProjectId project, CurrentUser user) {
		SiteProject p = sites.findProject(project.value()).orElse(null);
		if (p == null) {
			return null;
		}
		var parcels = store.parcelsOf(p.id());
		var factories = store.factoriesOf(p.id());
		boolean needs = p.need().land() || p.need().factory();
		if (!needs && parcels.isEmpty() && factories.isEmpty()) {
			return null;
		}
		var matches = "ACTIVE".equals(p.status()) ? matching.matches(p) : java.util.List.<SiteMatching.Match>of();
		Map<Long, Boolean> editable = new HashMap<>();
		matches.forEach(m -> editable.put(m.unitId(), sites.canEdit(user, m.unitId())));
		parcels.forEach(l -> editable.put(l.unitId(), sites.canEdit(user, l.unitId())));
		factories.forEach(f -> editable.put(f.unitId(), sites.canEdit(user, f.unitId())));
		Map<String, Object> params = new HashMap<>();
		params.put("project", p);
		params.put("parcels", parcels);
		params.put("factories", factories);
		params.put("matches", matches);
		params.put("editable", editable);
		return new Section("service/project-sites.jte", params);
	}

	@Override
	public int order() {
		return 10;
	}
}
