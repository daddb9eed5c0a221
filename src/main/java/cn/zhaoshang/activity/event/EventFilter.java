package cn.zhaoshang.activity.event;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the event list is filtered and sorted by, as query parameters of the page, the export and the API.
 *
 * @param q substring of the name, place or summary
 * @param kind the kind of event
 * @param unit the organising unit
 * @param from first day (the event ends on or after it)
 * @param to last day (the event starts on or before it)
 * @param sort {@code date} (default, newest first), {@code name}, {@code kind}, {@code unit}
 * @param dir {@code asc} or {@code desc}
 */
public record EventFilter(@Size(max = 100) String q, EventKind kind, Long unit,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String sort, String dir) {

	public static final EventFilter NONE = new EventFilter(null, null, null, null, null, null, null);
}
