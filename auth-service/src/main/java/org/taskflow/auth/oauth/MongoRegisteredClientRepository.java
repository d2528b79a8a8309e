package org.taskflow.auth.oauth;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Registered OAuth2 clients in MongoDB ({@code oauth_clients}), shared by every replica.
 */
@Component
class MongoRegisteredClientRepository implements RegisteredClientRepository {

	static final String COLLECTION = "oauth_clients";

	private final MongoTemplate mongo;

	MongoRegisteredClientRepository(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(RegisteredClient client) {
		Document document = new Document("_id", client.getId()).append("clientId", client.getClientId())
			.append("client", new Binary(Serialized.write(client)));
		this.mongo.findAndReplace(new Query(Criteria.where("_id").is(client.getId())), document,
				FindAndReplaceOptions.options().upsert(), Document.class, COLLECTION);
	}

	@Override
	public RegisteredClient findById(String id) {
		return find("_id", id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return find("clientId", clientId);
	}

	private RegisteredClient find(String field, String value) {
		Document document = this.mongo.findOne(new Query(Criteria.where(field).is(value)), Document.class, COLLECTION);
		return (document != null)
				? Serialized.read(document.get("client", Binary.class).getData(), RegisteredClient.class) : null;
	}

}
