package org.taskflow.gateway.spa;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Serves the {@code .br} or {@code .gz} copy the web build wrote beside a file, when the
 * request accepts that coding. Unlike Spring's {@code EncodedResourceResolver}, which
 * takes the first coding in the order the client lists them (browsers list
 * {@code gzip, deflate, br}), the server's order decides: brotli first, it is the
 * smaller.
 */
final class PrecompressedResourceResolver extends AbstractResourceResolver {

	private static final List<Coding> CODINGS = List.of(new Coding("br", ".br"), new Coding("gzip", ".gz"));

	@Override
	protected Mono<Resource> resolveResourceInternal(@Nullable ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		return chain.resolveResource(exchange, requestPath, locations)
			.map((resource) -> (exchange != null) ? precompressed(resource, accepted(exchange)) : resource);
	}

	@Override
	protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	private static Resource precompressed(Resource resource, Set<String> accepted) {
		for (Coding coding : CODINGS) {
			if (accepted.contains(coding.name())) {
				try {
					Resource copy = resource.createRelative(resource.getFilename() + coding.extension());
					if (copy.exists()) {
						return new EncodedResource(resource, copy, coding.name());
					}
				}
				catch (IOException ex) {
					// no copy: the file as it is
				}
			}
		}
		return resource;
	}

	/** The codings the request accepts, ignoring any with {@code q=0}. */
	static Set<String> accepted(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
		if (header == null) {
			return Set.of();
		}
		return Arrays.stream(header.toLowerCase(Locale.ROOT).split(","))
			.map(String::strip)
			.filter((coding) -> !coding.replace(" ", "").matches(".*;q=0(\\.0*)?$"))
			.map((coding) -> coding.split(";", 2)[0].strip())
			.collect(Collectors.toSet());
	}

	private record Coding(String name, String extension) {
	}

	/**
	 * The compressed copy, named and typed as the original, with its coding in the
	 * headers.
	 */
	private static final class EncodedResource extends AbstractResource implements HttpResource {

		private final Resource original;

		private final Resource encoded;

		private final String coding;

		EncodedResource(Resource original, Resource encoded, String coding) {
			this.original = original;
			this.encoded = encoded;
			this.coding = coding;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.encoded.getInputStream();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public long contentLength() throws IOException {
			return this.encoded.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.original.lastModified();
		}

		@Override
		public @Nullable String getFilename() {
			return this.original.getFilename();
		}

		@Override
		public String getDescription() {
			return this.encoded.getDescription();
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = (this.original instanceof HttpResource http) ? http.getResponseHeaders()
					: new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_ENCODING, this.coding);
			headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			return headers;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof EncodedResource that && this.encoded.equals(that.encoded));
		}

		@Override
		public int hashCode() {
			return this.encoded.hashCode();
		}

	}

}
