package cn.zhaoshang.activity.trip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.list.Paging;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outbound trips as pages: the list (search, filters, paging, Excel export), the form (leaders, staff, dates,
 * destination, purpose, enterprises met with new ones registered on the spot, clues, projects, report), the detail
 * page with the unit manager's approval or return, and the photos (platform documents).
 */
@Controller
class TripController {

	static final String OWNER = "trip";

	private final Trips trips;
	private final People people;
	private final ProjectSummaries projects;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Documents documents;
	private final RecordHistory history;
	private final MessageSource messages;

	TripController(Trips trips, People people, ProjectSummaries projects, UnitDirectory units, DataScopes scopes,
			Documents documents, RecordHistory history, MessageSource messages) {
		this.trips = trips;
		this.people = people;
		this.projects = projects;
		this.units = units;
		this.scopes = scopes;
		this.documents = documents;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/activity/trips")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Long person,
			@RequestParam(required = false) TripStatus status, @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "1") int page, Model model) {
		var filter = new TripListFilter(q, unit, person, status, month);
		var ids = Paging.of(trips.find(filter.toFilter()), page, 20);
		model.addAttribute("result", ids.withItems(trips.load(ids.items())));
		model.addAttribute("filter", filter);
		model.addAttribute("units", units.all());
		model.addAttribute("people", people.positioned().stream().filter(People.PositionedPerson::active).toList());
		model.addAttribute("canCreate", Trips.isEditor(user));
		return "activity/trips";
	}

	@GetMapping("/activity/trips.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long person, @RequestParam(required = false) TripStatus status,
			@RequestParam(required = false) String month, Locale locale, HttpServletResponse response)
			throws IOException {
		var rows = trips.load(trips.find(new TripListFilter(q, unit, person, status, month).toFilter()));
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "trip.sheet"));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(t(locale, "field.from"), 12),
					new WorkbookStyles.Column(t(locale, "trip.field.to"), 12),
					new WorkbookStyles.Column(t(locale, "trip.col.days"), 8),
					new WorkbookStyles.Column(t(locale, "field.leaderIds"), 16),
					new WorkbookStyles.Column(t(locale, "field.staffIds"), 16),
					new WorkbookStyles.Column(t(locale, "field.destination"), 16),
					new WorkbookStyles.Column(t(locale, "field.purpose"), 30),
					new WorkbookStyles.Column(t(locale, "field.merchantIds"), 30),
					new WorkbookStyles.Column(t(locale, "field.clueIds"), 30),
					new WorkbookStyles.Column(t(locale, "field.projectIds"), 30),
					new WorkbookStyles.Column(t(locale, "field.unitId"), 14),
					new WorkbookStyles.Column(t(locale, "field.tripStatus"), 10),
					new WorkbookStyles.Column(t(locale, "field.report"), 40)));
			int r = 1;
			for (TripView v : rows) {
				styles.row(sheet, r++)
					.text(v.from().toString())
					.text(v.to().toString())
					.integer(v.days())
					.text(Trips.names(v.leaders()))
					.text(Trips.names(v.staff()))
					.text(v.destination())
					.lines(v.purpose())
					.lines(lines(v.merchants()))
					.lines(lines(v.clues()))
					.lines(lines(v.projects()))
					.text(v.unitName())
					.text(t(locale, v.status().messageKey()))
					.lines(v.report() == null ? "" : v.report());
			}
			wb.write(out);
			Downloads.attachment(response, Downloads.XLSX, t(locale, "trip.fileName") + ".xlsx", "trips.xlsx");
			response.getOutputStream().write(out.toByteArray());
		}
	}

	private static String lines(List<TripView.Ref> refs) {
		return String.join("\n", refs.stream().map(TripView.Ref::label).toList());
	}

	@GetMapping("/activity/trips/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detail(user, id, FormErrors.NONE, model);
	}

	private String detail(CurrentUser user, long id, FormErrors errors, Model model) {
		TripView trip = trips.get(id);
		model.addAttribute("trip", trip);
		model.addAttribute("editable", trips.mayEdit(trip, user));
		model.addAttribute("reviewable", trip.status() == TripStatus.SUBMITTED && trips.mayReview(trip, user));
		model.addAttribute("photos", documents.ofOwner(DocumentOwner.of(OWNER, id)));
		model.addAttribute("errors", errors);
		model.addAttribute("history", history.of("trip", id));
		return "activity/trip";
	}

	@GetMapping("/activity/trips/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long leader,
			Model model) {
		var form = TripForm.empty(user.unitId() == null ? null : user.unitId().value(), leader);
		return form(user, null, form, FormErrors.NONE, model);
	}

	@PostMapping("/activity/trips/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, TripForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			long id = trips.create(form.input(), user);
			Flash.success(redirect, "trip.flash.created");
			return "redirect:/activity/trips/" + id;
		}
		catch (FieldException e) {
			return form(user, null, form, FormErrors.of(e, messages, locale), model);
		}
	}

	@GetMapping("/activity/trips/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		TripView trip = trips.get(id);
		if (!trips.mayEdit(trip, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return form(user, id, TripForm.of(trip), FormErrors.NONE, model);
	}

	@PostMapping("/activity/trips/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, TripForm form, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			trips.update(id, form.input(), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/activity/trips/" + id;
		}
		catch (FieldException e) {
			return form(user, id, form, FormErrors.of(e, messages, locale), model);
		}
	}

	@PostMapping("/activity/trips/{id}/approve")
	@PreAuthorize(Trips.REVIEWER)
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		trips.approve(id, version, user);
		Flash.success(redirect, "trip.flash.approved");
		return "redirect:/activity/trips/" + id;
	}

	@PostMapping("/activity/trips/{id}/return")
	@PreAuthorize(Trips.REVIEWER)
	String returnTrip(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String opinion, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			trips.returnTrip(id, version, opinion, user);
		}
		catch (FieldException e) {
			return detail(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "trip.flash.returned");
		return "redirect:/activity/trips/" + id;
	}

	@PostMapping("/activity/trips/{id}/photos")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		TripView trip = trips.get(id);
		if (!Trips.isEditor(user) || !scopes.of(user).canEdit(new cn.zhaoshang.platform.UnitId(trip.unitId()))) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (file == null || file.isEmpty()) {
			throw new BusinessException("attachment.empty");
		}
		byte[] bytes = file.getBytes();
		if (!documents.isImage(bytes)) {
			throw new BusinessException(415, "trip.photo.notImage");
		}
		documents.store(file.getOriginalFilename(), bytes, user, DocumentOwner.of(OWNER, id), "PHOTO", null);
		Flash.success(redirect, "trip.flash.photo");
		return "redirect:/activity/trips/" + id;
	}

	@GetMapping("/activity/trips/{id}/photos/{document}")
	@PreAuthorize(Security.Rules.INTERNAL)
	void photo(@PathVariable long id, @PathVariable long document, HttpServletResponse response) throws IOException {
		trips.get(id);
		var doc = documents.find(document)
			.filter(d -> DocumentOwner.of(OWNER, id).equals(d.owner()))
			.orElseThrow(NotFoundException::new);
		response.setContentType(doc.contentType());
		response.setHeader("Content-Disposition", Downloads.inline(doc.fileName()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(documents.read(doc));
	}

	private String form(CurrentUser user, Long id, TripForm form, FormErrors errors, Model model) {
		var everyone = people.positioned().stream().filter(People.PositionedPerson::active).toList();
		var scope = scopes.of(user);
		model.addAttribute("tripId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("leaders", everyone.stream().filter(p -> p.kind() == PersonKind.LEADER).toList());
		model.addAttribute("staff", everyone.stream().filter(p -> p.kind() == PersonKind.STAFF).toList());
		model.addAttribute("units", units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList());
		model.addAttribute("projects", projects.active(Set.of(Stage.NEGOTIATING, Stage.SIGNED, Stage.COMMENCED)));
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("merchants", trips.merchantChoices(form.merchantIds()));
		model.addAttribute("clues", trips.clueChoices(scope, form.clueIds()));
		return "activity/trip-form";
	}

	private java.util.Map<Long, String> unitNames() {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		for (UnitSummary u : units.all()) {
			names.put(u.id().value(), u.name());
		}
		return names;
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
