package io.thz.core.slot;

/** A complex number as a plain immutable object: the reference implementation's arithmetic. */
public record Complex(double re, double im) {

    public static final Complex ZERO = new Complex(0.0, 0.0);
    public static final Complex ONE = new Complex(1.0, 0.0);

    /** e^{j theta}. */
    public static Complex expj(double theta) {
        return new Complex(Math.cos(theta), Math.sin(theta));
    }

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
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex conj() {
        return new Complex(re, -im);
    }

    /** |z|². */
    public double abs2() {
        return re * re + im * im;
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    /** The phase in (-pi, pi]. */
    public double arg() {
        return Math.atan2(im, re);
    }
}
