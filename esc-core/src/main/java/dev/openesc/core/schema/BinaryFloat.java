package dev.openesc.core.schema;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number rounded to a 64-bit binary mantissa (nearest, ties to even), the precision in which the reference
 * compares numbers with schema bounds and divides by {@code multipleOf}. Doing the same here keeps borderline
 * decisions (for example whether 0.3 is a multiple of 0.1) identical to the reference.
 *
 * <p>The value is {@code sign * mantissa * 2^exponent}; zero has a zero mantissa.
 */
final class BinaryFloat implements Comparable<BinaryFloat> {
    private static final int PRECISION = 64;

    private final int sign;
    private final BigInteger mantissa;
    private final int exponent;

    private BinaryFloat(int sign, BigInteger mantissa, int exponent) {
        this.sign = mantissa.signum() == 0 ? 0 : sign;
        this.mantissa = mantissa;
        this.exponent = exponent;
    }

    /** The JSON number rounded to 64 bits of mantissa. */
    static BinaryFloat of(JsonNumber n) {
        BigDecimal d = n.toBigDecimal();
        BigInteger unscaled = d.unscaledValue().abs();
        int scale = d.scale();
        BigInteger num = scale <= 0 ? unscaled.multiply(BigInteger.TEN.pow(-scale)) : unscaled;
        BigInteger den = scale <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(scale);
        return rounded(d.signum(), num, den, 0);
    }

    /** The quotient, rounded like the reference's big.Float division. Division by zero yields null. */
    BinaryFloat dividedBy(BinaryFloat divisor) {
        if (divisor.sign == 0) {
            return null;
        }
        return rounded(sign * divisor.sign, mantissa, divisor.mantissa, exponent - divisor.exponent);
    }

    /** True if the value has no fractional part. */
    boolean isInteger() {
        if (sign == 0 || exponent >= 0) {
            return true;
        }
        return mantissa.getLowestSetBit() >= -exponent;
    }

    @Override
    public int compareTo(BinaryFloat o) {
        return toBigDecimal().compareTo(o.toBigDecimal());
    }

    BigDecimal toBigDecimal() {
        BigInteger m = sign < 0 ? mantissa.negate() : mantissa;
        if (exponent >= 0) {
            return new BigDecimal(m.shiftLeft(exponent));
        }
        // m * 2^-k == m * 5^k / 10^k exactly
        return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /** Rounds sign * num/den * 2^exp2 (num, den positive) to a 64-bit mantissa, ties to even. */
    private static BinaryFloat rounded(int sign, BigInteger num, BigInteger den, int exp2) {
        if (num.signum() == 0) {
            return new BinaryFloat(0, BigInteger.ZERO, 0);
        }
        // scale the numerator so the integer quotient has at least PRECISION + 2 bits
        int shift = PRECISION + 2 - (num.bitLength() - den.bitLength());
        BigInteger scaledNum = shift > 0 ? num.shiftLeft(shift) : num;
        BigInteger scaledDen = shift < 0 ? den.shiftLeft(-shift) : den;
        BigInteger[] qr = scaledNum.divideAndRemainder(scaledDen);
        BigInteger q = qr[0];
        boolean inexact = qr[1].signum() != 0;
        int exponent = exp2 - shift;

        int extra = q.bitLength() - PRECISION;
        BigInteger m = q.shiftRight(extra);
        boolean half = q.testBit(extra - 1);
        boolean sticky = inexact || q.getLowestSetBit() < extra - 1;
        if (half && (sticky || m.testBit(0))) {
            m = m.add(BigInteger.ONE);
            if (m.bitLength() > PRECISION) {
                m = m.shiftRight(1);
                exponent++;
            }
        }
        return new BinaryFloat(sign, m, exponent + extra);
    }
}
