package io.aurum.client.config;

import io.aurum.client.domain.Client;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.rest.NewClient;
import io.aurum.client.service.ClientService;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the two demo clients that the realm's client users ({@code client.liu}, {@code client.huang}) are,
 * when {@code aurum.demo-data.enabled=true} (set by {@code ./aurum up}; never in production).
 * Goes through the service, so ClientRegistered events flow to the other services as in real life.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final UUID RM_LI = UUID.fromString("6f1c0a00-0000-4000-8000-000000000001");
    static final UUID RM_WANG = UUID.fromString("6f1c0a00-0000-4000-8000-000000000002");
    static final UUID ADVISOR_CHEN = UUID.fromString("6f1c0a00-0000-4000-8000-000000000004");
    static final String TEAM = "team-sh-01";

    private final ClientService clients;
    private final boolean enabled;

    public DemoData(ClientService clients, @ConfigProperty(name = "aurum.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.clients = clients;
        this.enabled = enabled;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Caller loader = new Caller("demo-loader", "demo-loader", Set.of(Roles.TEAM_LEAD), TEAM, null);
        register(UUID.fromString("c1a2b3c4-0000-4000-8000-000000000001"),
                NewClient.minimal("刘洋", "LIU Yang", LocalDate.of(1968, 4, 12), LifecycleStatus.ACTIVE, RM_LI, ADVISOR_CHEN), loader);
        register(UUID.fromString("c1a2b3c4-0000-4000-8000-000000000002"),
                NewClient.minimal("黄婷", "HUANG Ting", LocalDate.of(1979, 11, 3), LifecycleStatus.ACTIVE, RM_WANG, ADVISOR_CHEN), loader);
    }

    private void register(UUID id, NewClient client, Caller loader) {
        if (Client.findById(id) == null) {
            clients.register(id, client, loader);
            LOG.infof("Demo client %s (%s) loaded", client.latinName(), id);
        }
    }
}
