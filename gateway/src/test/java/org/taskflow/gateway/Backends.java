package org.taskflow.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The four stub services of this test JVM, started once and shared by every context. */
final class Backends {

	static final StubBackend AUTH = StubBackend.start("auth");

	static final StubBackend USER = StubBackend.start("user");

	static final StubBackend TASK = StubBackend.start("task");

	static final StubBackend NOTIFICATION = StubBackend.start("notification");

	private Backends() {
	}

	static void register(DynamicPropertyRegistry registry) {
		registry.add("taskflow.services.auth", AUTH::url);
		registry.add("taskflow.services.user", USER::url);
		registry.add("taskflow.services.task", TASK::url);
		registry.add("taskflow.services.notification", NOTIFICATION::url);
		registry.add("taskflow.security.issuer", () -> TestTokens.ISSUER);
	}

}
