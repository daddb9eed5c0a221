package cn.zhaoshang.chain.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainAccess;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Local;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainData.Milestone;
import cn.zhaoshang.chain.internal.ChainData.Target;
import cn.zhaoshang.chain.internal.ChainInput;
import cn.zhaoshang.chain.internal.ChainQueries;
import cn.zhaoshang.chain.internal.ChainStore;
import cn.zhaoshang.chain.internal.EditChain;
import cn.zhaoshang.chain.internal.EditLinks;
import cn.zhaoshang.chain.internal.EditTargets;
import cn.zhaoshang.chain.internal.Enterprises;
import cn.zhaoshang.chain.internal.LinkInput;
import cn.zhaoshang.chain.internal.LocalInput;
import cn.zhaoshang.chain.internal.MilestoneInput;
import cn.zhaoshang.chain.internal.TargetInput;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.chain.web.ChainForms.HeaderForm;
import cn.zhaoshang.chain.web.ChainForms.LinkForm;
import cn.zhaoshang.chain.web.ChainForms.LocalForm;
import cn.zhaoshang.chain.web.ChainForms.MilestoneForm;
import cn.zhaoshang.chain.web.ChainForms.TargetForm;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chain pages: the chains index, a chain's map (links coloured by gap rating with their counts), a link's list
 * (local enterprises and targets) with the forms to add and edit them, the chain's edit page (header, editors,
 * links) and the chain director board with its roadmap. Rights as in the API ({@link ChainAccess}).
 */
@Controller
class ChainPages {

	private final ChainQueries queries;
	private final ChainAccess access;
	private final ChainStore store;
	private final EditChain editChain;
	private final EditLinks editLinks;
	private final EditTargets editTargets;
	private final Enterprises enterprises;
	private final People people;
	private final Units units;
	private final MessageSource messages;

	ChainPages(ChainQueries queries, ChainAccess access, ChainStore store, EditChain editChain, EditLinks editLinks,
			EditTargets editTargets, Enterprises enterprises, People people, Units units, MessageSource messages) {
		this.queries = queries;
		this.access = access;
		this.store = store;
		this.editChain = editChain;
		this.editLinks = editLinks;
		this.editTargets = editTargets;
		this.enterprises = enterprises;
		this.people = people;
		this.units = units;
		this.messages = messages;
	}

	// ---- reading

	@GetMapping("/chains")
	@PreAuthorize(Security.Rules.INTERNAL)
	String index(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("chains", queries.heads(user));
		return "chain/index";
	}

	@GetMapping("/chains/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String map(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("map", queries.map(id, user));
		model.addAttribute("gaps", GapRating.values());
		return "chain/map";
	}

	@GetMapping("/chains/links/{linkId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String link(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) String q, Model model) {
		model.addAttribute("detail", queries.link(linkId, user));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("found", enterprises.search(q, 20));
		return "chain/link";
	}

	@GetMapping("/chains/{id}/board")
	@PreAuthorize(Security.Rules.INTERNAL)
	String board(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return board(user, id, model, new MilestoneForm(java.time.Year.now().getValue(), "", MilestoneStatus.PLANNED,
				null), FormErrors.NONE);
	}

	private String board(CurrentUser user, long id, Model model, MilestoneForm form, FormErrors errors) {
		model.addAttribute("board", queries.board(id, user, ChainQueries.BOARD_TARGETS));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", MilestoneStatus.values());
		return "chain/board";
	}

	/** Every open target of the chain, paged, in the board's order: where the board's target list continues. */
	@GetMapping("/chains/{id}/targets")
	@PreAuthorize(Security.Rules.INTERNAL)
	String openTargets(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		model.addAttribute("open", queries.openTargets(id, user, PageSizes.page(page), PageSizes.forPage(size)));
		return "chain/open-targets";
	}

	// ---- the chain's header, editors and links

	@GetMapping("/chains/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var h = access.chain(id);
		access.requireEdit(id, user);
		return edit(user, id, model, new HeaderForm(h.directorId(), h.leadUnitId(), h.strategy(), h.version()),
				FormErrors.NONE);
	}

