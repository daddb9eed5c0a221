package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

import org.springframework.util.MultiValueMap;

/**
 * The formula editor's form: one line per criterion (a blank weight leaves it out of the formula), the note and
 * the version edited. Field names {@code w_CRITERION} and {@code cap_CRITERION}; errors are shown by criterion.
 */
public record RankingFormulaForm(int basedOn, String note, Map<RankingCriterion, String> weights,
		Map<RankingCriterion, String> caps) {

	static RankingFormulaForm of(Formula f) {
		Map<RankingCriterion, String> w = new LinkedHashMap<>();
		Map<RankingCriterion, String> c = new LinkedHashMap<>();
		for (Formula.Criterion x : f.criteria()) {
			w.put(x.criterion(), x.weight().stripTrailingZeros().toPlainString());
			c.put(x.criterion(), x.cap() == null ? "" : x.cap().stripTrailingZeros().toPlainString());
		}
		return new RankingFormulaForm(f.version(), "", w, c);
	}

	static RankingFormulaForm read(MultiValueMap<String, String> params) {
		Map<RankingCriterion, String> w = new LinkedHashMap<>();
		Map<RankingCriterion, String> c = new LinkedHashMap<>();
		for (RankingCriterion r : RankingCriterion.values()) {
			String weight = strip(params.getFirst("w_" + r.name()));
			if (!weight.isEmpty()) {
				w.put(r, weight);
				c.put(r, strip(params.getFirst("cap_" + r.name())));
			}
		}
		int based;
		try {
			based = Integer.parseInt(strip(params.getFirst("basedOn")));
		}
		catch (NumberFormatException e) {
			based = -1;
		}
		return new RankingFormulaForm(based, strip(params.getFirst("note")), w, c);
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}

	public String weight(RankingCriterion c) {
		return weights.getOrDefault(c, "");
	}

	public String cap(RankingCriterion c) {
		return caps.getOrDefault(c, "");
	}

	private List<RankingCriterion> order() {
		return new ArrayList<>(weights.keySet());
	}

	/** Numbers that do not parse, named by criterion. */
	List<Violation> typingProblems() {
		List<Violation> out = new ArrayList<>();
		List<RankingCriterion> order = order();
		for (int i = 0; i < order.size(); i++) {
			if (number(weights.get(order.get(i))) == null) {
				out.add(new Violation("criteria[" + i + "].weight", "validation.number"));
			}
			String cap = caps.get(order.get(i));
			if (!cap.isEmpty() && number(cap) == null) {
				out.add(new Violation("criteria[" + i + "].cap", "validation.number"));
			}
		}
		return out;
	}

	List<Formula.Criterion> criteria() {
		List<Formula.Criterion> out = new ArrayList<>();
		for (RankingCriterion r : order()) {
			String cap = caps.get(r);
			out.add(new Formula.Criterion(r, number(weights.get(r)), cap.isEmpty() ? null : number(cap)));
		}
		return out;
	}

	/** The violations with the row number replaced by the criterion's place on the page (all criteria listed). */
	InvalidInputException relabel(InvalidInputException e) {
		List<RankingCriterion> order = order();
		List<Violation> out = new ArrayList<>();
		for (Violation v : e.violations()) {
			var m = java.util.regex.Pattern.compile("criteria\\[(\\d+)\\]\\.(\\w+)").matcher(v.field());
			if (m.matches() && Integer.parseInt(m.group(1)) < order.size()) {
				int place = order.get(Integer.parseInt(m.group(1))).ordinal();
				out.add(new Violation("criteria[" + place + "]." + m.group(2), v.messageKey(), v.args()));
			}
			else {
				out.add(v);
			}
		}
		return new InvalidInputException(out);
	}

	private static BigDecimal number(String s) {
		try {
			return new BigDecimal(s);
		}
		catch (NumberFormatException | NullPointerException e) {
			return null;
		}
	}
}
