package org.taskflow.gateway;

import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** TaskFlow's edge: one origin for the SPA and API clients in front of every service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		sizeEventLoops();
		SpringApplication.run(GatewayApplication.class, args);
	}

	/**
	 * One Reactor Netty event loop per available CPU. The default is at least 4, which on
	 * the one or two CPUs a gateway pod gets only adds context switches between loops
	 * (benchmarks/README.md has the figures). An explicit
	 * {@code -Dreactor.netty.ioWorkerCount} still wins. Must run before any Reactor Netty
	 * class creates its loops.
	 */
	static void sizeEventLoops() {
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT,
					Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
	}

}
