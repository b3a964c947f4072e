package org.jetraiders.server.agones;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code GET /watch/gameserver} open and hands every GameServer update to a consumer on the
 * Agones thread; reconnects with backoff when the stream fails or ends. No thread of its own: the
 * HTTP client pushes the lines.
 */
final class WatchStream {
    private static final Logger LOG = LoggerFactory.getLogger(WatchStream.class);
    static final String CALL = "watch";

    private final HttpClient http;
    private final SdkClient sdk;
    private final AgonesThread thread;
    private final FailureLog failures;
    private final String list;
    private final Consumer<GameServerView> consumer;
    private final Backoff backoff;
    private volatile Flow.Subscription subscription;
    private volatile boolean stopped;

    WatchStream(HttpClient http, SdkClient sdk, AgonesThread thread, FailureLog failures, String list,
                Duration retryMax, Consumer<GameServerView> consumer) {
        this.http = http;
        this.sdk = sdk;
        this.thread = thread;
        this.failures = failures;
        this.list = list;
        this.consumer = consumer;
        this.backoff = new Backoff(retryMax);
    }

    void start() {
        if (stopped) {
            return;
        }
        http.sendAsync(sdk.watchRequest(), info -> info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(), s -> null, StandardCharsets.UTF_8, null)
                        : HttpResponse.BodySubscribers.replacing(null))
                .whenCompleteAsync((response, error) -> {
                    if (error != null) {
                        failures.failed(CALL, error);
                    } else if (response.statusCode() != 200) {
                        failures.failed(CALL, new SdkCallException("GET /watch/gameserver", response.statusCode(), ""));
                    } else {
                        LOG.info("Agones: the GameServer watch ended; reconnecting");
                    }
                    thread.schedule(this::start, backoff.next());
                }, thread);
    }

    void stop() {
        stopped = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void onLine(String line) {
        if (line.isBlank()) {
            return;
        }
        GameServerView view;
        try {
            view = GameServerView.parse(line, list);
        } catch (IllegalArgumentException e) {
            failures.failed(CALL, e);
            return;
        }
        failures.succeeded(CALL);
        backoff.reset();
        consumer.accept(view);
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (stopped) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE); // a GameServer update now and then: nothing to push back on
        }

        @Override
        public void onNext(String line) {
            thread.execute(() -> onLine(line));
        }

        @Override
        public void onError(Throwable error) {
            // the response future completes exceptionally too; it decides when to reconnect
        }

        @Override
        public void onComplete() {
            // likewise
        }
    }
}
