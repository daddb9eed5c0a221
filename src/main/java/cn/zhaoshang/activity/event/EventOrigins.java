package cn.zhaoshang.activity.event;

import java.util.List;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueOrigins;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectOrigins;

import org.springframework.stereotype.Component;

/** Tells the clue and project pages which events produced them (the events that list them). */
@Component
class EventOrigins implements ClueOrigins, ProjectOrigins {

	private final Events events;

	EventOrigins(Events events) {
		this.events = events;
	}

	@Override
	public List<Origin> of(ClueId clue) {
		return origins(events.producing("activity_event_clue", "clue_id", clue.value()));
	}

	@Override
	public List<Origin> of(ProjectId project) {
		return origins(events.producing("activity_event_project", "project_id", project.value()));
	}

	private static List<Origin> origins(List<Events.Row> rows) {
		return rows.stream()
			.map(r -> new Origin(r.kind().messageKey(), r.name(), r.startDate(), "/activity/events/" + r.id()))
			.toList();
	}
}
