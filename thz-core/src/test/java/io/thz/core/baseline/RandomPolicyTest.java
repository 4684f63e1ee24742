package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomPolicyTest {

    @Test
    void actionsStayInTheActionSpaceAndFollowTheSeed() {
        ThzNetworkEnv env = new ThzNetworkEnv(ScenarioLoader.bundled("small"), 1);
        env.reset();
        EnvInfo info = env.info();
        RandomPolicy p = new RandomPolicy("random", info);
        assertThatThrownBy(() -> p.act(env.view())).hasMessageContaining("reset");
        p.reset(5);
        JointAction a = p.act(env.view());
        p.reset(5);
        JointAction again = p.act(env.view());
        double meanUsed = 0;
        for (int m = 0; m < info.aps(); m++) {
            double sum = 0;
            for (double w : a.powersW()[m]) {
                assertThat(w).isPositive();
                sum += w;
            }
            assertThat(sum).isLessThan(info.pmaxW());
            meanUsed += sum;
            assertThat(again.powersW()[m]).containsExactly(a.powersW()[m]);
        }
        assertThat(meanUsed).isPositive();
        assertThat(again.ris()[0].on()).containsExactly(a.ris()[0].on());
        // the joint action is valid for the environment
        a.validate(info);
    }

    @Test
    void overManyDrawsEveryRisChoiceAppears() {
        ThzNetworkEnv env = new ThzNetworkEnv(ScenarioLoader.bundled("small"), 1);
        env.reset();
        RandomPolicy p = new RandomPolicy("random", env.info());
        p.reset(1);
        int[] counts = new int[env.info().risChoices()];
        for (int i = 0; i < 300; i++) {
            var ris = p.act(env.view()).ris()[0];
            for (int l = 0; l < ris.on().length; l++) {
                counts[ris.on()[l] ? 1 + ris.phase()[l] : 0]++;
            }
        }
        // 1200 uniform draws over 3 choices: 400 each, sd 16; allow 5 sd
        for (int c : counts) {
            assertThat(c).isBetween(320, 480);
        }
    }
}
