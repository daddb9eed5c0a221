package cn.zhaoshang.service.serviceday;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
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
 * The enterprise service days' pages: the list (a year, a unit, a search in titles, leaders and enterprises; newest
 * first; export) and a day's page with its leaders, enterprises and the problems collected with their owners.
 */
@Controller
class ServiceDayController {

	static final String PAGE = "/service-days";

	private final ServiceDays days;
	private final ServiceDayExport export;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final People people;
	private final Merchants merchants;
	private final MessageSource messages;
	private final Clock clock;

	ServiceDayController(ServiceDays days, ServiceDayExport export, UnitDirectory units, DataScopes scopes,
			People people, Merchants merchants, MessageSource messages, Clock clock) {
		this.days = days;
		this.export = export;
		this.units = units;
		this.scopes = scopes;
		this.people = people;
		this.merchants = merchants;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavItem navServiceDays() {
		return new NavItem("nav.group.merchants", "serviceDay.nav", PAGE, 216, Role.where(Role::isInternal));
	}

	List<ServiceDays.Day> list(ServiceDayFilter f, CurrentUser user) {
		return days.list(f.year(), user).stream().filter(f::keeps).toList();
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String q, Model model) {
		ServiceDayFilter f = ServiceDayFilter.of(year, unit, q);
		model.addAttribute("filter", f);
		model.addAttribute("days", list(f, user));
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("canCreate", user != null && java.util.Set.of(Role.ADMIN, Role.CITY_SUPERVISOR,
				Role.UNIT_MANAGER, Role.UNIT_STAFF).contains(user.role()));
		return "service/service-days";
	}

	@GetMapping(PAGE + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String q, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(list(ServiceDayFilter.of(year, unit, q), user), response.getOutputStream());
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String day(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("day", days.get(id, user));
		return "service/service-day";
	}

	@GetMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newDay(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(user, model, ServiceDayForm.empty(user.unitId() == null ? null : user.unitId().value(),
				LocalDate.now(clock).toString()), FormErrors.NONE);
	}

	/**
	 * Records the day from the form: the enterprises named by their names in the merchant database, a problem row
	 * needing its text and owner; what is refused comes back on the form naming the field and the rule.
	 */
	@PostMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		ServiceDayForm form = ServiceDayForm.of(request);
		Map<String, String> errors = new LinkedHashMap<>();
		Long unit = number(form.unitId(), "unitId", errors, locale);
		LocalDate date = null;
		if (form.dayDate() != null && !form.dayDate().isBlank()) {
			try {
				date = LocalDate.parse(form.dayDate().strip());
			}
			catch (DateTimeParseException e) {
				refuse(errors, "dayDate", "validation.date", locale, "2000-01-01", "2100-12-31");
			}
		}
		List<Long> leaders = new ArrayList<>();
		form.dayLeaderIds().forEach(id -> leaders.add(number(id, "dayLeaderIds", errors, locale)));
		List<Long> enterprises = new ArrayList<>();
		for (String name : form.enterpriseNames()) {
			enterprise(name, "enterprises", errors, locale).ifPresent(enterprises::add);
		}
		List<ServiceDays.Problem> problems = new ArrayList<>();
		for (int i = 0; i < ServiceDayForm.ROWS; i++) {
			String content = ServiceDayForm.cell(form.problemContent(), i).strip();
			String owner = ServiceDayForm.cell(form.problemOwner(), i).strip();
			String raisedBy = ServiceDayForm.cell(form.problemEnterprise(), i).strip();
			if (content.isEmpty() && owner.isEmpty() && raisedBy.isEmpty()) {
				continue;
			}
			if (content.isEmpty() || owner.isEmpty()) {
				refuse(errors, "dayProblems", "serviceDay.rule.problemRow", locale, i + 1);
			}
			Long merchant = raisedBy.isEmpty() ? null : enterprise(raisedBy, "dayProblems", errors, locale).orElse(null);
			problems.add(new ServiceDays.Problem(merchant, null, content, owner));
		}
		if (errors.isEmpty()) {
			try {
				var day = days.create(new ServiceDays.Input(unit, date, form.dayTitle(), leaders.stream().distinct()
					.toList(), enterprises, problems), user);
				Flash.success(redirect, "service.flash.dayCreated");
				return "redirect:" + PAGE + "/" + day.id();
			}
			catch (InvalidInputException e) {
				e.violations().forEach(v -> refuse(errors, FORM_FIELDS.getOrDefault(v.field().replaceAll("\\[.*", ""),
						"dayProblems"), v.messageKey(), locale, v.args()));
			}
		}
		return form(user, model, form, FormErrors.NONE.with(errors));
	}

	/** The form's field of each field the use case names (its own names, e.g. title, are other pages' labels). */
	private static final Map<String, String> FORM_FIELDS = Map.of("unitId", "unitId", "date", "dayDate", "title",
			"dayTitle", "leaderIds", "dayLeaderIds", "merchantIds", "enterprises");

	private String form(CurrentUser user, Model model, ServiceDayForm form, FormErrors errors) {
		var scope = scopes.of(user);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList());
		model.addAttribute("leaders", people.positioned().stream()
			.filter(p -> p.active() && p.kind() == PersonKind.LEADER).toList());
		return "service/service-day-form";
	}

	private Long number(String text, String field, Map<String, String> errors, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			refuse(errors, field, "validation.number", locale);
			return null;
		}
	}

	/** The merchant of this name, or the field refused naming the name. */
	private java.util.Optional<Long> enterprise(String name, String field, Map<String, String> errors, Locale locale) {
		var found = merchants.match(name, null).map(m -> m.id().value());
		if (found.isEmpty()) {
			refuse(errors, field, "serviceDay.rule.enterprise", locale, name);
		}
		return found;
	}

	private void refuse(Map<String, String> errors, String field, String rule, Locale locale, Object... args) {
		errors.putIfAbsent(field, FormErrors.fieldMessage(messages, field,
				messages.getMessage(rule, args, rule, locale), locale));
	}
}
