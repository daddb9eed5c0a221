package cn.zhaoshang.activity.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.org.People;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training pages (培训): the sessions (search, filters, sort, paging, export), a session with its attendees
 * and materials, the form, the hours per person in a year, and the report per unit.
 */
@Controller
class TrainingController {

	static final String PAGE = "/activity/trainings";

	private final Trainings trainings;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final People people;
	private final Documents documents;
	private final RecordHistory history;
	private final MessageSource messages;
	private final Clock clock;

	TrainingController(Trainings trainings, UnitDirectory units, DataScopes scopes, People people,
			Documents documents, RecordHistory history, MessageSource messages, Clock clock) {
		this.trainings = trainings;
		this.units = units;
		this.scopes = scopes;
		this.people = people;
		this.documents = documents;
		this.history = history;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) TrainingKind kind, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model) {
		var filter = new Trainings.Filter(q, kind, unit, year == null || year < 2000 || year > 2100 ? null : year,
				sort, dir);
		model.addAttribute("filter", filter);
		model.addAttribute("result", trainings.list(filter, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("kinds", List.of(TrainingKind.values()));
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", user.role().isEditor());
		return "activity/trainings";
	}

	@GetMapping(PAGE + "/hours")
	@PreAuthorize(Security.Rules.INTERNAL)
	String hours(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long unit, Model model) {
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("unit", unit);
		model.addAttribute("units", units.all());
		model.addAttribute("rows", trainings.hours(y, unit, user));
		return "activity/training-hours";
	}

	@GetMapping(PAGE + "/report")
	@PreAuthorize(Security.Rules.INTERNAL)
	String report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			Model model) {
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("rows", trainings.report(y, user));
		return "activity/training-report";
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detail(user, id, model, null);
	}

	@PostMapping(PAGE + "/{id}/materials")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("training.upload.choose");
			}
			trainings.attach(id, file.getOriginalFilename(), file.getBytes(), user);
		}
		catch (BusinessException e) {
			if (e.status() == 403) {
				throw e;
			}
			return detail(user, id, model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:" + PAGE + "/" + id + "#materials";
	}

	@GetMapping(PAGE + "/{id}/materials/{documentId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
		var doc = documents.find(documentId)
			.filter(d -> DocumentOwner.of(Trainings.OWNER, id).equals(d.owner()))
			.orElseThrow(NotFoundException::new);
		byte[] bytes = documents.read(doc);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(doc.contentType()))
			.contentLength(bytes.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(doc.fileName(), null))
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@GetMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(model, user, null, new TrainingInput(null, null, null, LocalDate.now(clock), null,
				user.unitId() == null ? null : user.unitId().value(), null, List.of(), List.of(), null),
				FormErrors.NONE);
	}

	@PostMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") TrainingInput form,
			BindingResult binding, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			cn.zhaoshang.activity.event.Checks.refuseBinding(binding);
			var saved = trainings.create(form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + saved.row().id();
		}
		catch (InvalidInputException e) {
			return form(model, user, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var s = trainings.get(id);
		Checks.requireEditable(scopes.of(user), s.row().unitId());
		var r = s.row();
		return form(model, user, id, new TrainingInput(r.topic(), r.kind(), r.lecturer(), r.date(), r.hours(),
				r.unitId(), r.place(), s.attendees().stream().map(Trainings.Attendee::personId).toList(), List.of(),
				r.version()), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") TrainingInput form, BindingResult binding, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			cn.zhaoshang.activity.event.Checks.refuseBinding(binding);
			trainings.update(id, form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + id;
		}
		catch (InvalidInputException e) {
			return form(model, user, id, form, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping(PAGE + "/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		trainings.delete(id, version, user);
		Flash.success(redirect, "flash.deleted");
		return "redirect:" + PAGE;
	}

	private String detail(CurrentUser user, long id, Model model, String uploadError) {
		var s = trainings.get(id);
		model.addAttribute("s", s);
		model.addAttribute("canEdit", trainings.canEdit(s.row(), user));
		model.addAttribute("uploadError", uploadError);
		model.addAttribute("history", history.of(Trainings.RECORD, id));
		return "activity/training";
	}

	private int year(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private String form(Model model, CurrentUser user, Long id, TrainingInput form, FormErrors errors) {
		var scope = scopes.of(user);
		List<UnitSummary> all = units.all().stream().filter(UnitSummary::active).toList();
		java.util.Map<Long, String> unitNames = new java.util.HashMap<>();
		all.forEach(u -> unitNames.put(u.id().value(), u.name()));
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", List.of(TrainingKind.values()));
		model.addAttribute("organisers", all.stream().filter(u -> scope.canEdit(u.id())).toList());
		model.addAttribute("people", people.summaries().stream()
			.filter(People.PersonSummary::active)
			.sorted(java.util.Comparator.comparing((People.PersonSummary p) -> unitNames.getOrDefault(
					p.unitId().value(), "")).thenComparing(People.PersonSummary::name))
			.map(p -> new PersonChoice(p.id().value(), p.name(), unitNames.getOrDefault(p.unitId().value(), "")))
			.toList());
		return "activity/training-form";
	}
}
