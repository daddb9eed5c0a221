package cn.zhaoshang.supervision.internal;

import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordsChanged;
import cn.zhaoshang.project.FiguresTouched;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.Publications.ProjectChange;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns committed project writes into publication checks (ADR 0014). It listens to the audit record every project
 * write publishes (recordType {@code project}): stage moves, funds rows, edits, credit shares and whatever is added
 * later, with who and what, so no kind of edit can slip past. It runs after the write commits, so a refused write
 * records nothing; a batch (an import) is checked once.
 * <p>
 * A plain listener that registers an after-commit callback, not a {@code @TransactionalEventListener}: Spring
 * Modulith would persist every audit event for such a listener in its publication registry (an import's batch is
 * far larger than the registry's column), and a check is derived data that the next write redoes anyway.
 */
@Component
class PublicationListener {

	private final Publications publications;

	PublicationListener(Publications publications) {
		this.publications = publications;
	}

	@EventListener
	void on(RecordChanged change) {
		if ("project".equals(change.recordType())) {
			afterCommit(change(change));
		}
	}

	@EventListener
	void on(RecordsChanged changes) {
		changes.changes().stream()
			.filter(c -> "project".equals(c.recordType()))
			.findFirst()
			.ifPresent(first -> afterCommit(change(first)));
	}

	/** Checks once the write has committed; outside a transaction at once. */
	private void afterCommit(ProjectChange change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publications.check(change);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// only the published periods ending on a day whose figures the write's sums changed (ADR 0014, 0017)
				var touched = FiguresTouched.snapshot();
				if (touched.isPresent()) {
					publications.check(change, touched.get());
				}
				else {
					publications.check(change);
				}
			}
		});
	}

	private static ProjectChange change(RecordChanged c) {
		Long project;
		try {
			project = Long.valueOf(c.recordId());
		}
		catch (NumberFormatException e) {
			project = null;
		}
		return new ProjectChange(project, c.action(), c.summary(), c.actor());
	}
}
