package cn.zhaoshang.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for tests that check e-mail: on a free port chosen once, so a test can stop and
 * start it (to see what a mail failure does) and the application still finds it at the same address.
 */
public final class Mailbox {

	private Mailbox() {
	}

	public static GreenMailExtension server() {
		return new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withPerMethodLifecycle(false);
	}

	/** Points {@code spring.mail.*} at the server. */
	public static void configure(DynamicPropertyRegistry registry, GreenMailExtension server) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> server.getSmtp().getPort());
		registry.add("zhaoshang.mail.from", () -> "zhaoshang@test.local");
		registry.add("zhaoshang.mail.base-url", () -> "https://zs.example.gov.cn");
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
