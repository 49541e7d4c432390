package nl.meldpunt.caseservice.mailbox;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.meldpunt.caseservice.casefile.Author;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.Decision;
import nl.meldpunt.caseservice.casefile.ItemKind;
import nl.meldpunt.caseservice.casefile.Proposal;
import nl.meldpunt.internalapi.MailboxView;
import nl.meldpunt.internalapi.NewDecision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal API's enums are a closed contract: every constant of the case file the
 * mailbox can show has its counterpart of the same name, and the contract has none the
 * case file lacks (a new state or kind fails here, not at a reporter's request).
 */
class MailboxViewsUnitTest {

	@Test
	void everyCaseFileConstantHasItsContractCounterpartAndNoMore() {
		same(CaseState.class, MailboxView.State.class);
		same(CaseEvent.class, MailboxView.Event.class);
		same(ItemKind.class, MailboxView.ItemKind.class);
		same(Author.class, MailboxView.Author.class);
		same(Proposal.Kind.class, MailboxView.ProposalKind.class);
		same(Decision.class, NewDecision.Decision.class);
		assertThat(MailboxViews.state(CaseState.WITHDRAWN)).isEqualTo(MailboxView.State.WITHDRAWN);
		assertThat(MailboxViews.named(MailboxView.Event.class, null)).isNull();
	}

	private static <A extends Enum<A>, B extends Enum<B>> void same(Class<A> caseFile, Class<B> contract) {
		for (A constant : caseFile.getEnumConstants()) {
			assertThat(MailboxViews.named(contract, constant).name()).isEqualTo(constant.name());
		}
		assertThat(names(contract)).containsExactlyElementsOf(names(caseFile));
	}

	private static List<String> names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
