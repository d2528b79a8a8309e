package org.taskflow.support.reactornetty;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link AsyncExchangeFilter} and the {@link RequestTargetLimitFilter} in
 * every reactive web application that runs on Reactor Netty.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(HttpServer.class)
public class ReactorNettyAutoConfiguration {

	@Bean
	AsyncExchangeFilter asyncExchangeFilter() {
		return new AsyncExchangeFilter();
	}

	@Bean
	RequestTargetLimitFilter requestTargetLimitFilter() {
		return new RequestTargetLimitFilter();
	}

}