	private String edit(CurrentUser user, long id, Model model, HeaderForm form, FormErrors errors) {
		model.addAttribute("head", queries.head(id, user));
		model.addAttribute("links", store.links(id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("leaders", people.summaries().stream()
			.filter(p -> p.active() && p.kind() == PersonKind.LEADER).toList());
		model.addAttribute("units", units.all());
		model.addAttribute("bureau", ChainAccess.bureau(user));
		return "chain/edit";
	}

	@PostMapping("/chains/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute HeaderForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		return attempt(() -> {
			editChain.header(id, new ChainInput(form.directorId(), form.leadUnitId(), form.strategy()),
					form.version(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/" + id;
		}, errors -> edit(user, id, model, form, errors), locale);
	}

	@PostMapping("/chains/{id}/editors")
	@PreAuthorize(ChainAccess.BUREAU)
	String editors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String usernames, Model model, Locale locale,
			RedirectAttributes redirect) {
		var h = access.chain(id);
		return attempt(() -> {
			editChain.editors(id, Arrays.stream(usernames.split("[,\\uFF0C;\\uFF1B\\s]+")).filter(s -> !s.isBlank()).toList(),
					user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/" + id + "/edit";
		}, errors -> edit(user, id, model, new HeaderForm(h.directorId(), h.leadUnitId(), h.strategy(), h.version()),
				errors), locale);
	}

	@GetMapping("/chains/{id}/links/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newLinkForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		access.chain(id);
		access.requireEdit(id, user);
		return linkForm(id, null, model, new LinkForm("", LinkPosition.MIDSTREAM, (store.links(id).size() + 1) * 10,
				"", "", GapRating.NONE, null), FormErrors.NONE);
	}

	@PostMapping("/chains/{id}/links/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute LinkForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		return attempt(() -> {
			long linkId = editLinks.addLink(id, form.input(), user);
			Flash.success(redirect, "chain.flash.linkAdded");
			return "redirect:/chains/links/" + linkId;
		}, errors -> linkForm(id, null, model, form, errors), locale);
	}

	@GetMapping("/chains/links/{linkId}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editLinkForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId, Model model) {
		Link l = access.link(linkId);
		access.requireEdit(l.chainId(), user);
		return linkForm(l.chainId(), l, model, new LinkForm(l.name(), l.position(), l.sortOrder(), l.products(),
				l.technologies(), l.gap(), l.version()), FormErrors.NONE);
	}

