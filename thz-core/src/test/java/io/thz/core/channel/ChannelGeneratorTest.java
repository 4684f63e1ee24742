package io.thz.core.channel;

import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.Placement;
import io.thz.core.geometry.Room;
import io.thz.core.geometry.Vec3;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChannelGeneratorTest {

    private static final Room ROOM = new Room(8, 5, 3);
    private static final Deployment DEPLOYMENT = new Deployment(ROOM, Placement.aps(ROOM, 3),
            Placement.rises(ROOM, 2, 2.0));

    private static ChannelParameters parameters(int nlos) {
        return new ChannelParameters(64, 20, 0.3e12, 0.0033, 20, 36, nlos, 2.24, -0.025, 5e-5);
    }

    @Test
    void losOnlyChannelHasArrayGainTimesPathLossAndTheConventionsPhases() {
        ChannelGenerator generator = new ChannelGenerator(parameters(0), DEPLOYMENT);
        Vec3 ap = DEPLOYMENT.aps().get(1); // (4, 2.5, 3)
        Vec3 user = new Vec3(6, 1, 1);
        ZMatrixRMaj h = generator.direct(1, user, true);
        double d = user.distanceTo(ap); // sqrt(4 + 2.25 + 4) = 3.2016
        double expected = 64 * new PathLoss(0.3e12, 0.0033).linear(d) * 100; // N_A Lpath G, G = 10^(20/10)
        assertThat(UlaResponseTest.normSquared(h)).isCloseTo(expected, within(expected * 1e-12));
        // sin(phi) = x-component of the unit vector AP -> user = 2 / d; h_n / h_0 = e^{-j pi n sin(phi)}
        double s = 2 / d;
        for (int n = 0; n < 64; n++) {
            double ratioRe = h.data[2 * n] / h.data[0];
            double ratioIm = h.data[2 * n + 1] / h.data[0];
            assertThat(ratioRe).isCloseTo(Math.cos(Math.PI * n * s), within(1e-12));
            assertThat(ratioIm).isCloseTo(-Math.sin(Math.PI * n * s), within(1e-12));
        }
        assertThat(UlaResponseTest.normSquared(generator.direct(1, user, false))).isZero();
    }

    @Test
    void aBlockedLinkKeepsItsWallReflectionWithTheReflectionLoss() {
        ChannelGenerator generator = new ChannelGenerator(parameters(1), DEPLOYMENT);
        Vec3 ap = DEPLOYMENT.aps().get(0);
        Vec3 user = new Vec3(1, 0.5, 1);
        WallReflection walls = new WallReflection(0.3e12, 2.24, -0.025, 5e-5);
        ReflectedPath path = walls.strongest(ap, user, ROOM.sideWalls(), 1).get(0);
        assertThat(path.wall().name()).isEqualTo("y=0");
        double lambda2 = path.coefficient().abs() * path.coefficient().abs();
        double expected = 64 * new PathLoss(0.3e12, 0.0033).linear(path.lengthM()) * 100 * lambda2;
        ZMatrixRMaj h = generator.direct(0, user, false);
        assertThat(UlaResponseTest.normSquared(h)).isCloseTo(expected, within(expected * 1e-12));
        // a reflected path is weaker than the LoS path of the same link
        double los = UlaResponseTest.normSquared(new ChannelGenerator(parameters(0), DEPLOYMENT).direct(0, user, true));
        assertThat(UlaResponseTest.normSquared(h)).isLessThan(los * 0.2);
    }

    @Test
    void apToRisChannelIsRankOneWithTheCascadeGain() {
        ChannelGenerator generator = new ChannelGenerator(parameters(2), DEPLOYMENT);
        RankOne g = generator.apToRis(0, 1);
        ZMatrixRMaj full = RankOneProduct.expand(g);
        assertThat(full.numRows).isEqualTo(20);
        assertThat(full.numCols).isEqualTo(64);
        double d = DEPLOYMENT.aps().get(0).distanceTo(DEPLOYMENT.rises().get(1).centre());
        // ||G||_F^2 = N_A L Lpath(d) G_R, G_R = 10^3.6
        double expected = 64 * 20 * new PathLoss(0.3e12, 0.0033).linear(d) * Math.pow(10, 3.6);
        assertThat(UlaResponseTest.normSquared(full)).isCloseTo(expected, within(expected * 1e-12));
        // every row of G is a multiple of the same alpha_NA^H: rank one
        for (int l = 1; l < 20; l++) {
            double cr = g.column().data[2 * l];
            double ci = g.column().data[2 * l + 1];
            for (int n = 0; n < 64; n++) {
                double rr = g.row().data[2 * n];
                double ri = g.row().data[2 * n + 1];
                assertThat(full.getReal(l, n)).isEqualTo(cr * rr - ci * ri);
                assertThat(full.getImag(l, n)).isEqualTo(cr * ri + ci * rr);
            }
        }
        // arrival angle at the RIS on y = 5 (axis x) toward AP 0: sin(psi) = (x_AP - x_RIS) / d
        double sinArrival = (DEPLOYMENT.aps().get(0).x() - 4.0) / d;
        double step = Math.atan2(g.column().data[3], g.column().data[2])
                - Math.atan2(g.column().data[1], g.column().data[0]);
        assertThat(Math.IEEEremainder(step - Math.PI * sinArrival, 2 * Math.PI)).isCloseTo(0, within(1e-12));
    }

    @Test
    void slotChannelsHaveTheContractShapesAndFactorsEqualTheMatrices() {
        ChannelGenerator generator = new ChannelGenerator(parameters(2), DEPLOYMENT);
        List<Vec3> users = List.of(new Vec3(1, 1, 1), new Vec3(3, 4, 1), new Vec3(7, 2, 1), new Vec3(5, 0.2, 1));
        boolean[][] losDirect = {{true, false, true, true}, {true, true, false, true}, {false, true, true, true}};
        boolean[][] losRis = {{true, true, false, true}, {false, true, true, true}};
        SlotChannels ch = generator.generate(users, losDirect, losRis);
        assertThat(ch.aps()).isEqualTo(3);
        assertThat(ch.rises()).isEqualTo(2);
        assertThat(ch.users()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(ch.direct()[i][k].numRows).isEqualTo(1);
                assertThat(ch.direct()[i][k].numCols).isEqualTo(64);
                assertThat(ch.direct()[i][k].data).isEqualTo(generator.direct(i, users.get(k), losDirect[i][k]).data);
            }
            for (int j = 0; j < 2; j++) {
                assertThat(ch.apRis()[i][j].data).isEqualTo(RankOneProduct.expand(ch.apRisFactor(i, j)).data);
            }
        }
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 4; k++) {
                assertThat(ch.risUser()[j][k].numCols).isEqualTo(20);
            }
        }
        // every slot gets its own AP-RIS matrices
        SlotChannels again = generator.generate(users, losDirect, losRis);
        assertThat(again.apRis()[0][0]).isNotSameAs(ch.apRis()[0][0]);
        assertThat(again.apRis()[0][0].data).isEqualTo(ch.apRis()[0][0].data);
    }

    @Test
    void aRisIsNotReflectedByItsOwnWall() {
        // RIS 0 hangs on y = 0: with n_NL = 4 only the 3 other walls reflect, so 4 and 3 give the same channel
        Vec3 user = new Vec3(2, 1.5, 1);
        ZMatrixRMaj four = new ChannelGenerator(parameters(4), DEPLOYMENT).risToUser(0, user, false);
        ZMatrixRMaj three = new ChannelGenerator(parameters(3), DEPLOYMENT).risToUser(0, user, false);
        ZMatrixRMaj two = new ChannelGenerator(parameters(2), DEPLOYMENT).risToUser(0, user, false);
        assertThat(four.data).isEqualTo(three.data);
        assertThat(three.data).isNotEqualTo(two.data);
    }

    @Test
    void directChannelGainFallsWithDistance() {
        ChannelGenerator generator = new ChannelGenerator(parameters(0), DEPLOYMENT);
        double previous = Double.POSITIVE_INFINITY;
        for (double x = 4.0; x >= 0.0; x -= 0.5) {
            double gain = UlaResponseTest.normSquared(generator.direct(2, new Vec3(x, 2.5, 1), true));
            assertThat(gain).isLessThan(previous);
            previous = gain;
        }
    }
}
