package org.taskflow.support.events;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor.AnnotationEnhancer;
import org.springframework.util.StringUtils;

/**
 * The topics this service consumes, by consumer group, as its {@link KafkaListener}s name
 * them; and what makes a replay reach only the group that failed: each listener also
 * consumes its group's replay topic of every topic it names
 * ({@link DeadLetters#replayTopic}). Every listener must name its {@code groupId}, since
 * dead letters belong to a group.
 */
public final class ConsumerGroups implements AnnotationEnhancer {

	private final Environment environment;

	private final Set<Consumed> consumed = new LinkedHashSet<>();

	ConsumerGroups(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Map<String, Object> apply(Map<String, Object> attributes, AnnotatedElement element) {
		String group = this.environment.resolveRequiredPlaceholders(string(attributes.get("groupId")));
		String[] topics = (String[]) attributes.getOrDefault("topics", new String[0]);
		if (!StringUtils.hasText(group) || topics.length == 0) {
			throw new IllegalStateException("@KafkaListener on " + element
					+ " must name its groupId and topics: dead letters and their replay belong to a group");
		}
		List<String> subscribed = new ArrayList<>();
		for (String named : topics) {
			String topic = this.environment.resolveRequiredPlaceholders(named);
			add(new Consumed(topic, group));
			subscribed.add(topic);
			subscribed.add(DeadLetters.replayTopic(topic, group));
		}
		Map<String, Object> enhanced = new LinkedHashMap<>(attributes);
		enhanced.put("topics", subscribed.toArray(String[]::new));
		enhanced.put("groupId", group);
		return enhanced;
	}

	private synchronized void add(Consumed topic) {
		this.consumed.add(topic);
	}

	/** Every topic and group of this service's listeners. */
	synchronized List<Consumed> consumed() {
		return List.copyOf(this.consumed);
	}

	synchronized boolean consumes(String topic, String group) {
		return this.consumed.contains(new Consumed(topic, group));
	}

	private static String string(@Nullable Object value) {
		return (value instanceof String text) ? text : "";
	}

	/**
	 * A topic one of this service's groups consumes, with the names of its group's dead
	 * letter and replay topics.
	 */
	public record Consumed(String topic, String group) {

		public String deadLetterTopic() {
			return DeadLetters.deadLetterTopic(this.topic, this.group);
		}

		public String replayTopic() {
			return DeadLetters.replayTopic(this.topic, this.group);
		}

	}

}
