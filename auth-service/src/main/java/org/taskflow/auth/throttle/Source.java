package org.taskflow.auth.throttle;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a password attempt comes from: the client address (behind the gateway, the one
 * its {@code X-Forwarded-For} names) and the device cookie, if the browser sent one.
 *
 * @param address the client address
 * @param deviceCookie the value of the device cookie, not yet verified
 */
public record Source(String address, @Nullable String deviceCookie) {

	public static Source of(HttpServletRequest request) {
		String device = null;
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (DeviceCookies.NAME.equals(cookie.getName())) {
					device = cookie.getValue();
				}
			}
		}
		return new Source(request.getRemoteAddr(), device);
	}

}
