package io.aurum.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Locale;

/** An ordinary request's body, received whole before the upstream is asked. */
final class WholeBody {

    /** Where the received body waits in the routing context for the upstream interceptor. */
    static final String KEY = "aurum.body";
    private static final Logger LOG = Logger.getLogger(WholeBody.class);

    /** How a refusal is answered (problem+json by the gateway). */
    interface Refusal {
        void answer(int status, String slug, String title, String detail);
    }

    private WholeBody() {
    }

    /**
     * Reads the whole body before anything is sent upstream, counting the bytes that actually arrive (chunked or not)
     * against the limit, within the body deadline: a caller who sends slowly or too much is answered 408 or 413 here,
     * and the upstream, its connection pool and its circuit never see it.
     */
    static void receive(Vertx vertx, RoutingContext ctx, long maxBytes, Duration deadline, Refusal refuse, Runnable then) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] done = {false};
        long timer = vertx.setTimer(deadline.toMillis(), t -> {
            if (!done[0]) {
                done[0] = true;
                refuse.answer(408, "request-timeout", "Request timeout",
                        "The request body did not arrive within " + deadline.toSeconds() + " s");
            }
        });
        request.handler(chunk -> {
            if (done[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                done[0] = true;
                vertx.cancelTimer(timer);
                refuse.answer(413, "payload-too-large", "Payload too large", "The body may be at most " + maxBytes + " bytes");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!done[0]) {
                done[0] = true;
                vertx.cancelTimer(timer);
                LOG.debugf("The caller's request failed while its body was read: %s", e.toString());
            }
        });
        request.endHandler(v -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            vertx.cancelTimer(timer);
            ctx.put(KEY, body);
            then.run();
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    /** Whether the request says it carries a body (a non-zero length, or chunks). */
    static boolean carried(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
