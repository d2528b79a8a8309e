package org.taskflow.gateway.ratelimit;

import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;

/**
 * Rate limits every routed request: per user ({@code sub}) when a token was accepted, per
 * client address otherwise, and per client address under a much smaller budget on the
 * credential endpoints. Answers {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} always, and over budget a {@code 429} problem with
 * {@code Retry-After}. The credential budget is counted in Redis before the request
 * passes; the others in memory, shared through Redis in batches
 * ({@link BatchedWindowCounter}). Runs after the edge token check, so it sees the user. A
 * route with metadata {@code rate-limit: false} is exempt (the benchmark uses it to
 * measure the limiter's cost).
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	static final String LIMIT = "X-RateLimit-Limit";

	static final String REMAINING = "X-RateLimit-Remaining";

	/** Route metadata that exempts a route: {@code rate-limit: false}. */
	static final String METADATA_KEY = "rate-limit";

	private final RateLimitProperties properties;

	private final WindowCounter credentialsCounter;

	private final BatchedWindowCounter counter;

	private final ClientAddressResolver clients;

	private final ProblemWriter problems;

	private final List<PathPattern> credentialPaths;

	RateLimitFilter(RateLimitProperties properties, WindowCounter credentialsCounter, BatchedWindowCounter counter,
			ProblemWriter problems) {
		this.properties = properties;
		this.credentialsCounter = credentialsCounter;
		this.counter = counter;
		this.clients = new ClientAddressResolver(properties.trustedProxyHops());
		this.problems = problems;
		this.credentialPaths = properties.credentialPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	@Override
	public int getOrder() {
		// before the route's own filters (circuit breaker, retry): a refused request
		// costs the backend nothing
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null && "false".equals(String.valueOf(route.getMetadata().get(METADATA_KEY)))) {
			return chain.filter(exchange);
		}
		String client = this.clients.resolve(exchange);
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		Mono<Budget> budget;
		if (this.credentialPaths.stream().anyMatch((pattern) -> pattern.matches(path))) {
			budget = Mono.just(new Budget("credentials:" + client, this.properties.credentials(), true));
		}
		else {
			budget = exchange.getPrincipal()
				.map((principal) -> new Budget("user:" + principal.getName(), this.properties.authenticated(), false))
				.defaultIfEmpty(new Budget("ip:" + client, this.properties.anonymous(), false));
		}
		return budget.flatMap((b) -> count(b).flatMap((usage) -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set(LIMIT, Long.toString(b.limit()));
			headers.set(REMAINING, Long.toString(Math.max(0, b.limit() - usage.count())));
			if (usage.count() <= b.limit()) {
				return chain.filter(exchange);
			}
			long retryAfter = Math.max(1, (usage.resetMillis() + 999) / 1000);
			Consumer<HttpHeaders> extra = (h) -> h.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			return this.problems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many requests", "Request budget exhausted; retry after " + retryAfter + " s."), extra);
		}));
	}

	/** The credential budget in Redis on every hit; the others in batches. */
	private Mono<WindowUsage> count(Budget budget) {
		return budget.exact() ? this.credentialsCounter.hit(budget.key(), this.properties.window())
				: this.counter.hit(budget.key(), this.properties.window());
	}

	/** A client's budget; {@code exact}: counted in Redis before each request passes. */
	private record Budget(String key, long limit, boolean exact) {
	}

}
