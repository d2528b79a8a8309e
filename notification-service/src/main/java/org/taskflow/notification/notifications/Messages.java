package org.taskflow.notification.notifications;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The words of each notification, in English for now. Titles and names are user input:
 * the HTML body escapes them.
 */
final class Messages {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final URI webApp;

	Messages(URI webApp) {
		this.webApp = webApp;
	}

	Text render(Notice notice, @Nullable String recipientName, @Nullable String actorName, ZoneId zone) {
		String actor = (actorName != null) ? actorName : "Someone";
		String task = "“" + notice.taskTitle() + "”";
		return switch (notice.kind()) {
			case WELCOME -> new Text("Welcome to TaskFlow" + ((recipientName != null) ? ", " + recipientName : ""),
					"Your account is ready. Create a task, give it a due date, and we will remind you before it is due.");
			case TASK_ASSIGNED ->
				new Text(actor + " assigned you " + task, actor + " assigned the task " + task + " to you.");
			case TASK_COMPLETED -> new Text(actor + " completed " + task, actor + " marked " + task + " as done.");
			case SIGNUP_ATTEMPTED -> new Text("Someone tried to sign up with your email address",
					"Someone tried to create a TaskFlow account with this email address, which already has one. "
							+ "Nothing changed: your account and password are as they were. If it was you, log in "
							+ "instead; if it was not, you need not do anything.");
			case DUE_SOON -> new Text(task + " is due soon",
					task + " is due "
							+ ((notice.dueAt() != null)
									? DUE.format(notice.dueAt().atZone(zone)) + " (" + zone.getId() + ")" : "soon")
							+ ".");
		};
	}

	/** Subject, plain text and HTML of the email for a notification. */
	Email email(Text text, @Nullable String taskId) {
		String link = this.webApp + ((taskId != null) ? "/tasks/" + taskId : "/");
		String plain = text.body() + "\n\nOpen TaskFlow: " + link
				+ "\n\nYou can choose which emails you get in your TaskFlow settings.\n";
		String html = """
				<!DOCTYPE html>
				<html><body style="font-family: sans-serif">
				<p>%s</p>
				<p><a href="%s">Open TaskFlow</a></p>
				<p style="color: #666; font-size: small">You can choose which emails you get in your TaskFlow settings.</p>
				</body></html>
				"""
			.formatted(HtmlUtils.htmlEscape(text.body()), HtmlUtils.htmlEscape(link));
		return new Email(text.title(), plain, html);
	}

	record Text(String title, String body) {
	}

	record Email(String subject, String text, String html) {
	}

}
