package cn.zhaoshang.activity.leader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.activity.trip.Trips;
import cn.zhaoshang.org.PersonPosition;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.Stage;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leaders' three projects (一带三项目) as pages: the overview of every leader's slots (filter "empty slots only" is
 * the compliance view, exported to Excel), each leader's page with the slots, the days in each, the form that sets
 * them and what the leader did (approved trips); a signed-in leader's own page at {@code /activity/leaders/me}.
 */
@Controller
class LeaderController {

	/** Who may open the form (further limited in {@link LeaderProjects#mayEdit}). */
	static final String EDITOR = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF','LEADER')";

	private final LeaderProjects leaders;
	private final LeaderContacts contacts;
	private final ProjectSummaries projects;
	private final Trips trips;
	private final UnitDirectory units;
	private final MessageSource messages;

	LeaderController(LeaderProjects leaders, LeaderContacts contacts, ProjectSummaries projects, Trips trips,
			UnitDirectory units, MessageSource messages) {
		this.leaders = leaders;
		this.contacts = contacts;
		this.projects = projects;
		this.trips = trips;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/activity/leaders")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) PersonPosition position,
			@RequestParam(defaultValue = "false") boolean empty, Model model) {
		model.addAttribute("leaders", filtered(unit, position, empty));
		model.addAttribute("unit", unit);
		model.addAttribute("position", position);
		model.addAttribute("empty", empty);
		model.addAttribute("units", units.all());
		return "activity/leaders";
	}

	private List<LeaderProjects.Leader> filtered(Long unit, PersonPosition position, boolean empty) {
		return leaders.leaders()
			.stream()
			.filter(l -> unit == null || l.person().unitId().value() == unit)
			.filter(l -> position == null || l.person().position() == position)
			.filter(l -> !empty || l.emptySlots() > 0)
			.toList();
	}

	@GetMapping("/activity/leaders.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@RequestParam(required = false) Long unit, @RequestParam(required = false) PersonPosition position,
			@RequestParam(defaultValue = "false") boolean empty, Locale locale, HttpServletResponse response)
			throws IOException {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "leader.sheet"));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(t(locale, "field.name"), 12),
					new WorkbookStyles.Column(t(locale, "field.position"), 18),
					new WorkbookStyles.Column(t(locale, "field.unitId"), 18),
					new WorkbookStyles.Column(t(locale, "field.negotiating"), 36),
					new WorkbookStyles.Column(t(locale, "field.signed"), 36),
					new WorkbookStyles.Column(t(locale, "field.commenced"), 36),
					new WorkbookStyles.Column(t(locale, "leader.col.empty"), 10)));
			int r = 1;
			for (var l : filtered(unit, position, empty)) {
				var row = styles.row(sheet, r++)
					.text(l.person().name())
					.text(l.person().position() == null ? "" : t(locale, "position." + l.person().position().name()))
					.text(l.unitName());
				for (var s : l.slots()) {
					row.text(s.empty() ? t(locale, "leader.slot.empty")
							: t(locale, "leader.slot.line", LeaderProjects.label(s.project()), s.days()));
				}
				row.integer((int) l.emptySlots());
			}
			wb.write(out);
			String name = t(locale, "leader.fileName") + ".xlsx";
			Downloads.attachment(response, Downloads.XLSX, name, "leader-projects.xlsx");
			response.getOutputStream().write(out.toByteArray());
		}
	}

	@GetMapping("/activity/leaders/me")
	@PreAuthorize(Security.Rules.INTERNAL)
	String me(@AuthenticationPrincipal CurrentUser user) {
		return leaders.ownRecord(user)
			.map(p -> "redirect:/activity/leaders/" + p.id().value())
			.orElse("redirect:/activity/leaders");
	}

	@GetMapping("/activity/leaders/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return page(user, id, FormErrors.NONE, model);
	}

	private String page(CurrentUser user, long id, FormErrors errors, Model model) {
		return page(user, id, errors, FormErrors.NONE, model);
	}

	private String page(CurrentUser user, long id, FormErrors errors, FormErrors contactErrors, Model model) {
		var leader = leaders.leader(id);
		model.addAttribute("leader", leader);
		model.addAttribute("unitName", units.find(leader.unitId()).map(u -> u.name()).orElse(""));
		model.addAttribute("slots", leaders.slots(id));
		model.addAttribute("editable", leaders.mayEdit(leader, user));
		model.addAttribute("errors", errors);
		model.addAttribute("choices", List.of(projects.active(Set.of(Stage.NEGOTIATING)),
				projects.active(Set.of(Stage.SIGNED)), projects.active(Set.of(Stage.COMMENCED))));
		model.addAttribute("trips", trips.approvedOf(new cn.zhaoshang.org.PersonId(id)));
		model.addAttribute("contacts", contacts.of(id));
		model.addAttribute("contactErrors", contactErrors);
		model.addAttribute("today", leaders.today());
		return "activity/leader";
	}

	@PostMapping("/activity/leaders/{id}/contacts")
	@PreAuthorize(EDITOR)
	String addContact(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String projectId, @RequestParam(required = false) String contactKind,
			@RequestParam(required = false) String contactDate, @RequestParam(required = false) String contactNotes,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			contacts.record(id, new LeaderContacts.Input(number("projectId", projectId),
					kind(contactKind), date("contactDate", contactDate), contactNotes), user);
		}
		catch (InvalidInputException e) {
			return page(user, id, FormErrors.NONE, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:/activity/leaders/" + id + "#contacts";
	}

	@PostMapping("/activity/leaders/contacts/{contactId}/resolve")
	@PreAuthorize(EDITOR)
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long contactId,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String resolution,
			@RequestParam(required = false) String resolvedOn, Locale locale, Model model,
			RedirectAttributes redirect) {
		long person = contacts.get(contactId).personId();
		try {
			contacts.resolve(contactId, version, resolution, date("resolvedOn", resolvedOn), user);
		}
		catch (InvalidInputException e) {
			return page(user, person, FormErrors.NONE, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:/activity/leaders/" + person + "#contact-" + contactId;
	}

	private static Long number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(List.of(new InvalidInputException.Violation(field, "validation.number")));
		}
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException(List.of(new InvalidInputException.Violation(field, "activity.rule.dateRange")));
		}
	}

	private static ContactKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ContactKind.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(
					List.of(new InvalidInputException.Violation("contactKind", "activity.rule.required")));
		}
	}

	@PostMapping("/activity/leaders/{id}/projects")
	@PreAuthorize(EDITOR)
	String set(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long negotiating, @RequestParam(required = false) Long signed,
			@RequestParam(required = false) Long commenced, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			leaders.set(id, negotiating, signed, commenced, user);
		}
		catch (FieldException e) {
			return page(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:/activity/leaders/" + id;
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
