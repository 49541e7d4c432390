package nl.meldpunt.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reusable people and books for the key-book tests: each person has an X25519 key, a
 * signing key and a fixed id; a book is built entry by entry with real approvals.
 */
final class TestKeyBooks {

	static final UUID ORGANISATION = UUID.fromString("0b6f1c8e-3f5c-4d2a-9a51-1d2e3f405060");

	static final UUID HOTLINE = UUID.fromString("7d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5");

	private TestKeyBooks() {
	}

	/** Someone who can be a member: keys and a fixed id. */
	record Person(UUID id, String name, RecipientPrivateKey key, SigningKey signing) {

		static Person of(String id, String name) {
			return new Person(UUID.fromString(id), name, RecipientPrivateKey.generate(), SigningKey.generate());
		}

		RecipientPublicKeys keys() {
			return new RecipientPublicKeys(this.key.publicKey(), this.signing.publicKey());
		}

		KeyBookMember adviser() {
			return KeyBookMember.adviser(this.id, this.name, keys());
		}

		KeyBookMember handler(UUID hotline) {
			return KeyBookMember.hotlineHandler(this.id, hotline, this.name, keys());
		}

	}

	static Person anna() {
		return Person.of("a0000000-0000-4000-8000-000000000001", "Anna Adviseur");
	}

	static Person bram() {
		return Person.of("b0000000-0000-4000-8000-000000000002", "Bram de Vries");
	}

	static Person carla() {
		return Person.of("c0000000-0000-4000-8000-000000000003", "Carla Çelik");
	}

	static Person dirk() {
		return Person.of("d0000000-0000-4000-8000-000000000004", "Dirk Jansen");
	}

	/** A book and its entries, grown one signed entry at a time. */
	static final class Builder {

		final List<byte[]> entries = new ArrayList<>();

		KeyBook book;

		Builder(UUID organisation, KeyBookMember first, SigningKey key) throws CryptoException {
			byte[] genesis = KeyBook.genesis(organisation, first, key);
			this.entries.add(genesis);
			this.book = first.hotlineId().isPresent()
					? KeyBook.verifyHotline(organisation, first.hotlineId().get(), this.entries)
					: KeyBook.verify(organisation, this.entries);
		}

		static Builder organisation(Person first) throws CryptoException {
			return new Builder(ORGANISATION, first.adviser(), first.signing());
		}

		static Builder hotline(Person first) throws CryptoException {
			return new Builder(ORGANISATION, first.handler(HOTLINE), first.signing());
		}

		/** Proposes {@code change}, has every signer approve, appends the entry. */
		Builder then(KeyBookChange change, Person... signers) throws CryptoException {
			append(entry(change, signers));
			return this;
		}

		byte[] entry(KeyBookChange change, Person... signers) throws CryptoException {
			KeyBookDraft draft = this.book.propose(change);
			List<KeyBookApproval> approvals = new ArrayList<>();
			for (Person signer : signers) {
				approvals.add(this.book.approve(draft, signer.id(), signer.signing()));
			}
			return draft.entry(approvals);
		}

		void append(byte[] entry) throws CryptoException {
			this.book = this.book.append(entry);
			this.entries.add(entry);
		}

		List<byte[]> copy() {
			List<byte[]> out = new ArrayList<>();
			for (byte[] entry : this.entries) {
				out.add(Arrays.copyOf(entry, entry.length));
			}
			return out;
		}

	}

}
