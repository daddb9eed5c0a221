package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The sheet XML's writer ({@link StreamingWorkbook}): the bytes are exactly the JDK's UTF-8 for every kind of
 * character, however the text is cut into calls and across its buffer's end; a lone surrogate becomes {@code ?}
 * as the JDK's encoder makes it.
 */
class Utf8FileWriterTests {

	@Test
	void ascii_two_three_and_four_byte_characters_are_the_jdks_utf8() throws IOException {
		String text = "Project <A&B> ü é 项目台账 濮阳 \uD83D\uDE00 \uD840\uDC0B end";
		assertThat(written(text, 1)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
		assertThat(written(text, 3)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void a_long_random_text_crossing_the_buffer_many_times_in_calls_of_every_size() throws IOException {
		Random random = new Random(15);
		StringBuilder text = new StringBuilder();
		while (text.length() < 300_000) {
			switch (random.nextInt(4)) {
				case 0 -> text.append((char) ('a' + random.nextInt(26)));
				case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
				case 2 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
				default -> text.appendCodePoint(0x10000 + random.nextInt(0xFFFF));
			}
		}
		String s = text.toString();
		for (int chunk : new int[] { 1, 7, 4096, 100_000 }) {
			assertThat(written(s, chunk)).as("calls of %d chars", chunk).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void a_lone_surrogate_becomes_a_question_mark_as_with_the_jdk_encoder() throws IOException {
		for (String text : new String[] { "a\uD83Db", "a\uDE00b", "end\uD83D", "\uDE00\uD83D\uDE00" }) {
			assertThat(written(text, 1)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void flush_writes_what_is_buffered_and_close_closes_the_stream_once() throws IOException {
		var out = new ByteArrayOutputStream() {
			int closes;

			@Override
			public void close() {
				closes++;
			}
		};
		var writer = new Utf8FileWriter(out);
		writer.write("项目");
		assertThat(out.size()).isZero();
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("项目");
		writer.close();
		writer.close();
		assertThat(out.closes).isEqualTo(1);
	}

	/** The text written in calls of {@code chunk} characters, alternating the three ways to write. */
	private static byte[] written(String text, int chunk) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var writer = new Utf8FileWriter(out)) {
			int call = 0;
			for (int i = 0; i < text.length(); i += chunk) {
				int end = Math.min(text.length(), i + chunk);
				switch (call++ % 3) {
					case 0 -> writer.write(text, i, end - i);
					case 1 -> writer.write(text.substring(i, end).toCharArray());
					default -> {
						for (int j = i; j < end; j++) {
							writer.write(text.charAt(j));
						}
					}
				}
			}
		}
		return out.toByteArray();
	}
}
