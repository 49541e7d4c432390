package nl.meldpunt.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.TestKeyBooks.Builder;
import nl.meldpunt.crypto.TestKeyBooks.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The key book's rules, one refusal reason per test, and what an admin, a DBA or a server
 * operator can (not) do with it.
 */
class KeyBookUnitTest {

	private final Person anna = TestKeyBooks.anna();

	private final Person bram = TestKeyBooks.bram();

	private final Person carla = TestKeyBooks.carla();

	private final Person dirk = TestKeyBooks.dirk();

	@Test
	void verifyWhenGenesisThenOneAdviserAndThresholdOne() throws Exception {
		Builder b = Builder.organisation(this.anna);

		assertThat(b.book.members()).containsExactly(this.anna.adviser());
		assertThat(b.book.threshold()).isEqualTo(1);
		assertThat(b.book.length()).isEqualTo(1);
		assertThat(b.book.head().sequence()).isZero();
		assertThat(b.book.organisationId()).isEqualTo(TestKeyBooks.ORGANISATION);
		assertThat(b.book.hotlineId()).isEmpty();
		assertThat(b.book.member(this.anna.id()).orElseThrow().fingerprint()).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}")
			.isNotEqualTo(this.anna.key().publicKey().fingerprint());
	}

	@Test
	void appendWhenSecondAdviserJoinsThenOneApprovalSufficedAndTwoAreNeededAfter() throws Exception {
		Builder b = Builder.organisation(this.anna)
			.then(new KeyBookChange.RecipientAdded(this.bram.adviser()), this.anna);

		assertThat(b.book.members()).extracting(KeyBookMember::recipientId)
			.containsExactly(this.anna.id(), this.bram.id());
		assertThat(b.book.threshold()).isEqualTo(2);
		refused(KeyBookRefusal.THRESHOLD_NOT_MET,
				() -> b.then(new KeyBookChange.RecipientAdded(this.carla.adviser()), this.anna));
		b.then(new KeyBookChange.RecipientAdded(this.carla.adviser()), this.anna, this.bram);
		assertThat(b.book.members()).hasSize(3);
		assertThat(KeyBook.verify(TestKeyBooks.ORGANISATION, b.entries).head()).isEqualTo(b.book.head());
	}

	@Test
	void appendWhenThresholdSetThenItHoldsUntilSetBack() throws Exception {
		Builder b = threeAdvisers().then(new KeyBookChange.ThresholdChanged(3), this.anna, this.bram);
		assertThat(b.book.threshold()).isEqualTo(3);
		refused(KeyBookRefusal.THRESHOLD_NOT_MET,
				() -> b.then(new KeyBookChange.ThresholdChanged(0), this.anna, this.bram));
		b.then(new KeyBookChange.ThresholdChanged(0), this.anna, this.bram, this.carla);
		assertThat(b.book.threshold()).isEqualTo(2);
		refused(KeyBookRefusal.THRESHOLD_UNREACHABLE, () -> b.book.propose(new KeyBookChange.ThresholdChanged(4)));
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyBookChange.ThresholdChanged(33));
	}

	@Test
	void appendWhenApprovedByRemovedAdviserThenRefused() throws Exception {
		Builder b = threeAdvisers().then(new KeyBookChange.RecipientRemoved(this.bram.id()), this.anna, this.bram);
		assertThat(b.book.members()).extracting(KeyBookMember::recipientId)
			.containsExactly(this.anna.id(), this.carla.id());

		KeyBookDraft draft = b.book.propose(new KeyBookChange.RecipientAdded(this.dirk.adviser()));
		KeyBookApproval byBram = KeyBookApproval.of(this.bram.id(), this.bram.signing().sign(message(draft)));
		byte[] entry = draft.entry(List.of(b.book.approve(draft, this.anna.id(), this.anna.signing()), byBram));

		refused(KeyBookRefusal.REMOVED_SIGNER, () -> b.book.append(entry));
		refused(KeyBookRefusal.REMOVED_SIGNER, () -> b.book.approve(draft, this.bram.id(), this.bram.signing()));
		refused(KeyBookRefusal.REMOVED_SIGNER, () -> b.book.checkApproval(draft, byBram));
	}

	@Test
	void appendWhenSameAdviserApprovesTwiceThenRefused() throws Exception {
		Builder b = twoAdvisers();
		KeyBookDraft draft = b.book.propose(new KeyBookChange.RecipientAdded(this.carla.adviser()));
		KeyBookApproval byAnna = b.book.approve(draft, this.anna.id(), this.anna.signing());

		refused(KeyBookRefusal.DUPLICATE_APPROVAL, () -> b.book.append(draft.entry(List.of(byAnna, byAnna))));
	}

	@Test
	void appendWhenApprovedByOutsiderThenRefused() throws Exception {
		Builder b = twoAdvisers();
		KeyBookDraft draft = b.book.propose(new KeyBookChange.RecipientAdded(this.dirk.adviser()));
		KeyBookApproval byDirk = KeyBookApproval.of(this.dirk.id(), this.dirk.signing().sign(message(draft)));

		refused(KeyBookRefusal.NOT_A_SIGNER, () -> b.book
			.append(draft.entry(List.of(b.book.approve(draft, this.anna.id(), this.anna.signing()), byDirk))));
		refused(KeyBookRefusal.NOT_A_SIGNER, () -> b.book.approve(draft, this.dirk.id(), this.dirk.signing()));
		refused(KeyBookRefusal.NOT_A_SIGNER, () -> b.book.approve(draft, this.anna.id(), this.bram.signing()));
	}

	@Test
	void appendWhenSignatureForgedThenRefused() throws Exception {
		Builder b = twoAdvisers();
		KeyBookDraft draft = b.book.propose(new KeyBookChange.RecipientAdded(this.dirk.adviser()));
		KeyBookApproval forged = KeyBookApproval.of(this.bram.id(), this.dirk.signing().sign(message(draft)));
		KeyBookApproval otherBytes = KeyBookApproval.of(this.bram.id(), this.bram.signing().sign(new byte[] { 1 }));

		for (KeyBookApproval bad : List.of(forged, otherBytes)) {
			refused(KeyBookRefusal.BAD_SIGNATURE, () -> b.book
				.append(draft.entry(List.of(b.book.approve(draft, this.anna.id(), this.anna.signing()), bad))));
			refused(KeyBookRefusal.BAD_SIGNATURE, () -> b.book.checkApproval(draft, bad));
		}
	}

	@Test
	void verifyWhenEntryMissingOrReorderedThenRefused() throws Exception {
		Builder b = threeAdvisers();
		List<byte[]> missing = b.copy();
		missing.remove(1);
		List<byte[]> reordered = b.copy();
		reordered.add(1, reordered.remove(2));
		List<byte[]> repeated = b.copy();
		repeated.add(repeated.get(2));

		refused(KeyBookRefusal.WRONG_SEQUENCE, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, missing));
		refused(KeyBookRefusal.WRONG_SEQUENCE, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, reordered));
		refused(KeyBookRefusal.WRONG_SEQUENCE, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, repeated));
		refused(KeyBookRefusal.EMPTY_BOOK, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, List.of()));
	}

	@Test
	void verifyWhenHistoryRewrittenThenRefusedAndNotAnExtension() throws Exception {
		Builder honest = threeAdvisers();
		Builder rewritten = new Builder(TestKeyBooks.ORGANISATION, this.anna.adviser(), this.anna.signing());
		rewritten.entries.set(0, honest.entries.get(0));
		rewritten.book = KeyBook.verify(TestKeyBooks.ORGANISATION, List.of(honest.entries.get(0)));
		rewritten.then(new KeyBookChange.RecipientAdded(this.dirk.adviser()), this.anna);
		List<byte[]> spliced = new ArrayList<>(rewritten.entries);
		spliced.add(honest.entries.get(2));

		refused(KeyBookRefusal.BROKEN_CHAIN, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, spliced));
		assertThat(rewritten.book.extendsHead(honest.book.headAt(1).orElseThrow())).isFalse();
		refused(KeyBookRefusal.NOT_EXTENDED, () -> rewritten.book.requireExtends(honest.book.headAt(1).orElseThrow()));
		honest.book.requireExtends(honest.book.headAt(1).orElseThrow());
		honest.book.requireExtends(KeyBook.verify(TestKeyBooks.ORGANISATION, List.of(honest.entries.get(0))).head());
	}

	@Test
	void verifyWhenOtherOrganisationOrBookKindThenRefused() throws Exception {
		Builder b = twoAdvisers();

		refused(KeyBookRefusal.WRONG_BOOK, () -> KeyBook.verify(UUID.randomUUID(), b.entries));
		refused(KeyBookRefusal.WRONG_BOOK,
				() -> KeyBook.verifyHotline(TestKeyBooks.ORGANISATION, TestKeyBooks.HOTLINE, b.entries));
	}

	@Test
	void verifyWhenGenesisMissingRepeatedOrNotSelfSignedThenRefused() throws Exception {
		Builder b = twoAdvisers();
		byte[] body = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 0, new byte[32],
				new KeyBookChange.RecipientAdded(this.anna.adviser()));
		byte[] notGenesis = KeyBookCodec.encodeEntry(body, List
			.of(KeyBookApproval.of(this.anna.id(), this.anna.signing().sign(KeyBookCodec.approvalMessage(body)))));
		byte[] genesisBody = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 0, new byte[32],
				new KeyBookChange.Genesis(this.anna.adviser()));
		byte[] signedByBram = KeyBookCodec.encodeEntry(genesisBody, List.of(KeyBookApproval.of(this.bram.id(),
				this.bram.signing().sign(KeyBookCodec.approvalMessage(genesisBody)))));
		byte[] laterGenesisBody = KeyBookCodec.encodeBody(TestKeyBooks.ORGANISATION, Optional.empty(), 2,
				b.book.head().hash(), new KeyBookChange.Genesis(this.carla.adviser()));
		byte[] laterGenesis = KeyBookCodec.encodeEntry(laterGenesisBody, List.of(KeyBookApproval.of(this.carla.id(),
				this.carla.signing().sign(KeyBookCodec.approvalMessage(laterGenesisBody)))));

		refused(KeyBookRefusal.BAD_GENESIS, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, List.of(notGenesis)));
		refused(KeyBookRefusal.BAD_GENESIS, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, List.of(signedByBram)));
		refused(KeyBookRefusal.BAD_GENESIS, () -> b.book.append(laterGenesis));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyBook.genesis(TestKeyBooks.ORGANISATION, this.anna.adviser(), this.bram.signing()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> b.book.propose(new KeyBookChange.Genesis(this.dirk.adviser())));
	}

	@Test
	void proposeWhenIdKeyOrNameAlreadyInBookThenRefused() throws Exception {
		Builder b = twoAdvisers().then(new KeyBookChange.RecipientRemoved(this.bram.id()), this.anna, this.bram);
		Person lookAlike = new Person(UUID.randomUUID(), "anna  adviseur".replace("  ", " ").toUpperCase(),
				RecipientPrivateKey.generate(), SigningKey.generate());
		Person fullWidth = new Person(UUID.randomUUID(), "\uff21nna Adviseur", RecipientPrivateKey.generate(),
				SigningKey.generate());
		Person reusesKey = new Person(UUID.randomUUID(), "Someone Else", this.bram.key(), SigningKey.generate());
		Person returning = new Person(this.bram.id(), "Bram Returns", RecipientPrivateKey.generate(),
				SigningKey.generate());

		for (Person person : List.of(lookAlike, fullWidth, reusesKey, returning)) {
			refused(KeyBookRefusal.DUPLICATE_RECIPIENT,
					() -> b.book.propose(new KeyBookChange.RecipientAdded(person.adviser())));
			byte[] raw = rawEntry(b.book, new KeyBookChange.RecipientAdded(person.adviser()), this.anna);
			refused(KeyBookRefusal.DUPLICATE_RECIPIENT, () -> b.book.append(raw));
		}
		// a removed adviser's name may be used again; his id and keys may not
		b.then(new KeyBookChange.RecipientAdded(
				new Person(UUID.randomUUID(), this.bram.name(), RecipientPrivateKey.generate(), SigningKey.generate())
					.adviser()),
				this.anna);
	}

	@Test
	void proposeWhenRemovalOrThresholdWouldLockTheBookThenRefused() throws Exception {
		Builder one = Builder.organisation(this.anna);
		Builder two = twoAdvisers().then(new KeyBookChange.ThresholdChanged(2), this.anna, this.bram);

		refused(KeyBookRefusal.THRESHOLD_UNREACHABLE,
				() -> one.book.propose(new KeyBookChange.RecipientRemoved(this.anna.id())));
		refused(KeyBookRefusal.THRESHOLD_UNREACHABLE,
				() -> two.book.propose(new KeyBookChange.RecipientRemoved(this.bram.id())));
		refused(KeyBookRefusal.UNKNOWN_RECIPIENT,
				() -> two.book.propose(new KeyBookChange.RecipientRemoved(this.dirk.id())));
		refused(KeyBookRefusal.THRESHOLD_UNREACHABLE,
				() -> one.append(rawEntry(one.book, new KeyBookChange.RecipientRemoved(this.anna.id()), this.anna)));
	}

	@Test
	void proposeWhenRoleDoesNotFitBookThenRefused() throws Exception {
		Builder organisation = Builder.organisation(this.anna);
		Builder hotline = Builder.hotline(this.bram);

		refused(KeyBookRefusal.WRONG_ROLE, () -> organisation.book
			.propose(new KeyBookChange.RecipientAdded(this.carla.handler(TestKeyBooks.HOTLINE))));
		refused(KeyBookRefusal.WRONG_ROLE,
				() -> hotline.book.propose(new KeyBookChange.RecipientAdded(this.carla.adviser())));
		refused(KeyBookRefusal.WRONG_ROLE,
				() -> hotline.book.propose(new KeyBookChange.RecipientAdded(this.carla.handler(UUID.randomUUID()))));
		refused(KeyBookRefusal.WRONG_ROLE,
				() -> hotline.book.propose(new KeyBookChange.HotlinePinned(TestKeyBooks.HOTLINE, hotline.book.head())));
		refused(KeyBookRefusal.WRONG_ROLE, () -> hotline
			.append(rawEntry(hotline.book, new KeyBookChange.RecipientAdded(this.carla.adviser()), this.bram)));
	}

	@Test
	void hotlineMembersWhenPinnedThenHandlersAndOnlyWhileTheirBookExtendsThePin() throws Exception {
		Person hanna = Person.of("e0000000-0000-4000-8000-000000000005", "Hanna Hotline");
		Person ivo = Person.of("f0000000-0000-4000-8000-000000000006", "Ivo Hotline");
		Builder hotline = Builder.hotline(hanna);
		Builder organisation = twoAdvisers()
			.then(new KeyBookChange.HotlinePinned(TestKeyBooks.HOTLINE, hotline.book.head()), this.anna, this.bram);
		assertThat(organisation.book.pinnedHotlines()).containsEntry(TestKeyBooks.HOTLINE, hotline.book.head());
		KeyBook pinnedState = hotline.book;

		hotline.then(new KeyBookChange.RecipientAdded(ivo.handler(TestKeyBooks.HOTLINE)), hanna);
		assertThat(organisation.book.hotlineMembers(hotline.book)).extracting(KeyBookMember::recipientId)
			.containsExactly(hanna.id(), ivo.id());
		assertThat(organisation.book.hotlineMembers(pinnedState)).hasSize(1);

		Builder impostor = Builder.hotline(ivo);
		refused(KeyBookRefusal.HOTLINE_NOT_PINNED, () -> organisation.book.hotlineMembers(impostor.book));
		refused(KeyBookRefusal.WRONG_BOOK, () -> organisation.book.hotlineMembers(organisation.book));
		organisation.then(new KeyBookChange.HotlineUnpinned(TestKeyBooks.HOTLINE), this.anna, this.bram);
		refused(KeyBookRefusal.HOTLINE_NOT_PINNED, () -> organisation.book.hotlineMembers(hotline.book));
		refused(KeyBookRefusal.HOTLINE_NOT_PINNED,
				() -> organisation.book.propose(new KeyBookChange.HotlineUnpinned(TestKeyBooks.HOTLINE)));
		assertThat(KeyBook.verifyHotline(TestKeyBooks.ORGANISATION, TestKeyBooks.HOTLINE, hotline.entries).members())
			.hasSize(2);
	}

	@Test
	void appendWhenAnyByteOfAnEntryFlippedThenRefusedAndSignatureBytesAsBadSignature() throws Exception {
		Builder b = twoAdvisers();
		byte[] entry = b.entry(new KeyBookChange.RecipientAdded(this.carla.adviser()), this.anna, this.bram);
		int signaturesFrom = entry.length - 2 * (2 + 36 + 64);

		for (int i = 0; i < entry.length; i++) {
			for (int mask : new int[] { 0x01, 0x80 }) {
				byte[] tampered = entry.clone();
				tampered[i] ^= (byte) mask;
				CryptoException refusal = refusalOf(() -> b.book.append(tampered));
				assertThat(refusal.refusal()).as("byte %d", i).isPresent();
				boolean inSignature = i >= signaturesFrom && ((i - signaturesFrom) % 102) >= 38;
				if (inSignature) {
					assertThat(refusal.refusal()).as("byte %d", i).contains(KeyBookRefusal.BAD_SIGNATURE);
				}
			}
		}
		b.append(entry);
		assertThat(b.book.members()).hasSize(3);
	}

	@Test
	void approveWhenDraftIsStaleOrForAnotherBookThenRefused() throws Exception {
		Builder b = twoAdvisers();
		KeyBookDraft stale = b.book.propose(new KeyBookChange.RecipientAdded(this.carla.adviser()));
		b.then(new KeyBookChange.ThresholdChanged(1), this.anna, this.bram);
		Builder other = new Builder(UUID.randomUUID(), this.dirk.adviser(), this.dirk.signing());

		refused(KeyBookRefusal.WRONG_SEQUENCE, () -> b.book.approve(stale, this.anna.id(), this.anna.signing()));
		refused(KeyBookRefusal.WRONG_BOOK, () -> b.book
			.approve(other.book.propose(new KeyBookChange.ThresholdChanged(0)), this.anna.id(), this.anna.signing()));
		assertThat(KeyBookDraft.parse(stale.toBytes())).isEqualTo(stale);
		refused(KeyBookRefusal.MALFORMED,
				() -> KeyBookDraft.parse(stale.entry(List.of(KeyBookApproval.of(this.anna.id(), new byte[64])))));
	}

	@Test
	void safetyCodeWhenPrintedParsedOrMistypedThenRoundTripsOrSaysTypo() throws Exception {
		Builder b = threeAdvisers();
		SafetyCode code = b.book.safetyCode();

		assertThat(code.printable()).matches("([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}");
		assertThat(code.urlForm()).isEqualTo(code.printable().replace("-", ""));
		assertThat(SafetyCode.parse(code.printable().toLowerCase().replace('0', 'o').replace('1', 'l')))
			.isEqualTo(code);
		assertThat(code.matches(b.book.head())).isTrue();
		String symbols = code.urlForm();
		String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
		for (int i = 0; i < symbols.length(); i++) {
			char wrong = alphabet.charAt((alphabet.indexOf(symbols.charAt(i)) + 7) % 32);
			String typo = symbols.substring(0, i) + wrong + symbols.substring(i + 1);
			refused(KeyBookRefusal.SAFETY_CODE_TYPO, () -> SafetyCode.parse(typo));
			if (i > 0) {
				String swapped = symbols.substring(0, i - 1) + symbols.charAt(i) + symbols.charAt(i - 1)
						+ symbols.substring(i + 1);
				if (!swapped.equals(symbols)) {
					refused(KeyBookRefusal.SAFETY_CODE_TYPO, () -> SafetyCode.parse(swapped));
				}
			}
		}
		refused(KeyBookRefusal.SAFETY_CODE_TYPO, () -> SafetyCode.parse(symbols.substring(1)));
		refused(KeyBookRefusal.SAFETY_CODE_TYPO, () -> SafetyCode.parse("\u00df" + symbols.substring(1)));
		// a code published earlier stays valid as the book grows; another book's does not
		SafetyCode published = b.book.headAt(0).orElseThrow().safetyCode();
		assertThat(b.book.requireContains(published)).isEqualTo(b.book.headAt(0).orElseThrow());
		refused(KeyBookRefusal.NOT_EXTENDED,
				() -> b.book.requireContains(Builder.organisation(this.dirk).book.safetyCode()));
	}

	@Test
	void insiderWhenAdminOrDbaOrOperatorActsThenTheBookSaysNo() throws Exception {
		Builder b = twoAdvisers();
		KeyBookHead sealedTo = b.book.head();
		SafetyCode published = b.book.safetyCode();
		Person mallory = new Person(UUID.randomUUID(), "Mallory", RecipientPrivateKey.generate(),
				SigningKey.generate());

		// admin: proposes a look-alike of Anna; no adviser approves, so the book never
		// lists it
		refused(KeyBookRefusal.DUPLICATE_RECIPIENT, () -> b.book.propose(new KeyBookChange.RecipientAdded(
				new Person(mallory.id(), "Anna Adviseur", mallory.key(), mallory.signing()).adviser())));
		// DBA: appends an entry that Mallory signs herself
		byte[] selfApproved = rawEntry(b.book, new KeyBookChange.RecipientAdded(mallory.adviser()), mallory);
		refused(KeyBookRefusal.NOT_A_SIGNER, () -> b.book.append(selfApproved));
		// DBA: swaps Anna's public key inside the stored genesis
		List<byte[]> swapped = b.copy();
		byte[] genesis = swapped.get(0);
		int keyAt = indexOf(genesis, this.anna.key().publicKey().toBytes());
		System.arraycopy(mallory.key().publicKey().toBytes(), 0, genesis, keyAt, 32);
		refused(KeyBookRefusal.BAD_SIGNATURE, () -> KeyBook.verify(TestKeyBooks.ORGANISATION, swapped));
		// operator: serves a whole new book of Mallory's own; it verifies, but neither
		// the
		// published code nor the head a reporter sealed to is in it
		KeyBook fake = new Builder(TestKeyBooks.ORGANISATION, mallory.adviser(), mallory.signing()).book;
		refused(KeyBookRefusal.NOT_EXTENDED, () -> fake.requireContains(published));
		refused(KeyBookRefusal.NOT_EXTENDED, () -> fake.requireExtends(sealedTo));
	}

	private Builder twoAdvisers() throws CryptoException {
		return Builder.organisation(this.anna).then(new KeyBookChange.RecipientAdded(this.bram.adviser()), this.anna);
	}

	private Builder threeAdvisers() throws CryptoException {
		return twoAdvisers().then(new KeyBookChange.RecipientAdded(this.carla.adviser()), this.anna, this.bram);
	}

	private static byte[] message(KeyBookDraft draft) {
		return KeyBookCodec.approvalMessage(draft.toBytes());
	}

	/** An entry built without {@link KeyBook#propose}'s checks, as an attacker would. */
	static byte[] rawEntry(KeyBook book, KeyBookChange change, Person... signers) throws CryptoException {
		byte[] body = KeyBookCodec.encodeBody(book.organisationId(), book.hotlineId(), book.length(),
				book.head().hash(), change);
		List<KeyBookApproval> approvals = new ArrayList<>();
		for (Person signer : signers) {
			approvals.add(KeyBookApproval.of(signer.id(), signer.signing().sign(KeyBookCodec.approvalMessage(body))));
		}
		return KeyBookCodec.encodeEntry(body, approvals);
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}

	static void refused(KeyBookRefusal reason, ThrowingCall call) {
		assertThat(refusalOf(call).refusal()).contains(reason);
	}

	static CryptoException refusalOf(ThrowingCall call) {
		try {
			call.run();
		}
		catch (CryptoException ex) {
			return ex;
		}
		throw new AssertionError("expected a refusal, but it was accepted");
	}

	@FunctionalInterface
	interface ThrowingCall {

		void run() throws CryptoException;

	}

}
