package org.labourgraph.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * A gzip file written as a series of members, each ended at a row boundary, so that one member can be read without
 * the ones before it: the rows of a bulk entry about one resource are found by decompressing the few members that
 * hold them instead of the whole entry (1.28 GB of text at 5·10^6 triples, about a minute). Any gzip reader still
 * reads the members one after another as one text.
 */
final class GzipMembers {
    private GzipMembers() {
    }

    /** Where a member starts in the file and how many bytes it takes there, compressed. */
    record Member(long offset, int length) {
    }

    /** A member whose text passes the limit the reader set: a file not written in small members. */
    static final class MemberTooLarge extends IOException {
        MemberTooLarge(Path file, long offset) {
            super(file + ": the member at byte " + offset + " is larger than members are written");
        }
    }

    /** Receives each member of a file with its text. */
    @FunctionalInterface
    interface MemberText {
        void accept(Member member, byte[] text) throws IOException;
    }

    /** Writes members one after another on {@code raw}; {@link #nextMember} ends the current one. */
    static final class Writer extends OutputStream {
        private final OutputStream raw;
        private MemberStream member;

        Writer(OutputStream raw) throws IOException {
            this.raw = raw;
            this.member = new MemberStream(raw);
        }

        /** Ends the current member (the bytes written so far must end at a row boundary) and starts the next. */
        void nextMember() throws IOException {
            member.end();
            member = new MemberStream(raw);
        }

        @Override
        public void write(int b) throws IOException {
            member.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            member.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            member.flush();
        }

        @Override
        public void close() throws IOException {
            member.end();
            raw.close();
        }
    }

    /**
     * {@code text} as one member stored uncompressed: its length depends only on the text's, so a member of the same
     * length can be written over it in place.
     */
    static byte[] stored(byte[] text) {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(member) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            gzip.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return member.toByteArray();
    }

    /** One member on the shared file stream; ending it frees its compressor at once (thousands per bulk load). */
    private static final class MemberStream extends GZIPOutputStream {
        MemberStream(OutputStream raw) throws IOException {
            super(raw, 1 << 16);
        }

        void end() throws IOException {
            finish();
            def.end();
        }
    }

    /**
     * Reads {@code file} member by member, in order, giving each its place and its text. Only members as Java writes
     * them are read (no optional header fields); each member's checksum and length are verified.
     *
     * @throws MemberTooLarge when a member's text passes {@code maxText} bytes (read no further)
     * @throws IOException when the file is not such a series of gzip members, or a member is damaged
     */
    static void forEach(Path file, int maxText, MemberText each) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long offset = 0;
            byte[] in = new byte[1 << 16];
            byte[] out = new byte[1 << 16];
            while (offset < size) {
                ByteBuffer header = read(ch, offset, 10, file);
                if ((header.get(0) & 0xff) != 0x1f || (header.get(1) & 0xff) != 0x8b || header.get(2) != 8 || header.get(3) != 0) {
                    throw new IOException(file + " at byte " + offset + ": not a gzip member as labourgraph writes them");
                }
                Inflater inflater = new Inflater(true);
                CRC32 crc = new CRC32();
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                long position = offset + 10;
                try {
                    while (!inflater.finished()) {
                        if (inflater.needsInput()) {
                            int n = ch.read(ByteBuffer.wrap(in), position);
                            if (n <= 0) {
                                throw new IOException(file + ": truncated in the member at byte " + offset);
                            }
                            position += n;
                            inflater.setInput(in, 0, n);
                        }
                        int k = inflater.inflate(out);
                        crc.update(out, 0, k);
                        text.write(out, 0, k);
                        if (text.size() > maxText) {
                            throw new MemberTooLarge(file, offset);
                        }
                        if (k == 0 && inflater.needsDictionary()) {
                            throw new IOException(file + ": the member at byte " + offset + " needs a preset dictionary");
                        }
                    }
                    long end = position - inflater.getRemaining();
                    ByteBuffer trailer = read(ch, end, 8, file).order(ByteOrder.LITTLE_ENDIAN);
                    if ((trailer.getInt(0) & 0xffffffffL) != crc.getValue() || trailer.getInt(4) != (int) text.size()) {
                        throw new IOException(file + ": the member at byte " + offset + " fails its checksum");
                    }
                    long next = end + 8;
                    each.accept(new Member(offset, Math.toIntExact(next - offset)), text.toByteArray());
                    offset = next;
                } catch (DataFormatException e) {
                    throw new IOException(file + ": the member at byte " + offset + " is not valid deflate data: " + e.getMessage(), e);
                } finally {
                    inflater.end();
                }
            }
        }
    }

    /** The text of one member of {@code file}, as {@link #forEach} located it. */
    static byte[] text(Path file, Member member) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(read(ch, member.offset(), member.length(), file).array()))) {
            return gzip.readAllBytes();
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(file + ": ends inside the member at byte " + position);
            }
        }
        return buffer;
    }
}
