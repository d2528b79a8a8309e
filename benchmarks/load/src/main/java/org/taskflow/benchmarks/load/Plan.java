package org.taskflow.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one run of {@link MixedWorkload} does: whom it signs up, then the steps of its
 * fixed arrival rates. Gatling creates the simulation itself, so the plan reaches it as
 * system properties of this JVM.
 *
 * @param gateway the suite's public edge
 * @param people how many people sign up before the load
 * @param tasksPerPerson how many tasks each of them creates before the load
 * @param rates the arrival rates, one step each, in requests per second
 * @param step how long each rate is held
 * @param p95Millis the p95 a step must stay below, with no failed request, for the run to
 * pass; 0 for a run that only measures (saturation)
 */
public record Plan(URI gateway, int people, int tasksPerPerson, List<Integer> rates, Duration step, int p95Millis) {

	private static final String PREFIX = "taskflow.load.";

	/** The Gatling group, and scenario, of one step: its requests and their figures. */
	static String stepName(int rate) {
		return rate + " req/s";
	}

	void toSystemProperties() {
		System.setProperty(PREFIX + "gateway", this.gateway.toString());
		System.setProperty(PREFIX + "people", Integer.toString(this.people));
		System.setProperty(PREFIX + "tasks-per-person", Integer.toString(this.tasksPerPerson));
		System.setProperty(PREFIX + "rates", this.rates.stream().map(String::valueOf).collect(Collectors.joining(",")));
		System.setProperty(PREFIX + "step", this.step.toString());
		System.setProperty(PREFIX + "p95-millis", Integer.toString(this.p95Millis));
	}

	static Plan fromSystemProperties() {
		return new Plan(URI.create(required("gateway")), Integer.parseInt(required("people")),
				Integer.parseInt(required("tasks-per-person")),
				Arrays.stream(required("rates").split(",")).map(Integer::valueOf).toList(),
				Duration.parse(required("step")), Integer.parseInt(required("p95-millis")));
	}

	private static String required(String name) {
		String value = System.getProperty(PREFIX + name);
		if (value == null) {
			throw new IllegalStateException("no " + PREFIX + name + "; run the simulation through LoadTest");
		}
		return value;
	}

}
