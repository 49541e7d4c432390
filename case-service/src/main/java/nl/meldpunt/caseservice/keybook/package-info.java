/**
 * The key books (crypto/FORMAT.md "Key book"): who may read an organisation's reports
 * (its advisers) and a hotline's (its handlers), as append-only, hash-chained lists of
 * entries that the members' browsers sign. The service stores and serves the books,
 * verifies every entry before it appends it, proposes changes and collects approvals, but
 * it holds no signing key and so can neither add nor remove a reader by itself.
 * {@link nl.meldpunt.caseservice.keybook.KeyBooks} is the front door; the tables
 * {@code key_book_entry}, {@code key_book_draft} and {@code key_book_approval} are its
 * own.
 */
package nl.meldpunt.caseservice.keybook;
