package org.taskflow.auth.events;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the events waiting in account documents to Kafka as CloudEvents (structured
 * JSON, keyed by subject), then removes each from its document. At least once: a crash
 * between publish and removal publishes again, and consumers deduplicate on the event id.
 * Events of one document go out in order; the first failure stops that document until the
 * next round.
 */
@Component
class OutboxRelay {

	static final String TOPIC = "taskflow.auth.user-events.v1";

	/**
	 * The collection whose documents carry outboxes: only accounts produce events here.
	 */
	private static final String OWNERS = "accounts";

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final URI SOURCE = URI.create("/auth-service");

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.json = json;
	}

	@Scheduled(fixedDelayString = "${taskflow.auth.outbox-interval:500ms}")
	void relay() {
		Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(100);
		for (Document owner : this.mongo.find(pending, Document.class, OWNERS)) {
			for (Document event : owner.getList("outbox", Document.class)) {
				if (!publish(owner.get("_id"), event)) {
					break;
				}
			}
		}
	}

	private boolean publish(Object ownerId, Document event) {
		try {
			this.kafka.send(TOPIC, event.getString("subject"), cloudEvent(event))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			logger.warn("Event {} not published yet: {}", event.getString("_id"), ex.getMessage());
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(ownerId)),
				new Update().pull("outbox", new Document("_id", event.getString("_id"))), OWNERS);
		return true;
	}

	private String cloudEvent(Document event) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", event.getString("_id"));
		envelope.put("type", event.getString("type"));
		envelope.put("source", SOURCE.toString());
		envelope.put("subject", event.getString("subject"));
		envelope.put("time", event.getDate("time").toInstant().toString());
		envelope.put("datacontenttype", "application/json");
		envelope.put("data", withoutClassHint(event.get("data", Document.class)));
		return this.json.writeValueAsString(envelope);
	}

	private static Map<String, Object> withoutClassHint(Document data) {
		Map<String, Object> copy = new LinkedHashMap<>(data);
		copy.remove("_class");
		copy.replaceAll((key, value) -> (value instanceof java.util.Date date) ? date.toInstant().toString() : value);
		return copy;
	}

}
