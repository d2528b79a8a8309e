package org.taskflow.auth;

import java.util.List;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.OperationalEndpointsContract;

@IntegrationTest
class OperationalEndpointsIntegrationTests implements OperationalEndpointsContract {

	@LocalServerPort
	int port;

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "redis");
	}

}
