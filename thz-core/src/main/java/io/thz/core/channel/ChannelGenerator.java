package io.thz.core.channel;

import io.thz.core.geometry.Deployment;
import io.thz.core.geometry.RisMount;
import io.thz.core.geometry.Vec3;
import io.thz.core.geometry.Wall;
import org.ejml.data.ZMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels of one slot from the positions and the blockage draws (spec section 3):
 * <ul>
 * <li>AP i to user k, 1 x N_A, equation (5):
 *     {@code 1_LoS sqrt(N_A Lpath(d) G) alpha_NA(phi_0)^H + sum_l sqrt(N_A Lpath(d_l) G) lambda_l alpha_NA(phi_l)^H};</li>
 * <li>RIS j to user k, 1 x L: the same form with N_A to L, G to G_R, from the RIS centre;</li>
 * <li>AP i to RIS j, L x N_A, always LoS:
 *     {@code sqrt(N_A L Lpath(d) G_R) alpha_L(psi_in) alpha_NA(phi)^H}, kept also as its rank-one
 *     factors: column {@code sqrt(N_A L Lpath(d) G_R) alpha_L(psi_in)}, row {@code alpha_NA(phi)^H}.</li>
 * </ul>
 * Distances d are 3-D, between array centres and the user; NLoS paths are the n_NL strongest
 * first-order side-wall reflections ({@link WallReflection}); angles follow the convention of
 * {@link UlaResponse}. As in the paper's (5), paths carry no propagation phase
 * {@code e^{-j 2 pi d / lambda}}: each path's phase is that of its reflection coefficient.
 *
 * <p>The AP-RIS channels depend on fixed positions only; they are computed once and every slot
 * gets its own copy. Deterministic: the same inputs give the same bits (all transcendental
 * functions are {@link StrictMath}).
 */
public final class ChannelGenerator {

    private final int antennas;
    private final int risElements;
    private final int nlosPaths;
    private final double apGain;
    private final double risGain;
    private final Deployment deployment;
    private final PathLoss pathLoss;
    private final WallReflection wallReflection;
    private final List<Wall> sideWalls;
    private final List<List<Wall>> risReflectingWalls;
    private final RankOne[][] apRisFactors;
    private final ZMatrixRMaj[][] apRis;

