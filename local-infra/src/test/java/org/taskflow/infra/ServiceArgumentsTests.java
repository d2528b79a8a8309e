package org.taskflow.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.taskflow.infra.LocalStack.Service;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceArgumentsTests {

	private final SuitePorts ports = SuitePorts.free();

	private final Path data = Path.of("/tmp/suite/data");

	@Test
	void onFreePortsNoServiceIsLeftPointingAtADefaultPort() {
		List<Integer> defaults = new ArrayList<>(SuitePorts.defaults().named().values());
		for (Service service : Service.values()) {
			List<String> arguments = ServiceArguments.of(service, 0, this.ports, this.data);
			List<Integer> named = arguments.stream()
				.flatMap((argument) -> Stream.of(argument.split("[:=/,]")))
				.filter((part) -> part.matches("\\d{2,5}"))
				.map(Integer::valueOf)
				.toList();
			assertThat(named).as("%s: %s", service, arguments).isNotEmpty().doesNotContainAnyElementsOf(defaults);
		}
	}

	@Test
	void everyServiceGetsItsOwnPortThePublicUrlAsIssuerAndTheInfrastructureItUses() {
		String issuer = "--taskflow.security.issuer=http://localhost:" + this.ports.of(Service.GATEWAY);
		String kafka = "--spring.kafka.bootstrap-servers=127.0.0.1:" + this.ports.kafka();
		String mongo = "--spring.mongodb.uri=mongodb://127.0.0.1:" + this.ports.mongo();
		assertThat(ServiceArguments.of(Service.AUTH, 0, this.ports, this.data)).contains(
				"--server.port=" + this.ports.of(Service.AUTH), issuer, kafka, mongo,
				"--spring.data.redis.port=" + this.ports.redis(),
				"--taskflow.auth.allowed-origins=http://localhost:" + this.ports.of(Service.GATEWAY),
				"--taskflow.auth.keys.directory=" + this.data.resolve("auth-keys"));
		assertThat(ServiceArguments.of(Service.TASK, 0, this.ports, this.data)).contains(issuer, kafka, mongo,
				"--taskflow.services.auth=http://127.0.0.1:" + this.ports.of(Service.AUTH),
				"--taskflow.services.user=http://127.0.0.1:" + this.ports.of(Service.USER));
		assertThat(ServiceArguments.of(Service.NOTIFICATION, 0, this.ports, this.data)).contains(issuer, kafka, mongo,
				"--spring.mail.port=" + this.ports.smtp(),
				"--taskflow.notifications.web-app-url=http://localhost:" + this.ports.of(Service.GATEWAY));
		assertThat(ServiceArguments.of(Service.GATEWAY, 0, this.ports, this.data)).contains(issuer,
				"--spring.data.redis.port=" + this.ports.redis(),
				"--taskflow.services.task=http://127.0.0.1:" + this.ports.of(Service.TASK),
				"--taskflow.services.notification=http://127.0.0.1:" + this.ports.of(Service.NOTIFICATION));
	}

	@Test
	void onTheDefaultPortsTheArgumentsRepeatWhatTheServicesAlreadyDefaultTo() {
		assertThat(ServiceArguments.of(Service.TASK, 0, SuitePorts.defaults(), this.data)).contains(
				"--server.port=8082", "--taskflow.security.issuer=http://localhost:8080",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092", "--spring.mongodb.uri=mongodb://127.0.0.1:27017");
	}

}
