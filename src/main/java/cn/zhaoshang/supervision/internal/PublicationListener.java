package cn.zhaoshang.supervision.internal;

import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordsChanged;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.Publications.ProjectChange;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns committed project writes into publication checks (ADR 0014). It listens to the audit record every project
 * write publishes (recordType {@code project}): stage moves, funds rows, edits, credit shares and whatever is added
 * later, with who and what, so no kind of edit can slip past. It runs after the write commits, so a refused write
 * records nothing; a batch (an import) is checked once.
 */
@Component
class PublicationListener {

	private final Publications publications;

	PublicationListener(Publications publications) {
		this.publications = publications;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordChanged change) {
		if ("project".equals(change.recordType())) {
			publications.check(change(change));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordsChanged changes) {
		changes.changes().stream()
			.filter(c -> "project".equals(c.recordType()))
			.findFirst()
			.ifPresent(first -> publications.check(change(first)));
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
