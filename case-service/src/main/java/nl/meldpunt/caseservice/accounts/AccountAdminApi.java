package nl.meldpunt.caseservice.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.organisations.Hotlines;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * Accounts of the administrator's own organisation: list, invite, and the lifecycle
 * ({@link AccountLifecycle}). Never case content.
 */
@RestController
class AccountAdminApi {

	record Invitation(@NotNull Role role, @NotBlank @Size(max = 120) String displayName,
			@NotBlank @Email @Size(max = 254) String email, UUID hotlineId) {
	}

	record Invited(UUID accountId, String enrolmentCode) {
	}

	/**
	 * One account as the administrator sees it; {@code loginDelayUntil} is set while the
	 * back-off of failed log-ins lasts; {@code removed}: removed from its key book by a
	 * signed entry.
	 */
	record AccountView(UUID id, Role role, String displayName, String email, boolean enrolled, boolean backup,
			AccountStatus status, Instant loginDelayUntil, boolean removed) {
	}

	/**
	 * The organisation's approval threshold m for key-book changes (0: the default rule).
	 */
	record Threshold(@Min(0) @Max(32) int threshold) {
	}

	private final Accounts accounts;

	private final Enrolments enrolments;

	private final AccountLifecycle lifecycle;

	private final Hotlines hotlines;

	private final KeyBookMembership membership;

	AccountAdminApi(Accounts accounts, Enrolments enrolments, AccountLifecycle lifecycle, Hotlines hotlines,
			KeyBookMembership membership) {
		this.accounts = accounts;
		this.enrolments = enrolments;
		this.lifecycle = lifecycle;
		this.hotlines = hotlines;
		this.membership = membership;
	}

	@GetMapping("/api/admin/accounts")
	List<AccountView> list(@AuthenticationPrincipal Caller caller) {
		return this.accounts.manageable(caller.organisationId())
			.stream()
			.map((a) -> new AccountView(a.id(), a.role(), a.displayName(), a.email(), a.isEnrolled(), a.isBackup(),
					a.status(), a.loginDelayUntil(), a.isRemoved()))
			.toList();
	}

	@PostMapping("/api/admin/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Invited invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Invitation invitation) {
		if (invitation.role() == Role.HOTLINE && (invitation.hotlineId() == null
				|| this.hotlines.findByIdAndOrganisationId(invitation.hotlineId(), caller.organisationId())
					.isEmpty())) {
			throw Refusal.invalid("hotlineId", "must be a hotline of this organisation");
		}
		Enrolments.Invited invited = this.enrolments.invite(caller.organisationId(), invitation.role(),
				invitation.displayName(), invitation.email(),
				(invitation.role() == Role.HOTLINE) ? invitation.hotlineId() : null, AccountId.of(caller.accountId()),
				Enrolments.INVITATION_VALID);
		return new Invited(invited.accountId(), invited.code());
	}

	/**
	 * A new enrolment code for someone who has not enrolled (the old one stops working).
	 */
	@PostMapping("/api/admin/accounts/{accountId}/enrolment-code")
	@ResponseStatus(HttpStatus.CREATED)
	Invited newEnrolmentCode(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		Enrolments.Invited invited = this.lifecycle.newEnrolmentCode(caller, accountId);
		return new Invited(invited.accountId(), invited.code());
	}

	/** Lifts the log-in back-off of failed attempts. */
	@PostMapping("/api/admin/accounts/{accountId}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		this.lifecycle.unlock(caller, accountId);
	}

	@PostMapping("/api/admin/accounts/{accountId}/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		this.lifecycle.disable(caller, accountId);
	}

	@PostMapping("/api/admin/accounts/{accountId}/enable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enable(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		this.lifecycle.enable(caller, accountId);
	}

	@DeleteMapping("/api/admin/accounts/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		this.lifecycle.remove(caller, accountId);
	}

	/**
	 * Admins propose, members approve: proposes to remove a recipient from its key book;
	 * members of that book approve it in their browsers.
	 */
	@PostMapping("/api/admin/accounts/{accountId}/removal")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> proposeRemoval(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
		return Map.of("draftId",
				this.membership.proposeRemoval(caller.organisationId(), accountId, ActorKind.ADMIN, caller.accountId())
					.id());
	}

	/** Proposes the organisation's approval threshold m; advisers approve it. */
	@PutMapping("/api/admin/key-book/threshold")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> proposeThreshold(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody Threshold threshold) {
		return Map.of("draftId",
				this.membership
					.proposeThreshold(caller.organisationId(), threshold.threshold(), ActorKind.ADMIN,
							caller.accountId())
					.id());
	}

}
