package io.github.dlcareer.advisor.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Notices ids that repeat within a batch, in bounded memory: a 64-bit hash of each id, kept in an open-addressing
 * table of at most a sixty-fourth of the heap (and 16 MiB), so for the first ids only: 1,572,864 of them with the
 * JVM's default heap on a 24 GiB machine, 49,152 at {@code -Xmx64m}; the ones after are not checked. Two different ids share a
 * hash about once in 10^7 batches of a million.
 */
final class DuplicateIds {

    static final int SHOWN = 5;

    /** How many ids are checked: three quarters of the largest table the heap affords. */
    static final int CHECKED = (int) (Long.highestOneBit(Math.max(1 << 12,
            Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 64) / Long.BYTES)) * 3 / 4);

    private long[] table = new long[1 << 12];
    private int size;
    private long duplicates;
    private long unchecked;
    private final List<String> first = new ArrayList<>();

    void add(String id) {
        if (size >= CHECKED) {
            unchecked++;
            return;
        }
        long hash = hash(id);
        int mask = table.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (table[i] == hash) {
                duplicates++;
                if (first.size() < SHOWN && !first.contains(id)) {
                    first.add(id);
                }
                return;
            }
            if (table[i] == 0) {
                table[i] = hash;
                if (++size * 4L > table.length * 3L && size < CHECKED) {
                    grow();
                }
                return;
            }
        }
    }

    /** Records whose id an earlier record already had. */
    long duplicates() {
        return duplicates;
    }

    /** A few of the repeated ids, in the order first repeated. */
    List<String> first() {
        return first;
    }

    /** Records whose id was not checked, past the first {@link #CHECKED}. */
    long unchecked() {
        return unchecked;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int i = (int) hash & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = hash;
            }
        }
    }

    /** FNV-1a over the characters, then a mixing step so that the low bits index well; never 0 (an empty slot). */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
