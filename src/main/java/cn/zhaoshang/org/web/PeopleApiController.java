package cn.zhaoshang.org.web;

import java.util.List;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.PersonPosition;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/people}: the active leaders and staff with their position and account (issue 13), as
 * reference data for integrations, phones and the trip form. Everyone inside the government reads them.
 */
@Tag(name = "People")
@RestController
class PeopleApiController {

	private final People people;

	PeopleApiController(People people) {
		this.people = people;
	}

	/** A person as the API shows them; {@code userId} is left out when they have no account. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record PersonView(long id, String name, String kind, String position, long unitId, String title, Long userId) {
	}

	record PeopleView(List<PersonView> items) {
	}

	@GetMapping("/api/v1/people")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the active leaders and staff with their positions", operationId = "listPeople")
	PeopleView list(@RequestParam(required = false) PersonKind kind,
			@RequestParam(required = false) PersonPosition position, @RequestParam(required = false) Long unit) {
		return new PeopleView(people.positioned()
			.stream()
			.filter(People.PositionedPerson::active)
			.filter(p -> kind == null || p.kind() == kind)
			.filter(p -> position == null || p.position() == position)
			.filter(p -> unit == null || p.unitId().value() == unit)
			.map(p -> new PersonView(p.id().value(), p.name(), p.kind().name(),
					p.position() == null ? null : p.position().name(), p.unitId().value(), p.title(),
					p.userId() == null ? null : p.userId().value()))
			.toList());
	}
}
