package org.taskflow.gateway.spa;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.PathResourceResolver;
import org.springframework.web.server.WebFilter;

/**
 * Serves the web app, which the {@code web} module's jar puts under
 * {@code classpath:/META-INF/resources/}. Build output under {@code /assets} carries a
 * content hash in its name, so it is cached for a year as immutable; {@code index.html}
 * must be revalidated on every load so a deploy is seen at once. The build writes
 * {@code .br} and {@code .gz} copies beside each file, served by the request's
 * {@code Accept-Encoding} (brotli first, {@link PrecompressedResourceResolver}), so
 * nothing is compressed per request. Any other GET that is not an API, docs or operations
 * path and does not name a file gets {@code index.html}, so client-side routes survive a
 * reload. Gateway routes are matched before these handlers.
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebFluxConfigurer {

	private static final String LOCATION = "classpath:/META-INF/resources/";

	private static final List<String> SERVER_PREFIXES = List.of("api/", "oauth2/", ".well-known/", "actuator/", "v3/",
			"swagger-ui", "webjars/", "fallback/");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new PrecompressedResourceResolver())
			.addResolver(new PathResourceResolver());
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new PrecompressedResourceResolver())
			.addResolver(new SpaFallbackResolver());
	}

	/**
	 * {@code /} is the app shell too, but the resource handler ignores an empty path: ask
	 * it for {@code /index.html} instead, so {@code /} gets the same caching and
	 * precompressed copies.
	 */
	@Bean
	WebFilter spaRoot() {
		return (exchange, chain) -> "/".equals(exchange.getRequest().getPath().value())
				? chain.filter(exchange.mutate().request((request) -> request.path("/index.html")).build())
				: chain.filter(exchange);
	}

	/** Falls back to {@code index.html} for client-side routes (and for {@code /}). */
	static final class SpaFallbackResolver extends PathResourceResolver {

		@Override
		protected Mono<Resource> getResource(String resourcePath, Resource location) {
			return super.getResource(resourcePath, location).switchIfEmpty(Mono
				.defer(() -> isClientRoute(resourcePath) ? super.getResource("index.html", location) : Mono.empty()));
		}

		static boolean isClientRoute(String path) {
			String lastSegment = path.substring(path.lastIndexOf('/') + 1);
			return !lastSegment.contains(".") && SERVER_PREFIXES.stream().noneMatch(path::startsWith);
		}

	}

}
