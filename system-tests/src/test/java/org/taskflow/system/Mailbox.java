package org.taskflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** A person's mailbox, read over IMAP as their mail client would. */
record Mailbox(String host, int imapPort, String address) {

	List<String> subjects() {
		try {
			Store store = Session.getInstance(new Properties()).getStore("imap");
			// the suite's IMAP server takes any password for any address
			store.connect(this.host, this.imapPort, this.address, "any");
			try {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				Message[] messages = inbox.getMessages();
				// every envelope in one request, not one round trip per message
				FetchProfile envelopes = new FetchProfile();
				envelopes.add(FetchProfile.Item.ENVELOPE);
				inbox.fetch(messages, envelopes);
				List<String> subjects = new ArrayList<>();
				for (Message message : messages) {
					subjects.add(message.getSubject());
				}
				return subjects;
			}
			finally {
				store.close();
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not read the mailbox of " + this.address, ex);
		}
	}

}
