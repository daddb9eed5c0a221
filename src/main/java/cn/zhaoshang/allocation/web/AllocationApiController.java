package cn.zhaoshang.allocation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.allocation.TransferStatus;
import cn.zhaoshang.allocation.internal.Agreement;
import cn.zhaoshang.allocation.internal.Agreements;
import cn.zhaoshang.allocation.internal.BenefitLedger;
import cn.zhaoshang.allocation.internal.CandidateScoring;
import cn.zhaoshang.allocation.internal.Candidates;
import cn.zhaoshang.allocation.internal.Transfer;
import cn.zhaoshang.allocation.internal.TransferFilter;
import cn.zhaoshang.allocation.internal.TransferQueries;
import cn.zhaoshang.allocation.internal.Transfers;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.allocation.web.AllocationViews.CandidateJson;
import cn.zhaoshang.allocation.web.AllocationViews.CandidatesJson;
import cn.zhaoshang.allocation.web.AllocationViews.ReasonJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The allocation API (issue 12): receiving-unit candidates of a project or clue, transfers (propose, accept,
 * decline), benefit-sharing agreements and the benefit ledger.
 */
@Tag(name = "Allocation")
@RestController
class AllocationApiController {

	static final String DECIDER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER')";

	private final Candidates candidates;
	private final Transfers transfers;
	private final TransferQueries queries;
	private final Agreements agreements;
	private final BenefitLedger ledger;
	private final UnitDirectory units;
	private final MessageSource messages;
	private final java.time.Clock clock;

	AllocationApiController(Candidates candidates, Transfers transfers, TransferQueries queries, Agreements agreements,
			BenefitLedger ledger, UnitDirectory units, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.candidates = candidates;
		this.transfers = transfers;
		this.queries = queries;
		this.agreements = agreements;
		this.ledger = ledger;
		this.units = units;
		this.messages = messages;
	}


	CandidatesJson json(Candidates.Result r, Locale locale) {
		boolean clue = r.subject().clueId() != null;
		return new CandidatesJson(r.outsidePositioning(), r.subject().projectId(), r.subject().clueId(),
				r.subject().unitId(), r.subject().chainId(), r.items()
					.stream()
					.map(c -> new CandidateJson(c.unit().value(), unitName(c.unit().value()), c.score(),
							c.tier().name(), c.reasons().stream().map(x -> reason(x, clue, locale)).toList()))
					.toList());
	}

	/**
	 * A reason with its code (the contract: the same for a project and a clue) and its text worded for the subject:
	 * a clue's reasons speak of the clue ({@code allocation.reason.clue.*}), a project's of the project.
	 */
	ReasonJson reason(CandidateScoring.Reason r, boolean clue, Locale locale) {
		Object[] args = new Object[r.args().size() + 1];
		args[0] = r.points();
		for (int i = 0; i < r.args().size(); i++) {
			args[i + 1] = r.args().get(i);
		}
		String code = r.key().substring("allocation.reason.".length());
		return new ReasonJson(code, r.points(),
				messages.getMessage(clue ? "allocation.reason.clue." + code : r.key(), args, locale));
	}

	String unitName(long id) {
		return units.find(new UnitId(id)).map(u -> u.name()).orElse(null);
	}

