package nl.meldpunt.caseservice.keybook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meldpunt.crypto.KeyBookDraft;

/**
 * A proposed key-book entry as members see it while approvals come in.
 *
 * @param id the draft
 * @param hotlineId the hotline whose book it continues (empty: the organisation's)
 * @param draft the body the approvers sign (their browsers show its change)
 * @param subject the account the change is about (added or removed), when it is about one
 * @param proposedBy who proposed it ({@code SYSTEM}, {@code ADMIN}, {@code ADVISER} or
 * {@code HOTLINE})
 * @param proposedOn the day it was proposed
 * @param approvedBy who approved it so far
 * @param threshold how many approvals it needs
 */
public record Draft(UUID id, Optional<UUID> hotlineId, KeyBookDraft draft, Optional<UUID> subject, String proposedBy,
		LocalDate proposedOn, List<UUID> approvedBy, int threshold) {
}
