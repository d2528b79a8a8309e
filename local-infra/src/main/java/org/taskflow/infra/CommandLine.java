package org.taskflow.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.taskflow.infra.LocalStack.Service;

/**
 * The launcher's command line, as {@link #USAGE} spells it: the suite to build and, if
 * asked for, the file to write once it is ready.
 */
record CommandLine(LocalStack.Builder builder, @Nullable Path readyFile) {

	static final String USAGE = "usage: local-infra.jar [home] [--otel[=endpoint]] [--free-ports] [--work-dir=<dir>]"
			+ " [--ready-file=<file>] [--set=<service>:<property>=<value>]... [--replicas=<service>:<n>]...";

	static CommandLine parse(String... args) {
		Path home = Path.of(".");
		OpenTelemetryAgent telemetry = null;
		boolean freePorts = false;
		Path workDir = null;
		Path readyFile = null;
		List<String> settings = new ArrayList<>();
		List<String> replicas = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--otel")) {
				telemetry = OpenTelemetryAgent.fromOption(arg);
			}
			else if (arg.equals("--free-ports")) {
				freePorts = true;
			}
			else if (arg.startsWith("--work-dir=")) {
				workDir = Path.of(value(arg));
			}
			else if (arg.startsWith("--ready-file=")) {
				readyFile = Path.of(value(arg));
			}
			else if (arg.startsWith("--set=")) {
				settings.add(value(arg));
			}
			else if (arg.startsWith("--replicas=")) {
				replicas.add(value(arg));
			}
			else if (arg.startsWith("-")) {
				throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
			}
			else {
				home = Path.of(arg);
			}
		}
		if (workDir != null && !freePorts) {
			throw new IllegalArgumentException("--work-dir goes with --free-ports; " + USAGE);
		}
		LocalStack.Builder builder;
		if (freePorts) {
			// A folder per launcher: two suites on free ports never share data or logs.
			builder = LocalStack.withFreePorts(home,
					(workDir != null) ? workDir : home.resolve(".local/free-ports/" + ProcessHandle.current().pid()));
		}
		else {
			builder = LocalStack.onDefaultPorts(home);
		}
		if (telemetry != null) {
			builder.telemetry(telemetry);
		}
		for (String setting : settings) {
			int colon = setting.indexOf(':');
			int equals = setting.indexOf('=', colon + 1);
			if (colon < 1 || equals < colon + 2) {
				throw new IllegalArgumentException("--set wants <service>:<property>=<value>, not " + setting);
			}
			builder.property(Service.named(setting.substring(0, colon)), setting.substring(colon + 1, equals),
					setting.substring(equals + 1));
		}
		for (String replica : replicas) {
			int colon = replica.indexOf(':');
			if (colon < 1 || !replica.substring(colon + 1).matches("[1-9]")) {
				throw new IllegalArgumentException("--replicas wants <service>:<n> (n from 1 to 9), not " + replica);
			}
			builder.replicas(Service.named(replica.substring(0, colon)),
					Integer.parseInt(replica.substring(colon + 1)));
		}
		return new CommandLine(builder, readyFile);
	}

	private static String value(String option) {
		return option.substring(option.indexOf('=') + 1);
	}

}
