package org.taskflow.auth.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request look as if it had arrived at the public URL (the issuer): scheme,
 * host and port come from configuration, never from {@code Host} or
 * {@code X-Forwarded-Host}, so the absolute URLs this service builds (the redirect to the
 * login page, back to the authorization request after it, the issuer's endpoints) all
 * point at the public edge whichever way the request came in. A forged header cannot send
 * a browser elsewhere, and a request that reached the service directly (the gateway does
 * not pass the public host on) still gets public URLs.
 */
final class PublicUrlFilter extends OncePerRequestFilter {

	private final String scheme;

	private final String host;

	private final int port;

	PublicUrlFilter(String publicUrl) {
		URI uri = URI.create(publicUrl);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("The public URL must be absolute: " + publicUrl);
		}
		this.scheme = uri.getScheme();
		this.host = uri.getHost();
		this.port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(this.scheme) ? 443 : 80);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new PublicRequest(request), response);
	}

	private final class PublicRequest extends HttpServletRequestWrapper {

		PublicRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getScheme() {
			return PublicUrlFilter.this.scheme;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(PublicUrlFilter.this.scheme);
		}

		@Override
		public String getServerName() {
			return PublicUrlFilter.this.host;
		}

		@Override
		public int getServerPort() {
			return PublicUrlFilter.this.port;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(PublicUrlFilter.this.scheme).append("://")
				.append(PublicUrlFilter.this.host);
			boolean defaultPort = (PublicUrlFilter.this.port == 80 && !isSecure())
					|| (PublicUrlFilter.this.port == 443 && isSecure());
			if (!defaultPort) {
				url.append(':').append(PublicUrlFilter.this.port);
			}
			return url.append(getRequestURI());
		}

	}

}
