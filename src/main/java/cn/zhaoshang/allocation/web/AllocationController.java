package cn.zhaoshang.allocation.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.allocation.TransferStatus;
import cn.zhaoshang.allocation.internal.Agreement;
import cn.zhaoshang.allocation.internal.Agreements;
import cn.zhaoshang.allocation.internal.AllocationExport;
import cn.zhaoshang.allocation.internal.BenefitLedger;
import cn.zhaoshang.allocation.internal.Candidates;
import cn.zhaoshang.allocation.internal.Transfer;
import cn.zhaoshang.allocation.internal.TransferFilter;
import cn.zhaoshang.allocation.internal.TransferQueries;
import cn.zhaoshang.allocation.internal.Transfers;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.allocation.web.AllocationViews.AgreementForm;
import cn.zhaoshang.allocation.web.AllocationViews.ProposalForm;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The allocation pages: a project's recommended receiving units with the proposal form, the transfer list (filters,
 * sorting, paging, export), a transfer with accept and decline and its agreement, and the benefit ledger per unit and
 * year (with export).
 */
@Controller
class AllocationController {

	static final String LIST = "/allocation/transfers";
	static final String LEDGER = "/allocation/ledger";

	private final Candidates candidates;
	private final Transfers transfers;
	private final TransferQueries queries;
	private final Agreements agreements;
	private final BenefitLedger ledger;
	private final AllocationExport export;
	private final UnitDirectory units;
	private final AllocationApiController api;
	private final MessageSource messages;
	private final Clock clock;

	AllocationController(Candidates candidates, Transfers transfers, TransferQueries queries, Agreements agreements,
			BenefitLedger ledger, AllocationExport export, UnitDirectory units, AllocationApiController api,
			MessageSource messages, Clock clock) {
		this.candidates = candidates;
		this.transfers = transfers;
		this.queries = queries;
		this.agreements = agreements;
		this.ledger = ledger;
		this.export = export;
		this.units = units;
		this.api = api;
		this.messages = messages;
		this.clock = clock;
	}

	List<UnitSummary> receivingUnits() {
		return units.all().stream().filter(u -> u.active() && List.of("COUNTY", "ZONE").contains(u.type())).toList();
	}

	// ------------------------------------------------------------------------------------------ candidates

	@GetMapping("/allocation/projects/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String candidates(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		return candidatesPage(model, user, id, false, ProposalForm.empty(), FormErrors.NONE, locale);
	}

	/** A clue's receiving-unit candidates and the proposal form (issue 12: clues are allocated like projects). */
	@GetMapping("/allocation/clues/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String clueCandidates(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
			Locale locale) {
		return candidatesPage(model, user, id, true, ProposalForm.empty(), FormErrors.NONE, locale);
	}

	private String candidatesPage(Model model, CurrentUser user, long id, boolean clue, ProposalForm form,
			FormErrors errors, Locale locale) {
		var result = clue ? candidates.forClue(id, user) : candidates.forProject(id, user);
		model.addAttribute("result", result);
		model.addAttribute("view", api.json(result, locale));
		model.addAttribute("canPropose", transfers.canPropose(result.subject().unitId(), user));
		model.addAttribute("units", receivingUnits());
		model.addAttribute("unitName", api.unitName(result.subject().unitId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "allocation/candidates";
	}

	@PostMapping("/allocation/projects/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String propose(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") ProposalForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		return propose(user, id, false, form, binding, model, locale, redirect);
	}

	@PostMapping("/allocation/clues/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String proposeClue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") ProposalForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		return propose(user, id, true, form, binding, model, locale, redirect);
	}

