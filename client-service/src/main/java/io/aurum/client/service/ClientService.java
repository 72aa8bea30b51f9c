package io.aurum.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.ContactChannel;
import io.aurum.client.domain.CoverageRole;
import io.aurum.client.domain.IdType;
import io.aurum.client.domain.KycStatus;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.RelationshipKind;
import io.aurum.client.domain.Tier;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.pii.IdentityNumbers;
import io.aurum.client.rest.ClientView;
import io.aurum.client.rest.NewClient;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.problem.ProblemMappers;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Client profiles: registration, reads (masked or revealed and audited), merge-patch updates and lifecycle. */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    /** Fields of {@link NewClient} a merge patch may change (coverage and lifecycle have their own operations). */
    static final Set<String> PATCHABLE;
    /** What a client may correct about itself in the app; the rest goes through the RM (KYC!). */
    static final Set<String> CLIENT_EDITABLE = Set.of("latinName", "phone", "email", "address", "interestTags",
            "preferredChannels", "quietHoursStart", "quietHoursEnd");
    private static final Set<String> REGISTRATION_ONLY = Set.of("lifecycleStatus", "primaryRmId", "advisorId", "referredBy");
    private static final Set<String> FINANCIAL_FACTS = Set.of("householdNetFinancialAssets", "financialAssets", "averageIncome3y");
    /**
     * Facts the bank owns under maker–checker (双人复核): KYC status and review date, AML rating, PEP flag and the
     * qualified-investor facts. Staff who change them only open a change request; a checker approves it.
     */
    public static final Set<String> CONTROLLED = Set.of("kycStatus", "kycReviewDate", "amlRiskRating", "pep",
            "householdNetFinancialAssets", "financialAssets", "averageIncome3y");

    /** What a profile update did: the client as it is now, and the change request it opened (null if none). */
    public record Updated(Client client, ChangeRequests.View changeRequest) {
    }

    static {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent rc : NewClient.class.getRecordComponents()) {
            names.add(rc.getName());
        }
        names.removeAll(REGISTRATION_ONLY);
        PATCHABLE = Set.copyOf(names);
    }

    private final Outbox outbox;
    private final ClientPii pii;
    private final AuditTrail audit;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final EntityManager em;

    public ClientService(Outbox outbox, ClientPii pii, AuditTrail audit, Validator validator, ObjectMapper mapper,
                         EntityManager em) {
        this.outbox = outbox;
        this.pii = pii;
        this.audit = audit;
        this.validator = validator;
        this.mapper = mapper;
        this.em = em;
    }

    /**
     * A registration by staff: always a PROSPECT (ACTIVE only through the lifecycle's conversion rules), and the
     * controlled facts it carries become a change request for a checker, not profile values.
     */
    @Transactional
    public Updated registerByStaff(NewClient request, Caller caller) {
        if (request.lifecycleStatus() != null && request.lifecycleStatus() != LifecycleStatus.PROSPECT) {
            throw ApiException.badField("lifecycleStatus",
                    "a new client is registered as PROSPECT; convert it with POST /api/clients/{id}/lifecycle");
        }
        if (request.advisorId() != null && !knownAdvisors(caller.team()).contains(request.advisorId())) {
            throw ApiException.badField("advisorId", "is not an investment advisor of your team");
        }
        ObjectNode asked = mapper.valueToTree(request);
        Client client = register(UUID.randomUUID(), withoutControlled(request), caller);
        ObjectNode current = currentAsJson(client);
        ObjectNode changes = mapper.createObjectNode();
        for (String field : CONTROLLED) {
            JsonNode wanted = asked.path(field);
            if (!wanted.isMissingNode() && !wanted.isNull() && !wanted.equals(current.path(field))) {
                ObjectNode change = changes.putObject(field);
                change.set("old", current.path(field).isMissingNode() ? mapper.nullNode() : current.get(field));
                change.set("new", wanted);
            }
        }
        ChangeRequests.View pending = changes.isEmpty() ? null
                : ChangeRequests.open(em, audit, client, ChangeRequests.KIND_FIELDS, changes, "registration", caller);
        return new Updated(client, pending);
    }

    /**
     * The advisors a registration may assign: client-service has no staff directory, so the advisors of each team are
     * configuration (aurum.controls.advisors."team"), falling back to aurum.controls.advisors.default.
     */
    static Set<UUID> knownAdvisors(String team) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        List<UUID> ids = team == null ? null
                : config.getOptionalValues("aurum.controls.advisors.\"" + team + "\"", UUID.class).orElse(null);
        if (ids == null) {
            ids = config.getOptionalValues("aurum.controls.advisors.default", UUID.class).orElse(List.of());
        }
        return Set.copyOf(ids);
    }

    private static NewClient withoutControlled(NewClient r) {
        return new NewClient(r.fullName(), r.latinName(), r.birthDate(), r.gender(), r.nationality(), r.idType(),
                r.identityNumber(), r.phone(), r.email(), r.address(), r.occupation(), r.employer(), r.sourceOfWealth(),
                r.interestTags(), r.preferredChannels(), r.quietHoursStart(), r.quietHoursEnd(), r.branch(),
                null, null, null, null, r.prospectSource(), r.prospectSourceDetail(), r.referredBy(),
                null, null, null, r.lifecycleStatus(), r.primaryRmId(), r.advisorId());
    }

    /** Registers a client under a given id (demo data uses the ids the realm's client users carry). */
    @Transactional
    public Client register(UUID id, NewClient request, Caller caller) {
        LifecycleStatus status = request.lifecycleStatus() == null ? LifecycleStatus.PROSPECT : request.lifecycleStatus();
        if (status != LifecycleStatus.PROSPECT && status != LifecycleStatus.ACTIVE) {
            throw ApiException.badField("lifecycleStatus", "a new client starts as PROSPECT or ACTIVE");
        }
        UUID primaryRm = request.primaryRmId();
        if (caller.is(Roles.RELATIONSHIP_MANAGER) && !caller.is(Roles.TEAM_LEAD)) {
            if (primaryRm != null && !primaryRm.equals(caller.userId())) {
                throw ApiException.badField("primaryRmId", "an RM registers clients into their own book; ask the team lead to assign another RM");
            }
            primaryRm = caller.userId();
        }
        Client referrer = null;
        if (request.referredBy() != null) {
            referrer = Client.findById(request.referredBy());
            // the same reach as a read, and one answer for unknown and out-of-reach ids, so ids do not leak
            if (referrer == null || !ClientAccess.canRead(caller, referrer)) {
                throw ApiException.badField("referredBy", "no such client in your reach");
            }
        }
        checkCrossFields(request.identityNumber(), request.idType(), request.birthDate(), request.quietHoursStart(),
                request.quietHoursEnd());
        Instant now = Instant.now();
        Client client = new Client();
        client.id = id;
        client.lifecycleStatus = status;
        client.tier = Tier.MASS;
        client.primaryRmId = primaryRm;
        client.advisorId = request.advisorId();
        client.team = caller.team();
        client.createdAt = now;
        client.updatedAt = now;
        if (status == LifecycleStatus.ACTIVE) {
            client.convertedAt = now;
        }
        for (String field : PATCHABLE) {
            apply(client, field, request);
        }
        if (referrer != null) {
            client.referredBy = referrer.id;
            if (client.prospectSource == null) {
                client.prospectSource = io.aurum.client.domain.ProspectSource.REFERRAL;
            }
        }
        rejectDuplicateIdentity(client);
        client.persist();
        em.flush();
        if (referrer != null) {
            em.createNativeQuery("INSERT INTO client_relationship (id, client_id, related_client_id, kind, created_at, created_by)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, referrer.id).setParameter(3, client.id)
                    .setParameter(4, RelationshipKind.REFERRED.name()).setParameter(5, now)
                    .setParameter(6, actor(caller)).executeUpdate();
        }
        recordInitialCoverage(client, caller, now);
        outbox.publish(ClientTopics.PROFILE, ClientEvents.REGISTERED, ClientEvents.VERSION, client.id,
                ClientEvents.Profile.of(client));
        if (hasFinancialFacts(client)) {
            publishFinancialFacts(client);
        }
        audit.record(caller, AuditActions.CLIENT_CREATED, client.id, "status " + status, null);
        LOG.infof("Client %s registered (%s) by %s", client.id, status, caller.subject());
        return client;
    }

    @Transactional
    public Client get(UUID id, Caller caller) {
        return readable(id, caller);
    }

    /** The client if the caller may read it; 404 otherwise (ids do not leak). Runs in the caller's transaction, if any. */
    private static Client readable(UUID id, Caller caller) {
        Client client = Client.findById(id);
        if (client == null || !ClientAccess.canRead(caller, client)) {
            throw ApiException.notFound("Client", id);
        }
        return client;
    }

    /**
     * The profile as the caller may see it. Staff get identity number, phone, e-mail and address masked unless they
     * ask to reveal them with a purpose; the client itself always sees its own data. Every unmasked read is audited.
     * The masked read writes nothing, so it runs without a transaction (one select by primary key in the request's
     * read-only session); a read that reveals runs in one, with its audit record.
     */
    public ClientView view(UUID id, Caller caller, boolean reveal, String purpose) {
        if (!reveal) {
            Client client = readable(id, caller);
            if (!ClientAccess.isSelf(caller, client)) {
                return ClientView.of(client, pii.open(client), true);
            }
        }
        return QuarkusTransaction.joiningExisting().call(() -> revealed(id, caller, purpose));
    }

    private ClientView revealed(UUID id, Caller caller, String purpose) {
        Client client = get(id, caller);
        boolean self = ClientAccess.isSelf(caller, client);
        if (!ClientAccess.canReveal(caller, client)) {
            throw new ApiException(403, "pii-not-permitted", "Forbidden",
                    "Your role sees this client's personal data masked only");
        }
        if (!self && (purpose == null || purpose.isBlank())) {
            throw ApiException.badField("purpose", "say why you need the unmasked personal data (it is audited)");
        }
        audit.record(caller, AuditActions.PII_REVEALED, client.id, "identityNumber, phone, email, address",
                self ? "SELF_SERVICE" : purpose.strip());
        return ClientView.of(client, pii.open(client), false);
    }

    /** Applies a JSON merge patch (RFC 7396) of a {@link NewClient}, guarded by the version the caller last saw. */
    @Transactional
    public Updated update(UUID id, Long expectedVersion, JsonNode patch, Caller caller, String reason) {
        Client client = get(id, caller);
        boolean self = ClientAccess.isSelf(caller, client);
        if (!self && !ClientAccess.staffCanEdit(caller, client)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the client's RM, private banker or team lead changes this profile");
        }
        if (client.erased()) {
            throw ApiException.conflict("client-erased", "The client's personal data was erased; the profile cannot change");
        }
        if (expectedVersion == null) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the profile you changed");
        }
        if (expectedVersion != client.version) {
            throw new ApiException(412, "version-mismatch", "Precondition failed",
                    "The profile changed since you read it (now version " + client.version + "); read it again");
        }
        if (patch == null || !patch.isObject()) {
            throw ApiException.badField("body", "must be a JSON object (merge patch)");
        }
        List<FieldError> refused = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (REGISTRATION_ONLY.contains(field) || Set.of("tier", "team", "privateBankerId", "householdId").contains(field)) {
                refused.add(new FieldError(field, "cannot be changed by a profile update; use the lifecycle or coverage operations"));
            } else if (!PATCHABLE.contains(field)) {
                refused.add(new FieldError(field, "is not a field of the client profile"));
            } else if (self && !CLIENT_EDITABLE.contains(field)) {
                refused.add(new FieldError(field, "ask your relationship manager to change this"));
            } else {
                fields.add(field);
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(self && refused.stream().allMatch(f -> f.message().startsWith("ask")) ? 403 : 400,
                    "validation", "Invalid input", refused.get(0).field() + ": " + refused.get(0).message(), refused);
        }
        ObjectNode merged = currentAsJson(client);
        patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        NewClient candidate;
        try {
            candidate = mapper.treeToValue(merged, NewClient.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types: the shared mapper says what the field must be instead
            throw ProblemMappers.bodyProblem(e);
        }
        Set<ConstraintViolation<NewClient>> violations = validator.validate(candidate);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String idNumber = fields.contains("identityNumber") ? candidate.identityNumber() : null;
        checkCrossFields(idNumber, candidate.idType() != null ? candidate.idType() : client.idType,
                fields.contains("identityNumber") || fields.contains("birthDate") ? candidate.birthDate() : null,
                candidate.quietHoursStart(), candidate.quietHoursEnd());
        ChangeRequests.View pending = null;
        if (!self) {
            ObjectNode current = currentAsJson(client);
            ObjectNode wanted = mapper.valueToTree(candidate);
            ObjectNode changes = mapper.createObjectNode();
            for (Iterator<String> it = fields.iterator(); it.hasNext(); ) {
                String field = it.next();
                if (CONTROLLED.contains(field)) {
                    it.remove();
                    JsonNode before = current.path(field).isMissingNode() ? mapper.nullNode() : current.get(field);
                    JsonNode after = wanted.path(field).isMissingNode() ? mapper.nullNode() : wanted.get(field);
                    if (!before.equals(after)) {
                        ObjectNode change = changes.putObject(field);
                        change.set("old", before);
                        change.set("new", after);
                    }
                }
            }
            if (!changes.isEmpty()) {
                pending = ChangeRequests.open(em, audit, client, ChangeRequests.KIND_FIELDS, changes, reason, caller);
            }
        }
        if (fields.isEmpty()) {
            return new Updated(client, pending);
        }
        for (String field : fields) {
            apply(client, field, candidate);
        }
        if (fields.contains("identityNumber")) {
            rejectDuplicateIdentity(client);
        }
        client.updatedAt = Instant.now();
        em.flush();
        publishProfileUpdated(client);
        if (fields.stream().anyMatch(FINANCIAL_FACTS::contains)) {
            publishFinancialFacts(client);
        }
        audit.record(caller, AuditActions.CLIENT_UPDATED, client.id, "fields: " + String.join(", ", fields),
                self ? "SELF_SERVICE" : null);
        return new Updated(client, pending);
    }

    /**
     * Applies the new values of an approved change request (already validated when it was requested). Answers 409
     * when a field no longer holds the value the maker saw, so an approval never overwrites a later decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void approveDueDiligence(Client client) {
        client.eddApprovedAt = Instant.now();
        client.updatedAt = client.eddApprovedAt;
        em.flush();
        publishProfileUpdated(client);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void applyApproved(Client client, JsonNode changes) {
        ObjectNode merged = currentAsJson(client);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!CONTROLLED.contains(field)) {
                throw new IllegalStateException("change request carries an uncontrolled field " + field);
            }
            JsonNode now = merged.path(field).isMissingNode() ? mapper.nullNode() : merged.get(field);
            if (!now.equals(changes.get(field).get("old"))) {
                throw ApiException.conflict("change-request-stale",
                        field + " changed since the request was made; reject it and ask for a new one");
            }
            merged.set(field, changes.get(field).get("new"));
            fields.add(field);
        }
        NewClient candidate;
        try {
            candidate = mapper.treeToValue(merged, NewClient.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.bodyProblem(e);
        }
        for (String field : fields) {
            apply(client, field, candidate);
        }
        client.updatedAt = Instant.now();
        em.flush();
        publishProfileUpdated(client);
        if (fields.stream().anyMatch(FINANCIAL_FACTS::contains)) {
            publishFinancialFacts(client);
        }
    }

    /** PROSPECT → ACTIVE (conversion), ACTIVE ↔ DORMANT, any → CLOSED; nothing else. */
    @Transactional
    public Client transition(UUID id, Long expectedVersion, LifecycleStatus target, String reason, Caller caller) {
        Client client = get(id, caller);
        if (!ClientAccess.staffCanEdit(caller, client)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the client's RM or team lead changes the lifecycle");
        }
        if (expectedVersion != null && expectedVersion != client.version) {
            throw new ApiException(412, "version-mismatch", "Precondition failed",
                    "The profile changed since you read it (now version " + client.version + ")");
        }
        if (target == null) {
            throw ApiException.badField("status", "is required");
        }
        if (!client.lifecycleStatus.canBecome(target)) {
            throw new ApiException(409, "illegal-transition", "Conflict",
                    client.lifecycleStatus + " cannot become " + target + "; allowed: " + client.lifecycleStatus.next(),
                    List.of(new FieldError("status", "not allowed from " + client.lifecycleStatus)));
        }
        if (target == LifecycleStatus.CLOSED && (reason == null || reason.isBlank())) {
            throw ApiException.badField("reason", "closing a relationship needs a reason");
        }
        Instant now = Instant.now();
        if (client.lifecycleStatus == LifecycleStatus.PROSPECT && target == LifecycleStatus.ACTIVE) {
            List<FieldError> missing = new ArrayList<>();
            if (client.idNumberEnc == null) {
                missing.add(new FieldError("identityNumber", "is needed to open the relationship (KYC)"));
            }
            if (client.phoneEnc == null) {
                missing.add(new FieldError("phone", "is needed to open the relationship"));
            }
            if (client.birthDate == null) {
                missing.add(new FieldError("birthDate", "is needed to open the relationship"));
            }
            if (client.kycStatus != KycStatus.VERIFIED) {
                missing.add(new FieldError("kycStatus", "must be VERIFIED (approved by compliance) to open the relationship"));
            }
            if (!missing.isEmpty()) {
                throw new ApiException(409, "profile-incomplete", "Conflict",
                        "The prospect cannot be converted before its profile has what KYC needs", missing);
            }
            client.convertedAt = now;
        }
        LifecycleStatus from = client.lifecycleStatus;
        client.lifecycleStatus = target;
        client.updatedAt = now;
        if (target == LifecycleStatus.CLOSED) {
            client.closedAt = now;
        }
        em.flush();
        publishProfileUpdated(client);
        if (target == LifecycleStatus.CLOSED) {
            outbox.publish(ClientTopics.PROFILE, ClientEvents.CLOSED, ClientEvents.VERSION, client.id,
                    new ClientEvents.Closed(client.id, reason.strip(), now, client.erased()));
        }
        audit.record(caller, AuditActions.LIFECYCLE_CHANGED, client.id, from + " -> " + target,
                reason == null ? null : reason.strip());
        return client;
    }

    public void publishProfileUpdated(Client client) {
        outbox.publish(ClientTopics.PROFILE, ClientEvents.PROFILE_UPDATED, ClientEvents.VERSION, client.id,
                ClientEvents.Profile.of(client));
    }

    /** The fields a complete profile (建档) has; what is missing, by field name. */
    public static List<String> missingProfileFields(Client c) {
        List<String> missing = new ArrayList<>();
        if (c.birthDate == null) missing.add("birthDate");
        if (c.gender == null) missing.add("gender");
        if (c.nationality == null) missing.add("nationality");
        if (c.idNumberEnc == null) missing.add("identityNumber");
        if (c.phoneEnc == null) missing.add("phone");
        if (c.addressEnc == null) missing.add("address");
        if (c.occupation == null) missing.add("occupation");
        if (c.sourceOfWealth == null) missing.add("sourceOfWealth");
        if (c.kycStatus != KycStatus.VERIFIED) missing.add("kycStatus");
        if (c.amlRiskRating == null) missing.add("amlRiskRating");
        return missing;
    }

    private void recordInitialCoverage(Client client, Caller caller, Instant now) {
        insertCoverage(client.id, CoverageRole.PRIMARY_RM, client.primaryRmId, actor(caller), now, "registration");
        insertCoverage(client.id, CoverageRole.ADVISOR, client.advisorId, actor(caller), now, "registration");
    }

    void insertCoverage(UUID clientId, CoverageRole role, UUID userId, String by, Instant at, String reason) {
        if (userId == null) {
            return;
        }
        em.createNativeQuery("INSERT INTO coverage_assignment (client_id, role, user_id, assigned_at, assigned_by, reason)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, clientId).setParameter(2, role.name()).setParameter(3, userId)
                .setParameter(4, at).setParameter(5, by).setParameter(6, reason)
                .executeUpdate();
    }

    void publishFinancialFacts(Client c) {
        outbox.publish(ClientTopics.PROFILE, ClientEvents.FINANCIAL_FACTS_UPDATED, ClientEvents.VERSION, c.id,
                new ClientEvents.FinancialFacts(c.id, c.householdNetFinancialAssets, c.financialAssets, c.averageIncome3y));
    }

    static boolean hasFinancialFacts(Client c) {
        return c.householdNetFinancialAssets != null || c.financialAssets != null || c.averageIncome3y != null;
    }

    static String actor(Caller caller) {
        return caller.subject() == null ? "system" : caller.subject();
    }

    private void rejectDuplicateIdentity(Client client) {
        if (client.idNumberHash == null) {
            return;
        }
        Long others = em.createQuery("select count(c) from Client c where c.idNumberHash = :h and c.id <> :id", Long.class)
                .setParameter("h", client.idNumberHash).setParameter("id", client.id).getSingleResult();
        if (others > 0) {
            throw new ApiException(409, "duplicate-identity", "Conflict",
                    "identityNumber: another client profile already carries this identity number",
                    List.of(new FieldError("identityNumber", "already on another client profile")));
        }
    }

    private static void checkCrossFields(String identityNumber, IdType idType, LocalDate birthDate,
                                         java.time.LocalTime quietStart, java.time.LocalTime quietEnd) {
        if (identityNumber != null && (idType == null || idType == IdType.PRC_ID)) {
            String problem = IdentityNumbers.prcIdProblem(identityNumber);
            if (problem != null) {
                throw ApiException.badField("identityNumber", problem);
            }
            LocalDate inId = IdentityNumbers.prcBirthDate(IdentityNumbers.normalise(identityNumber));
            if (birthDate != null && !birthDate.equals(inId)) {
                throw ApiException.badField("birthDate", "does not match the birth date in the identity number");
            }
        }
        if ((quietStart == null) != (quietEnd == null)) {
            throw ApiException.badField(quietStart == null ? "quietHoursStart" : "quietHoursEnd",
                    "quiet hours need both a start and an end");
        }
    }

    /** Copies one field of a validated profile onto the entity. */
    private void apply(Client c, String field, NewClient r) {
        switch (field) {
            case "fullName" -> c.fullName = r.fullName().strip();
            case "latinName" -> c.latinName = strip(r.latinName());
            case "birthDate" -> c.birthDate = r.birthDate();
            case "gender" -> c.gender = r.gender();
            case "nationality" -> c.nationality = r.nationality();
            case "idType" -> c.idType = r.idType();
            case "identityNumber" -> {
                pii.identityNumber(c, r.identityNumber());
                if (r.identityNumber() != null && c.idType == null) {
                    c.idType = IdType.PRC_ID;
                }
                if (r.identityNumber() != null && c.birthDate == null && c.idType == IdType.PRC_ID) {
                    c.birthDate = IdentityNumbers.prcBirthDate(IdentityNumbers.normalise(r.identityNumber()));
                }
            }
            case "phone" -> pii.phone(c, r.phone());
            case "email" -> pii.email(c, r.email());
            case "address" -> pii.address(c, r.address());
            case "occupation" -> c.occupation = r.occupation();
            case "employer" -> c.employer = strip(r.employer());
            case "sourceOfWealth" -> c.sourceOfWealth = strip(r.sourceOfWealth());
            case "interestTags" -> c.interestTags = r.interestTags() == null ? new String[0]
                    : r.interestTags().stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
            case "preferredChannels" -> c.preferredChannels = r.preferredChannels() == null ? new String[0]
                    : r.preferredChannels().stream().map(ContactChannel::name).distinct().toArray(String[]::new);
            case "quietHoursStart" -> c.quietHoursStart = r.quietHoursStart();
            case "quietHoursEnd" -> c.quietHoursEnd = r.quietHoursEnd();
            case "branch" -> c.branch = strip(r.branch());
            case "kycStatus" -> c.kycStatus = r.kycStatus() == null ? KycStatus.PENDING : r.kycStatus();
            case "kycReviewDate" -> c.kycReviewDate = r.kycReviewDate();
            case "amlRiskRating" -> c.amlRiskRating = r.amlRiskRating();
            case "pep" -> c.pep = Boolean.TRUE.equals(r.pep());
            case "prospectSource" -> c.prospectSource = r.prospectSource();
            case "prospectSourceDetail" -> c.prospectSourceDetail = strip(r.prospectSourceDetail());
            case "householdNetFinancialAssets" -> c.householdNetFinancialAssets = r.householdNetFinancialAssets();
            case "financialAssets" -> c.financialAssets = r.financialAssets();
            case "averageIncome3y" -> c.averageIncome3y = r.averageIncome3y();
            default -> throw new IllegalStateException("unmapped profile field " + field);
        }
    }

    private ObjectNode currentAsJson(Client client) {
        ObjectNode node = mapper.valueToTree(ClientView.of(client, null, true));
        node.retain(PATCHABLE);
        // personal data is not decrypted for a patch: absent unless the patch sets it
        node.remove(Arrays.asList("identityNumber", "phone", "email", "address"));
        return node;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

}
