package io.thz.core.channel;

import io.thz.core.geometry.Vec3;
import io.thz.core.geometry.Wall;

/**
 * A first-order wall reflection between a transmitter and a receiver (image method).
 *
 * @param wall          the reflecting wall
 * @param lengthM       d_l, the total path length transmitter - wall - receiver, in metres
 * @param departure     unit vector from the transmitter toward the reflection point
 * @param arrival       unit vector from the receiver toward the reflection point
 * @param cosIncidence  cos(theta_i), theta_i the angle of incidence from the wall normal
 * @param coefficient   lambda_l, the complex reflection coefficient (Fresnel TE x roughness)
 */
public record ReflectedPath(Wall wall, double lengthM, Vec3 departure, Vec3 arrival, double cosIncidence,
                            Complex coefficient) {
}
