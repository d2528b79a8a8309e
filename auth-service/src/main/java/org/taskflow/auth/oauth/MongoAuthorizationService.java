package org.taskflow.auth.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;
import org.taskflow.auth.Digests;

/**
 * OAuth2 authorizations (codes, access and refresh tokens of OAuth2 clients) in MongoDB
 * ({@code oauth_authorizations}), so a restart or another replica logs nobody out. Tokens
 * are found by the SHA-256 of their value; the values themselves are only inside the
 * stored object. Expired authorizations are removed by the service (the embedded server
 * has no TTL indexes).
 */
@Component
class MongoAuthorizationService implements OAuth2AuthorizationService {

	static final String COLLECTION = "oauth_authorizations";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoAuthorizationService(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		List<OAuth2Authorization.Token<?>> tokens = tokens(authorization).toList();
		List<String> lookups = new ArrayList<>();
		tokens.forEach((token) -> lookups.add(lookup(token.getToken().getTokenValue())));
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			lookups.add(lookup(state));
		}
		Instant expiresAt = tokens.stream()
			.map((token) -> token.getToken().getExpiresAt())
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(this.clock.instant().plus(java.time.Duration.ofDays(1)));
		Document document = new Document("_id", authorization.getId()).append("lookups", lookups)
			.append("expiresAt", Date.from(expiresAt))
			.append("authorization", new Binary(Serialized.write(authorization)));
		this.mongo.findAndReplace(byId(authorization.getId()), document, FindAndReplaceOptions.options().upsert(),
				Document.class, COLLECTION);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.mongo.remove(byId(authorization.getId()), COLLECTION);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return read(this.mongo.findOne(byId(id), Document.class, COLLECTION));
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization authorization = read(
				this.mongo.findOne(new Query(Criteria.where("lookups").is(lookup(token))), Document.class, COLLECTION));
		if (authorization == null || tokenType == null) {
			return authorization;
		}
		if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
			return token.equals(authorization.getAttribute(OAuth2ParameterNames.STATE)) ? authorization : null;
		}
		return tokens(authorization).anyMatch((candidate) -> candidate.getToken().getTokenValue().equals(token)
				&& matches(candidate.getToken(), tokenType)) ? authorization : null;
	}

	@Scheduled(fixedDelayString = "PT10M")
	void removeExpired() {
		this.mongo.remove(new Query(Criteria.where("expiresAt").lt(Date.from(this.clock.instant()))), COLLECTION);
	}

	private static boolean matches(OAuth2Token token, OAuth2TokenType type) {
		return switch (type.getValue()) {
			case OAuth2ParameterNames.CODE -> token instanceof OAuth2AuthorizationCode;
			case OAuth2ParameterNames.ACCESS_TOKEN ->
				token instanceof org.springframework.security.oauth2.core.OAuth2AccessToken;
			case OAuth2ParameterNames.REFRESH_TOKEN ->
				token instanceof org.springframework.security.oauth2.core.OAuth2RefreshToken;
			default -> true;
		};
	}

	private static Stream<OAuth2Authorization.Token<?>> tokens(OAuth2Authorization authorization) {
		return Stream.<OAuth2Authorization.Token<?>>of(authorization.getToken(OAuth2AuthorizationCode.class),
				authorization.getAccessToken(), authorization.getRefreshToken(),
				authorization.getToken(org.springframework.security.oauth2.core.oidc.OidcIdToken.class))
			.filter(java.util.Objects::nonNull);
	}

	private OAuth2Authorization read(Document document) {
		return (document != null)
				? Serialized.read(document.get("authorization", Binary.class).getData(), OAuth2Authorization.class)
				: null;
	}

	private static Query byId(String id) {
		return new Query(Criteria.where("_id").is(id));
	}

	private static String lookup(String value) {
		return Digests.sha256(value);
	}

}
