package org.taskflow.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's structural rules: reactive all the way, no field injection, no cycles.
 */
@AnalyzeClasses(packages = "org.taskflow.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule neverBlocksTheEventLoop = noClasses().should()
		.callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates
			.target(com.tngtech.archunit.base.DescribedPredicate.describe("block*() of Mono or Flux",
					(target) -> target.getName().startsWith("block") && (target.getOwner().isEquivalentTo(Mono.class)
							|| target.getOwner().isEquivalentTo(Flux.class)))))
		.because("a blocked event-loop thread stalls every connection it serves");

	@ArchTest
	static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("org.taskflow.gateway.(*)..").should().beFreeOfCycles();

}
