package org.taskflow.gateway.spa;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.PathResourceResolver;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Serves the web app from {@code classpath:/static}. Build output under {@code /assets}
 * carries a content hash in its name, so it is cached for a year as immutable;
 * {@code index.html} must be revalidated on every load so a deploy is seen at once. Any
 * other GET that is not an API, docs or operations path and does not name a file gets
 * {@code index.html}, so client-side routes survive a reload. Gateway routes are matched
 * before these handlers.
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebFluxConfigurer {

	private static final String LOCATION = "classpath:/static/";

	private static final List<String> SERVER_PREFIXES = List.of("api/", "oauth2/", ".well-known/", "actuator/", "v3/",
			"swagger-ui", "webjars/", "fallback/");

	private static final Resource INDEX = new ClassPathResource("static/index.html");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new SpaFallbackResolver());
	}

	@Bean
	RouterFunction<ServerResponse> spaIndex() {
		return RouterFunctions.route(GET("/"),
				(request) -> ServerResponse.ok()
					.cacheControl(CacheControl.noCache())
					.contentType(MediaType.TEXT_HTML)
					.bodyValue(INDEX));
	}

	/** Falls back to {@code index.html} for client-side routes. */
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
