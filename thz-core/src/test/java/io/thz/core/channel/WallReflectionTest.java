package io.thz.core.channel;

import io.thz.core.geometry.Room;
import io.thz.core.geometry.Vec3;
import io.thz.core.geometry.Wall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WallReflectionTest {

    private final WallReflection plaster = new WallReflection(0.3e12, 2.24, -0.025, 5e-5);

    @Test
    void normalIncidenceGivesOneMinusNOverOnePlusN() {
        // (1 - n) / (1 + n), n = 2.24 - 0.025j:
        // (-1.24 + 0.025j)(3.24 + 0.025j) / (3.24^2 + 0.025^2) = (-4.018225 + 0.05j) / 10.498225
        //                                                   = -0.3827528 + 0.0047627j, |.| = 0.3827824
        Complex gamma = plaster.fresnelTe(1.0);
        assertThat(gamma.re()).isCloseTo(-0.3827528, within(1e-7));
        assertThat(gamma.im()).isCloseTo(0.0047627, within(1e-7));
        assertThat(gamma.abs()).isCloseTo(0.3827824, within(1e-7));
    }

    @Test
    void magnitudeStaysBelowOneAndGrowsTowardMinusOneAtGrazing() {
        double previous = 0;
        for (double cos = 1.0; cos > 0.0005; cos -= 0.001) {
            double magnitude = plaster.fresnelTe(cos).abs();
            assertThat(magnitude).isLessThan(1.0);
            assertThat(magnitude).isGreaterThan(previous); // TE: |Gamma| rises monotonically toward grazing
            previous = magnitude;
        }
        Complex grazing = plaster.fresnelTe(1e-7);
        assertThat(grazing.re()).isCloseTo(-1.0, within(1e-6));
        assertThat(grazing.im()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void kirchhoffRoughnessFactorMatchesTheHandValue() {
        // 8 pi^2 (f sigma / c)^2 = 8 pi^2 (3e11 x 5e-5 / 299792458)^2 = 0.1976655; exp(-0.1976655) = 0.8206443
        assertThat(plaster.roughnessFactor(1.0)).isCloseTo(0.8206443, within(1e-7));
        assertThat(plaster.roughnessFactor(0.0)).isEqualTo(1.0);
        WallReflection smooth = new WallReflection(0.3e12, 2.24, -0.025, 0.0);
        assertThat(smooth.coefficient(0.6)).isEqualTo(smooth.fresnelTe(0.6));
        Complex rough = plaster.coefficient(0.6);
        assertThat(rough.abs()).isLessThan(plaster.fresnelTe(0.6).abs());
    }

    @Test
    void imageMethodGivesLengthAnglesAndDirections() {
        Room room = new Room(8, 5, 3);
        Wall front = room.sideWalls().get(0); // y = 0
        Vec3 tx = new Vec3(1, 2, 3);
        Vec3 rx = new Vec3(4, 1, 1);
        ReflectedPath path = plaster.reflect(tx, rx, front);
        // image (1, -2, 3): length |(3, 3, -2)| = sqrt(22); reflection point (3, 0, 5/3)
        assertThat(path.lengthM()).isCloseTo(Math.sqrt(22), within(1e-12));
        assertThat(path.cosIncidence()).isCloseTo(3 / Math.sqrt(22), within(1e-12));
        Vec3 point = new Vec3(3, 0, 5.0 / 3);
        Vec3 expectedDeparture = point.minus(tx).unit();
        assertThat(path.departure().minus(expectedDeparture).norm()).isLessThan(1e-12);
        assertThat(path.arrival().minus(point.minus(rx).unit()).norm()).isLessThan(1e-12);
        assertThat(tx.distanceTo(point) + point.distanceTo(rx)).isCloseTo(path.lengthM(), within(1e-12));
        assertThat(path.coefficient()).isEqualTo(plaster.coefficient(3 / Math.sqrt(22)));
    }

    @Test
    void strongestPathsAreTheShortestReflections() {
        Room room = new Room(8, 5, 3);
        Vec3 tx = new Vec3(4, 2.5, 3);
        Vec3 rx = new Vec3(7.5, 0.4, 1); // near the wall y = 0, then x = 8
        List<ReflectedPath> two = plaster.strongest(tx, rx, room.sideWalls(), 2);
        assertThat(two).extracting(p -> p.wall().name()).containsExactly("y=0", "x=8");
        assertThat(two.get(0).lengthM()).isLessThanOrEqualTo(two.get(1).lengthM());
        assertThat(plaster.strongest(tx, rx, room.sideWalls(), 9)).hasSize(4);
    }
}