	@PostMapping("/chains/links/{linkId}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@ModelAttribute LinkForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Link l = access.link(linkId);
		return attempt(() -> {
			editLinks.updateLink(linkId, form.input(), form.version(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/links/" + linkId;
		}, errors -> linkForm(l.chainId(), l, model, form, errors), locale);
	}

	@PostMapping("/chains/links/{linkId}/delete")
	@PreAuthorize(ChainAccess.EDITOR)
	String deleteLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		Link l = access.link(linkId);
		editLinks.deleteLink(linkId, version, user);
		Flash.success(redirect, "chain.flash.deleted");
		return "redirect:/chains/" + l.chainId() + "/edit";
	}

	private String linkForm(long chainId, Link link, Model model, LinkForm form, FormErrors errors) {
		model.addAttribute("chain", access.chain(chainId));
		model.addAttribute("link", link);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("positions", LinkPosition.values());
		model.addAttribute("gaps", GapRating.values());
		return "chain/link-form";
	}

	// ---- local enterprises

	@GetMapping("/chains/links/{linkId}/locals/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newLocalForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) Long merchantId, Model model) {
		Link l = access.link(linkId);
		access.requireEdit(l.chainId(), user);
		var e = merchantId == null ? null : enterprises.find(merchantId).orElseThrow(NotFoundException::new);
		return localForm(l, model, new LocalForm(merchantId, EnterpriseStrength.AVERAGE, false,
				e != null && e.centralSoe(), e != null && e.provincialSoe(), false, "", null), FormErrors.NONE);
	}

	@PostMapping("/chains/links/{linkId}/locals/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@ModelAttribute LocalForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Link l = access.link(linkId);
		return attempt(() -> {
			editLinks.addLocal(linkId, form.input(), user);
			Flash.success(redirect, "chain.flash.localAdded");
			return "redirect:/chains/links/" + linkId;
		}, errors -> localForm(l, model, form, errors), locale);
	}

	@GetMapping("/chains/locals/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editLocalForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Local x = store.local(id).orElseThrow(NotFoundException::new);
		Link l = access.link(x.linkId());
		access.requireEdit(l.chainId(), user);
		var m = x.marks();
		model.addAttribute("local", x);
		return localForm(l, model, new LocalForm(x.merchantId(), x.strength(), m.leading(), m.centralSoe(),
				m.provincialSoe(), m.backboneAffiliate(), x.note(), x.version()), FormErrors.NONE);
	}

	@PostMapping("/chains/locals/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute LocalForm form,
			Model model, Locale locale, RedirectAttributes redirect) {
		Local x = store.local(id).orElseThrow(NotFoundException::new);
		Link l = access.link(x.linkId());
		model.addAttribute("local", x);
		// the enterprise stays the one of the row; only strength, marks and note change
		LocalForm kept = new LocalForm(x.merchantId(), form.strength(), form.leading(), form.centralSoe(),
				form.provincialSoe(), form.backboneAffiliate(), form.note(), form.version());
		return attempt(() -> {
			editLinks.updateLocal(id, kept.input(), kept.version(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/links/" + l.id() + "#locals";
		}, errors -> localForm(l, model, kept, errors), locale);
	}

	@PostMapping("/chains/locals/{id}/delete")
	@PreAuthorize(ChainAccess.EDITOR)
	String deleteLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var local = store.local(id).orElseThrow(NotFoundException::new);
		editLinks.deleteLocal(id, version, user);
		Flash.success(redirect, "chain.flash.deleted");
		return "redirect:/chains/links/" + local.linkId();
	}

	private String localForm(Link link, Model model, LocalForm form, FormErrors errors) {
		model.addAttribute("chain", access.chain(link.chainId()));
		model.addAttribute("link", link);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("enterprise", form.merchantId() == null ? null
				: enterprises.find(form.merchantId()).orElse(null));
		model.addAttribute("strengths", EnterpriseStrength.values());
		return "chain/local-form";
	}

	// ---- targets

	@GetMapping("/chains/links/{linkId}/targets/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newTargetForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) Long merchantId, Model model) {
		Link l = access.link(linkId);
		access.requireEdit(l.chainId(), user);
		var e = merchantId == null ? null : enterprises.find(merchantId).orElseThrow(NotFoundException::new);
		Long unit = access.chain(l.chainId()).leadUnitId();
		return targetForm(l, null, model, new TargetForm(merchantId, TargetPriority.MEDIUM, "",
				unit == null ? user.unitId() == null ? null : user.unitId().value() : unit, null,
				TargetStatus.IDENTIFIED, false, e != null && e.centralSoe(), e != null && e.provincialSoe(), false,
				null), FormErrors.NONE);
	}

	@PostMapping("/chains/links/{linkId}/targets/new")
	@PreAuthorize(ChainAccess.EDITOR)
	String newTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@ModelAttribute TargetForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Link l = access.link(linkId);
		return attempt(() -> {
			editTargets.add(linkId, form.input(), user);
			Flash.success(redirect, "chain.flash.targetAdded");
			return "redirect:/chains/links/" + linkId;
		}, errors -> targetForm(l, null, model, form, errors), locale);
	}

	@GetMapping("/chains/targets/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editTargetForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Target t = access.target(id);
		Link l = access.link(t.linkId());
		access.requireEdit(l.chainId(), user);
		var m = t.marks();
		return targetForm(l, t, model, new TargetForm(t.merchantId(), t.priority(), t.reason(), t.trackerUnitId(),
				t.trackerPersonId(), t.status(), m.leading(), m.centralSoe(), m.provincialSoe(),
				m.backboneAffiliate(), t.version()), FormErrors.NONE);
	}

	@PostMapping("/chains/targets/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute TargetForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Target t = access.target(id);
		Link l = access.link(t.linkId());
		return attempt(() -> {
			editTargets.update(id, form.input(), form.version(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/links/" + l.id();
		}, errors -> targetForm(l, t, model, form, errors), locale);
	}

	@PostMapping("/chains/targets/{id}/delete")
	@PreAuthorize(ChainAccess.EDITOR)
	String deleteTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		Target t = access.target(id);
		editTargets.delete(id, version, user);
		Flash.success(redirect, "chain.flash.deleted");
		return "redirect:/chains/links/" + t.linkId();
	}

	@PostMapping("/chains/targets/{id}/records")
	@PreAuthorize(ChainAccess.EDITOR)
	String linkRecord(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String kind,
			@RequestParam Long recordId, @RequestParam(defaultValue = "false") boolean remove,
			RedirectAttributes redirect) {
		Target t = access.target(id);
		if (remove) {
			editTargets.unlinkRecord(id, kind, recordId, user);
		}
		else {
			editTargets.linkRecord(id, kind, recordId, user);
		}
		Flash.success(redirect, "chain.flash.saved");
		return "redirect:/chains/targets/" + t.id() + "/edit";
	}

	private String targetForm(Link link, Target target, Model model, TargetForm form, FormErrors errors) {
		model.addAttribute("chain", access.chain(link.chainId()));
		model.addAttribute("link", link);
		model.addAttribute("target", target);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("enterprise", form.merchantId() == null ? null
				: enterprises.find(form.merchantId()).orElse(null));
		model.addAttribute("priorities", TargetPriority.values());
		model.addAttribute("statuses", TargetStatus.values());
		model.addAttribute("units", units.all());
		model.addAttribute("people", people.summaries().stream().filter(People.PersonSummary::active).toList());
		if (target != null) {
			var row = queries.target(target.id(), currentUser());
			model.addAttribute("linked", row.records());
			model.addAttribute("linkable", queries.linkable(target, row.records(), currentUser()));
		}
		else {
			model.addAttribute("linked", List.of());
			model.addAttribute("linkable", List.of());
		}
		return "chain/target-form";
	}

	private static CurrentUser currentUser() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
	}

	// ---- roadmap

	@PostMapping("/chains/{id}/milestones")
	@PreAuthorize(ChainAccess.EDITOR)
	String addMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute MilestoneForm form, Model model, Locale locale, RedirectAttributes redirect) {
		return attempt(() -> {
			editChain.addMilestone(id, form.input(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/" + id + "/board#roadmap";
		}, errors -> board(user, id, model, form, errors), locale);
	}

	@GetMapping("/chains/milestones/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editMilestoneForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Milestone m = store.milestone(id).orElseThrow(NotFoundException::new);
		access.requireEdit(m.chainId(), user);
		return milestoneForm(m, model, new MilestoneForm(m.year(), m.text(), m.status(), m.version()),
				FormErrors.NONE);
	}

	@PostMapping("/chains/milestones/{id}/edit")
	@PreAuthorize(ChainAccess.EDITOR)
	String editMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute MilestoneForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Milestone m = store.milestone(id).orElseThrow(NotFoundException::new);
		return attempt(() -> {
			editChain.updateMilestone(id, form.input(), form.version(), user);
			Flash.success(redirect, "chain.flash.saved");
			return "redirect:/chains/" + m.chainId() + "/board#roadmap";
		}, errors -> milestoneForm(m, model, form, errors), locale);
	}

	@PostMapping("/chains/milestones/{id}/delete")
	@PreAuthorize(ChainAccess.EDITOR)
	String deleteMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		Milestone m = store.milestone(id).orElseThrow(NotFoundException::new);
		editChain.deleteMilestone(id, version, user);
		Flash.success(redirect, "chain.flash.deleted");
		return "redirect:/chains/" + m.chainId() + "/board#roadmap";
	}

	private String milestoneForm(Milestone m, Model model, MilestoneForm form, FormErrors errors) {
		model.addAttribute("chain", access.chain(m.chainId()));
		model.addAttribute("milestone", m);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", MilestoneStatus.values());
		return "chain/milestone-form";
	}

	// ---- helpers

	/** Runs a write; a broken rule shows the form again with the messages by field. */
	private String attempt(Supplier<String> write, java.util.function.Function<FormErrors, String> again,
			Locale locale) {
		try {
			return write.get();
		}
		catch (InvalidInputException e) {
			return again.apply(FormErrors.of(e, messages, locale));
		}
		catch (FieldException e) {
			return again.apply(FormErrors.of(e, messages, locale));
		}
	}
}
