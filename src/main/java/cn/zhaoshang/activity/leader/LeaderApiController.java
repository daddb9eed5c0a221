package cn.zhaoshang.activity.leader;

import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.ProjectSummary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A leader's three projects (一带三项目) through {@code /api/v1}: read them with the days each has been in its slot,
 * and set them (a project at the wrong stage is refused with 422 naming the field).
 */
@Tag(name = "Leaders")
@RestController
class LeaderApiController {

	private final LeaderProjects leaders;
	private final LeaderContacts contacts;

	LeaderApiController(LeaderProjects leaders, LeaderContacts contacts) {
		this.leaders = leaders;
		this.contacts = contacts;
	}

	/** A meeting, visit or problem as sent. */
	record ContactBody(Long projectId, ContactKind kind, LocalDate date, String notes) {
	}

	/** A problem's resolution as sent, at the version read. */
	record ResolveBody(Integer version, String resolution, LocalDate resolvedOn) {
	}

	record ContactList(List<LeaderContacts.Contact> items) {
	}

	@GetMapping("/api/v1/leaders/{personId}/contacts")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A leader's meetings, visits and problems on their three projects, latest first",
			operationId = "listLeaderContacts")
	ContactList contacts(@PathVariable long personId) {
		return new ContactList(contacts.of(personId));
	}

	@PostMapping("/api/v1/leaders/{personId}/contacts")
	@PreAuthorize(LeaderController.EDITOR)
	@Operation(summary = "Record a meeting, visit or problem of a leader on one of their three projects",
			operationId = "createLeaderContact")
	@ApiResponse(responseCode = "201", description = "The entry; `Location` is its address.")
	ResponseEntity<LeaderContacts.Contact> addContact(@AuthenticationPrincipal CurrentUser user,
			@PathVariable long personId, @RequestBody ContactBody body) {
		var saved = contacts.record(personId,
				new LeaderContacts.Input(body.projectId(), body.kind(), body.date(), body.notes()), user);
		return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/leader-contacts/{id}")
			.buildAndExpand(saved.id())
			.toUri()).body(saved);
	}

	@GetMapping("/api/v1/leader-contacts/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read one meeting, visit or problem of a leader", operationId = "getLeaderContact")
	LeaderContacts.Contact contact(@PathVariable long id) {
		return contacts.get(id);
	}

	@PostMapping("/api/v1/leader-contacts/{id}/resolve")
	@PreAuthorize(LeaderController.EDITOR)
	@Operation(summary = "Record how a leader's problem was resolved, at the version read",
			operationId = "resolveLeaderContact")
	@ApiResponse(responseCode = "200", description = "The problem with its resolution.")
	LeaderContacts.Contact resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ResolveBody body) {
		return contacts.resolve(id, body.version(), body.resolution(), body.resolvedOn(), user);
	}

	/** The body of the PUT: the project ids of the three slots, null for an empty slot. */
	record SlotsBody(Long negotiating, Long signed, Long commenced) {
	}

	/** A project in a slot. */
	record ProjectRef(long id, String code, String name, String stage, String status) {

		static ProjectRef of(ProjectSummary p) {
			return p == null ? null
					: new ProjectRef(p.id().value(), p.code(), p.name(), p.stage().name(), p.status().name());
		}
	}

	/** One slot: its project (null when empty), since when and for how many days; what last left it. */
	record SlotView(String slot, ProjectRef project, LocalDate since, long days, boolean empty, ProjectRef left,
			LocalDate emptiedOn) {
	}

	record SlotsView(long personId, String name, String position, long unitId, ProjectRef negotiating,
			ProjectRef signed, ProjectRef commenced, List<SlotView> slots) {
	}

	@GetMapping("/api/v1/leaders/{personId}/projects")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A leader's three projects", operationId = "getLeaderProjects")
	SlotsView get(@PathVariable long personId) {
		return view(personId);
	}

	@PutMapping("/api/v1/leaders/{personId}/projects")
	@PreAuthorize(LeaderController.EDITOR)
	@Operation(summary = "Set a leader's three projects (negotiating, signed, commenced)",
			operationId = "setLeaderProjects")
	SlotsView put(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId,
			@RequestBody SlotsBody body) {
		leaders.set(personId, body.negotiating(), body.signed(), body.commenced(), user);
		return view(personId);
	}

	private SlotsView view(long personId) {
		var person = leaders.leader(personId);
		var slots = leaders.slots(personId);
		return new SlotsView(personId, person.name(), person.position() == null ? null : person.position().name(),
				person.unitId().value(), ProjectRef.of(slots.get(0).project()), ProjectRef.of(slots.get(1).project()),
				ProjectRef.of(slots.get(2).project()),
				slots.stream()
					.map(s -> new SlotView(LeaderProjects.field(s.stage()), ProjectRef.of(s.project()), s.since(),
							s.days(), s.empty(), ProjectRef.of(s.left()), s.emptiedOn()))
					.toList());
	}
}