    public ChannelGenerator(ChannelParameters parameters, Deployment deployment) {
        this.antennas = parameters.antennas();
        this.risElements = parameters.risElements();
        this.nlosPaths = parameters.nlosPaths();
        this.apGain = parameters.apGain();
        this.risGain = parameters.risGain();
        this.deployment = deployment;
        this.pathLoss = new PathLoss(parameters.carrierHz(), parameters.absorptionPerM());
        this.wallReflection = new WallReflection(parameters.carrierHz(), parameters.wallIndexReal(),
                parameters.wallIndexImag(), parameters.wallRoughnessM());
        this.sideWalls = deployment.room().sideWalls();
        this.risReflectingWalls = new ArrayList<>();
        for (RisMount ris : deployment.rises()) {
            List<Wall> others = new ArrayList<>(sideWalls);
            others.removeIf(w -> w.axis() == ris.wall().axis() && w.coordinate() == ris.wall().coordinate());
            risReflectingWalls.add(List.copyOf(others));
        }
        int m = deployment.aps().size();
        int j = deployment.rises().size();
        this.apRisFactors = new RankOne[m][j];
        this.apRis = new ZMatrixRMaj[m][j];
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < j; r++) {
                apRisFactors[i][r] = apToRis(i, r);
                apRis[i][r] = RankOneProduct.expand(apRisFactors[i][r]);
            }
        }
    }

    /** The deployment the channels are generated for. */
    public Deployment deployment() {
        return deployment;
    }

    /**
     * All channels of one slot.
     *
     * @param users      user positions, index k = 0..K-1, in metres
     * @param losDirect  [M][K] LoS indicators of the AP-user links
     * @param losRis     [J][K] LoS indicators of the RIS-user links
     */
    public SlotChannels generate(List<Vec3> users, boolean[][] losDirect, boolean[][] losRis) {
        int m = deployment.aps().size();
        int j = deployment.rises().size();
        int k = users.size();
        ZMatrixRMaj[][] direct = new ZMatrixRMaj[m][k];
        for (int i = 0; i < m; i++) {
            for (int u = 0; u < k; u++) {
                direct[i][u] = direct(i, users.get(u), losDirect[i][u]);
            }
        }
        ZMatrixRMaj[][] risUser = new ZMatrixRMaj[j][k];
        for (int r = 0; r < j; r++) {
            for (int u = 0; u < k; u++) {
                risUser[r][u] = risToUser(r, users.get(u), losRis[r][u]);
            }
        }
        ZMatrixRMaj[][] apRisCopy = new ZMatrixRMaj[m][j];
        RankOne[][] factorsCopy = new RankOne[m][j];
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < j; r++) {
                apRisCopy[i][r] = apRis[i][r].copy();
                factorsCopy[i][r] = new RankOne(apRisFactors[i][r].column().copy(), apRisFactors[i][r].row().copy());
            }
        }
        return new SlotChannels(antennas, risElements, direct, risUser, apRisCopy, factorsCopy);
    }

    /** AP i to a user, 1 x N_A, equation (5). */
    public ZMatrixRMaj direct(int ap, Vec3 user, boolean los) {
        return pathSum(deployment.aps().get(ap), deployment.apAxis(), antennas, apGain, sideWalls, user, los);
    }

    /** RIS j to a user, 1 x L: (5) with N_A to L and G to G_R; the RIS's own wall does not reflect. */
    public ZMatrixRMaj risToUser(int ris, Vec3 user, boolean los) {
        RisMount mount = deployment.rises().get(ris);
        return pathSum(mount.centre(), mount.axis(), risElements, risGain, risReflectingWalls.get(ris), user, los);
    }

    /** AP i to RIS j, as rank-one factors (column L x 1 carries the amplitude, row 1 x N_A). */
    public RankOne apToRis(int ap, int ris) {
        Vec3 a = deployment.aps().get(ap);
        RisMount mount = deployment.rises().get(ris);
        Vec3 apToRis = mount.centre().minus(a);
        double d = apToRis.norm();
        double sinDeparture = deployment.apAxis().dot(apToRis) / d;
        double sinArrival = -mount.axis().dot(apToRis) / d;
        double amplitude = Math.sqrt(antennas * risElements * pathLoss.linear(d) * risGain);
        ZMatrixRMaj column = new ZMatrixRMaj(risElements, 1);
        UlaResponse.addScaled(column.data, 0, risElements, sinArrival, amplitude, 0.0, false);
        return new RankOne(column, UlaResponse.conjugateRow(antennas, sinDeparture));
    }

    private ZMatrixRMaj pathSum(Vec3 transmitter, Vec3 axis, int elements, double gain, List<Wall> walls,
                                Vec3 user, boolean los) {
        ZMatrixRMaj row = new ZMatrixRMaj(1, elements);
        if (los) {
            Vec3 toUser = user.minus(transmitter);
            double d = toUser.norm();
            double amplitude = Math.sqrt(elements * pathLoss.linear(d) * gain);
            UlaResponse.addScaled(row.data, 0, elements, axis.dot(toUser) / d, amplitude, 0.0, true);
        }
        if (nlosPaths > 0) {
            for (ReflectedPath path : wallReflection.strongest(transmitter, user, walls, nlosPaths)) {
                Complex amplitude = path.coefficient().times(Math.sqrt(elements * pathLoss.linear(path.lengthM()) * gain));
                UlaResponse.addScaled(row.data, 0, elements, axis.dot(path.departure()), amplitude.re(),
                        amplitude.im(), true);
            }
        }
        return row;
    }
}
