package io.aurum.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A bulk upload's body on its way upstream, counted and watched: past the limit it fails, so the upstream request is
 * reset and the caller answered 413 — whatever the Content-Length claimed, or with none (chunked); and when no byte
 * has come for {@code idleMillis} it fails too (408), so a caller trickling an upload cannot hold the service's
 * request open for the whole bulk timeout.
 */
final class CountedBody implements ReadStream<Buffer> {
    private final ReadStream<Buffer> source;
    private final long limit;
    private final Exchange exchange;
    private final Vertx vertx;
    private final long idleMillis;
    private long seen;
    private volatile long lastByteAt = System.nanoTime();
    private long watch = -1;
    private Handler<Throwable> exceptionHandler;

    CountedBody(ReadStream<Buffer> source, long limit, Exchange exchange, Vertx vertx, long idleMillis) {
        this.source = source;
        this.limit = limit;
        this.exchange = exchange;
        this.vertx = vertx;
        this.idleMillis = idleMillis;
    }

    private void fail(String why) {
        stopWatching();
        source.pause();
        if (exceptionHandler != null) {
            exceptionHandler.handle(new IllegalStateException(why));
        }
    }

    private void stopWatching() {
        if (watch >= 0) {
            vertx.cancelTimer(watch);
            watch = -1;
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        watch = vertx.setPeriodic(Math.max(100, idleMillis / 4), t -> {
            if (System.nanoTime() - lastByteAt > idleMillis * 1_000_000L && !exchange.tooLarge) {
                exchange.stalled = true;
                fail("no byte of the body for " + idleMillis + " ms");
            }
        });
        source.handler(chunk -> {
            if (exchange.tooLarge || exchange.stalled) {
                return;
            }
            lastByteAt = System.nanoTime();
            seen += chunk.length();
            if (seen > limit) {
                exchange.tooLarge = true;
                fail("body over " + limit + " bytes");
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            stopWatching();
            endHandler.handle(v);
        });
        return this;
    }
}
