package org.taskflow.task.config;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Request bodies are decoded with the strict {@link RequestJson} mapper. */
@Configuration(proxyBeanMethods = false)
class CodecConfig implements WebFluxConfigurer {

	private final RequestJson requestJson;

	CodecConfig(JsonMapper json) {
		this.requestJson = RequestJson.from(json);
	}

	@Bean
	RequestJson requestJson() {
		return this.requestJson;
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(this.requestJson.mapper()));
	}

}
