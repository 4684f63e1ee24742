package io.thz.core.channel;

import io.thz.core.geometry.Vec3;
import io.thz.core.geometry.Wall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NLoS paths of equation (5): first-order reflections on the side walls by the image method,
 * with the reflection coefficient of a rough dielectric wall,
 * {@code lambda = Gamma_TE(theta_i) exp(-8 pi^2 f^2 sigma_r^2 cos^2(theta_i) / c^2)}, where
 * {@code Gamma_TE = (cos theta_i - sqrt(n^2 - sin^2 theta_i)) / (cos theta_i + sqrt(n^2 - sin^2 theta_i))}
 * is the Fresnel coefficient of a TE (s-polarised) wave from air onto a wall of complex
 * refractive index n, and the exponential the Kirchhoff scattering loss of a surface of rms
 * roughness sigma_r.
 *
 * <p>The n_NL paths of a link are the reflections on the n_NL walls whose image path is the
 * shortest (the strongest reflections), ties broken by the room's wall order. A RIS is never
 * reflected by the wall it hangs on (that "path" would be the direct one).
 *
 * <p>Roughness factor: Piesiewicz et al., "Scattering analysis for the modeling of THz
 * communication systems", IEEE Trans. Antennas Propag. 55(11), 2007 (the paper's ref. [19]).
 */
public final class WallReflection {

    private final Complex indexSquared;
    private final double roughnessExponentScale;

    /**
     * @param carrierHz    f, in Hz
     * @param indexReal    real part of the wall's refractive index
     * @param indexImag    imaginary part (&le; 0 for a lossy wall, e^{j omega t} convention)
     * @param roughnessM   sigma_r, rms surface roughness, in metres
     */
    public WallReflection(double carrierHz, double indexReal, double indexImag, double roughnessM) {
        Complex index = new Complex(indexReal, indexImag);
        this.indexSquared = index.times(index);
        double k = carrierHz * roughnessM / PathLoss.SPEED_OF_LIGHT_MPS;
        this.roughnessExponentScale = 8 * Math.PI * Math.PI * k * k;
    }

    /** Gamma_TE for an incidence angle given by its cosine (1 = normal, 0 = grazing). */
    public Complex fresnelTe(double cosIncidence) {
        double sin2 = 1 - cosIncidence * cosIncidence;
        Complex root = indexSquared.minus(new Complex(sin2, 0)).sqrt();
        Complex cos = new Complex(cosIncidence, 0);
        return cos.minus(root).dividedBy(cos.plus(root));
    }

    /** Kirchhoff roughness factor exp(-8 pi^2 f^2 sigma_r^2 cos^2(theta_i) / c^2), in (0, 1]. */
    public double roughnessFactor(double cosIncidence) {
        return StrictMath.exp(-roughnessExponentScale * cosIncidence * cosIncidence);
    }

    /** lambda, the complex reflection coefficient of the wall. */
    public Complex coefficient(double cosIncidence) {
        return fresnelTe(cosIncidence).times(roughnessFactor(cosIncidence));
    }

    /** The reflection of the path transmitter to receiver on one wall. */
    public ReflectedPath reflect(Vec3 transmitter, Vec3 receiver, Wall wall) {
        Vec3 image = wall.mirror(transmitter);
        Vec3 imageToReceiver = receiver.minus(image);
        double length = imageToReceiver.norm();
        Vec3 unfolded = imageToReceiver.times(1.0 / length);
        double cosIncidence = Math.abs(unfolded.component(wall.axis()));
        Vec3 departure = wall.reflectDirection(unfolded);
        Vec3 arrival = unfolded.times(-1);
        return new ReflectedPath(wall, length, departure, arrival, cosIncidence, coefficient(cosIncidence));
    }

    /**
     * The {@code count} shortest first-order reflections over the given walls (fewer if there
     * are fewer walls), shortest first; equal lengths keep the walls' order.
     */
    public List<ReflectedPath> strongest(Vec3 transmitter, Vec3 receiver, List<Wall> walls, int count) {
        List<ReflectedPath> paths = new ArrayList<>(walls.size());
        for (Wall wall : walls) {
            paths.add(reflect(transmitter, receiver, wall));
        }
        paths.sort(Comparator.comparingDouble(ReflectedPath::lengthM)); // stable: ties keep wall order
        return paths.subList(0, Math.min(count, paths.size()));
    }
}
