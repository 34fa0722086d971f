package org.meridian.generate;

import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s, so a few items get most of
 * the picks, as states get most of the trade and a few organisations most of the agreements.
 */
final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n < 1)
            throw new IllegalArgumentException("a Zipf distribution needs at least one item");
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++)
            cumulative[rank] /= sum;
    }

    int size() {
        return cumulative.length;
    }

    int next(SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
