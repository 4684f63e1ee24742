package io.thz.learner.experiments;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless PNG line plots: one line per series through the means, with a bar from the minimum to
 * the maximum over seeds at each point (no bar with one seed).
 */
final class Charts {

    /** Width and height of a figure PNG, pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    /** Colour-blind-friendly qualitative palette (Tableau 10). */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    /**
     * A point of a series.
     *
     * @param x    abscissa
     * @param mean mean over seeds
     * @param min  minimum over seeds
     * @param max  maximum over seeds
     */
    record Point(double x, double mean, double min, double max) {
    }

    /**
     * A line.
     *
     * @param name   legend entry
     * @param dashed drawn dashed (reference schemes that do not learn)
     * @param points its points, in x order
     */
    record Series(String name, boolean dashed, List<Point> points) {
    }

    static void lines(Path png, String title, String xLabel, String yLabel, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries line = new YIntervalSeries(s.name(), false, true);
            for (Point p : s.points()) {
                if (Double.isFinite(p.mean())) {
                    line.add(p.x(), p.mean(), p.min(), p.max());
                }
            }
            data.addSeries(line);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setCapLength(6);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, series.get(i).dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(2f));
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        boolean integral = series.stream().flatMap(s -> s.points().stream()).allMatch(p -> p.x() == Math.rint(p.x()));
        if (integral) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // J, K, N_A, steps: no fractional ticks
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
