package nl.meldpunt.caseservice.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import nl.meldpunt.caseservice.audit.AuditCheckpoints;

/**
 * Sends deadline mail. The mail carries no case content and no case id: only that a
 * deadline is near and where to sign in, in Dutch and English, plus the organisation's
 * newest signed audit checkpoint (one line: chain, entry, hash prefix), so that a copy of
 * it leaves the server with every mail.
 */
@Component
class Notifier {

	private final JavaMailSender mail;

	private final DeadlineSettings settings;

	private final MeterRegistry meters;

	private final AuditCheckpoints checkpoints;

	Notifier(JavaMailSender mail, DeadlineSettings settings, MeterRegistry meters, AuditCheckpoints checkpoints) {
		this.mail = mail;
		this.settings = settings;
		this.meters = meters;
		this.checkpoints = checkpoints;
		// every kind from the start, so that a scrape shows 0 rather than nothing
		for (DeadlineNotice notice : DeadlineNotice.values()) {
			counter(notice);
		}
	}

	private Counter counter(DeadlineNotice notice) {
		return this.meters.counter("meldpunt.deadline.notices", "notice", notice.name().toLowerCase(Locale.ROOT));
	}

	void send(DeadlineNotice notice, LocalDate dueOn, UUID organisationId, List<String> to) {
		if (to.isEmpty()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.mailFrom());
		message.setBcc(to.toArray(String[]::new));
		message.setSubject(subject(notice));
		message.setText(text(notice, dueOn)
				+ this.checkpoints.mailLine(organisationId).map((line) -> "\n" + line + "\n").orElse(""));
		this.mail.send(message);
		// which notice only: no case, organisation or address
		counter(notice).increment();
	}

	private static String subject(DeadlineNotice notice) {
		return switch (notice) {
			case ACKNOWLEDGE_REMINDER -> "Meldpunt: ontvangstbevestiging binnenkort nodig / acknowledgement due soon";
			case ACKNOWLEDGE_ESCALATION ->
				"Meldpunt: ontvangstbevestiging dreigt te laat / acknowledgement about to be late";
			case FEEDBACK_REMINDER -> "Meldpunt: terugkoppeling binnenkort nodig / feedback due soon";
			case FEEDBACK_ESCALATION -> "Meldpunt: terugkoppeling dreigt te laat / feedback about to be late";
		};
	}

	private static String text(DeadlineNotice notice, LocalDate dueOn) {
		String escalation = notice.isEscalation()
				? "U ontvangt dit als achtervang-vertrouwenspersoon. / You receive this as back-up adviser.\n\n" : "";
		return escalation + "Een melding in Meldpunt heeft een wettelijke termijn die afloopt op " + dueOn
				+ ".\nLog in op de werkplek om de melding te behandelen.\n\n"
				+ "A report in Meldpunt has a legal deadline on " + dueOn
				+ ".\nSign in to the workspace to handle it.\n";
	}

}
