package org.meridian.bench;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as SVG, on a logarithmic axis so that engines a hundred times apart stay
 * readable: one group per category, one bar per series, values printed on the bars.
 */
final class SvgChart {
    private static final String[] COLOURS = {"#1b6ca8", "#e08a1e", "#3a9a4a", "#9a3a8a", "#777777"};

    private SvgChart() {}

    /** @param values values[series][category]; NaN leaves a gap */
    static String bars(String title, String unit, List<String> categories, List<String> series, double[][] values,
                       int x, int y, int width, int height) {
        StringBuilder svg = new StringBuilder();
        double max = 1;
        for (double[] row : values)
            for (double v : row)
                if (!Double.isNaN(v))
                    max = Math.max(max, v);
        double top = Math.pow(10, Math.ceil(Math.log10(max)));
        int plotTop = y + 30, plotBottom = y + height - 40, plotLeft = x + 50;
        double groupWidth = (double) (width - 60) / categories.size();
        double barWidth = groupWidth * 0.8 / series.size();
        svg.append(text(x, y + 15, title + " (" + unit + ", log scale)", 14, "start", "bold"));
        for (double tick = 1; tick <= top; tick *= 10) {
            double ty = scale(tick, top, plotTop, plotBottom);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>", plotLeft, ty, x + width, ty));
            svg.append(text(plotLeft - 5, ty + 4, label(tick), 10, "end", "normal"));
        }
        for (int c = 0; c < categories.size(); c++) {
            double gx = plotLeft + c * groupWidth + groupWidth * 0.1;
            svg.append(text(gx + groupWidth * 0.4, plotBottom + 14, categories.get(c), 10, "middle", "normal"));
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][c];
                if (Double.isNaN(v) || v <= 0)
                    continue;
                double by = scale(Math.max(v, 1), top, plotTop, plotBottom);
                double bx = gx + s * barWidth;
                svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'/>",
                        bx, by, barWidth - 1, plotBottom - by, COLOURS[s % COLOURS.length]));
                svg.append(text(bx + barWidth / 2, by - 2, label(v), 8, "middle", "normal"));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            int lx = plotLeft + s * 160;
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>", lx, plotBottom + 22,
                    COLOURS[s % COLOURS.length]));
            svg.append(text(lx + 14, plotBottom + 31, series.get(s), 10, "start", "normal"));
        }
        return svg.toString();
    }

    static String document(int width, int height, String body) {
        return "<svg xmlns='http://www.w3.org/2000/svg' width='" + width + "' height='" + height
                + "' font-family='sans-serif'><rect width='100%' height='100%' fill='white'/>" + body + "</svg>\n";
    }

    private static double scale(double v, double top, int plotTop, int plotBottom) {
        return plotBottom - (Math.log10(v) / Math.log10(top)) * (plotBottom - plotTop);
    }

    private static String label(double v) {
        if (v >= 1e6)
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3)
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String text(double x, double y, String text, int size, String anchor, String weight) {
        return String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-size='%d' text-anchor='%s' font-weight='%s'>%s</text>",
                x, y, size, anchor, weight, text.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
