package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a CONFIRMED clue into a NEGOTIATING project of the ledger (issue 4): the project carries the clue's
 * enterprise (its linked merchant, or the name registered through {@link Merchants#findOrRegister}), chain and link,
 * estimated investment as planned investment, promotion mode, the owner unit as landing unit and the source as
 * introducing unit and credit; the clue becomes CONVERTED with a link to the project. One transaction: both change
 * or neither. It lives here because the project module depends on the clue module, never the reverse.
 */
@Service
public class ConvertClue {

	/**
	 * What the person converting confirms or adjusts on the short form.
	 *
	 * @param name the project's name (pre-filled with the clue's title)
	 * @param unitId the landing unit (pre-filled with the clue's owner unit)
	 * @param plannedInvestment in 万元 (pre-filled with the clue's estimate)
	 */
	public record Parameters(ClueId clue, String name, Long unitId, ProjectType type, BigDecimal plannedInvestment) {

		/** The form's pre-filled values for a clue. */
		public static Parameters of(ClueSummary c) {
			return new Parameters(c.id(), c.title(), c.owner() == null ? null : c.owner().value(), ProjectType.NEW,
					c.estimatedInvestment());
		}

		void validate() {
			List<Violation> violations = new ArrayList<>();
			if (name == null || name.isBlank()) {
				violations.add(new Violation("name", "validation.required"));
			}
			else if (name.trim().length() > 200) {
				violations.add(new Violation("name", "validation.size"));
			}
			if (unitId == null) {
				violations.add(new Violation("unitId", "validation.required"));
			}
			if (type == null) {
				violations.add(new Violation("type", "validation.required"));
			}
			if (plannedInvestment == null) {
				violations.add(new Violation("plannedInvestment", "validation.required"));
			}
			else {
				Amount.violation("plannedInvestment", plannedInvestment).ifPresent(violations::add);
			}
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
		}
	}

	private final Clues clues;
	private final Merchants merchants;
	private final CreateProject create;

	ConvertClue(Clues clues, Merchants merchants, CreateProject create) {
		this.clues = clues;
		this.merchants = merchants;
		this.create = create;
	}

	/** The clue the user may convert now (editable and CONFIRMED), else 404/403/422. */
	public ClueSummary convertible(ClueId id, CurrentUser user) {
		return clues.convertible(id, user);
	}

	@Transactional
	public Project execute(Parameters p, CurrentUser user) {
		ClueSummary c = clues.convertible(p.clue(), user);
		p.validate();
		if (c.chain() == null) {
			throw new InvalidInputException(List.of(new Violation("chainId", "validation.required")));
		}
		String investor = c.enterpriseName();
		String uscc = null;
		if (c.merchant() != null) {
			var m = merchants.find(c.merchant()).orElse(null);
			if (m != null) {
				investor = m.name();
				uscc = m.uscc();
			}
		}
		Long introUnit = c.sourceUnit() != null ? c.sourceUnit().value() : c.owner() == null ? null : c.owner().value();
		var details = new ProjectDetails(p.name().trim(), investor, uscc, p.unitId(), introUnit, c.sourceCredit(),
				c.chain().value(), c.chainLink(), p.type(), c.promotionMode(), p.plannedInvestment(), null, null, null,
				null, null, null, false, null, null, null, null, null);
		Project saved = create.execute(details, user);
		clues.markConverted(c.id(), saved.id(), saved.code(), new MerchantId(saved.merchantId), user);
		return saved;
	}
}
