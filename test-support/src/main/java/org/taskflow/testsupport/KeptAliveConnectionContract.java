package org.taskflow.testsupport;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every WebFlux server of TaskFlow must do on a kept-alive connection: answer the
 * next request after one that waited behind a slower one and was then answered at once,
 * and answer an over-long request that follows an answer. Reactor Netty 1.3.6 never read
 * such a connection again (reactor/reactor-netty#4361), so a browser's page, or the
 * gateway's pooled connection to a service, hung until its time-out;
 * support-reactor-netty works around it. Both requests go in one write, so the second is
 * read while the first still waits for its database or backend; three rounds, because the
 * hang shows on the round after the refusal.
 */
public interface KeptAliveConnectionContract {

	/**
	 * A path this server answers with a 2xx for a person's token only after a round trip
	 * to its database or a backend, and refuses at once with a 401 without a token.
	 */
	String protectedPath();

	/** {@link #protectedPath()} with a token of {@link TestIssuer}'s. */
	default String slowRequest() {
		return KeptAliveConnection.request("GET " + protectedPath(),
				"Authorization: Bearer " + TestIssuer.user("user-" + UUID.randomUUID()));
	}

	/** {@link #protectedPath()} without a token. */
	default String refusedRequest() {
		return KeptAliveConnection.request("GET " + protectedPath());
	}

	@Test
	default void answersTheNextRequestAfterAQueuedOneIsAnsweredAtOnce(@LocalServerPort int port) throws IOException {
		try (KeptAliveConnection connection = KeptAliveConnection.open(port)) {
			for (int round = 0; round < 3; round++) {
				connection.write(slowRequest(), refusedRequest());
				assertThat(connection.answer("round " + round + ": the slow request")).as("round %d", round)
					.startsWith("HTTP/1.1 2");
				assertThat(connection.answer("round " + round + ": the refused request")).as("round %d", round)
					.startsWith("HTTP/1.1 401");
			}
		}
	}

	/**
	 * A request target over 8 KB, sent as soon as the previous answer is in: Reactor
	 * Netty 1.3.6 answered it itself with a bare 414, and left it unanswered in up to 15
	 * of 300 tries; support-reactor-netty answers it with a problem.
	 */
	@Test
	default void answersAnOverLongRequestTargetWithAProblemOnAKeptAliveConnection(@LocalServerPort int port)
			throws IOException {
		String overLong = KeptAliveConnection.request("GET " + protectedPath() + "?q=" + "a".repeat(9_000));
		try (KeptAliveConnection connection = KeptAliveConnection.open(port)) {
			for (int round = 0; round < 20; round++) {
				assertThat(connection.exchange(refusedRequest())).as("round %d", round).startsWith("HTTP/1.1 401");
				String answer = connection.exchange(overLong);
				assertThat(answer).as("round %d", round).startsWith("HTTP/1.1 414");
				assertThat(KeptAliveConnection.header(answer, "content-type")).startsWith("application/problem+json");
			}
		}
	}

}
