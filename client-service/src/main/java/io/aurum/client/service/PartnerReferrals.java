package io.aurum.client.service;

import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.ProspectSource;
import io.aurum.client.rest.NewClient;
import io.aurum.client.rest.PartnerReferralResource.PartnerReferralReceipt;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Referrals from partner institutions: each becomes a PROSPECT (source PARTNER) in the team configured to take them
 * ({@code aurum.referrals.partner-team}), whose team lead assigns an RM. The partner's own reference makes a resend
 * answer the first receipt instead of registering the person twice. The partner learns nothing about the client.
 */
@ApplicationScoped
public class PartnerReferrals {

    private final ClientService clients;
    private final EntityManager em;
    private final String intakeTeam;

    public PartnerReferrals(ClientService clients, EntityManager em,
                            @ConfigProperty(name = "aurum.referrals.partner-team") String intakeTeam) {
        this.clients = clients;
        this.em = em;
        this.intakeTeam = intakeTeam;
    }

    @Transactional
    public PartnerReferralReceipt submit(String partnerReference, String fullName, String phone, String email,
                                         Caller partner) {
        String partnerId = partner.partnerId();
        UUID prospectId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so a resend answers the same
        // the claim comes first: a concurrent resend waits on the key, then finds the first one's receipt
        int claimed = em.createNativeQuery("INSERT INTO partner_referral (partner_id, partner_reference, client_id,"
                        + " received_at, contact_consent_attested) VALUES (?1, ?2, ?3, ?4, true) ON CONFLICT DO NOTHING")
                .setParameter(1, partnerId).setParameter(2, partnerReference).setParameter(3, prospectId)
                .setParameter(4, now).executeUpdate();
        if (claimed == 0) {
            return new PartnerReferralReceipt(partnerReference, PartnerReferralReceipt.RECEIVED,
                    receivedAt(partnerId, partnerReference), false);
        }
        String detail = "partner " + partnerId + ", reference " + partnerReference;
        NewClient prospect = new NewClient(fullName, null, null, null, null, null, null, phone, email, null, null, null,
                null, null, null, null, null, null, null, null, null, null, ProspectSource.PARTNER, detail, null, null,
                null, null, LifecycleStatus.PROSPECT, null, null);
        // registered into the intake team, on the partner's behalf (audit and events name the partner)
        clients.register(prospectId, prospect, new Caller(partner.subject(), partner.username(), partner.roles(),
                intakeTeam, null));
        return new PartnerReferralReceipt(partnerReference, PartnerReferralReceipt.RECEIVED, now, true);
    }

    private Instant receivedAt(String partnerId, String partnerReference) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT received_at FROM partner_referral"
                        + " WHERE partner_id = ?1 AND partner_reference = ?2")
                .setParameter(1, partnerId).setParameter(2, partnerReference).getResultList();
        return Sql.instant(rows.get(0));
    }
}
