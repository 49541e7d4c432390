package nl.meldpunt.caseservice.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reminders and escalations go out, counted in days before each legal deadline, and
 * after how many days an unanswered question times out.
 */
@ConfigurationProperties("meldpunt.deadlines")
record DeadlineSettings(@DefaultValue("2") int acknowledgeReminderDays,
		@DefaultValue("1") int acknowledgeEscalationDays, @DefaultValue("14") int feedbackReminderDays,
		@DefaultValue("3") int feedbackEscalationDays, @DefaultValue("14") int answerTimeoutDays,
		@DefaultValue("meldpunt@localhost") String mailFrom) {
}
