package cn.zhaoshang.activity.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/teams}: the resident teams with their clue-to-project conversion; {@code /api/v1/team-logs} their
 * work logs; {@code /api/v1/joint-teams} the joint government-enterprise teams and their targets.
 */
@Tag(name = "Teams")
@RestController
class TeamApiController {

	private final Teams teams;
	private final JointTeams joint;
	private final Clock clock;

	TeamApiController(Teams teams, JointTeams joint, Clock clock) {
		this.teams = teams;
		this.joint = joint;
		this.clock = clock;
	}

	record TeamList(int year, List<Teams.Team> items) {
	}

	record TeamLogList(List<Teams.Log> items, long total, int page, int size) {
	}

	record JointTeamList(List<JointTeams.JointTeam> items) {
	}

	@GetMapping("/api/v1/teams")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The resident teams with members, the year's log lines and clue-to-project conversion",
			operationId = "listTeams")
	TeamList teams(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new FieldException("year", 400, "activity.rule.dateRange");
		}
		return new TeamList(y, teams.teams(y));
	}

	@GetMapping("/api/v1/team-logs")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List work-log lines of the resident teams (filtered, one page)", operationId = "listTeamLogs")
	TeamLogList logs(@RequestParam(required = false) Long unit, @RequestParam(required = false) TeamLogKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		var result = teams.logs(new Teams.LogFilter(unit, kind, from, to, q), Math.max(page, 1),
				PageSizes.forApi(size), false);
		return new TeamLogList(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/team-logs")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Add a line to a resident team's work log (the team's own users, the city bureau)",
			operationId = "createTeamLog")
	@ApiResponse(responseCode = "201", description = "The line, recorded.")
	ResponseEntity<Teams.Log> addLog(@AuthenticationPrincipal CurrentUser user, @RequestBody Teams.LogInput body) {
		var saved = teams.add(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
			.buildAndExpand(saved.id()).toUri();
		return ResponseEntity.created(location).body(saved);
	}

	@DeleteMapping("/api/v1/team-logs/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Delete a work-log line (version as read, else 409)", operationId = "deleteTeamLog")
	ResponseEntity<Void> deleteLog(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		teams.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/joint-teams")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the joint government-enterprise teams with their targets", operationId = "listJointTeams")
	JointTeamList joint(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit) {
		return new JointTeamList(joint.all(q, unit));
	}

	@PostMapping("/api/v1/joint-teams")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Set up a joint team: cadre, enterprise head, anchor enterprise, targets",
			operationId = "createJointTeam")
	@ApiResponse(responseCode = "201", description = "The team, recorded.")
	ResponseEntity<JointTeams.JointTeam> createJoint(@AuthenticationPrincipal CurrentUser user,
			@RequestBody JointTeams.Input body) {
		var saved = joint.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
			.buildAndExpand(saved.id()).toUri();
		return ResponseEntity.created(location).body(saved);
	}

	@GetMapping("/api/v1/joint-teams/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a joint team with its targets", operationId = "getJointTeam")
	JointTeams.JointTeam oneJoint(@PathVariable long id) {
		return joint.get(id);
	}

	@PutMapping("/api/v1/joint-teams/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Replace a joint team and its targets (version as read, else 409)",
			operationId = "updateJointTeam")
	JointTeams.JointTeam updateJoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody JointTeams.Input body) {
		return joint.update(id, body, user);
	}

	@DeleteMapping("/api/v1/joint-teams/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Delete a joint team (version as read, else 409)", operationId = "deleteJointTeam")
	ResponseEntity<Void> deleteJoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		joint.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}
}
