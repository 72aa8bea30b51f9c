package io.aurum.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events go into the outbox through COPY's text format: what would end a field or a row must be escaped. */
class PgCopyTextTest {

    @Test
    void plainTextIsWrittenAsItIs() {
        String json = "{\"clientId\":\"c1a2b3c4-0000-4000-8000-000000000001\",\"note\":\"Mr. Li\"}";
        assertThat(PgCopy.text(json)).isSameAs(json);
    }

    @Test
    void backslashesTabsAndLineBreaksAreEscaped() {
        // Jackson writes a note's line break as the two characters \ and n: COPY must receive \\n to keep them
        assertThat(PgCopy.text("{\"note\":\"line\\nnext\"}")).isEqualTo("{\"note\":\"line\\\\nnext\"}");
        assertThat(PgCopy.text("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }
}
