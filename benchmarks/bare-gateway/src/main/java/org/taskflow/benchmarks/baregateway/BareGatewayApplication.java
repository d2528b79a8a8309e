package org.taskflow.benchmarks.baregateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare Spring Cloud Gateway, as spring-petclinic-microservices' api-gateway is one:
 * what a team on this stack would run without TaskFlow's edge. Nothing of ours is in it,
 * so the benchmark's ratio to it is the price of what our gateway adds.
 */
@SpringBootApplication
public class BareGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareGatewayApplication.class, args);
	}

}
