package org.taskflow.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that accepts every message (GreenMail), with IMAP to read them back: any
 * address is a mailbox, and any password logs in to it.
 */
public final class EmbeddedSmtp implements AutoCloseable {

	private final GreenMail greenMail;

	private EmbeddedSmtp(int smtpPort, int imapPort) {
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, Loopback.HOST, "smtp"),
				new ServerSetup(imapPort, Loopback.HOST, "imap") });
		this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
	}

	public static EmbeddedSmtp start(int smtpPort, int imapPort) {
		return new EmbeddedSmtp(smtpPort, imapPort);
	}

	public String host() {
		return Loopback.HOST;
	}

	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
