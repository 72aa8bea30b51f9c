package io.aurum.engagement.service;

import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.domain.TaskType;
import io.aurum.engagement.rules.CareWindow;
import io.aurum.engagement.rules.ContactCadence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily job, callable for any day (catch-up, tests): a contact task for every client past its tier's cadence, care
 * tasks for birthdays and care days coming within 7 days (only for clients who allow marketing contact, on their
 * preferred channel, outside their quiet hours), and follow-ups for holdings maturing within 7 days. Every task is
 * keyed by its reason, so running the job twice for a day creates nothing twice.
 */
@ApplicationScoped
public class DailyCare {

    private static final Logger LOG = Logger.getLogger(DailyCare.class);

    public record Outcome(LocalDate day, int contactDue, int birthdays, int careDays, int maturities) {
    }

    private final Tasks tasks;
    private final EngagementConfig config;
    private final EntityManager em;

    public DailyCare(Tasks tasks, EngagementConfig config, EntityManager em) {
        this.tasks = tasks;
        this.config = config;
        this.em = em;
    }

    @Transactional
    public Outcome run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CareWindow.BANK_ZONE);
        int contact = cadence(now);
        int birthdays = birthdays(today);
        int care = careDays(today);
        int maturities = maturities(today);
        Outcome o = new Outcome(today, contact, birthdays, care, maturities);
        LOG.infof("Daily care for %s: %s", today, o);
        return o;
    }

    private int cadence(Instant now) {
        int created = 0;
        Map<String, Integer> cadence = config.cadenceDays();
        List<ClientCard> cards = ClientCard.list("lifecycleStatus = 'ACTIVE' and erased = false and tier in ?1",
                List.copyOf(cadence.keySet()));
        Instant endOfDay = ZonedDateTime.ofInstant(now, CareWindow.BANK_ZONE).toLocalDate().plusDays(1)
                .atStartOfDay(CareWindow.BANK_ZONE).toInstant().minusSeconds(1);
        for (ClientCard c : cards) {
            ContactCadence.Gap gap = ContactCadence.of(c.tier, cadence, c.lastContactAt, c.cadenceAnchorAt, now);
            if (gap == null || !gap.overdue()) {
                continue;
            }
            LocalDate dueDay = LocalDate.ofInstant(gap.dueAt(), CareWindow.BANK_ZONE);
            TaskPriority priority = gap.daysSinceContact() >= 2L * gap.cadenceDays() ? TaskPriority.HIGH : TaskPriority.NORMAL;
            if (tasks.fromJob(new Tasks.Scheduled(c.clientId, null, null, TaskType.CONTACT_DUE, priority,
                    "Contact due: " + gap.daysSinceContact() + " days since the last conversation (" + c.tier + " cadence "
                            + gap.cadenceDays() + " days)", endOfDay, "CADENCE:" + c.clientId + ":" + dueDay, null, null)) != null) {
                created++;
            }
        }
        return created;
    }

    private int birthdays(LocalDate today) {
        int created = 0;
        for (int d = 0; d <= config.careLeadDays(); d++) {
            LocalDate day = today.plusDays(d);
            MonthDay md = MonthDay.from(day);
            List<ClientCard> cards = ClientCard.list("marketingConsent = true and erased = false and lifecycleStatus = 'ACTIVE'"
                    + " and birthDate is not null and extract(month from birthDate) = ?1 and extract(day from birthDate) = ?2",
                    md.getMonthValue(), md.getDayOfMonth());
            for (ClientCard c : cards) {
                CareWindow.Contact contact = CareWindow.of(day, c.quietHoursStart, c.quietHoursEnd, Arrays.asList(c.preferredChannels));
                if (tasks.fromJob(new Tasks.Scheduled(c.clientId, null, null, TaskType.BIRTHDAY_CARE, TaskPriority.NORMAL,
                        "Birthday on " + day + ": greetings by " + contact.channel(), contact.at(),
                        "BIRTHDAY:" + c.clientId + ":" + day.getYear(), contact.channel(), null)) != null) {
                    created++;
                }
            }
        }
        return created;
    }

    private int careDays(LocalDate today) {
        int created = 0;
        List<ClientCard> cards = null;
        for (Map.Entry<String, List<String>> e : config.careDays().entrySet()) {
            for (String date : e.getValue()) {
                LocalDate day = LocalDate.parse(date.strip());
                if (day.isBefore(today) || day.isAfter(today.plusDays(config.careLeadDays()))) {
                    continue;
                }
                if (cards == null) {
                    cards = ClientCard.list("marketingConsent = true and erased = false and lifecycleStatus = 'ACTIVE' and tier in ?1",
                            List.copyOf(config.cadenceDays().keySet()));
                }
                String name = e.getKey();
                for (ClientCard c : cards) {
                    CareWindow.Contact contact = CareWindow.of(day, c.quietHoursStart, c.quietHoursEnd, Arrays.asList(c.preferredChannels));
                    if (tasks.fromJob(new Tasks.Scheduled(c.clientId, null, null, TaskType.FESTIVAL_CARE, TaskPriority.LOW,
                            "Care day " + name + " on " + day + ": greetings by " + contact.channel(), contact.at(),
                            "CARE:" + name + ":" + day + ":" + c.clientId, contact.channel(), null)) != null) {
                        created++;
                    }
                }
            }
        }
        return created;
    }

    private int maturities(LocalDate today) {
        int created = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT h.client_id, h.product_code, h.maturity_date, h.amount"
                        + " FROM holding_maturity h JOIN client_card c ON c.client_id = h.client_id"
                        + " WHERE h.maturity_date BETWEEN ?1 AND ?2 AND NOT c.erased")
                .setParameter(1, today).setParameter(2, today.plusDays(config.maturityLeadDays())).getResultList();
        for (Object[] r : rows) {
            UUID client = (UUID) r[0];
            LocalDate day = NativeValues.date(r[2]);
            if (tasks.fromJob(new Tasks.Scheduled(client, null, null, TaskType.MATURITY_FOLLOW_UP, TaskPriority.HIGH,
                    r[1] + " (CNY " + r[3] + ") matures on " + day + ": discuss the reinvestment",
                    day.atStartOfDay(CareWindow.BANK_ZONE).toInstant(), "MATURITY:" + client + ":" + r[1] + ":" + day, null, null)) != null) {
                created++;
            }
        }
        return created;
    }
}
