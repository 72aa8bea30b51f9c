package io.aurum.risk.service;

import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.risk.config.RiskConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whose word on a product risk-service takes. A check is binding only for a service account named in
 * {@code aurum.risk.suitability.binding-callers} (advisory-service, which reads every attribute off the shelf); for
 * anyone else the attributes are the caller's own description, so the answer is a what-if.
 */
@ApplicationScoped
public class SuitabilityCallers {

    private final RiskConfig config;

    public SuitabilityCallers(RiskConfig config) {
        this.config = config;
    }

    public boolean isBinding(SecurityIdentity identity, Caller caller) {
        if (!caller.is(Roles.INTERNAL_SERVICE)) {
            return false;
        }
        return config.suitability().bindingCallers().contains(serviceClientId(identity, caller));
    }

    /** The token's authorised party (Keycloak puts the client id there), else the service account's client id. */
    private static String serviceClientId(SecurityIdentity identity, Caller caller) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null) {
            String azp = jwt.getClaim("azp").toString();
            return azp.length() >= 2 && azp.startsWith("\"") && azp.endsWith("\"") ? azp.substring(1, azp.length() - 1) : azp;
        }
        return caller.partnerId();
    }
}
