package cn.zhaoshang.chain.web;

import java.net.URI;
import java.util.List;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainAccess;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainInput;
import cn.zhaoshang.chain.internal.ChainQueries;
import cn.zhaoshang.chain.internal.EditChain;
import cn.zhaoshang.chain.internal.EditLinks;
import cn.zhaoshang.chain.internal.EditTargets;
import cn.zhaoshang.chain.internal.Enterprises;
import cn.zhaoshang.chain.internal.LinkInput;
import cn.zhaoshang.chain.internal.LocalInput;
import cn.zhaoshang.chain.internal.MilestoneInput;
import cn.zhaoshang.chain.internal.TargetInput;
import cn.zhaoshang.chain.web.ChainJson.BoardJson;
import cn.zhaoshang.chain.web.ChainJson.ChainDetail;
import cn.zhaoshang.chain.web.ChainJson.LinkDetailJson;
import cn.zhaoshang.chain.web.ChainJson.MilestoneJson;
import cn.zhaoshang.chain.web.ChainJson.TargetJson;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chains' REST API with the rules of the pages: every internal user reads chains, links, targets and boards;
 * the city bureau and each chain's editors (chain managers) edit the chain's header, links, local enterprises,
 * targets and roadmap; the bureau names the editors. A stale version is a 409, a broken rule a 422 naming its field.
 */
@Tag(name = "Chains")
@RestController
class ChainApiController {

	private final ChainQueries queries;
	private final EditChain editChain;
	private final EditLinks editLinks;
	private final EditTargets editTargets;
	private final Enterprises enterprises;

	ChainApiController(ChainQueries queries, EditChain editChain, EditLinks editLinks, EditTargets editTargets,
			Enterprises enterprises) {
		this.queries = queries;
		this.editChain = editChain;
		this.editLinks = editLinks;
		this.editTargets = editTargets;
		this.enterprises = enterprises;
	}

	/** A chain as the list shows it. */
	record ChainView(long id, String code, String name, String nameEn, boolean active, Long directorId,
			String directorName, Long leadUnitId, String leadUnitName, boolean editable) {
	}

	record HeaderBody(Long directorId, Long leadUnitId, String strategy, Integer version) {
	}

	record EditorsBody(List<String> usernames) {
	}

	record LinkBody(String name, LinkPosition position, Integer sortOrder, String products, String technologies,
			GapRating gap, Integer version) {

		LinkInput input() {
			return new LinkInput(name, position, sortOrder, products, technologies, gap);
		}
	}

	record LocalBody(Long merchantId, EnterpriseStrength strength, Boolean leading, Boolean centralSoe,
			Boolean provincialSoe, Boolean backboneAffiliate, String note, Integer version) {

		LocalInput input() {
			return new LocalInput(merchantId, strength, marks(leading, centralSoe, provincialSoe, backboneAffiliate),
					note);
		}
	}

	record TargetBody(Long merchantId, TargetPriority priority, String reason, Long trackerUnitId,
			Long trackerPersonId, TargetStatus status, Boolean leading, Boolean centralSoe, Boolean provincialSoe,
			Boolean backboneAffiliate, Integer version) {

		TargetInput input() {
			return new TargetInput(merchantId, priority, reason, trackerUnitId, trackerPersonId, status,
					marks(leading, centralSoe, provincialSoe, backboneAffiliate));
		}
	}

	record RecordBody(String kind, Long recordId) {
	}

	record MilestoneBody(Integer year, String text, MilestoneStatus status, Integer version) {
	}

	record EnterpriseList(List<ChainEnterprise> items) {
	}

	/** No mark given: null (the enterprise's ownership type decides); any given: the others are false. */
	static Marks marks(Boolean leading, Boolean central, Boolean provincial, Boolean backbone) {
		if (leading == null && central == null && provincial == null && backbone == null) {
			return null;
		}
		return new Marks(Boolean.TRUE.equals(leading), Boolean.TRUE.equals(central), Boolean.TRUE.equals(provincial),
				Boolean.TRUE.equals(backbone));
	}

