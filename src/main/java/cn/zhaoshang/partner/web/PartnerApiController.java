package cn.zhaoshang.partner.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.partner.ConsultantKind;
import cn.zhaoshang.partner.RewardStatus;
import cn.zhaoshang.partner.internal.Agreements;
import cn.zhaoshang.partner.internal.Consultants;
import cn.zhaoshang.partner.internal.EditAgreement;
import cn.zhaoshang.partner.internal.PartnerAccess;
import cn.zhaoshang.partner.internal.Rewards;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.project.Stage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The partner module's REST API (policy clause XI): entrustment agreements with their reward rules, the rewards due
 * per intermediary and year with approval and payment, introducer credit of a project, and consultants. The city
 * bureau writes; every signed-in user reads, an intermediary only its own agreements and rewards.
 */
@Tag(name = "Partners")
@RestController
class PartnerApiController {

	private final Agreements agreements;
	private final Rewards rewards;
	private final Consultants consultants;
	private final EditAgreement edit;
	private final RewardWorkbook workbook;

	PartnerApiController(Agreements agreements, Rewards rewards, Consultants consultants, EditAgreement edit,
			RewardWorkbook workbook) {
		this.agreements = agreements;
		this.edit = edit;
		this.workbook = workbook;
		this.rewards = rewards;
		this.consultants = consultants;
	}

	record RuleBody(Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount, BigDecimal cap) {
	}

	/** An agreement as sent; {@code version} (the version read) is required on PUT and ignored on POST. */
	record AgreementBody(Long intermediaryUnitId, String title, LocalDate from, LocalDate to, String scopeChains,
			String scopeRegions, String financialSupport, String note, List<RuleBody> rules, Integer version) {

		Agreements.AgreementInput input() {
			return new Agreements.AgreementInput(intermediaryUnitId, title, from, to, scopeChains, scopeRegions,
					financialSupport, note, rules == null ? null
							: rules.stream()
								.map(r -> r == null ? null
										: new Agreements.RuleInput(r.stage(), r.percentOfFunds(), r.fixedAmount(),
												r.cap()))
								.toList());
		}
	}

	record RuleJson(long id, Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount, BigDecimal cap) {
	}

	record AgreementJson(long id, long intermediaryUnitId, String intermediaryName, String title, LocalDate from,
			LocalDate to, String scopeChains, String scopeRegions, String financialSupport, String note,
			String createdBy, Instant createdAt, int version, List<RuleJson> rules) {

		static AgreementJson of(Agreements.Agreement a) {
			return new AgreementJson(a.id(), a.intermediaryUnitId(), a.intermediaryName(), a.title(), a.validFrom(),
					a.validTo(), a.scopeChains(), a.scopeRegions(), a.financialSupport(), a.note(), a.createdBy(),
					a.createdAt(), a.version(),
					a.rules()
						.stream()
						.map(r -> new RuleJson(r.id(), r.stage(), r.percentOfFunds(), r.fixedAmount(), r.cap()))
						.toList());
		}
	}

	record AgreementList(List<Agreements.Row> items, long total, int page, int size) {
	}

	record RewardRule(long id, Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount, BigDecimal cap) {
	}

	record RewardJson(long id, long projectId, String projectCode, String projectName, long stageMoveId,
			Stage stage, LocalDate moveDate, String reviewedBy, long evidenceCount, long agreementId,
			long intermediaryUnitId, String intermediaryName, RewardRule rule, BigDecimal fundsInPlace,
			BigDecimal wholeAmount, BigDecimal sharePercent, BigDecimal amount, RewardStatus status,
			String approvedBy, Instant approvedAt, String paidBy, Instant paidAt, String paymentReference,
			int version) {

		static RewardJson of(Rewards.Reward r) {
			var rule = r.rule();
			return new RewardJson(r.id(), r.projectId(), r.projectCode(), r.projectName(), r.stageMoveId(), r.stage(),
					r.moveDate(), r.reviewedBy(), r.evidenceCount(), r.agreementId(), r.intermediaryUnitId(),
					r.intermediaryName(),
					new RewardRule(r.ruleId(), rule.stage(), rule.percentOfFunds(), rule.fixedAmount(), rule.cap()),
					r.fundsInPlace(), r.wholeAmount(), r.sharePercent(), r.amount(), r.status(), r.approvedBy(),
					r.approvedAt(), r.paidBy(), r.paidAt(), r.paymentReference(), r.version());
		}
	}

