package cn.zhaoshang.platform;

/**
 * A client's network address as people read it. Java reports the IPv6 loopback as {@code 0:0:0:0:0:0:0:1} and an
 * IPv4 client of a dual-stack socket as {@code ::ffff:10.0.0.7}; people know them as {@code 127.0.0.1} and
 * {@code 10.0.0.7}. Behind a reverse proxy the address is the proxy's unless the proxy is trusted
 * ({@code server.forward-headers-strategy}, docs/operations.md), in which case the servlet container already hands
 * over the forwarded client address.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** The address as a client would write it; null and blank stay as they are. */
	public static String readable(String address) {
		if (address == null || address.isBlank()) {
			return address;
		}
		String a = address.strip();
		if (a.startsWith("[") && a.endsWith("]")) {
			a = a.substring(1, a.length() - 1);
		}
		String lower = a.toLowerCase(java.util.Locale.ROOT);
		if (lower.equals("::1") || lower.equals("0:0:0:0:0:0:0:1")) {
			return "127.0.0.1";
		}
		for (String mapped : new String[] { "::ffff:", "0:0:0:0:0:ffff:" }) {
			if (lower.startsWith(mapped) && lower.indexOf('.') > 0) {
				return a.substring(mapped.length());
			}
		}
		return a;
	}
}