	@GetMapping("/api/v1/chains")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the industry chains with their directors and lead units", operationId = "listChains")
	List<ChainView> list(@AuthenticationPrincipal CurrentUser user) {
		return queries.heads(user)
			.stream()
			.map(c -> new ChainView(c.header().id(), c.header().code(), c.header().name(), c.header().nameEn(),
					true, c.header().directorId(), c.directorName(), c.header().leadUnitId(), c.leadUnitName(),
					c.editable()))
			.toList();
	}

	@GetMapping("/api/v1/chains/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a chain: director, lead unit, strategy and its links (upstream to downstream) with "
			+ "their gap ratings and counts", operationId = "getChain")
	ChainDetail one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return ChainDetail.of(queries.map(id, user));
	}

	@PutMapping("/api/v1/chains/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Edit a chain's director, lead unit and strategy", operationId = "updateChain")
	@ApiResponse(responseCode = "200", description = "The chain as saved (as GET).")
	@ApiResponse(responseCode = "409", description = "The chain changed meanwhile (stale version).")
	ChainDetail update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody HeaderBody body) {
		editChain.header(id, new ChainInput(body.directorId(), body.leadUnitId(), body.strategy()), body.version(),
				user);
		return ChainDetail.of(queries.map(id, user));
	}

	@PutMapping("/api/v1/chains/{id}/editors")
	@PreAuthorize(ChainAccess.BUREAU)
	@Operation(summary = "Name the chain's editors (chain managers) by their sign-in names", operationId = "setChainEditors")
	ChainDetail editors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody EditorsBody body) {
		editChain.editors(id, body.usernames(), user);
		return ChainDetail.of(queries.map(id, user));
	}

	@PostMapping("/api/v1/chains/{id}/links")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Add a link to a chain", operationId = "createChainLink")
	@ApiResponse(responseCode = "201", description = "The link; `Location` is its address.")
	ResponseEntity<LinkDetailJson> addLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody LinkBody body) {
		long linkId = editLinks.addLink(id, body.input(), user);
		return ResponseEntity.created(URI.create("/api/v1/chain-links/" + linkId))
			.body(LinkDetailJson.of(queries.link(linkId, user)));
	}

	@GetMapping("/api/v1/chain-links/{linkId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a link with its local enterprises and target enterprises", operationId = "getChainLink")
	LinkDetailJson link(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId) {
		return LinkDetailJson.of(queries.link(linkId, user));
	}

	@PutMapping("/api/v1/chain-links/{linkId}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Edit a link: name, position, order, products, technologies, gap rating",
			operationId = "updateChainLink")
	LinkDetailJson updateLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestBody LinkBody body) {
		editLinks.updateLink(linkId, body.input(), body.version(), user);
		return LinkDetailJson.of(queries.link(linkId, user));
	}

	@DeleteMapping("/api/v1/chain-links/{linkId}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Remove a link with its local enterprises and targets", operationId = "deleteChainLink")
	@ApiResponse(responseCode = "204", description = "Removed.")
	ResponseEntity<Void> deleteLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) Integer version) {
		editLinks.deleteLink(linkId, version, user);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/chain-links/{linkId}/local-enterprises")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Add a local enterprise (from the merchant database) to a link with its strength",
			operationId = "createChainLocalEnterprise")
	@ApiResponse(responseCode = "201", description = "The link with the enterprise.")
	ResponseEntity<LinkDetailJson> addLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestBody LocalBody body) {
		long id = editLinks.addLocal(linkId, body.input(), user);
		return ResponseEntity.created(URI.create("/api/v1/chain-local-enterprises/" + id))
			.body(LinkDetailJson.of(queries.link(linkId, user)));
	}

	@PutMapping("/api/v1/chain-local-enterprises/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Edit a local enterprise's strength, marks and note", operationId = "updateChainLocalEnterprise")
	ResponseEntity<Void> updateLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody LocalBody body) {
		editLinks.updateLocal(id, body.input(), body.version(), user);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/chain-local-enterprises/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Remove a local enterprise from its link", operationId = "deleteChainLocalEnterprise")
	ResponseEntity<Void> deleteLocal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		editLinks.deleteLocal(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/chain-links/{linkId}/targets")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Add a target enterprise to chase for a link", operationId = "createChainTarget")
	@ApiResponse(responseCode = "201", description = "The target; `Location` is its address.")
	ResponseEntity<TargetJson> addTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestBody TargetBody body) {
		long id = editTargets.add(linkId, body.input(), user);
		return ResponseEntity.created(URI.create("/api/v1/chain-targets/" + id))
			.body(TargetJson.of(queries.target(id, user)));
	}

	@GetMapping("/api/v1/chain-targets/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a target enterprise with its linked clues and projects", operationId = "getChainTarget")
	TargetJson target(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return TargetJson.of(queries.target(id, user));
	}

	@PutMapping("/api/v1/chain-targets/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Edit a target: priority, reason, tracker, status (IDENTIFIED, CONTACTED, NEGOTIATING, "
			+ "LANDED, ABANDONED) and marks", operationId = "updateChainTarget")
	TargetJson updateTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody TargetBody body) {
		editTargets.update(id, body.input(), body.version(), user);
		return TargetJson.of(queries.target(id, user));
	}

	@DeleteMapping("/api/v1/chain-targets/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Remove a target enterprise", operationId = "deleteChainTarget")
	ResponseEntity<Void> deleteTarget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		editTargets.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/chain-targets/{id}/records")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Link a clue or project (kind: clue or project) the target led to", operationId = "linkChainTargetRecord")
	TargetJson linkRecord(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody RecordBody body) {
		editTargets.linkRecord(id, body.kind(), body.recordId(), user);
		return TargetJson.of(queries.target(id, user));
	}

	@DeleteMapping("/api/v1/chain-targets/{id}/records/{kind}/{recordId}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Unlink a clue or project from a target", operationId = "unlinkChainTargetRecord")
	TargetJson unlinkRecord(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String kind, @PathVariable long recordId) {
		editTargets.unlinkRecord(id, kind, recordId, user);
		return TargetJson.of(queries.target(id, user));
	}

	@GetMapping("/api/v1/chains/{id}/board")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The chain director board: gaps, targets by status, projects by stage and contracted "
			+ "investment, the key-project reserve pool and the roadmap", operationId = "getChainBoard")
	BoardJson board(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return BoardJson.of(queries.board(id, user));
	}

	@PostMapping("/api/v1/chains/{id}/milestones")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Add a yearly milestone to the chain's roadmap", operationId = "createChainMilestone")
	@ApiResponse(responseCode = "201", description = "The milestone.")
	ResponseEntity<MilestoneJson> addMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody MilestoneBody body) {
		long mid = editChain.addMilestone(id, new MilestoneInput(body.year(), body.text(), body.status()), user);
		var m = queries.milestones(id).stream().filter(x -> x.id() == mid).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/chain-milestones/" + mid)).body(MilestoneJson.of(m));
	}

	@PutMapping("/api/v1/chain-milestones/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Edit a milestone: year, text, status (PLANNED, ON_TRACK, DONE, LATE)",
			operationId = "updateChainMilestone")
	ResponseEntity<Void> updateMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody MilestoneBody body) {
		editChain.updateMilestone(id, new MilestoneInput(body.year(), body.text(), body.status()), body.version(),
				user);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/chain-milestones/{id}")
	@PreAuthorize(ChainAccess.EDITOR)
	@Operation(summary = "Remove a milestone", operationId = "deleteChainMilestone")
	ResponseEntity<Void> deleteMilestone(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		editChain.deleteMilestone(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/chain-enterprises")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Search the merchant database for a link's local or target enterprise", operationId = "searchChainEnterprises")
	EnterpriseList searchEnterprises(@RequestParam(required = false) String q) {
		return new EnterpriseList(enterprises.search(q, 20));
	}
}
