package io.aurum.messaging;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link RunsAlone} method through {@link ScheduledAlone}; outside any transaction interceptor (a lower
 * priority than {@code @Transactional}'s), so the lock is held around the job's transactions.
 */
@RunsAlone("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RunsAloneInterceptor {

    @Inject
    ScheduledAlone alone;

    @AroundInvoke
    Object runAlone(InvocationContext invocation) throws Exception {
        String job = invocation.getInterceptorBinding(RunsAlone.class).value();
        Exception[] checked = new Exception[1];
        alone.run(job, () -> {
            try {
                invocation.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                checked[0] = e;
            }
        });
        if (checked[0] != null) {
            throw checked[0];
        }
        return null; // scheduled methods return nothing
    }
}
