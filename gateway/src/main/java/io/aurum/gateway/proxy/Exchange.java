package io.aurum.gateway.proxy;

import io.vertx.core.buffer.Buffer;

/** What the interceptor needs to know of one request in flight (the proxy library passes only the request). */
final class Exchange {
    Buffer body;
    String callerReference;
    String correlationId;
    boolean tooLarge;
    /** A bulk body that stopped arriving (no byte within the bulk idle timeout). */
    boolean stalled;
}
