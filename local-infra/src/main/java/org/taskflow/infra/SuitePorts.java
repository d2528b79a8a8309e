package org.taskflow.infra;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.taskflow.infra.LocalStack.Service;

/**
 * Where every piece of the suite listens: the fixed ports of {@code ./run-local}, which
 * the services' own defaults already name, or free ones, so that a test run and a local
 * stack can share the machine. A service's further replicas ({@link #withReplicas})
 * always listen on free ports; the first replica has the service's port.
 */
record SuitePorts(int mongo, int redis, int kafka, int smtp, int imap, Map<Service, Integer> services,
		int gatewayManagement, Map<Service, List<Integer>> furtherReplicas) {

	SuitePorts {
		services = Map.copyOf(services);
		furtherReplicas = Map.copyOf(furtherReplicas);
	}

	SuitePorts(int mongo, int redis, int kafka, int smtp, int imap, Map<Service, Integer> services,
			int gatewayManagement) {
		this(mongo, redis, kafka, smtp, imap, services, gatewayManagement, Map.of());
	}

	/** The ports of docs/contracts.md. */
	static SuitePorts defaults() {
		Map<Service, Integer> services = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			services.put(service, service.defaultPort());
		}
		return new SuitePorts(27017, 6379, 9092, 2525, 2143, services, 9080);
	}

	/**
	 * Ports nothing listens on right now; each server binds its own soon after, so a
	 * clash with another process is possible but short-lived.
	 */
	static SuitePorts free() {
		Map<Service, Integer> services = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			services.put(service, Loopback.freePort());
		}
		return new SuitePorts(Loopback.freePort(), Loopback.freePort(), Loopback.freePort(), Loopback.freePort(),
				Loopback.freePort(), services, Loopback.freePort());
	}

	/** These ports, with {@code count} replicas of the service in all. */
	SuitePorts withReplicas(Service service, int count) {
		Map<Service, List<Integer>> further = new EnumMap<>(Service.class);
		further.putAll(this.furtherReplicas);
		further.put(service, Stream.generate(Loopback::freePort).limit(count - 1).toList());
		return new SuitePorts(this.mongo, this.redis, this.kafka, this.smtp, this.imap, this.services,
				this.gatewayManagement, further);
	}

	/** The first replica's port: the one the other services and the gateway call. */
	int of(Service service) {
		return this.services.get(service);
	}

	/** How many replicas of the service run. */
	int replicas(Service service) {
		return 1 + this.furtherReplicas.getOrDefault(service, List.of()).size();
	}

	/** The port of a service's replica, counted from 0. */
	int of(Service service, int replica) {
		return (replica == 0) ? of(service) : this.furtherReplicas.get(service).get(replica - 1);
	}

	/**
	 * Where a service answers probes and metrics: the gateway keeps them on a port of its
	 * own (docs/contracts.md), the others on their service port.
	 */
	int management(Service service) {
		return (service == Service.GATEWAY) ? this.gatewayManagement : of(service);
	}

	/**
	 * Every port with what listens on it, in start order, for the "port is taken" check.
	 */
	Map<String, Integer> named() {
		Map<String, Integer> named = new LinkedHashMap<>();
		named.put("MongoDB", this.mongo);
		named.put("Redis", this.redis);
		named.put("Kafka", this.kafka);
		named.put("SMTP", this.smtp);
		named.put("IMAP", this.imap);
		for (Service service : Service.values()) {
			named.put(service.serviceName(), of(service));
			for (int replica = 1; replica < replicas(service); replica++) {
				named.put(service.serviceName() + " (replica " + (replica + 1) + ")", of(service, replica));
			}
		}
		named.put("gateway (management)", this.gatewayManagement);
		return named;
	}

}
