package cn.zhaoshang.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A writer that encodes characters as UTF-8 into its own byte buffer, for the sheet XML that
 * {@link StreamingWorkbook} writes to its temporary file, one writer per sheet on one thread.
 * <p>
 * Why not {@code BufferedWriter} over {@code OutputStreamWriter} (POI's own choice): POI writes the XML a character
 * at a time, and each of the JDK writer's calls takes a lock and goes through a charset encoder; for a 22,000-row
 * ledger that was 40 % of the export's CPU (JFR, docs/benchmarks.md "Fifth round"). This one takes no lock and
 * encodes inline. A surrogate pair becomes one four-byte sequence; a lone surrogate becomes {@code ?}, as the JDK's
 * encoder replaces it.
 */
final class Utf8FileWriter extends Writer {

	private static final int SIZE = 1 << 16;

	private final OutputStream out;
	private final byte[] buffer = new byte[SIZE];
	private int length;
	private char highSurrogate;
	private boolean closed;

	Utf8FileWriter(OutputStream out) {
		this.out = out;
	}

	@Override
	public void write(int c) throws IOException {
		put((char) c);
	}

	@Override
	public void write(char[] chars, int offset, int count) throws IOException {
		for (int i = offset, end = offset + count; i < end; i++) {
			put(chars[i]);
		}
	}

	@Override
	public void write(String s, int offset, int count) throws IOException {
		for (int i = offset, end = offset + count; i < end; i++) {
			put(s.charAt(i));
		}
	}

	private void put(char c) throws IOException {
		if (length > SIZE - 8) { // room for the most one call writes: a pending surrogate's ? and three bytes
			drain();
		}
		if (highSurrogate != 0) {
			char high = highSurrogate;
			highSurrogate = 0;
			if (Character.isLowSurrogate(c)) {
				int cp = Character.toCodePoint(high, c);
				buffer[length++] = (byte) (0xF0 | (cp >> 18));
				buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				buffer[length++] = (byte) (0x80 | (cp & 0x3F));
				return;
			}
			buffer[length++] = '?';
		}
		if (c < 0x80) {
			buffer[length++] = (byte) c;
		}
		else if (c < 0x800) {
			buffer[length++] = (byte) (0xC0 | (c >> 6));
			buffer[length++] = (byte) (0x80 | (c & 0x3F));
		}
		else if (Character.isHighSurrogate(c)) {
			highSurrogate = c;
		}
		else if (Character.isLowSurrogate(c)) {
			buffer[length++] = '?';
		}
		else {
			buffer[length++] = (byte) (0xE0 | (c >> 12));
			buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			buffer[length++] = (byte) (0x80 | (c & 0x3F));
		}
	}

	private void drain() throws IOException {
		out.write(buffer, 0, length);
		length = 0;
	}

	/** Writes the buffer out; a surrogate still waiting for its pair waits on (it is not a character yet). */
	@Override
	public void flush() throws IOException {
		drain();
		out.flush();
	}

	/** A high surrogate left without its pair is written as {@code ?}, then the stream is closed. */
	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (highSurrogate != 0) {
				highSurrogate = 0;
				buffer[length++] = '?';
			}
			drain();
		}
		finally {
			out.close();
		}
	}
}
