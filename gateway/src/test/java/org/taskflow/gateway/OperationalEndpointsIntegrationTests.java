package org.taskflow.gateway;

import java.util.List;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.OperationalEndpointsContract;

@IntegrationTest
class OperationalEndpointsIntegrationTests implements OperationalEndpointsContract {

	@LocalManagementPort
	int port;

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public List<String> healthComponents() {
		return List.of("redis");
	}

}
