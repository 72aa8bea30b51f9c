package io.aurum.client.service;

import io.aurum.client.domain.Client;
import io.aurum.client.pii.IdentityNumbers;
import io.aurum.client.pii.PiiCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Seals and opens a client's encrypted personal data; re-seals old values after a key rotation. */
@ApplicationScoped
public class ClientPii {

    public record Plain(String identityNumber, String phone, String email, String address) {
        public static final Plain EMPTY = new Plain(null, null, null, null);
    }

    private final PiiCipher cipher;
    private final EntityManager em;

    public ClientPii(PiiCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    public Plain open(Client c) {
        return new Plain(cipher.open(c.idNumberKid, c.idNumberEnc, context(c, "identityNumber")),
                cipher.open(c.phoneKid, c.phoneEnc, context(c, "phone")),
                cipher.open(c.emailKid, c.emailEnc, context(c, "email")),
                cipher.open(c.addressKid, c.addressEnc, context(c, "address")));
    }

    public void identityNumber(Client c, String value) {
        String normalised = IdentityNumbers.normalise(value);
        PiiCipher.Sealed s = cipher.seal(normalised, context(c, "identityNumber"));
        c.idNumberEnc = s.data();
        c.idNumberKid = s.keyId();
        c.idNumberHash = cipher.blindIndex(normalised);
    }

    public void phone(Client c, String value) {
        PiiCipher.Sealed s = cipher.seal(value == null ? null : value.strip(), context(c, "phone"));
        c.phoneEnc = s.data();
        c.phoneKid = s.keyId();
    }

    public void email(Client c, String value) {
        PiiCipher.Sealed s = cipher.seal(value == null ? null : value.strip().toLowerCase(java.util.Locale.ROOT),
                context(c, "email"));
        c.emailEnc = s.data();
        c.emailKid = s.keyId();
    }

    public void address(Client c, String value) {
        PiiCipher.Sealed s = cipher.seal(value == null ? null : value.strip(), context(c, "address"));
        c.addressEnc = s.data();
        c.addressKid = s.keyId();
    }

    /** Re-seals up to {@code batch} clients that still have a value under a key other than the active one. */
    @Transactional
    public int rotateBatch(int batch) {
        String active = cipher.activeKeyId();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM client WHERE id_number_kid <> ?1 OR phone_kid <> ?1"
                        + " OR email_kid <> ?1 OR address_kid <> ?1 LIMIT ?2")
                .setParameter(1, active)
                .setParameter(2, batch)
                .getResultList();
        for (UUID id : ids) {
            Client c = Client.findById(id);
            Plain plain = open(c);
            identityNumber(c, plain.identityNumber());
            phone(c, plain.phone());
            email(c, plain.email());
            address(c, plain.address());
        }
        return ids.size();
    }

    private static String context(Client c, String field) {
        return c.id + "/" + field;
    }
}
