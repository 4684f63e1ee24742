package io.thz.core.noma;

import io.thz.core.model.Clustering;
import io.thz.core.model.UserType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClusteringTest {

    /** Users with real 2-antenna channels, in input order. */
    static ServedUsers users(UserType[] types, double[][] channels) {
        ServedUsers users = new ServedUsers();
        users.reset(2);
        for (int u = 0; u < types.length; u++) {
            users.add(10 + u, types[u]);
            users.re(u)[0] = channels[u][0];
            users.re(u)[1] = channels[u][1];
            users.im(u)[0] = 0;
            users.im(u)[1] = 0;
        }
        users.computeNorms();
        return users;
    }

    @Test
    void correlationByHand() {
        // a = [1, 0], b = [1, 1]: |a b^H| / (‖a‖ ‖b‖) = 1 / (1 * sqrt 2)
        double c = ChannelCorrelation.of(new double[] {1, 0}, new double[] {0, 0}, 1,
                new double[] {1, 1}, new double[] {0, 0}, Math.sqrt(2), 2);
        assertThat(c).isCloseTo(1 / Math.sqrt(2), within(1e-15));
        // complex: a = [j, 0], b = [1, 0] -> |j * 1| / 1 = 1
        assertThat(ChannelCorrelation.of(new double[] {0, 0}, new double[] {1, 0}, 1,
                new double[] {1, 0}, new double[] {0, 0}, 1, 2)).isCloseTo(1.0, within(1e-15));
        assertThat(ChannelCorrelation.of(new double[] {0, 0}, new double[] {0, 0}, 0,
                new double[] {1, 0}, new double[] {0, 0}, 1, 2)).isZero();
    }

    @Test
    void qosClusteringLetsSeUsersHeadAndIotUsersJoinTheMostCorrelatedHead() {
        UserType se = UserType.SE;
        UserType iot = UserType.IOT;
        ServedUsers users = users(new UserType[] {iot, se, iot, se, iot, iot},
                new double[][] {{0.2, 1}, {1, 0}, {1, 0.1}, {0, 1}, {1, 1}, {0, 0}});
        int[] head = new int[2];
        int[] cluster = new int[6];
        UserClustering.of(Clustering.QOS).cluster(users, 2, head, cluster);
        assertThat(head).containsExactly(1, 3);
        // [0.2, 1] is closer to [0, 1]; [1, 0.1] to [1, 0]; [1, 1] ties (1/sqrt2 each) -> lower index 0;
        // the zero channel correlates with nobody -> cluster 0
        assertThat(cluster).containsExactly(1, 0, 0, 1, 0, 0);
    }

    @Test
    void csiClusteringLetsTheStrongestUsersHeadWhateverTheirType() {
        UserType se = UserType.SE;
        UserType iot = UserType.IOT;
        // norms: 1, 3, 2, 3, 0.5 -> the two strongest are users 1 and 3 (tie on 3 broken by index)
        ServedUsers users = users(new UserType[] {se, iot, se, iot, se},
                new double[][] {{1, 0}, {3, 0}, {0, 2}, {0, 3}, {0.5, 0}});
        int[] head = new int[2];
        int[] cluster = new int[5];
        UserClustering.of(Clustering.CSI).cluster(users, 2, head, cluster);
        assertThat(head).containsExactly(1, 3);
        assertThat(cluster).containsExactly(0, 0, 1, 1, 0);

        // three-way tie on the norm: the lower input indices head
        ServedUsers tied = users(new UserType[] {se, se, se}, new double[][] {{0, 1}, {1, 0}, {1, 0}});
        int[] tiedHead = new int[2];
        UserClustering.of(Clustering.CSI).cluster(tied, 2, tiedHead, new int[3]);
        assertThat(tiedHead).containsExactly(0, 1);
    }

    @Test
    void refusesAnApWhoseUsersCannotFillItsClusters() {
        ServedUsers oneSe = users(new UserType[] {UserType.SE, UserType.IOT},
                new double[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> UserClustering.of(Clustering.QOS).cluster(oneSe, 2, new int[2], new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serves 1 SE user; QoS clustering needs exactly rfChains = 2");
        assertThatThrownBy(() -> UserClustering.of(Clustering.CSI).cluster(oneSe, 4, new int[4], new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serves 2 users; CSI clustering needs at least rfChains = 4");
    }
}
