package io.thz.learner.runners;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * PNG learning curves (headless): reward per slot and energy efficiency against environment
 * steps, as a moving average over training episodes and as held-out evaluation points.
 */
public final class LearningCurves {

    private LearningCurves() {
    }

    /**
     * @param steps      environment steps at the end of each training episode
     * @param reward     mean reward per slot of each training episode
     * @param ee         mean energy efficiency of each training episode, Gbit/J
     * @param evalSteps  environment steps of each evaluation
     * @param evalReward held-out reward of each evaluation
     * @param evalEe     held-out energy efficiency of each evaluation
     * @param window     moving-average window in episodes
     */
    public static void write(Path png, String title, List<Long> steps, List<Double> reward, List<Double> ee,
                             List<Long> evalSteps, List<Double> evalReward, List<Double> evalEe, int window) {
        System.setProperty("java.awt.headless", "true");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("environment steps"));
        plot.add(panel("reward per slot", steps, reward, evalSteps, evalReward, window, true), 1);
        plot.add(panel("energy efficiency (Gbit/J)", steps, ee, evalSteps, evalEe, window, false), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 700);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    private static XYPlot panel(String label, List<Long> steps, List<Double> values, List<Long> evalSteps,
                                List<Double> evalValues, int window, boolean inLegend) {
        XYSeries train = new XYSeries("training (moving average of " + window + " episodes)");
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i);
            if (i >= window) {
                sum -= values.get(i - window);
            }
            train.add((double) steps.get(i), sum / Math.min(i + 1, window));
        }
        XYSeries eval = new XYSeries("held-out evaluation");
        for (int i = 0; i < evalValues.size(); i++) {
            eval.add((double) evalSteps.get(i), evalValues.get(i));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(eval);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, new Color(214, 39, 40));
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesVisibleInLegend(0, inLegend);
        renderer.setSeriesVisibleInLegend(1, inLegend);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
