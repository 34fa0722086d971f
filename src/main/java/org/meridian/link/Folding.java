package org.meridian.link;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a name for comparison: diacritics removed (é to e, ī to i), case folded, punctuation and
 * runs of spaces made one space. "SERGUÉI  Lavrov" and "serguei lavrov" fold alike.
 */
public final class Folding {
    private Folding() {}

    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String bare = decomposed.replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
