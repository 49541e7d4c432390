package nl.meldpunt.caseservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import nl.meldpunt.caseservice.casefile.CaseClosed;
import nl.meldpunt.caseservice.casefile.CaseDeleted;
import nl.meldpunt.caseservice.casefile.CaseEvent;
import nl.meldpunt.caseservice.casefile.CaseFiled;
import nl.meldpunt.caseservice.casefile.CasesFiled;
import nl.meldpunt.caseservice.casefile.CaseState;
import nl.meldpunt.caseservice.casefile.CaseTransitioned;
import nl.meldpunt.caseservice.casefile.Channel;
import nl.meldpunt.caseservice.casefile.Classification;
import nl.meldpunt.caseservice.casefile.Outcome;
import nl.meldpunt.caseservice.casefile.Track;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.caseservice.organisations.OrganisationUnit;
import nl.meldpunt.caseservice.organisations.OrganisationUnits;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes case-file events the way the case service does: inside a transaction. Also
 * seeds a realistic organisation for the dashboard, API and report tests.
 */
final class CaseFileEvents {

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	CaseFileEvents(ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.events = events;
		this.transactions = transactions;
	}

	void publish(Object... published) {
		this.transactions.executeWithoutResult((status) -> {
			for (Object event : published) {
				this.events.publishEvent(event);
			}
		});
	}

	UUID file(UUID organisation, LocalDate on, Channel channel) {
		UUID caseId = UUID.randomUUID();
		publish(new CasesFiled(List.of(new CaseFiled(organisation, caseId, channel, on))));
		return caseId;
	}

	void acknowledge(UUID organisation, UUID caseId, LocalDate on) {
		publish(new CaseTransitioned(organisation, caseId, CaseState.RECEIVED, CaseState.ACKNOWLEDGED,
				CaseEvent.ACKNOWLEDGE, on));
	}

	void feedback(UUID organisation, UUID caseId, LocalDate on) {
		publish(new CaseTransitioned(organisation, caseId, CaseState.IN_CONSULTATION, CaseState.FEEDBACK_GIVEN,
				CaseEvent.GIVE_FEEDBACK, on));
	}

	void close(UUID organisation, UUID caseId, LocalDate on, Classification classification) {
		publish(new CaseTransitioned(organisation, caseId, CaseState.FEEDBACK_GIVEN, CaseState.CLOSED, CaseEvent.CLOSE,
				on), new CaseClosed(organisation, caseId, on, classification));
	}

	void delete(UUID organisation, UUID caseId) {
		publish(new CaseDeleted(organisation, caseId));
	}

	/**
	 * A real organisation (default categories) with the units {@code care},
	 * {@code housing} and {@code office}, as the seeded classifications use.
	 */
	static UUID organisation(OrganisationSetup setup, OrganisationUnits units) {
		String slug = "stats-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = setup.create(slug, "Statistics " + slug).id();
		for (String unit : List.of("care", "housing", "office")) {
			units.save(new OrganisationUnit(id, unit, "Onderdeel " + unit, "Unit " + unit));
		}
		return id;
	}

	/**
	 * A year of an organisation: many racism and bullying reports, a few rare categories
	 * (so that small cells appear), some still open. Returns every case id it used.
	 */
	List<UUID> seedYear(UUID organisation, int year, int cases, long seed, LocalDate today) {
		String[] categories = { "racism", "racism", "racism", "bullying", "bullying", "gender", "gender", "aggression",
				"religion", "age" };
		String[] units = { "care", "care", "housing", "office" };
		Random random = new Random(seed);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < cases; i++) {
			LocalDate start = LocalDate.of(year, 1, 1);
			LocalDate end = LocalDate.of(year, 12, 31);
			end = end.isAfter(today.minusDays(2)) ? today.minusDays(2) : end;
			LocalDate filed = start.plusDays(random.nextLong(end.toEpochDay() - start.toEpochDay() + 1));
			Channel channel = (random.nextInt(5) == 0) ? Channel.EXTERNAL_HOTLINE : Channel.INTERNAL_ADVISER;
			UUID caseId = file(organisation, filed, channel);
			ids.add(caseId);
			LocalDate acknowledged = filed.plusDays(random.nextInt(10));
			if (acknowledged.isAfter(today)) {
				continue;
			}
			acknowledge(organisation, caseId, acknowledged);
			LocalDate feedback = acknowledged.plusDays(20 + random.nextInt(100));
			if (feedback.isAfter(today)) {
				continue;
			}
			feedback(organisation, caseId, feedback);
			LocalDate closed = feedback.plusDays(random.nextInt(20));
			if (closed.isAfter(today) || random.nextInt(6) == 0) {
				continue;
			}
			Track track = (channel == Channel.EXTERNAL_HOTLINE) ? Track.EXTERNAL
					: Track.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(4)];
			Outcome outcome = (random.nextInt(3) == 0) ? Outcome.RESOLVED : Outcome.ADVICE_GIVEN;
			close(organisation, caseId, closed, new Classification(categories[random.nextInt(categories.length)],
					units[random.nextInt(units.length)], channel, track, outcome));
		}
		return ids;
	}

}
