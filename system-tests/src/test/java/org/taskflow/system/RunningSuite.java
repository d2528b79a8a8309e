package org.taskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.taskflow.infra.LocalStack;
import org.taskflow.infra.LocalStack.Service;

/**
 * The whole suite under test: the five service jars that this build packaged, each in its
 * own JVM, on the embedded infrastructure, on free ports. Started once per test run (the
 * first test class that asks for it) and closed when the run ends; every test class sees
 * the same suite and its own new people, so classes do not depend on each other's data.
 * Test classes get it as a parameter: {@code @ExtendWith(RunningSuite.Extension.class)}.
 * A class that needs the suite set up otherwise (say with replicas) starts one of its own
 * with {@link #start(String, UnaryOperator)} and closes it when it is done.
 */
final class RunningSuite implements AutoCloseable {

	/** The address whose account is an administrator. */
	static final String ADMINISTRATOR = "operator@example.com";

	private final LocalStack stack;

	private final Gateway gateway;

	private final Topics topics;

	private RunningSuite(LocalStack stack) {
		this.stack = stack;
		this.gateway = new Gateway(stack.gatewayUrl());
		this.topics = new Topics(stack.kafkaBootstrapServers());
	}

	/**
	 * A suite of its own, its files in {@code <work-dir>-<name>}, set up by
	 * {@code configure} beyond what every suite here has.
	 */
	static RunningSuite start(String name, UnaryOperator<LocalStack.Builder> configure) {
		return start(Path.of(System.getProperty("taskflow.system-tests.work-dir", "target/suite") + "-" + name),
				configure);
	}

	private static RunningSuite start(Path workDir, UnaryOperator<LocalStack.Builder> configure) {
		Path home = Path.of(System.getProperty("taskflow.home", "..")).toAbsolutePath().normalize();
		try {
			LocalStack stack = configure.apply(LocalStack.withFreePorts(home, workDir)
				// many people sign up and log in from one address here, within a minute
				.property(Service.GATEWAY, "taskflow.gateway.rate-limit.credentials", "10000")
				.property(Service.GATEWAY, "taskflow.gateway.rate-limit.anonymous", "10000")
				// as behind an ingress: tests say where a client is with X-Forwarded-For
				.property(Service.GATEWAY, "taskflow.gateway.rate-limit.trusted-proxy-hops", "1")
				// the browser tests let an access token expire in an open app; with
				// the services' minute of clock skew a token is refused 105 s after
				// it is issued, far longer than any test here uses one
				.property(Service.AUTH, "taskflow.auth.access-token-ttl", "45s")
				// the operator who replays dead letters
				.property(Service.AUTH, "taskflow.auth.admin-emails", ADMINISTRATOR)).start();
			return new RunningSuite(stack);
		}
		catch (IOException ex) {
			throw new IllegalStateException("the suite did not start; logs in " + workDir.resolve("logs"), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	LocalStack stack() {
		return this.stack;
	}

	Gateway gateway() {
		return this.gateway;
	}

	Topics topics() {
		return this.topics;
	}

	/**
	 * A service's actuator endpoint at {@code path} (its management port, which the
	 * gateway does not route), as a monitor reads it.
	 */
	String actuator(Service service, String path) {
		HttpRequest request = HttpRequest.newBuilder(this.stack.managementUrl(service).resolve("/actuator/" + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Mailbox mailbox(String address) {
		return new Mailbox(this.stack.mailHost(), this.stack.imapPort(), address);
	}

	@Override
	public void close() {
		this.topics.close();
		this.stack.close();
	}

	/** Resolves {@link RunningSuite} parameters, starting the suite on first use. */
	static final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(RunningSuite.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningSuite.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			// the root store closes the suite when the whole run ends
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(RunningSuite.class,
						(key) -> start(Path.of(System.getProperty("taskflow.system-tests.work-dir", "target/suite")),
								UnaryOperator.identity()),
						RunningSuite.class);
		}

	}

}
