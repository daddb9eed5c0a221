package cn.zhaoshang.activity.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The event form of the pages: the same facts as {@link EventInput}, with the enterprises typed by name (separated
 * by commas or semicolons (Chinese or Latin) or new lines), the clues by number and the projects by ledger code.
 */
public record EventForm(EventKind kind, String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, String place, String onlineLink,
		Long organiserUnitId, List<Long> participantUnitIds, String merchantNames, String clueNumbers,
		String projectCodes, String overview, Integer version) {

	static EventForm empty(Long unit, LocalDate today) {
		return new EventForm(null, null, today, null, null, null, unit, List.of(), null, null, null, null, null);
	}

	static EventForm of(Events.Event e) {
		var r = e.row();
		return new EventForm(r.kind(), r.name(), r.startDate(), r.endDate(), r.place(), r.onlineLink(),
				r.organiserUnitId(), e.participants().stream().map(Events.Ref::id).toList(),
				e.merchants().stream().map(Events.Ref::name).collect(Collectors.joining("\u3001")),
				e.clues().stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(", ")),
				e.projects().stream().map(p -> p.code()).collect(Collectors.joining(", ")), r.summary(), r.version());
	}

	public boolean selected(long unit) {
		return participantUnitIds != null && participantUnitIds.contains(unit);
	}

	/** The words of a list field: split on commas and semicolons (Chinese or Latin) and white space, blanks dropped. */
	public static List<String> words(String text, boolean spaces) {
		List<String> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		for (String w : text.split(spaces ? "[\u3001\uff0c,;\uff1b\\s]+" : "[\u3001\uff0c,;\uff1b\\n\\r]+")) {
			if (!w.isBlank()) {
				out.add(w.strip());
			}
		}
		return out;
	}
}
