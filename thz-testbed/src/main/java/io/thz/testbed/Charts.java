package io.thz.testbed;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** PNG line charts and histograms (headless JFreeChart). */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Loads fonts and the PNG writer now: they register JVM shutdown hooks on first use, which
     * fails once Ctrl-C has started the shutdown, when the run report is still to be written.
     */
    static void warmUp() {
        try {
            Path tmp = java.nio.file.Files.createTempFile("thz-warmup", ".png");
            lines(tmp, "warm-up", "x", "y", new double[] {0, 1}, Map.of("y", new double[] {0, 1}), 1);
            histogram(tmp, "warm-up", "x", new double[] {0, 1}, 2);
            java.nio.file.Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException e) {
            // a report without plots is still a report
        }
    }

    /** One or more series over a common x axis; each raw series is drawn with its moving average. */
    static void lines(Path png, String title, String xLabel, String yLabel, double[] x,
                      Map<String, double[]> series, int movingAverage) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, double[]> all = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            all.put(e.getKey(), e.getValue());
            if (movingAverage > 1 && e.getValue().length > movingAverage) {
                all.put(e.getKey() + " (moving mean of " + movingAverage + ")", movingMean(e.getValue(), movingAverage));
            }
        }
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            double[] y = e.getValue();
            for (int i = 0; i < y.length; i++) {
                if (Double.isFinite(y[i])) {
                    s.add(x[i], y[i]);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean smooth = data.getSeriesKey(i).toString().contains("moving mean");
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(smooth ? 2.5f : 1f));
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    static void histogram(Path png, String title, String xLabel, double[] values, int bins) throws IOException {
        HistogramDataset data = new HistogramDataset();
        data.addSeries(title, values.length == 0 ? new double[] {0} : values, bins);
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "count", data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    static double[] movingMean(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            n++;
            if (n > window) {
                sum -= y[i - window];
                n--;
            }
            out[i] = sum / n;
        }
        return out;
    }
}