	@GetMapping("/api/v1/projects/{id}/allocation-candidates")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Receiving units recommended for a project, best first, with the reasons and points",
			operationId = "getProjectAllocationCandidates")
	CandidatesJson projectCandidates(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		return json(candidates.forProject(id, user), locale);
	}

	@GetMapping("/api/v1/clues/{id}/allocation-candidates")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Receiving units recommended for a clue, best first, with the reasons and points",
			operationId = "getClueAllocationCandidates")
	CandidatesJson clueCandidates(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		return json(candidates.forClue(id, user), locale);
	}

	/** A transfer as the API shows it; {@code introducerShare} in percent. */
	record TransferJson(long id, Long projectId, Long clueId, String subjectCode, String subjectName, Long chainId,
			long fromUnitId, String fromUnitName, long toUnitId, String toUnitName, String reason,
			BigDecimal introducerShare, int years, TransferStatus status, String decisionReason, String decidedBy,
			Instant decidedAt, boolean decidedByBureau, String proposedBy, Instant proposedAt, Long agreementId,
			int version, Stage untilStage) {

		static TransferJson of(Transfer t) {
			return new TransferJson(t.id(), t.projectId(), t.clueId(), t.subjectCode(), t.subjectName(), t.chainId(),
					t.fromUnitId(), t.fromUnitName(), t.toUnitId(), t.toUnitName(), t.reason(), t.introducerShare(),
					t.years(), t.status(), t.decisionReason(), t.decidedBy(), t.decidedAt(), t.decidedByBureau(),
					t.proposedBy(), t.proposedAt(), t.agreementId(), t.version(), t.untilStage());
		}
	}

	record PageJson<T>(List<T> items, int page, int size, long total) {
	}

	@GetMapping("/api/v1/transfers")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List transfers (filters: q, status, unit on either side, kind PROJECT or CLUE)",
			operationId = "listTransfers")
	PageJson<TransferJson> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) TransferStatus status, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging<Transfer> p = queries.list(new TransferFilter(q, status, unit, kind, sort, dir), page,
				PageSizes.forApi(size), false);
		return new PageJson<>(p.items().stream().map(TransferJson::of).toList(), p.page(), p.size(), p.total());
	}

	@PostMapping("/api/v1/transfers")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Propose moving a project or clue to a receiving unit with a benefit-sharing proposal",
			operationId = "proposeTransfer")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
			description = "The proposed transfer; `Location` is its address.")
	ResponseEntity<TransferJson> propose(@RequestBody Transfers.Proposal body,
			@AuthenticationPrincipal CurrentUser user) {
		Transfer t = transfers.propose(body, user);
		return ResponseEntity.created(URI.create("/api/v1/transfers/" + t.id())).body(TransferJson.of(t));
	}

	@GetMapping("/api/v1/transfers/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a transfer", operationId = "getTransfer")
	TransferJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return TransferJson.of(transfers.find(id, user));
	}

	/** The body of accept and decline: a reason (required to decline). */
	record DecisionBody(String reason) {
	}

	@PostMapping("/api/v1/transfers/{id}/accept")
	@PreAuthorize(DECIDER)
	@Operation(summary = "Accept a transfer (the receiving unit, or the city bureau): the subject moves and the "
			+ "benefit-sharing agreement applies", operationId = "acceptTransfer")
	TransferJson accept(@PathVariable long id, @RequestBody(required = false) DecisionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return TransferJson.of(transfers.accept(id, body == null ? null : body.reason(), user));
	}

	@PostMapping("/api/v1/transfers/{id}/decline")
	@PreAuthorize(DECIDER)
	@Operation(summary = "Decline a transfer with a reason (the receiving unit, or the city bureau)",
			operationId = "declineTransfer")
	TransferJson decline(@PathVariable long id, @RequestBody(required = false) DecisionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return TransferJson.of(transfers.decline(id, body == null ? null : body.reason(), user));
	}

	/** An agreement as the API shows it; {@code introducerShare} in percent. */
	record AgreementJson(long id, long transferId, Long projectId, Long clueId, long introducerUnitId,
			String introducerUnitName, long receiverUnitId, String receiverUnitName, BigDecimal introducerShare,
			int years, LocalDate validFrom, LocalDate validTo, String note, int version, Stage untilStage,
			LocalDate stageReachedOn) {

		static AgreementJson of(Agreement a) {
			return new AgreementJson(a.id(), a.transferId(), a.projectId(), a.clueId(), a.introducerUnitId(),
					a.introducerName(), a.receiverUnitId(), a.receiverName(), a.share(), a.years(), a.validFrom(),
					a.validTo(), a.note(), a.version(), a.untilStage(), a.stageReachedOn());
		}
	}

	@GetMapping("/api/v1/benefit-agreements/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a benefit-sharing agreement", operationId = "getBenefitAgreement")
	AgreementJson agreement(@PathVariable long id) {
		return AgreementJson.of(agreements.find(id).orElseThrow(NotFoundException::new));
	}

	@PutMapping("/api/v1/benefit-agreements/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Change an agreement's share, term or note (the city bureau); the credit shares follow",
			operationId = "updateBenefitAgreement")
	AgreementJson updateAgreement(@PathVariable long id, @RequestBody Agreements.Change body,
			@AuthenticationPrincipal CurrentUser user) {
		return AgreementJson.of(agreements.update(id, body, user));
	}

	record LedgerLineJson(long unitId, String unitName, long projectId, String projectCode, String projectName,
			long agreementId, long transferId, String role, BigDecimal share, BigDecimal fundsInPlace,
			BigDecimal contractedInvestment, LocalDate validFrom, LocalDate validTo) {
	}

	record LedgerTotalsJson(int count, BigDecimal fundsInPlace, BigDecimal contractedInvestment) {
	}

	record LedgerJson(int year, Long unitId, List<LedgerLineJson> items, LedgerTotalsJson totals) {
	}

	@GetMapping("/api/v1/benefit-ledger")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The benefit ledger of a unit (or every unit) and year: each credited project with its "
			+ "agreement, share and credited amounts (10,000 yuan)", operationId = "getBenefitLedger")
	LedgerJson ledger(@Parameter(description = "unit id; all units when absent") @RequestParam(required = false) Long unit,
			@Parameter(description = "the year, this year when absent") @RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new cn.zhaoshang.platform.FieldException("year", "allocation.validation.year");
		}
		if (unit != null && units.find(new UnitId(unit)).isEmpty()) {
			throw new NotFoundException();
		}
		BenefitLedger.Result r = ledger.of(unit, y);
		return new LedgerJson(r.year(), r.unitId(), r.items()
			.stream()
			.map(l -> new LedgerLineJson(l.unitId(), l.unitName(), l.projectId(), l.projectCode(), l.projectName(),
					l.agreementId(), l.transferId(), l.role(), l.share(), l.fundsInPlace(), l.contractedInvestment(),
					l.validFrom(), l.validTo()))
			.toList(), new LedgerTotalsJson(r.items().size(), r.fundsInPlace(), r.contractedInvestment()));
	}
}