	private String propose(CurrentUser user, long id, boolean clue, ProposalForm form, BindingResult binding,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return candidatesPage(model, user, id, clue, form, FormErrors.of(binding, messages, locale), locale);
		}
		try {
			Transfer t = transfers.propose(new Transfers.Proposal(clue ? null : id, clue ? id : null,
					form.toUnitId(), form.reason(), form.introducerShare(), form.years(), form.untilStage()), user);
			Flash.success(redirect, "transfer.flash.proposed");
			return "redirect:" + LIST + "/" + t.id();
		}
		catch (InvalidInputException e) {
			return candidatesPage(model, user, id, clue, form, FormErrors.of(e, messages, locale), locale);
		}
	}

	// ------------------------------------------------------------------------------------------ transfers

	@GetMapping(LIST)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@Valid @ModelAttribute("filter") TransferFilter filter, BindingResult binding,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
			Locale locale) {
		TransferFilter applied = binding.hasErrors() ? TransferFilter.none() : filter;
		model.addAttribute("result", queries.list(applied, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("filter", filter);
		model.addAttribute("units", receivingUnits());
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("exportHref", org.springframework.web.util.UriComponentsBuilder.fromPath(LIST + ".xlsx")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(applied.q()).filter(x -> !x.isBlank()))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(applied.status()))
			.queryParamIfPresent("unit", java.util.Optional.ofNullable(applied.unit()))
			.queryParamIfPresent("kind", java.util.Optional.ofNullable(applied.kind()).filter(x -> !x.isBlank()))
			.encode()
			.toUriString());
		return "allocation/transfers";
	}

	@GetMapping(LIST + ".xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportList(@Valid @ModelAttribute("filter") TransferFilter filter, BindingResult binding,
			HttpServletResponse response, Locale locale) throws IOException {
		TransferFilter applied = binding.hasErrors() ? TransferFilter.none() : filter;
		Downloads.xlsx(response, messages.getMessage("transfer.list.title", null, locale) + ".xlsx", "transfers.xlsx");
		export.transfers(queries.all(applied, AllocationExport.MAX_ROWS), locale, response.getOutputStream());
	}

	@GetMapping(LIST + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return transferPage(model, user, id, FormErrors.NONE, null);
	}

	private String transferPage(Model model, CurrentUser user, long id, FormErrors errors, AgreementForm agreementForm) {
		Transfer t = transfers.find(id, user);
		Agreement a = agreements.ofTransfer(id).orElse(null);
		model.addAttribute("transfer", t);
		model.addAttribute("agreement", a);
		model.addAttribute("documents", a == null ? List.of() : agreements.documents(a.id()));
		model.addAttribute("canDecide", transfers.canDecide(t, user));
		model.addAttribute("bureau", user.role().isCityWide());
		model.addAttribute("agreementForm", agreementForm != null ? agreementForm
				: a == null ? null : new AgreementForm(a.share(), a.years(), a.note(), a.version()));
		model.addAttribute("errors", errors);
		return "allocation/transfer";
	}

	@PostMapping(LIST + "/{id}/accept")
	@PreAuthorize(AllocationApiController.DECIDER)
	String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			transfers.accept(id, reason, user);
			Flash.success(redirect, "transfer.flash.accepted");
			return "redirect:" + LIST + "/" + id;
		}
		catch (InvalidInputException e) {
			return transferPage(model, user, id, FormErrors.of(e, messages, locale), null);
		}
	}

	@PostMapping(LIST + "/{id}/decline")
	@PreAuthorize(AllocationApiController.DECIDER)
	String decline(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			transfers.decline(id, reason, user);
			Flash.success(redirect, "transfer.flash.declined");
			return "redirect:" + LIST + "/" + id;
		}
		catch (InvalidInputException e) {
			return transferPage(model, user, id, FormErrors.of(e, messages, locale), null);
		}
	}

	@PostMapping("/allocation/agreements/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String editAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("agreementForm") AgreementForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		Agreement a = agreements.find(id).orElseThrow(NotFoundException::new);
		if (binding.hasErrors()) {
			return transferPage(model, user, a.transferId(), FormErrors.of(binding, messages, locale), form);
		}
		try {
			agreements.update(id, new Agreements.Change(form.introducerShare(), form.years(), form.note(),
					form.version()), user);
			Flash.success(redirect, "agreement.flash.saved");
			return "redirect:" + LIST + "/" + a.transferId();
		}
		catch (InvalidInputException e) {
			return transferPage(model, user, a.transferId(), FormErrors.of(e, messages, locale), form);
		}
		catch (OptimisticLockingFailureException e) {
			return transferPage(model, user, a.transferId(),
					FormErrors.NONE.with(Map.of("version", messages.getMessage("error.conflict", null, locale))), null);
		}
	}

	@PostMapping("/allocation/agreements/{id}/documents")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) throws IOException {
		Agreement a = agreements.find(id).orElseThrow(NotFoundException::new);
		if (file == null || file.isEmpty()) {
			return transferPage(model, user, a.transferId(), FormErrors.of(new FieldException("file",
					"validation.required"), messages, locale), null);
		}
		try {
			agreements.attach(id, file.getOriginalFilename(), file.getBytes(), user);
		}
		catch (BusinessException e) {
			if (e.status() == 403) {
				throw e;
			}
			return transferPage(model, user, a.transferId(), FormErrors.NONE.with(Map.of("file",
					messages.getMessage(e.messageKey(), e.args(), locale))), null);
		}
		Flash.success(redirect, "agreement.flash.attached");
		return "redirect:" + LIST + "/" + a.transferId();
	}

	// ------------------------------------------------------------------------------------------ ledger

	@GetMapping(LEDGER)
	@PreAuthorize(Security.Rules.INTERNAL)
	String ledger(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer year, Model model) {
		Long u = unit != null ? unit : user.role().isEditor() && !user.role().isCityWide() && user.unitId() != null
				? user.unitId().value() : null;
		int y = year(year);
		model.addAttribute("result", ledger.of(u, y));
		model.addAttribute("unit", u);
		model.addAttribute("year", y);
		model.addAttribute("units", receivingUnits());
		return "allocation/ledger";
	}

	@GetMapping(LEDGER + ".xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportLedger(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			HttpServletResponse response, Locale locale) throws IOException {
		int y = year(year);
		Downloads.xlsx(response, messages.getMessage("benefitLedger.title", null, locale) + "-" + y + ".xlsx",
				"benefit-ledger-" + y + ".xlsx");
		export.ledger(ledger.of(unit, y), locale, response.getOutputStream());
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new FieldException("year", "allocation.validation.year");
		}
		return y;
	}

	@Configuration(proxyBeanMethods = false)
	static class Nav {

		@Bean
		NavItem navTransfers() {
			return new NavItem("nav.group.chains", "transfer.nav", LIST, 710, Role.where(Role::isInternal));
		}

		@Bean
		NavItem navBenefitLedger() {
			return new NavItem("nav.group.chains", "benefitLedger.nav", LEDGER, 720, Role.where(Role::isInternal));
		}
	}

	static TransferStatus[] statuses() {
		return TransferStatus.values();
	}
}
