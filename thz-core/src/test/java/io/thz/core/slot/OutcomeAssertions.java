package io.thz.core.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ejml.data.ZMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Compares scored slots: integers and flags exactly, reals to a relative tolerance. */
public final class OutcomeAssertions {

    private OutcomeAssertions() {
    }

    /** Reads an {@code *.expected.json} file (spec section 11 output) into an outcome. */
    public static SlotOutcome readExpected(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode users = root.get("users");
        int k = users.size();
        int[] cluster = new int[k];
        int[] rank = new int[k];
        double[] sinr = new double[k];
        double[] rate = new double[k];
        double[] gbps = new double[k];
        boolean[] fail = new boolean[k];
        for (int i = 0; i < k; i++) {
            JsonNode u = users.get(i);
            assertThat(u.size()).as("fields of users[%d]", i).isEqualTo(6);
            cluster[i] = u.get("cluster").intValue();
            rank[i] = u.get("decodeRank").intValue();
            sinr[i] = u.get("sinr").doubleValue();
            rate[i] = u.get("rateBpsHz").doubleValue();
            gbps[i] = u.get("rateGbps").doubleValue();
            fail[i] = u.get("sicFail").booleanValue();
        }
        JsonNode aps = root.get("aps");
        int[][][] levels = new int[aps.size()][][];
        ZMatrixRMaj[] w = new ZMatrixRMaj[aps.size()];
        for (int m = 0; m < aps.size(); m++) {
            JsonNode ap = aps.get(m);
            assertThat(ap.size()).as("fields of aps[%d]", m).isEqualTo(2);
            JsonNode chains = ap.get("phaseLevels");
            levels[m] = new int[chains.size()][];
            for (int n = 0; n < chains.size(); n++) {
                levels[m][n] = new int[chains.get(n).size()];
                for (int i = 0; i < levels[m][n].length; i++) {
                    levels[m][n][i] = chains.get(n).get(i).intValue();
                }
            }
            JsonNode rows = ap.get("W");
            w[m] = new ZMatrixRMaj(rows.size(), rows.get(0).size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    JsonNode z = rows.get(r).get(c);
                    w[m].set(r, c, z.get(0).doubleValue(), z.get(1).doubleValue());
                }
            }
        }
        assertThat(root.size()).as("top-level fields").isEqualTo(6);
        return new SlotOutcome(cluster, rank, sinr, rate, gbps, fail, levels, w,
                root.get("powerTotalW").doubleValue(), root.get("eeGbitPerJoule").doubleValue(),
                root.get("eeBpsHzPerW").doubleValue(), root.get("sumRateGbps").doubleValue());
    }

    /** Asserts {@code actual} equals {@code expected}: exact on integers/flags, reals to {@code relative}. */
    public static void assertMatches(SlotOutcome actual, SlotOutcome expected, double relative, String what) {
        assertThat(actual.cluster()).as("%s: clusters", what).containsExactly(expected.cluster());
        assertThat(actual.decodeRank()).as("%s: decode ranks", what).containsExactly(expected.decodeRank());
        assertThat(actual.sicFail()).as("%s: SIC failures", what).containsExactly(expected.sicFail());
        assertThat(actual.aps()).as("%s: APs", what).isEqualTo(expected.aps());
        for (int m = 0; m < expected.aps(); m++) {
            assertThat(actual.phaseLevels()[m]).as("%s: phase levels of AP %d", what, m)
                    .isDeepEqualTo(expected.phaseLevels()[m]);
            ZMatrixRMaj a = actual.precoders()[m];
            ZMatrixRMaj e = expected.precoders()[m];
            assertThat(a.numRows).isEqualTo(e.numRows);
            assertThat(a.numCols).isEqualTo(e.numCols);
            for (int i = 0; i < e.getDataLength(); i++) {
                close(a.data[i], e.data[i], relative, what + ": W of AP " + m + " entry " + i);
            }
        }
        for (int k = 0; k < expected.users(); k++) {
            close(actual.sinr()[k], expected.sinr()[k], relative, what + ": sinr of user " + k);
            close(actual.rateBpsHz()[k], expected.rateBpsHz()[k], relative, what + ": rateBpsHz of user " + k);
            close(actual.rateGbps()[k], expected.rateGbps()[k], relative, what + ": rateGbps of user " + k);
        }
        close(actual.powerTotalW(), expected.powerTotalW(), relative, what + ": powerTotalW");
        close(actual.eeGbitPerJoule(), expected.eeGbitPerJoule(), relative, what + ": eeGbitPerJoule");
        close(actual.eeBpsHzPerW(), expected.eeBpsHzPerW(), relative, what + ": eeBpsHzPerW");
        close(actual.sumRateGbps(), expected.sumRateGbps(), relative, what + ": sumRateGbps");
    }

    /** |a - e| <= relative max(|a|, |e|); exact equality for zeros. */
    public static void close(double actual, double expected, double relative, String what) {
        double scale = Math.max(Math.abs(actual), Math.abs(expected));
        if (!(Math.abs(actual - expected) <= relative * scale) && actual != expected) {
            fail("%s: %s vs expected %s (relative difference %.3g > %.1g)", what, actual, expected,
                    Math.abs(actual - expected) / scale, relative);
        }
    }
}
