package org.taskflow.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structural rules of every reactive service (the gateway and the three WebFlux
 * services). A service's {@code ArchitectureTests} runs them all, beside rules of its
 * own:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.taskflow.task", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *
 *     &#64;ArchTest
 *     static final ArchTests reactiveService = ArchTests.in(ReactiveArchitecture.class);
 *
 * }
 * </pre>
 */
public final class ReactiveArchitecture {

	/**
	 * No {@code block*()} of a Mono or Flux, except in a Kafka listener method: it runs
	 * on its consumer's own thread, and waiting there keeps a partition's records in
	 * order.
	 */
	@ArchTest
	public static final ArchRule NEVER_BLOCKS_AN_EVENT_LOOP = noClasses().should()
		.callMethodWhere(DescribedPredicate.describe("block*() of Mono or Flux outside a @KafkaListener method",
				(JavaMethodCall call) -> call.getTarget().getName().startsWith("block")
						&& (call.getTarget().getOwner().getName().equals("reactor.core.publisher.Mono")
								|| call.getTarget().getOwner().getName().equals("reactor.core.publisher.Flux"))
						&& !call.getOrigin().isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")))
		.because("a blocked event-loop thread stalls every connection it serves");

	@ArchTest
	public static final ArchRule NO_FIELD_INJECTION = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	/**
	 * Feature packages ({@code org.taskflow.<service>.<feature>}) do not depend in a
	 * cycle.
	 */
	@ArchTest
	public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.taskflow.*.(*)..")
		.should()
		.beFreeOfCycles();

	private ReactiveArchitecture() {
	}

}
