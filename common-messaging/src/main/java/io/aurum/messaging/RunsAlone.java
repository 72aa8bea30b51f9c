package io.aurum.messaging;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Scheduled} method: the job runs on one replica at a time, through {@link ScheduledAlone} under the
 * given job name (the others skip that firing).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE}) // TYPE: so the interceptor can carry it
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsAlone {

    /** The job's name: its advisory lock is {@code (ScheduledAlone.LOCK_CLASS, hashtext(name))}. */
    @Nonbinding
    String value();
}
