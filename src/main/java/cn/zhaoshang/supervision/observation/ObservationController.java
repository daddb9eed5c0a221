package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The observation pages (督查 - 半年观摩): the year's events and, for the city bureau, the new-event form (one stop,
 * criterion, project code or judge per line); an event with its results when they may be read and the bureau's
 * status buttons; a judge's score grid (projects down, criteria across).
 */
@Controller
class ObservationController {

	static final String PAGE = "/supervision/observations";

	private final Observations observations;
	private final ObservationStore store;
	private final ProjectSummaries projects;
	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final Clock clock;

	ObservationController(Observations observations, ObservationStore store, ProjectSummaries projects,
			JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.observations = observations;
		this.store = store;
		this.projects = projects;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@RequestParam(name = "year", required = false) Integer year, @AuthenticationPrincipal CurrentUser user,
			Locale locale, Model model) {
		int y = year(year);
		model.addAttribute("page", listPage(y, user, ObservationPages.Form.blank(t("observation.form.defaultCriteria",
				locale)), List.of()));
		return "supervision/observations";
	}

	@PostMapping(PAGE)
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String create(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
			Locale locale, Model model, RedirectAttributes redirect) {
		var form = new ObservationPages.Form(text(params, "title"), text(params, "date"), text(params, "route"),
				params.containsKey("dropExtremes"), text(params, "criteria"), text(params, "projects"),
				text(params, "judges"));
		List<Violation> problems = new ArrayList<>();
		Observations.Input input = input(form, problems);
		if (!problems.isEmpty()) {
			// the rest of the form's problems too, so that one round of corrections suffices
			observations.problems(input)
				.stream()
				.filter(v -> problems.stream().noneMatch(p -> p.field().equals(v.field())))
				.forEach(problems::add);
		}
		try {
			if (problems.isEmpty()) {
				long id = observations.create(input, user);
				Flash.success(redirect, "observation.flash.created");
				return "redirect:" + PAGE + "/" + id;
			}
		}
		catch (InvalidInputException e) {
			problems.addAll(e.violations());
		}
		List<String> errors = problems.stream()
			.map(v -> messages.getMessage("form.fieldError", new Object[] { FieldProblems.label(messages, v.field(),
					locale), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale) }, locale))
			.distinct()
			.toList();
		model.addAttribute("page", listPage(form.date().length() >= 4 ? yearOf(form.date()) : year(null), user, form,
				errors));
		return "supervision/observations";
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Observation event = observations.get(id);
		ObservationResults results = Observations.mayReadResults(event, user) ? observations.results(event, user)
				: null;
		model.addAttribute("page", new ObservationPages.DetailPage(event, Observations.organiser(user),
				event.judges().stream().filter(j -> Observations.mayScore(j, user)).toList(), results));
		return "supervision/observation";
	}

	@PostMapping(PAGE + "/{id}/scoring")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String openScoring(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		observations.openScoring(id, ObservationApiController.version(version), user);
		Flash.success(redirect, "observation.flash.scoring");
		return "redirect:" + PAGE + "/" + id;
	}

	@PostMapping(PAGE + "/{id}/close")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String close(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		observations.close(id, ObservationApiController.version(version), user);
		Flash.success(redirect, "observation.flash.closed");
		return "redirect:" + PAGE + "/" + id;
	}

	@GetMapping(PAGE + "/{id}/sheets/{judgeId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String sheet(@PathVariable long id, @PathVariable long judgeId, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		Observation event = observations.get(id);
		Observation.Judge judge = event.judge(judgeId).orElseThrow(NotFoundException::new);
		Map<String, String> cells = new LinkedHashMap<>();
		observations.sheet(event, judgeId, user).forEach((key, points) -> {
			String[] ids = key.split("/");
			cells.put(ObservationPages.SheetPage.name(Long.parseLong(ids[0]), Long.parseLong(ids[1])),
					ObservationNotice.points(points));
		});
		model.addAttribute("page", new ObservationPages.SheetPage(event, judge, cells, List.of(),
				event.status() == ObservationStatus.SCORING));
		return "supervision/observation-sheet";
	}

	@PostMapping(PAGE + "/{id}/sheets/{judgeId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String saveSheet(@PathVariable long id, @PathVariable long judgeId, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
		Observation event = observations.get(id);
		Observation.Judge judge = event.judge(judgeId).orElseThrow(NotFoundException::new);
		Map<String, String> typed = new LinkedHashMap<>();
		List<Observations.Cell> cells = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (Observation.ObservedProject p : event.projects()) {
			for (Observation.Criterion c : event.criteria()) {
				String name = ObservationPages.SheetPage.name(p.id(), c.id());
				String text = Optional.ofNullable(form.getFirst(name)).orElse("").strip();
				typed.put(name, text);
				if (text.isEmpty()) {
					continue;
				}
				try {
					cells.add(new Observations.Cell(p.id(), c.id(),
							new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).strip())));
				}
				catch (NumberFormatException e) {
					errors.add(messages.getMessage("observation.rule.points", new Object[] { p.name(), c.name(),
							ObservationNotice.points(c.maxPoints()) }, locale));
				}
			}
		}
		Integer version = ObservationController.version(form.getFirst("version"));
		try {
			if (errors.isEmpty()) {
				observations.saveSheet(id, judgeId, ObservationApiController.version(version), cells, user);
				Flash.success(redirect, "observation.flash.sheetSaved");
				return "redirect:" + PAGE + "/" + id + "/sheets/" + judgeId;
			}
		}
		catch (InvalidInputException e) {
			e.violations()
				.forEach(v -> errors.add(messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)));
		}
		model.addAttribute("page", new ObservationPages.SheetPage(event, judge, typed, errors, true));
		return "supervision/observation-sheet";
	}

	private ObservationPages.ListPage listPage(int year, CurrentUser user, ObservationPages.Form form,
			List<String> errors) {
		List<ObservationPages.Item> items = store.ofYear(year)
			.stream()
			.map(s -> new ObservationPages.Item(s.id(), s.title(), s.date(), s.status(), s.projects(), s.judges()))
			.toList();
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current + 1; y >= current - 5; y--) {
			years.add(y);
		}
		if (!years.contains(year)) {
			years.add(year);
		}
		return new ObservationPages.ListPage(year, years, items, Observations.organiser(user), form, errors);
	}

	/** The typed form as the use case's input; lines it cannot read become problems. */
	private Observations.Input input(ObservationPages.Form form, List<Violation> problems) {
		LocalDate date = null;
		if (!form.date().isBlank()) {
			try {
				date = LocalDate.parse(form.date().strip());
			}
			catch (DateTimeParseException e) {
				problems.add(new Violation("date", "observation.rule.date"));
			}
		}
		List<Observations.CriterionInput> criteria = new ArrayList<>();
		List<String> criterionLines = lines(form.criteria());
		for (int i = 0; i < criterionLines.size(); i++) {
			String line = Normalizer.normalize(criterionLines.get(i), Normalizer.Form.NFKC).strip();
			int space = line.lastIndexOf(' ');
			BigDecimal max = null;
			String name = line;
			if (space > 0) {
				try {
					max = new BigDecimal(line.substring(space + 1));
					name = line.substring(0, space).strip();
				}
				catch (NumberFormatException e) {
					max = null;
				}
			}
			criteria.add(new Observations.CriterionInput(name, max));
		}
		List<String> codes = lines(form.projects());
		List<Long> ids = new ArrayList<>();
		if (!codes.isEmpty()) {
			Map<String, ProjectSummary> found = new LinkedHashMap<>();
			projects.byCodes(codes).forEach(p -> found.put(p.code().toUpperCase(), p));
			for (String code : codes) {
				ProjectSummary p = found.get(code.strip().toUpperCase());
				if (p == null) {
					problems.add(new Violation("projectIds", "observation.rule.unknownCode", code.strip()));
				}
				else {
					ids.add(p.id().value());
				}
			}
		}
		List<Observations.JudgeInput> judges = new ArrayList<>();
		List<String> judgeLines = lines(form.judges());
		for (int i = 0; i < judgeLines.size(); i++) {
			String line = judgeLines.get(i).strip();
			if (line.startsWith("@")) {
				Optional<Long> userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
					.param("u", line.substring(1).strip())
					.query(Long.class)
					.optional();
				if (userId.isEmpty()) {
					problems.add(new Violation("judges[" + i + "].userId", "observation.rule.unknownUsername",
							line.substring(1).strip()));
				}
				else {
					judges.add(new Observations.JudgeInput(userId.get(), null));
				}
			}
			else {
				judges.add(new Observations.JudgeInput(null, line));
			}
		}
		return new Observations.Input(form.title(), date, lines(form.route()), form.dropExtremes(), criteria,
				ids, judges);
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	static Integer version(String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new cn.zhaoshang.platform.FieldException("year", 400, "observation.rule.year");
		}
		return y;
	}

	private int yearOf(String date) {
		try {
			return year(Integer.valueOf(date.strip().substring(0, 4)));
		}
		catch (RuntimeException e) {
			return year(null);
		}
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
