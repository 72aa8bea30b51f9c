package io.aurum.messaging.web;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.ProblemMappers;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures of the persistence layer every service with a database shares. Two requests that both passed a version
 * check (If-Match) and then both wrote: the database's optimistic lock refuses the second one — 412, read again,
 * never a 500.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.of(new ApiException(412, "version-mismatch", "Precondition failed",
                "The resource was changed by someone else at the same moment; read it again"), uri);
    }
}
