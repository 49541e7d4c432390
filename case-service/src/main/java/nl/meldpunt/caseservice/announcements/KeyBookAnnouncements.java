package nl.meldpunt.caseservice.announcements;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.meldpunt.caseservice.accounts.Accounts;
import nl.meldpunt.caseservice.audit.AuditCheckpoints;
import nl.meldpunt.caseservice.keybook.KeyBookChanged;

/**
 * Announces every appended key-book entry, once it is committed, to every adviser of the
 * organisation (pending ones too: a newcomer learns that it was added), and for a
 * hotline's book to its handlers as well. The mail names no person, no key and no case:
 * only that the list of people who can read reports changed and where to check it. An
 * adviser who did not expect it compares the list and the safety code in the workspace.
 * The last line is the organisation's newest signed audit checkpoint (chain, entry, hash
 * prefix): a copy of the audit chain's state outside the server.
 */
@Component
class KeyBookAnnouncements {

	private static final Logger log = LoggerFactory.getLogger(KeyBookAnnouncements.class);

	static final String SUBJECT = "Meldpunt: de lijst van ontvangers is gewijzigd / the list of recipients changed";

	static final String TEXT = """
			De lijst van mensen die meldingen van uw organisatie kunnen lezen (het sleutelboek) is zojuist \
			gewijzigd met een ondertekende wijziging.
			Verwachtte u dit niet? Meld u aan op de werkplek, bekijk onder "Sleutelboek" wie er op de lijst \
			staan en vergelijk de veiligheidscode met de gepubliceerde.

			The list of people who can read your organisation's reports (the key book) has just changed by \
			a signed entry.
			Did you not expect this? Sign in to the workspace, check who is listed under "Key book" and \
			compare the safety code with the published one.
			""";

	private final JavaMailSender mail;

	private final Accounts accounts;

	private final String from;

	private final AuditCheckpoints checkpoints;

	KeyBookAnnouncements(JavaMailSender mail, Accounts accounts, AuditCheckpoints checkpoints,
			@Value("${meldpunt.announcements.mail-from:meldpunt@localhost}") String from) {
		this.mail = mail;
		this.accounts = accounts;
		this.checkpoints = checkpoints;
		this.from = from;
	}

	@TransactionalEventListener
	void announce(KeyBookChanged changed) {
		List<String> to = new ArrayList<>(this.accounts.enrolledAdviserEmails(changed.organisationId()));
		changed.hotlineId()
			.ifPresent((hotline) -> to.addAll(this.accounts.enrolledHandlerEmails(changed.organisationId(), hotline)));
		if (to.isEmpty()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setBcc(to.stream().distinct().toArray(String[]::new));
		message.setSubject(SUBJECT);
		message.setText(TEXT
				+ this.checkpoints.mailLine(changed.organisationId()).map((line) -> "\n" + line + "\n").orElse(""));
		try {
			this.mail.send(message);
		}
		catch (MailException ex) {
			// the change is stored; the workspace shows it to everyone who signs in
			log.warn("Key-book change not announced by e-mail: {}", ex.getClass().getSimpleName());
		}
	}

}
