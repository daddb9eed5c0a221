package cn.zhaoshang.chain.web;

import java.util.List;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/chains}: the industry chains as reference data. */
@Tag(name = "Chains")
@RestController
class ChainApiController {

	private final Chains chains;

	ChainApiController(Chains chains) {
		this.chains = chains;
	}

	/** A chain as the API shows it. */
	record ChainView(long id, String code, String name, String nameEn, boolean active) {
	}

	@GetMapping("/api/v1/chains")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the industry chains", operationId = "listChains")
	List<ChainView> list() {
		return chains.all()
			.stream()
			.map(c -> new ChainView(c.id().value(), c.code(), c.name(), c.nameEn(), c.active()))
			.toList();
	}
}
