package cn.zhaoshang.project;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which supervision figures the current transaction's project writes can have changed (issue 11, ADR 0014 and
 * 0017). The figures are read only from the sums the project module's writers keep in their transaction (counted
 * moves and funds per landing unit, the corrections of the projects that are not plain); every change of those sums
 * is noted here: a counted or shared sum as of a month's end E changes the figures as of E, a funds sum of month M
 * changes the figures as of every month's end from M to December of M's year. The corrections check after commit
 * then recomputes only the published periods that end on such a day. Kept per transaction (a thread-bound resource,
 * released when the transaction completes).
 */
public final class FiguresTouched {

	private static final Object KEY = FiguresTouched.class.getName() + ".touched";

	private final Set<LocalDate> asOf = new HashSet<>();
	private final Map<Integer, LocalDate> fundsFrom = new HashMap<>();
	private boolean all;

	private FiguresTouched() {
	}

	/** The figures as of these month ends may have changed (project module writers). */
	public static void asOf(LocalDate monthEnd) {
		FiguresTouched t = current();
		if (t != null) {
			t.asOf.add(monthEnd);
		}
	}

	/** A funds sum of this month changed: the figures as of its month's end and the later ones of its year. */
	public static void fundsMonth(LocalDate month) {
		FiguresTouched t = current();
		if (t != null) {
			t.fundsFrom.merge(month.getYear(), month.withDayOfMonth(1), (a, b) -> a.isBefore(b) ? a : b);
		}
	}

	/** Any figure may have changed (a rebuild). */
	public static void everything() {
		FiguresTouched t = current();
		if (t != null) {
			t.all = true;
		}
	}

	/**
	 * The month ends whose figures the current transaction may have changed, as a test (for the check that runs
	 * after its commit: call it before the transaction completes); empty outside a transaction (nothing known).
	 */
	public static Optional<Predicate<LocalDate>> snapshot() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return Optional.empty();
		}
		FiguresTouched t = (FiguresTouched) TransactionSynchronizationManager.getResource(KEY);
		if (t == null) {
			return Optional.of(e -> false);
		}
		Set<LocalDate> asOf = Set.copyOf(t.asOf);
		Map<Integer, LocalDate> fundsFrom = Map.copyOf(t.fundsFrom);
		boolean all = t.all;
		return Optional.of(e -> all || asOf.contains(e)
				|| fundsFrom.containsKey(e.getYear()) && !e.isBefore(fundsFrom.get(e.getYear())));
	}

	private static FiguresTouched current() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		FiguresTouched t = (FiguresTouched) TransactionSynchronizationManager.getResource(KEY);
		if (t == null) {
			FiguresTouched fresh = new FiguresTouched();
			TransactionSynchronizationManager.bindResource(KEY, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
			t = fresh;
		}
		return t;
	}
}
