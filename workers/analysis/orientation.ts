/**
 * The exact sign of `u2·v1 − u1·v2`, the determinant that
 * `point-in-polygon-hao` (Turf 7.4's point-in-polygon) hands to
 * `robust-predicates`' orient2d. Only the sign matters there, so a floating
 * filter answers almost every call and exact integer arithmetic settles the
 * rest: a point on an edge must be found on it, as Turf finds it.
 */

/** robust-predicates' error bound for this filter: (3 + 16ε)ε. */
const ERROR_BOUND = (3 + 16 * 1.1102230246251565e-16) * 1.1102230246251565e-16;

/**
 * Sign (−1, 0, 1) of `u2·v1 − u1·v2`, exact for every finite input: the same
 * sign robust-predicates' `orient2d(u1, u2, v1, v2, 0, 0)` returns.
 */
export function determinantSign(u1: number, u2: number, v1: number, v2: number): number {
  const left = u2 * v1;
  const right = u1 * v2;
  const determinant = left - right;
  if (left === 0 || right === 0 || left > 0 !== right > 0) {
    return Math.sign(determinant);
  }
  if (Math.abs(determinant) >= ERROR_BOUND * Math.abs(left + right)) {
    return Math.sign(determinant);
  }
  return exactDeterminantSign(u1, u2, v1, v2);
}

/** A finite double as `mantissa · 2^exponent` with an integer mantissa. */
interface ExactNumber {
  mantissa: bigint;
  exponent: number;
}

function decompose(value: number): ExactNumber {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  const magnitude = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biasedExponent === 0 ? -1074 : biasedExponent - 1075;
  return { mantissa: high >>> 31 === 1 ? -magnitude : magnitude, exponent };
}

function multiply(a: ExactNumber, b: ExactNumber): ExactNumber {
  return { mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent };
}

/** The slow, exact path: rare (near-collinear inputs), so clarity beats speed. */
function exactDeterminantSign(u1: number, u2: number, v1: number, v2: number): number {
  const left = multiply(decompose(u2), decompose(v1));
  const right = multiply(decompose(u1), decompose(v2));
  const exponent = Math.min(left.exponent, right.exponent);
  const difference =
    (left.mantissa << BigInt(left.exponent - exponent)) -
    (right.mantissa << BigInt(right.exponent - exponent));
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}
