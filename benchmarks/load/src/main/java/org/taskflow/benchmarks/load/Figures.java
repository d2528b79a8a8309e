package org.taskflow.benchmarks.load;

import tools.jackson.databind.JsonNode;

/**
 * A step of the load, or one request in it: how many were sent and failed (KO), and their
 * response times in ms, failed ones included.
 */
public record Figures(String name, long requests, long failed, double perSecond, long p50, long p95, long p99,
		long max) {

	static Figures of(JsonNode node) {
		JsonNode stats = node.get("stats");
		return new Figures(node.get("name").asString(), total(stats, "numberOfRequests"),
				stats.get("numberOfRequests").get("ko").asLong(),
				stats.get("meanNumberOfRequestsPerSecond").get("total").asDouble(), total(stats, "percentiles1"),
				total(stats, "percentiles3"), total(stats, "percentiles4"), total(stats, "maxResponseTime"));
	}

	private static long total(JsonNode stats, String name) {
		return stats.get(name).get("total").asLong();
	}

}
