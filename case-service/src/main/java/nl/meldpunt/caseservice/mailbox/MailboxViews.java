package nl.meldpunt.caseservice.mailbox;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CaseView;
import nl.meldpunt.caseservice.casefile.Proposal;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewDecision;

/**
 * The case file's view of a case turned into the internal API's {@link MailboxView}
 * (CONTRACTS.md 3). The contract's enums carry the same names as the case file's: each is
 * mapped by name, and {@code MailboxViewsUnitTest} checks that every constant has its
 * counterpart.
 */
final class MailboxViews {

	private MailboxViews() {
	}

	static MailboxView of(CaseView kase, MailboxView.Organisation organisation, MailboxView.Hotline hotline,
			List<String> keyBook, List<String> hotlineKeyBook, Function<UUID, MailboxView.Hotline> hotlines) {
		return new MailboxView(kase.caseId(), kase.organisationId(), organisation, state(kase.state()), kase.open(),
				kase.receivedOn(), kase.acknowledgeBy(), kase.feedbackBy(), hotline, kase.myKeyEnvelope(),
				kase.myKeys().stream().map((k) -> new MailboxView.Key(k.key().epoch(), k.envelope())).toList(),
				kase.currentCaseKey().epoch(),
				kase.timeline().stream().map((s) -> new MailboxView.Step(s.on(), s.event(), state(s.state()))).toList(),
				kase.items().stream().map(MailboxViews::item).toList(),
				kase.attachments().stream().map(MailboxViews::attachment).toList(), keyBook, hotlineKeyBook,
				kase.proposals().stream().map((p) -> proposal(p, hotlines)).toList());
	}

	static MailboxView.State state(CaseState state) {
		return named(MailboxView.State.class, state);
	}

	private static MailboxView.Item item(CaseView.Item item) {
		return new MailboxView.Item(item.itemId(), named(MailboxView.ItemKind.class, item.kind()),
				named(MailboxView.Author.class, item.author()), item.createdOn(), item.key().epoch(),
				item.ciphertext());
	}

	private static MailboxView.Attachment attachment(CaseView.Attachment attachment) {
		return new MailboxView.Attachment(attachment.attachmentId(), attachment.metaCiphertext(),
				attachment.chunkCount(), attachment.totalBytes(), named(MailboxView.Author.class, attachment.author()),
				attachment.createdOn(), attachment.epoch());
	}

	private static MailboxView.Proposal proposal(Proposal proposal, Function<UUID, MailboxView.Hotline> hotlines) {
		return new MailboxView.Proposal(proposal.itemId(), named(MailboxView.ProposalKind.class, proposal.kind()),
				named(MailboxView.Event.class, proposal.event()),
				(proposal.hotlineId() != null) ? hotlines.apply(proposal.hotlineId()) : null, proposal.proposedOn(),
				named(NewDecision.Decision.class, proposal.decision()), proposal.decidedOn());
	}

	/** The contract's constant of the same name; null stays null. */
	static <E extends Enum<E>> E named(Class<E> type, Enum<?> value) {
		return (value != null) ? Enum.valueOf(type, value.name()) : null;
	}

}
