package org.meridian.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A row of the benchmark's query table: counts summed, the median round, latencies pooled over the rounds. */
class DriverStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void aRowGivesTheMedianRoundAndTheLowestAndHighest() {
        List<Driver.Stats> rounds = List.of(
                new Driver.Stats(100, 0, 1.0, new long[] {1 * MS}),
                new Driver.Stats(600, 1, 2.0, new long[] {3 * MS}),
                new Driver.Stats(200, 0, 1.0, new long[] {2 * MS}));
        // 100, 300 and 200 q/s: the median is the round of 200, not the mean of 900 over 4 s
        assertEquals("900,1,200.0,2.00,3.00,3,100.0,300.0", Driver.Stats.csv(rounds));
    }

    @Test
    void ofAnEvenNumberOfRoundsTheLowerMiddleOneIsTheMedian() {
        List<Driver.Stats> rounds = List.of(
                new Driver.Stats(400, 0, 1.0, new long[] {MS}),
                new Driver.Stats(100, 0, 1.0, new long[] {MS}),
                new Driver.Stats(300, 0, 1.0, new long[] {MS}),
                new Driver.Stats(200, 0, 1.0, new long[] {MS}));
        assertEquals("1000,0,200.0,1.00,1.00,4,100.0,400.0", Driver.Stats.csv(rounds));
    }

    @Test
    void latenciesArePooledOverTheRounds() {
        long[] fast = new long[19];
        Arrays.fill(fast, MS);
        List<Driver.Stats> rounds = List.of(new Driver.Stats(19, 0, 1.0, fast),
                new Driver.Stats(1, 0, 1.0, new long[] {50 * MS}));
        // 20 latencies: p95 is the 19th, still 1 ms, the slow one alone the 20th; of two rounds the lower is the median
        assertEquals("20,0,1.0,1.00,1.00,2,1.0,19.0", Driver.Stats.csv(rounds));
    }
}
