package cn.zhaoshang.supervision.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau's editor's note on a draft week, and publishing it: the week is frozen, the change
 * audited, and every unit manager, unit staff member and leader gets a notice of kind {@value #KIND} (in-app, and
 * mail as they chose) linking to the week.
 */
@Service
public class WeeklyPublisher {

	/** The notice kind (users may switch it off on their notice settings page). */
	public static final String KIND = "weeklyPublished";

	/** The longest note. */
	public static final int NOTE_MAX = 2000;

	private final WeeklyStore store;
	private final Auditor auditor;
	private final Notifications notifications;
	private final Clock clock;

	WeeklyPublisher(WeeklyStore store, Auditor auditor, Notifications notifications, Clock clock) {
		this.store = store;
		this.auditor = auditor;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Saves the note of a draft at the version read (409 when stale or published). */
	@Transactional
	public Header saveNote(WeeklyKey key, String note, int version, CurrentUser user) {
		return write(key, note, version, false, user);
	}

	/** Saves the note and publishes the draft at the version read (409 when stale or already published). */
	@Transactional
	public Header publish(WeeklyKey key, String note, int version, CurrentUser user) {
		Header h = write(key, note, version, true, user);
		Set<UserId> to = new LinkedHashSet<>();
		for (Role r : List.of(Role.UNIT_MANAGER, Role.UNIT_STAFF, Role.LEADER)) {
			to.addAll(notifications.users(r, null));
		}
		to.remove(user.id());
		Object[] args = { key.toString(), key.start().toString(), key.end().toString() };
		for (UserId u : to) {
			notifications.notify(u, KIND, "supervision.weekly.notice", args, "/supervision/weekly/" + key);
		}
		return h;
	}

	private Header write(WeeklyKey key, String note, int version, boolean publish, CurrentUser user) {
		Header h = store.header(key).orElseThrow(NotFoundException::new);
		if (h.published()) {
			throw new BusinessException(409, "supervision.weekly.error.published", key.toString());
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX) {
			throw new InvalidInputException(List.of(new InvalidInputException.Violation("note",
					"supervision.weekly.error.noteLength", new Object[] { NOTE_MAX })));
		}
		store.update(h.id(), text, version, publish, clock.instant(), user.getUsername());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", h.status().name());
		before.put("note", h.note() == null ? "" : h.note());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", publish ? "PUBLISHED" : h.status().name());
		after.put("note", text == null ? "" : text);
		auditor.record("weeklyDynamics", h.id(), publish ? "PUBLISHED" : "NOTE_SAVED", key.toString(), before, after);
		return store.header(key).orElseThrow();
	}
}
