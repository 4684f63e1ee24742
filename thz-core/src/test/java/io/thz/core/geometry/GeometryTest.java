package io.thz.core.geometry;

import io.thz.core.random.RandomStream;
import io.thz.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeometryTest {

    private static final Room ROOM = new Room(8, 5, 3);

    @Test
    void apsSitOnTheCeilingAtTheCentresOfEqualZones() {
        List<Vec3> aps = Placement.aps(ROOM, 3);
        // x = (m + 1/2) 8/3: 4/3, 4, 20/3
        assertThat(aps.get(0).x()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(aps.get(1).x()).isCloseTo(4.0, within(1e-12));
        assertThat(aps.get(2).x()).isCloseTo(20.0 / 3, within(1e-12));
        assertThat(aps).allSatisfy(a -> {
            assertThat(a.y()).isEqualTo(2.5);
            assertThat(a.z()).isEqualTo(3.0);
        });
    }

    @Test
    void risPlacementFollowsTheSpecForOneTwoAndFour() {
        List<RisMount> one = Placement.rises(ROOM, 1, 2.0);
        assertThat(one).extracting(RisMount::centre).containsExactly(new Vec3(4, 0, 2));
        List<RisMount> two = Placement.rises(ROOM, 2, 2.0);
        assertThat(two).extracting(RisMount::centre).containsExactly(new Vec3(4, 0, 2), new Vec3(4, 5, 2));
        List<RisMount> four = Placement.rises(ROOM, 4, 2.0);
        assertThat(four).extracting(m -> m.centre().x())
                .containsExactly(8.0 / 3, 16.0 / 3, 8.0 / 3, 16.0 / 3);
        assertThat(four).extracting(m -> m.centre().y()).containsExactly(0.0, 0.0, 5.0, 5.0);
        // arrays along the long walls lie along x
        assertThat(four).allSatisfy(m -> assertThat(m.axis()).isEqualTo(Vec3.UNIT_X));
        assertThatThrownBy(() -> Placement.rises(ROOM, 3, 2.0)).hasMessageContaining("no default placement for 3");
    }

    @Test
    void explicitRisPositionFindsItsWall() {
        RisMount shortWall = Placement.risAt(ROOM, new Vec3(0, 2, 2));
        assertThat(shortWall.wall().name()).isEqualTo("x=0");
        assertThat(shortWall.axis()).isEqualTo(Vec3.UNIT_Y);
        assertThatThrownBy(() -> Placement.risAt(ROOM, new Vec3(8, 5, 2))).hasMessageContaining("corner");
        assertThatThrownBy(() -> Placement.risAt(ROOM, new Vec3(4, 2, 2))).hasMessageContaining("no side wall");
    }

    @Test
    void mirrorAndReflectAreInvolutions() {
        Wall wall = ROOM.sideWalls().get(1); // y = 5
        Vec3 p = new Vec3(1, 4, 2);
        assertThat(wall.mirror(p)).isEqualTo(new Vec3(1, 6, 2));
        assertThat(wall.mirror(wall.mirror(p))).isEqualTo(p);
        assertThat(wall.reflectDirection(new Vec3(0.6, 0.8, 0))).isEqualTo(new Vec3(0.6, -0.8, 0));
    }

    @Test
    void reflectFoldsCoordinatesBackIntoTheRoom() {
        assertThat(RandomWalk.reflect(-0.25, 8)).isCloseTo(0.25, within(1e-15));
        assertThat(RandomWalk.reflect(8.5, 8)).isCloseTo(7.5, within(1e-15));
        assertThat(RandomWalk.reflect(17.0, 8)).isCloseTo(1.0, within(1e-15));
        assertThat(RandomWalk.reflect(3.0, 8)).isEqualTo(3.0);
    }

    @Test
    void randomWalkStepsHaveTheConfiguredLengthAndStayInTheRoom() {
        RandomWalk walk = new RandomWalk(ROOM, 0.7);
        RandomStream random = RandomStreams.of(5).stream();
        Vec3 p = new Vec3(0.1, 4.9, 1.0);
        int reflected = 0;
        for (int i = 0; i < 20_000; i++) {
            Vec3 q = walk.step(p, random);
            assertThat(ROOM.contains(q)).as("step %d: %s", i, q).isTrue();
            assertThat(q.z()).isEqualTo(1.0);
            double moved = q.horizontalDistanceTo(p);
            if (Math.abs(moved - 0.7) > 1e-12) {
                reflected++; // a mirrored step is shorter
                assertThat(moved).isLessThan(0.7 + 1e-12);
            }
            p = q;
        }
        assertThat(reflected).isPositive();
    }

    @Test
    void usersAreDroppedInTheirApZone() {
        Deployment d = new Deployment(ROOM, Placement.aps(ROOM, 3), List.of());
        RandomStream random = RandomStreams.of(11).stream();
        for (int ap = 0; ap < 3; ap++) {
            for (int i = 0; i < 1000; i++) {
                Vec3 u = UserDrop.drop(d, ap, 1.0, random);
                assertThat(u.x()).isBetween(ap * 8.0 / 3, (ap + 1) * 8.0 / 3);
                assertThat(u.y()).isBetween(0.0, 5.0);
                assertThat(u.z()).isEqualTo(1.0);
            }
        }
    }
}
