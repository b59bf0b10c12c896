package org.labourgraph.source;

/** A 1-based line and column in a text; (-1, -1) when the needle is not in it. */
record TextPosition(long line, long column) {

    static TextPosition of(String text, String needle) {
        int index = text.indexOf(needle);
        if (index < 0) {
            return new TextPosition(-1, -1);
        }
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, text.codePointCount(lineStart, index) + 1L);
    }
}
