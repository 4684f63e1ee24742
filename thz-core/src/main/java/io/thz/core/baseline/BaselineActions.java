package io.thz.core.baseline;

import io.thz.core.env.SlotView;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;

/** Action pieces shared by the non-learning baselines. */
final class BaselineActions {

    private BaselineActions() {
    }

    /** Each AP gives P_max / K_m to each of its users. */
    static double[][] equalPower(SlotView view) {
        int aps = view.channels().aps();
        int[] served = new int[aps];
        for (User u : view.users()) {
            served[u.ap()]++;
        }
        double[][] p = new double[aps][];
        for (int m = 0; m < aps; m++) {
            p[m] = new double[served[m]];
            java.util.Arrays.fill(p[m], view.config().pmaxW() / served[m]);
        }
        return p;
    }

    /** Every element of every RIS OFF. */
    static RisAction[] allOff(SlotView view) {
        RisAction[] ris = new RisAction[view.channels().rises()];
        for (int j = 0; j < ris.length; j++) {
            ris[j] = new RisAction(new boolean[view.config().risElements()], new int[view.config().risElements()]);
        }
        return ris;
    }
}
