package org.meridian.generate;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pronounceable made-up names, so synthetic entities read like entities and a label search has
 * something to find, without naming any real person or body. Ids are the names as slugs, made
 * unique with a number when two names collide.
 */
final class Names {
    private static final String[] SYLLABLES = {
        "ka", "lo", "ver", "mar", "del", "ro", "su", "ni", "ta", "bel", "gor", "an", "vi", "ze", "tor",
        "ul", "pe", "ri", "sa", "dan", "mi", "ko", "len", "val", "es", "tri", "no", "ba", "lin", "har",
    };

    private final SplittableRandom random;
    private final Set<String> ids = new HashSet<>();

    Names(SplittableRandom random) {
        this.random = random;
    }

    /** A capitalised word of {@code min}..{@code max} syllables. */
    String word(int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < count; i++)
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A slug of {@code name} that no earlier call returned. */
    String uniqueId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String id = slug;
        for (int n = 2; !ids.add(id); n++)
            id = slug + "-" + n;
        return id;
    }
}
