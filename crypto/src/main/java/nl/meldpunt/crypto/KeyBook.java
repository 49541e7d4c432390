package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A verified key book: an append-only, hash-chained list of signed entries that says who
 * may read an organisation's reports (its advisers), or a hotline's (its handlers). Built
 * only by checking every entry from the genesis on ({@link #verify}, {@link #append}), so
 * holding one means the whole history verified. Every entry after the genesis carries
 * approvals of at least m current approvers, m as in force before the entry (the default
 * rule: 1 while the book has one approver, else 2, unless an entry set it); each approver
 * counts once, a removed one not at all. Immutable.
 *
 * <pre>
 * genesis ── entry 1 ── entry 2 ── … ── head
 *  (self-signed)  each body names the head before it; head = SHA-256(label || body)
 * </pre>
 */
public final class KeyBook {

	/** Most approvals on one entry, and the highest threshold. */
	public static final int MAX_APPROVALS = 32;

	/** Most entries in one book. */
	public static final int MAX_ENTRIES = 100_000;

	private static final byte[] NO_HEAD = new byte[KeyBookHead.HASH_LENGTH];

	private final State state;

	private KeyBook(State state) {
		this.state = state;
	}

	/**
	 * Verifies an organisation's book from its genesis.
	 * @param organisationId the organisation the caller expects (from its own context)
	 * @param entries the entries in order
	 * @return the verified book
	 * @throws CryptoException with a {@link KeyBookRefusal} naming the first problem
	 */
	public static KeyBook verify(UUID organisationId, List<byte[]> entries) throws CryptoException {
		return verify(organisationId, Optional.empty(), entries);
	}

	/**
	 * Verifies a hotline's own book (its handlers) from its genesis.
	 * @param organisationId the organisation that pins it
	 * @param hotlineId the hotline
	 * @param entries the entries in order
	 * @return the verified book
	 * @throws CryptoException with a {@link KeyBookRefusal} naming the first problem
	 */
	public static KeyBook verifyHotline(UUID organisationId, UUID hotlineId, List<byte[]> entries)
			throws CryptoException {
		return verify(organisationId, Optional.of(hotlineId), entries);
	}

	private static KeyBook verify(UUID organisationId, Optional<UUID> hotlineId, List<byte[]> entries)
			throws CryptoException {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(entries, "entries");
		if (entries.isEmpty()) {
			throw new CryptoException(KeyBookRefusal.EMPTY_BOOK, "The key book has no entries");
		}
		if (entries.size() > MAX_ENTRIES) {
			throw new CryptoException(KeyBookRefusal.MALFORMED, "The key book has too many entries");
		}
		State state = new State(organisationId, hotlineId);
		for (byte[] entry : entries) {
			state.append(entry);
		}
		return new KeyBook(state);
	}

	/**
	 * The first entry of a book: {@code member} alone, signed by its own signing key. A
	 * hotline handler starts its hotline's book, an adviser the organisation's.
	 * @param organisationId the organisation
	 * @param member the first member
	 * @param key the member's signing key
	 * @return the genesis entry's bytes
	 */
	public static byte[] genesis(UUID organisationId, KeyBookMember member, SigningKey key) {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(member, "member");
		if (!key.publicKey().equals(member.keys().signingKey())) {
			throw new IllegalArgumentException("The genesis is signed by its own member's signing key");
		}
		byte[] body = KeyBookCodec.encodeBody(organisationId, member.hotlineId(), 0, NO_HEAD,
				new KeyBookChange.Genesis(member));
		byte[] signature = key.sign(KeyBookCodec.approvalMessage(body));
		return KeyBookCodec.encodeEntry(body, List.of(KeyBookApproval.ofOwned(member.recipientId(), signature)));
	}

	/**
	 * This book with one more entry, verified against this state.
	 * @param entry the entry's bytes
	 * @return the longer book
	 * @throws CryptoException with a {@link KeyBookRefusal} when it does not verify
	 */
	public KeyBook append(byte[] entry) throws CryptoException {
		State next = this.state.copy();
		next.append(entry);
		return new KeyBook(next);
	}

	/**
	 * A draft of the next entry, after checking that the change is allowed now (a new
	 * member's id, keys and display name are new to the book, a removal leaves enough
	 * approvers, …).
	 * @param change what the entry changes; never a genesis
	 * @return the draft to collect approvals for
	 * @throws CryptoException with a {@link KeyBookRefusal} when the change is not
	 * allowed
	 */
	public KeyBookDraft propose(KeyBookChange change) throws CryptoException {
		Objects.requireNonNull(change, "change");
		if (change instanceof KeyBookChange.Genesis) {
			throw new IllegalArgumentException("A genesis is made by KeyBook.genesis, only for a new book");
		}
		this.state.copy().apply(change);
		byte[] body = KeyBookCodec.encodeBody(this.state.organisationId, this.state.hotlineId, length(), head().raw(),
				change);
		return KeyBookDraft.of(KeyBookCodec.parseDraft(body));
	}

	/**
	 * Signs {@code draft} as {@code signerId}, after checking that it continues this very
	 * book and its change is allowed. Call it in the approver's browser (or its Java
	 * twin) only after showing the change and comparing a newcomer's fingerprint.
	 * @param draft the draft
	 * @param signerId the approver's recipient id
	 * @param key the approver's signing key
	 * @return the approval
	 * @throws CryptoException when the draft does not fit this book, the change is not
	 * allowed, or the signer is no current approver with this key
	 */
	public KeyBookApproval approve(KeyBookDraft draft, UUID signerId, SigningKey key) throws CryptoException {
		Objects.requireNonNull(key, "key");
		checkFits(draft);
		KeyBookMember signer = this.state.signer(signerId);
		if (!signer.keys().signingKey().equals(key.publicKey())) {
			throw new CryptoException(KeyBookRefusal.NOT_A_SIGNER,
					"This signing key is not the one the key book lists for the approver");
		}
		return KeyBookApproval.ofOwned(signerId, key.sign(KeyBookCodec.approvalMessage(draft.body().bytes())));
	}

	/**
	 * Checks one approval as it arrives, before the server stores it.
	 * @param draft the draft it approves
	 * @param approval the approval
	 * @throws CryptoException when the draft does not fit this book, or the approval is
	 * not by a current approver or does not verify
	 */
	public void checkApproval(KeyBookDraft draft, KeyBookApproval approval) throws CryptoException {
		Objects.requireNonNull(approval, "approval");
		checkFits(draft);
		KeyBookMember signer = this.state.signer(approval.signerId());
		if (!signer.keys().signingKey().verifies(KeyBookCodec.approvalMessage(draft.body().bytes()), approval.raw())) {
			throw new CryptoException(KeyBookRefusal.BAD_SIGNATURE, "The approval's signature does not verify");
		}
	}

	private void checkFits(KeyBookDraft draft) throws CryptoException {
		Objects.requireNonNull(draft, "draft");
		this.state.checkPosition(draft.body());
		if (draft.change() instanceof KeyBookChange.Genesis) {
			throw new CryptoException(KeyBookRefusal.BAD_GENESIS, "A genesis cannot follow other entries");
		}
		this.state.copy().apply(draft.change());
	}

	public UUID organisationId() {
		return this.state.organisationId;
	}

	/** The hotline of a hotline's book; empty for the organisation's book. */
	public Optional<UUID> hotlineId() {
		return this.state.hotlineId;
	}

	/** Number of entries. */
	public long length() {
		return this.state.heads.size();
	}

	public KeyBookHead head() {
		return this.state.heads.get(this.state.heads.size() - 1);
	}

	/** The head after entry {@code sequence}, if the book has it. */
	public Optional<KeyBookHead> headAt(long sequence) {
		return (sequence >= 0 && sequence < length()) ? Optional.of(this.state.heads.get((int) sequence))
				: Optional.empty();
	}

	public SafetyCode safetyCode() {
		return head().safetyCode();
	}

	/**
	 * The current members in the order they joined: the recipients of the route (all of
	 * them approvers of this book).
	 */
	public List<KeyBookMember> members() {
		return List.copyOf(this.state.members.values());
	}

	public Optional<KeyBookMember> member(UUID recipientId) {
		return Optional.ofNullable(this.state.members.get(recipientId));
	}

	/** How many approvals the next entry needs. */
	public int threshold() {
		return this.state.threshold();
	}

	/** The latest pin of each pinned hotline (organisation's book only). */
	public Map<UUID, KeyBookHead> pinnedHotlines() {
		Map<UUID, KeyBookHead> out = new LinkedHashMap<>();
		this.state.pins.forEach((hotline, heads) -> out.put(hotline, heads.get(heads.size() - 1)));
		return Collections.unmodifiableMap(out);
	}

	/**
	 * Whether {@code head} is this book's head after its sequence: this book extends it.
	 */
	public boolean extendsHead(KeyBookHead head) {
		Objects.requireNonNull(head, "head");
		return headAt(head.sequence()).map(head::equals).orElse(false);
	}

	/**
	 * Checks that this book extends {@code head} (a reporter's record of the head it
	 * sealed to, or an older copy of the book): append-only, nothing rewritten.
	 * @param head the earlier head
	 * @throws CryptoException with {@link KeyBookRefusal#NOT_EXTENDED} otherwise
	 */
	public void requireExtends(KeyBookHead head) throws CryptoException {
		if (!extendsHead(head)) {
			throw new CryptoException(KeyBookRefusal.NOT_EXTENDED,
					"The key book does not extend the head it was compared with: its history changed");
		}
	}

	/**
	 * The head a published safety code names, if it is this book's head or an earlier one
	 * (a code published before later, signed entries stays valid).
	 * @param code the code from the link or poster
	 * @return the head it names
	 * @throws CryptoException with {@link KeyBookRefusal#NOT_EXTENDED} when no head of
	 * this book has this code
	 */
	public KeyBookHead requireContains(SafetyCode code) throws CryptoException {
		Objects.requireNonNull(code, "code");
		for (int i = this.state.heads.size() - 1; i >= 0; i--) {
			if (code.matches(this.state.heads.get(i))) {
				return this.state.heads.get(i);
			}
		}
		throw new CryptoException(KeyBookRefusal.NOT_EXTENDED,
				"The key book does not match the organisation's published safety code");
	}

	/**
	 * The members of a pinned hotline: checks that {@code hotlineBook} belongs to this
	 * organisation, is pinned in this book and extends every pin of it.
	 * @param hotlineBook the hotline's verified book
	 * @return its current members
	 * @throws CryptoException with {@link KeyBookRefusal#WRONG_BOOK} or
	 * {@link KeyBookRefusal#HOTLINE_NOT_PINNED}
	 */
	public List<KeyBookMember> hotlineMembers(KeyBook hotlineBook) throws CryptoException {
		Objects.requireNonNull(hotlineBook, "hotlineBook");
		if (this.state.hotlineId.isPresent() || hotlineBook.hotlineId().isEmpty()
				|| !hotlineBook.organisationId().equals(organisationId())) {
			throw new CryptoException(KeyBookRefusal.WRONG_BOOK,
					"Hotline members come from a hotline's book pinned in its organisation's book");
		}
		List<KeyBookHead> pins = this.state.pins.get(hotlineBook.hotlineId().get());
		if (pins == null) {
			throw new CryptoException(KeyBookRefusal.HOTLINE_NOT_PINNED,
					"This hotline is not pinned in the organisation's key book");
		}
		for (KeyBookHead pin : pins) {
			if (!hotlineBook.extendsHead(pin)) {
				throw new CryptoException(KeyBookRefusal.HOTLINE_NOT_PINNED,
						"The hotline's key book does not extend the head the organisation pinned");
			}
		}
		return hotlineBook.members();
	}

	@Override
	public String toString() {
		return "KeyBook[" + this.state.organisationId + this.state.hotlineId.map((h) -> "/" + h).orElse("") + ", "
				+ length() + " entries, " + this.state.members.size() + " members]";
	}

	/**
	 * The mutable fold behind a book; a {@link KeyBook} holds one that is never changed
	 * again.
	 */
	private static final class State {

		final UUID organisationId;

		final Optional<UUID> hotlineId;

		final List<KeyBookHead> heads;

		final Map<UUID, KeyBookMember> members;

		final Set<UUID> everMembers;

		final Set<String> everKeys;

		final Map<UUID, List<KeyBookHead>> pins;

		int explicitThreshold;

		State(UUID organisationId, Optional<UUID> hotlineId) {
			this(organisationId, hotlineId, new ArrayList<>(), new LinkedHashMap<>(), new HashSet<>(), new HashSet<>(),
					new LinkedHashMap<>(), 0);
		}

		private State(UUID organisationId, Optional<UUID> hotlineId, List<KeyBookHead> heads,
				Map<UUID, KeyBookMember> members, Set<UUID> everMembers, Set<String> everKeys,
				Map<UUID, List<KeyBookHead>> pins, int explicitThreshold) {
			this.organisationId = organisationId;
			this.hotlineId = hotlineId;
			this.heads = heads;
			this.members = members;
			this.everMembers = everMembers;
			this.everKeys = everKeys;
			this.pins = pins;
			this.explicitThreshold = explicitThreshold;
		}

		State copy() {
			Map<UUID, List<KeyBookHead>> pinsCopy = new LinkedHashMap<>();
			this.pins.forEach((hotline, heads) -> pinsCopy.put(hotline, new ArrayList<>(heads)));
			return new State(this.organisationId, this.hotlineId, new ArrayList<>(this.heads),
					new LinkedHashMap<>(this.members), new HashSet<>(this.everMembers), new HashSet<>(this.everKeys),
					pinsCopy, this.explicitThreshold);
		}

		int threshold() {
			return (this.explicitThreshold > 0) ? this.explicitThreshold : Math.min(2, this.members.size());
		}

		void append(byte[] bytes) throws CryptoException {
			if (this.heads.size() >= MAX_ENTRIES) {
				throw new CryptoException(KeyBookRefusal.MALFORMED, "The key book has too many entries");
			}
			KeyBookCodec.Entry entry;
			try {
				entry = KeyBookCodec.parseEntry(bytes);
			}
			catch (CryptoException ex) {
				throw at(ex);
			}
			KeyBookCodec.Body body = entry.body();
			try {
				checkPosition(body);
				if (body.change() instanceof KeyBookChange.Genesis genesis) {
					checkGenesisApproval(genesis.member(), entry);
				}
				else if (this.heads.isEmpty()) {
					throw new CryptoException(KeyBookRefusal.BAD_GENESIS, "The first entry is not a genesis");
				}
				else {
					checkApprovals(entry);
				}
				apply(body.change());
			}
			catch (CryptoException ex) {
				throw at(ex);
			}
			this.heads.add(KeyBookHead.ofOwned(body.sequence(), KeyBookCodec.head(body.bytes())));
		}

		private CryptoException at(CryptoException ex) {
			return new CryptoException(ex.refusal().orElse(KeyBookRefusal.MALFORMED),
					"Key-book entry " + this.heads.size() + ": " + ex.getMessage());
		}

		void checkPosition(KeyBookCodec.Body body) throws CryptoException {
			if (!body.organisationId().equals(this.organisationId) || !body.hotlineId().equals(this.hotlineId)) {
				throw new CryptoException(KeyBookRefusal.WRONG_BOOK,
						"The entry belongs to another organisation's or hotline's key book");
			}
			if (body.sequence() != this.heads.size()) {
				throw new CryptoException(KeyBookRefusal.WRONG_SEQUENCE, "The entry has number " + body.sequence()
						+ " where " + this.heads.size() + " comes next: an entry is missing, repeated or moved");
			}
			byte[] previous = this.heads.isEmpty() ? NO_HEAD : this.heads.get(this.heads.size() - 1).raw();
			if (!MessageDigest.isEqual(previous, body.previous())) {
				throw new CryptoException(KeyBookRefusal.BROKEN_CHAIN,
						"The entry does not follow the head before it: the history was rewritten");
			}
		}

		private void checkGenesisApproval(KeyBookMember member, KeyBookCodec.Entry entry) throws CryptoException {
			if (!this.heads.isEmpty()) {
				throw new CryptoException(KeyBookRefusal.BAD_GENESIS, "A genesis cannot follow other entries");
			}
			if (entry.approvals().size() != 1 || !entry.approvals().get(0).signerId().equals(member.recipientId())) {
				throw new CryptoException(KeyBookRefusal.BAD_GENESIS, "A genesis is signed by its own member alone");
			}
			if (!member.keys()
				.signingKey()
				.verifies(KeyBookCodec.approvalMessage(entry.body().bytes()), entry.approvals().get(0).raw())) {
				throw new CryptoException(KeyBookRefusal.BAD_SIGNATURE, "The genesis signature does not verify");
			}
		}

		private void checkApprovals(KeyBookCodec.Entry entry) throws CryptoException {
			Set<UUID> seen = new HashSet<>();
			for (KeyBookApproval approval : entry.approvals()) {
				if (!seen.add(approval.signerId())) {
					throw new CryptoException(KeyBookRefusal.DUPLICATE_APPROVAL,
							"The same approver signed the entry twice");
				}
			}
			byte[] message = KeyBookCodec.approvalMessage(entry.body().bytes());
			for (KeyBookApproval approval : entry.approvals()) {
				if (!signer(approval.signerId()).keys().signingKey().verifies(message, approval.raw())) {
					throw new CryptoException(KeyBookRefusal.BAD_SIGNATURE,
							"An approval's signature does not verify: forged or changed");
				}
			}
			if (entry.approvals().size() < threshold()) {
				throw new CryptoException(KeyBookRefusal.THRESHOLD_NOT_MET, "The entry carries "
						+ entry.approvals().size() + " approvals where " + threshold() + " are needed");
			}
		}

		KeyBookMember signer(UUID signerId) throws CryptoException {
			Objects.requireNonNull(signerId, "signerId");
			KeyBookMember signer = this.members.get(signerId);
			if (signer != null) {
				return signer;
			}
			if (this.everMembers.contains(signerId)) {
				throw new CryptoException(KeyBookRefusal.REMOVED_SIGNER,
						"An approval by a removed approver counts for nothing");
			}
			throw new CryptoException(KeyBookRefusal.NOT_A_SIGNER, "An approval by someone who is no approver");
		}

		/** Checks that {@code change} is allowed now and applies it. */
		void apply(KeyBookChange change) throws CryptoException {
			if (change instanceof KeyBookChange.Genesis genesis) {
				add(genesis.member());
			}
			else if (change instanceof KeyBookChange.RecipientAdded added) {
				add(added.member());
			}
			else if (change instanceof KeyBookChange.RecipientRemoved removed) {
				remove(removed.recipientId());
			}
			else if (change instanceof KeyBookChange.ThresholdChanged threshold) {
				if (threshold.threshold() > this.members.size()) {
					throw new CryptoException(KeyBookRefusal.THRESHOLD_UNREACHABLE,
							"The threshold is higher than the number of approvers");
				}
				this.explicitThreshold = threshold.threshold();
			}
			else if (change instanceof KeyBookChange.HotlinePinned pin) {
				organisationBookOnly();
				this.pins.computeIfAbsent(pin.hotlineId(), (id) -> new ArrayList<>()).add(pin.head());
			}
			else if (change instanceof KeyBookChange.HotlineUnpinned unpin) {
				organisationBookOnly();
				if (this.pins.remove(unpin.hotlineId()) == null) {
					throw new CryptoException(KeyBookRefusal.HOTLINE_NOT_PINNED, "This hotline is not pinned");
				}
			}
		}

		private void organisationBookOnly() throws CryptoException {
			if (this.hotlineId.isPresent()) {
				throw new CryptoException(KeyBookRefusal.WRONG_ROLE, "Only the organisation's book pins hotlines");
			}
		}

		private void add(KeyBookMember member) throws CryptoException {
			if (!member.hotlineId().equals(this.hotlineId)) {
				throw new CryptoException(KeyBookRefusal.WRONG_ROLE,
						"Advisers belong to the organisation's book, handlers to their own hotline's book");
			}
			if (this.everMembers.contains(member.recipientId())) {
				throw new CryptoException(KeyBookRefusal.DUPLICATE_RECIPIENT,
						"This recipient id is or was in the key book already");
			}
			String encryption = "x" + HexFormat.of().formatHex(member.keys().encryptionKey().toBytes());
			String signing = "s" + HexFormat.of().formatHex(member.keys().signingKey().toBytes());
			if (this.everKeys.contains(encryption) || this.everKeys.contains(signing)) {
				throw new CryptoException(KeyBookRefusal.DUPLICATE_RECIPIENT,
						"One of these keys is or was in the key book already");
			}
			String name = member.nameKey();
			for (KeyBookMember current : this.members.values()) {
				if (current.nameKey().equals(name)) {
					throw new CryptoException(KeyBookRefusal.DUPLICATE_RECIPIENT,
							"A current member has the same display name");
				}
			}
			this.members.put(member.recipientId(), member);
			this.everMembers.add(member.recipientId());
			this.everKeys.add(encryption);
			this.everKeys.add(signing);
		}

		private void remove(UUID recipientId) throws CryptoException {
			if (!this.members.containsKey(recipientId)) {
				throw new CryptoException(KeyBookRefusal.UNKNOWN_RECIPIENT, "This recipient is not a current member");
			}
			int remaining = this.members.size() - 1;
			if (remaining == 0 || this.explicitThreshold > remaining) {
				throw new CryptoException(KeyBookRefusal.THRESHOLD_UNREACHABLE,
						"The removal would leave fewer approvers than the threshold needs");
			}
			this.members.remove(recipientId);
		}

	}

}
