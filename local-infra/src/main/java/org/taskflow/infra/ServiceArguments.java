package org.taskflow.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.taskflow.infra.LocalStack.Service;

/**
 * The command-line properties that point one service at the rest of the suite: its own
 * port, the infrastructure, the other services, and the public URL (the gateway: token
 * issuer and browser origin). Property names are those of docs/contracts.md; with the
 * default ports they repeat the services' own defaults, so {@code ./run-local} and a
 * suite on free ports take the same path.
 */
final class ServiceArguments {

	private ServiceArguments() {
	}

	/**
	 * For one replica of the service, counted from 0: only its own port differs between
	 * replicas; everyone else calls the first.
	 */
	static List<String> of(Service service, int replica, SuitePorts ports, Path data) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + ports.of(service, replica));
		String auth = url(ports.of(Service.AUTH));
		String gateway = publicUrl(ports);
		// The public URL is the issuer, as in every deployment: the gateway routes the
		// OAuth2/OIDC endpoints to auth-service. Services still fetch keys and tokens
		// from
		// taskflow.services.auth directly.
		arguments.add("--taskflow.security.issuer=" + gateway);
		if (service != Service.AUTH) {
			arguments.add("--taskflow.services.auth=" + auth);
		}
		if (service != Service.GATEWAY) {
			arguments.add("--spring.mongodb.uri=mongodb://" + Loopback.HOST + ":" + ports.mongo());
			arguments.add("--spring.kafka.bootstrap-servers=" + Loopback.HOST + ":" + ports.kafka());
		}
		if (service == Service.GATEWAY || service == Service.AUTH || service == Service.NOTIFICATION) {
			arguments.add("--spring.data.redis.host=" + Loopback.HOST);
			arguments.add("--spring.data.redis.port=" + ports.redis());
		}
		switch (service) {
			case AUTH -> {
				arguments.add("--taskflow.auth.allowed-origins=" + gateway);
				arguments.add("--taskflow.auth.keys.directory=" + data.resolve("auth-keys"));
			}
			case TASK -> arguments.add("--taskflow.services.user=" + url(ports.of(Service.USER)));
			case NOTIFICATION -> {
				arguments.add("--spring.mail.host=" + Loopback.HOST);
				arguments.add("--spring.mail.port=" + ports.smtp());
				arguments.add("--taskflow.notifications.web-app-url=" + gateway);
			}
			case GATEWAY -> {
				arguments.add("--management.server.port=" + ports.management(Service.GATEWAY));
				arguments.add("--taskflow.services.user=" + url(ports.of(Service.USER)));
				arguments.add("--taskflow.services.task=" + url(ports.of(Service.TASK)));
				arguments.add("--taskflow.services.notification=" + url(ports.of(Service.NOTIFICATION)));
			}
			case USER -> {
			}
		}
		return arguments;
	}

	/** The gateway as browsers and OAuth2 clients reach it. */
	static String publicUrl(SuitePorts ports) {
		return "http://localhost:" + ports.of(Service.GATEWAY);
	}

	private static String url(int port) {
		return "http://" + Loopback.HOST + ":" + port;
	}

}
