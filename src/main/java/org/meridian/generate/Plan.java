package org.meridian.generate;

/**
 * How many of each kind of entity a scale of about {@code triples} triples gets. Trade flows
 * take whatever the other tables leave, so they dominate the count as statistics do in practice.
 */
record Plan(long triples, int states, int commodities, int organisations, int persons, int agreements,
            int events, int statements) {
    /** Triples each kind of row yields, as the mappings of data/ turn their cells into triples. */
    static final int STATE = 4, CITY = 5, ORGANISATION = 5, PERSON = 4, POST = 5, MEMBERSHIP = 8,
            AGREEMENT = 7, ROLE = 7, EVENT = 7, PARTICIPATION = 7, STATEMENT = 9, FLOW = 11, SOURCE = 8,
            COMMODITY = 5;

    static Plan of(long triples) {
        return new Plan(triples,
                clamp(triples / 400, 20, 250),
                clamp(triples / 1000, 20, 1200),
                clamp(triples / 250, 20, Integer.MAX_VALUE),
                clamp(triples / 200, 20, Integer.MAX_VALUE),
                clamp(triples / 1500, 5, Integer.MAX_VALUE),
                clamp(triples / 4000, 3, Integer.MAX_VALUE),
                clamp(triples / 400, 5, Integer.MAX_VALUE));
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