	record RewardList(List<RewardJson> items, BigDecimal total) {
	}

	record VersionBody(Integer version) {
	}

	record PayBody(Integer version, String paymentReference) {
	}

	record CreditBody(List<CreditShare> credits) {
	}

	record CreditShare(Long unitId, Integer basisPoints) {
	}

	record CreditJson(long projectId, List<CreditShare> credits) {
	}

	record ConsultantBody(String name, ConsultantKind kind, String title, String fields, LocalDate from,
			LocalDate to) {
	}

	record ConsultantJson(long id, String name, ConsultantKind kind, String title, String fields, LocalDate from,
			LocalDate to, int version, List<Consultants.CreditedClue> clues) {
	}

	record ConsultantList(List<ConsultantJson> items) {
	}

	record ClueBody(Long clueId) {
	}

	@PostMapping("/api/v1/agreements")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Record an entrustment agreement with an intermediary and its reward rules",
			operationId = "createAgreement")
	@ApiResponse(responseCode = "201", description = "The agreement; `Location` is its address.")
	ResponseEntity<AgreementJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody AgreementBody body) {
		long id = agreements.create(body.input(), user);
		rewards.refresh();
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(AgreementJson.of(agreements.get(id, user)));
	}

	@PutMapping("/api/v1/agreements/{id}")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Edit an entrustment agreement at the version read (its intermediary stays; rules that gave "
			+ "rewards keep their terms)", operationId = "updateAgreement")
	@ApiResponse(responseCode = "200", description = "The agreement as edited.")
	AgreementJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody AgreementBody body) {
		edit.execute(id, body.version(), body.input(), user);
		rewards.refresh();
		return AgreementJson.of(agreements.get(id, user));
	}

	@GetMapping("/api/v1/agreements")
	@PreAuthorize(PartnerAccess.READERS)
	@Operation(summary = "List entrustment agreements (an intermediary: its own)", operationId = "listAgreements")
	AgreementList list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long intermediary, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		Agreements.SORTING.require(sort, dir);
		var result = agreements.list(new Agreements.Filter(q, intermediary, year, sort, dir), Math.max(page, 1),
				PageSizes.forApi(size), false, user);
		return new AgreementList(result.items(), result.total(), result.page(), result.size());
	}

	@GetMapping("/api/v1/agreements/{id}")
	@PreAuthorize(PartnerAccess.READERS)
	@Operation(summary = "Read an entrustment agreement with its rules", operationId = "getAgreement")
	AgreementJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return AgreementJson.of(agreements.get(id, user));
	}

	@GetMapping("/api/v1/rewards")
	@PreAuthorize(PartnerAccess.READERS)
	@Operation(summary = "The rewards due per intermediary and year, each with its project, stage move and rule",
			operationId = "listRewards")
	RewardList rewards(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long intermediary, @RequestParam(required = false) RewardStatus status) {
		Long own = PartnerAccess.ownUnit(user);
		if (own != null && intermediary != null && !own.equals(intermediary)) {
			throw new AccessDeniedException("another intermediary");
		}
		var listing = rewards.list(year, intermediary, status, null, user);
		return new RewardList(listing.items().stream().map(RewardJson::of).toList(), listing.total());
	}

	@GetMapping({ "/partner/rewards/export.xlsx", "/api/v1/rewards/export.xlsx" })
	@PreAuthorize(PartnerAccess.READERS)
	@Operation(summary = "Export the rewards of a year, intermediary and status as an Excel workbook",
			operationId = "exportRewards")
	void exportRewards(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long intermediary, @RequestParam(required = false) RewardStatus status,
			Locale locale, HttpServletResponse response) throws IOException {
		Long own = PartnerAccess.ownUnit(user);
		if (own != null && intermediary != null && !own.equals(intermediary)) {
			throw new AccessDeniedException("another intermediary");
		}
		Integer y = year != null && year >= 2000 && year <= 2100 ? year : null;
		Downloads.xlsx(response, workbook.fileName(locale), workbook.fileName(Locale.ENGLISH));
		workbook.export(rewards.list(y, intermediary, status, null, user), locale, response.getOutputStream());
	}

	@GetMapping("/api/v1/rewards/{id}")
	@PreAuthorize(PartnerAccess.READERS)
	@Operation(summary = "Read a reward", operationId = "getReward")
	RewardJson reward(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return RewardJson.of(rewards.get(id, user));
	}

	@PostMapping("/api/v1/rewards/{id}/approve")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Approve a due reward at the version read", operationId = "approveReward")
	@ApiResponse(responseCode = "200", description = "The reward as approved.")
	RewardJson approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody VersionBody body) {
		return RewardJson.of(rewards.approve(id, body.version(), user));
	}

	@PostMapping("/api/v1/rewards/{id}/pay")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Record the payment of an approved reward with its reference", operationId = "payReward")
	@ApiResponse(responseCode = "200", description = "The reward as paid.")
	RewardJson pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody PayBody body) {
		return RewardJson.of(rewards.pay(id, body.version(), body.paymentReference(), user));
	}

	@PutMapping("/api/v1/introducer-credits/{projectId}")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Set which intermediaries introduced a project and their parts (basis points)",
			operationId = "setIntroducerCredit")
	CreditJson setCredit(@AuthenticationPrincipal CurrentUser user, @PathVariable long projectId,
			@RequestBody CreditBody body) {
		Map<Long, Integer> credit = new LinkedHashMap<>();
		for (CreditShare s : body.credits() == null ? List.<CreditShare>of() : body.credits()) {
			credit.put(s.unitId(), s.basisPoints());
		}
		rewards.setCredit(projectId, credit, user);
		return credit(user, projectId);
	}

	@GetMapping("/api/v1/introducer-credits/{projectId}")
	@PreAuthorize(PartnerAccess.INTERNAL)
	@Operation(summary = "Read a project's introducer credit", operationId = "getIntroducerCredit")
	CreditJson credit(@AuthenticationPrincipal CurrentUser user, @PathVariable long projectId) {
		return new CreditJson(projectId, rewards.credit(projectId, rewards.introUnit(projectId))
			.entrySet()
			.stream()
			.map(e -> new CreditShare(e.getKey(), e.getValue()))
			.toList());
	}

	@PostMapping("/api/v1/consultants")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Appoint a consultant", operationId = "createConsultant")
	@ApiResponse(responseCode = "201", description = "The consultant; `Location` is its address.")
	ResponseEntity<ConsultantJson> createConsultant(@AuthenticationPrincipal CurrentUser user,
			@RequestBody ConsultantBody body) {
		long id = consultants.create(new Consultants.ConsultantInput(body.name(), body.kind(), body.title(),
				body.fields(), body.from(), body.to()), user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(consultant(id));
	}

	@GetMapping("/api/v1/consultants")
	@PreAuthorize(PartnerAccess.INTERNAL)
	@Operation(summary = "List consultants", operationId = "listConsultants")
	ConsultantList consultants(@RequestParam(required = false) String q,
			@RequestParam(required = false) ConsultantKind kind) {
		return new ConsultantList(consultants.list(q, kind).stream().map(c -> consultant(c.id())).toList());
	}

	@GetMapping("/api/v1/consultants/{id}")
	@PreAuthorize(PartnerAccess.INTERNAL)
	@Operation(summary = "Read a consultant with the clues credited", operationId = "getConsultant")
	ConsultantJson oneConsultant(@PathVariable long id) {
		return consultant(id);
	}

	@PostMapping("/api/v1/consultants/{id}/clues")
	@PreAuthorize(PartnerAccess.BUREAU)
	@Operation(summary = "Credit a clue to a consultant", operationId = "creditConsultantClue")
	@ApiResponse(responseCode = "200", description = "The consultant with the clues credited.")
	ConsultantJson creditClue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ClueBody body) {
		consultants.creditClue(id, body.clueId(), user);
		return consultant(id);
	}

	private ConsultantJson consultant(long id) {
		var c = consultants.get(id);
		return new ConsultantJson(c.id(), c.name(), c.kind(), c.title(), c.fields(), c.validFrom(), c.validTo(),
				c.version(), consultants.clues(id));
	}
}
