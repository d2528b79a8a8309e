package org.taskflow.infra;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	@Test
	void readsFreePortsAReadyFileAndPerServiceProperties() {
		CommandLine command = CommandLine.parse("/repo", "--free-ports", "--work-dir=/tmp/w",
				"--ready-file=/tmp/r.json", "--set=auth-service:taskflow.auth.access-token-ttl=30s");
		assertThat(command.readyFile()).isEqualTo(Path.of("/tmp/r.json"));
		LocalStack stack = command.builder().build();
		assertThat(stack.gatewayUrl().getPort()).isNotEqualTo(8080);
		assertThat(stack.logs()).isEqualTo(Path.of("/tmp/w/logs"));
		assertThat(stack.arguments(LocalStack.Service.AUTH, 0)).last()
			.isEqualTo("--taskflow.auth.access-token-ttl=30s");
		assertThat(stack.arguments(LocalStack.Service.GATEWAY, 0)).noneMatch((argument) -> argument.contains("ttl"));
	}

	@Test
	void runsFurtherReplicasOfAServiceOnPortsOfTheirOwnWhileEveryoneCallsTheFirst() {
		LocalStack stack = CommandLine.parse("/repo", "--free-ports", "--replicas=task-service:2").builder().build();
		assertThat(stack.replicas(LocalStack.Service.TASK)).isEqualTo(2);
		assertThat(stack.replicas(LocalStack.Service.USER)).isEqualTo(1);
		int first = stack.serviceUrl(LocalStack.Service.TASK, 0).getPort();
		int second = stack.serviceUrl(LocalStack.Service.TASK, 1).getPort();
		assertThat(second).isNotEqualTo(first);
		assertThat(stack.arguments(LocalStack.Service.TASK, 1)).contains("--server.port=" + second)
			.doesNotContain("--server.port=" + first);
		assertThat(stack.arguments(LocalStack.Service.GATEWAY, 0))
			.contains("--taskflow.services.task=http://127.0.0.1:" + first);
	}

	@Test
	void refusesWhatItDoesNotKnowInOneLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--frobnicate"))
			.withMessageStartingWith("unknown option --frobnicate; usage:");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--set=nobody:a=b"))
			.withMessageContaining("no service named nobody");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--set=gateway"))
			.withMessageContaining("--set wants <service>:<property>=<value>");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--replicas=task-service:0"))
			.withMessageContaining("--replicas wants <service>:<n>");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--replicas=gateway:2"))
			.withMessageContaining("replicas are for the services behind the gateway");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--work-dir=/tmp/w"))
			.withMessageContaining("--work-dir goes with --free-ports");
	}

}
