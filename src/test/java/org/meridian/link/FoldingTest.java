package org.meridian.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names fold alike across case, diacritics, punctuation and spacing, and only then. */
class FoldingTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SERGUÉI  Lavrov | serguei lavrov",
            "Běijīng | beijing",
            "HARBÍN | harbin",
            "Gazprom PJSC | gazprom pjsc",
            "OPEC+ | opec",
            "  Xi   Jinping  | xi jinping",
            "Владимир Путин | владимир путин"})
    void folds(String name, String folded) {
        assertEquals(folded, Folding.fold(name));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(Folding.fold("Gazprom"), Folding.fold("Gazprom Neft"));
        assertNotEquals(Folding.fold("Sergei Lavrov"), Folding.fold("Sergey Lavrov"));
    }
}
