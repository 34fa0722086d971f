package org.meridian.export.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {
    @Test
    void formulaStartsGetAnApostrophe() {
        for (String cell : new String[] {"=1+2", "+cmd", "-x", "@SUM(A1)", "\tx", "\rx", "=", "-", "+1-2", "-1e"})
            assertEquals("'" + cell, SpreadsheetSafe.cell(cell), cell);
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String cell : new String[] {"", "-3.25", "+7", "-0.5e3", ".5", "12", "Ruritania", "a=b", "x-1", "'quoted"})
            assertEquals(cell, SpreadsheetSafe.cell(cell), cell);
    }
}
