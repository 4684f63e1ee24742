package io.thz.core.channel;

/**
 * An immutable complex number, for the few scalar coefficients of the channel model (reflection
 * coefficients, path amplitudes). Vectors and matrices use EJML's interleaved arrays.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

    public static final Complex ONE = new Complex(1, 0);

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    public Complex dividedBy(Complex o) {
        double den = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / den, (im * o.re - re * o.im) / den);
    }

    /** Modulus |z|. */
    public double abs() {
        return Math.sqrt(re * re + im * im);
    }

    /** The principal square root (real part &ge; 0). */
    public Complex sqrt() {
        double r = abs();
        double a = Math.sqrt((r + re) / 2);
        double b = Math.sqrt((r - re) / 2);
        return new Complex(a, im < 0 ? -b : b);
    }
}
