package org.ferganaatlas.fuzz;

import java.nio.charset.StandardCharsets;

/** Ways of reading the fuzzer's bytes as text, shared by the targets. */
public final class FuzzInput {
    private FuzzInput() {}

    /**
     * Longest input the fuzzer makes ({@code @WithLength(max = MAX_LENGTH)} on each target's {@code byte[]}): Jazzer's
     * mutator caps a {@code byte[]} at 1000 bytes otherwise, and grows inputs slowly from short seeds (61 s of search
     * fuzzing never passed 95 bytes, so the 256-character cut-off of the query was never reached). 4096 bytes:
     * 2048 UTF-16 units for the text targets, 1023 damage records for the database target.
     */
    public static final int MAX_LENGTH = 4096;

    /** The bytes as UTF-8, as a file or a paste would arrive (malformed bytes become U+FFFD). */
    public static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * The bytes as raw UTF-16 code units, little-endian, unchecked: reaches what UTF-8 cannot, lone
     * surrogates and any char at all, as a text field can hand us.
     */
    public static String utf16Units(byte[] data) {
        char[] chars = new char[data.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((data[2 * i] & 0xff) | (data[2 * i + 1] & 0xff) << 8);
        }
        return new String(chars);
    }
}
