//! Just enough unsigned big-integer arithmetic for the key checks (RSA small factors and
//! Fermat factorisation, DSA subgroup membership, EC point validation).
//!
//! Numbers live in fixed stack arrays of 64-bit limbs (least significant first; products
//! and carries in `u128`), so the checks allocate nothing. The square root runs on limb
//! slices sized to the operand (a small layer after GMP's `mpn` functions), where copies
//! of whole arrays would dominate the cost. Inputs wider than 8448 bits are
//! refused (`None`), and the rules that need them report "not applicable" rather than
//! guess. Nothing here is constant-time: only public values are handled.

use core::cmp::Ordering;

/// Limbs per number: room for an 8192-bit modulus and a full 8192 × 8192-bit product
/// would need twice that; products are only taken of numbers whose sum of sizes fits.
const LIMBS: usize = 132;

/// An unsigned integer of at most `L` 64-bit limbs.
#[derive(Clone, Copy)]
pub(crate) struct Uint<const L: usize> {
    l: [u64; L],
    /// Limbs in use: every limb at or above `n` is zero.
    n: usize,
}

fn get(a: &[u64], i: usize) -> u64 {
    a.get(i).copied().unwrap_or(0)
}

fn set(a: &mut [u64], i: usize, v: u64) {
    if let Some(x) = a.get_mut(i) {
        *x = v;
    }
}

/// An unsigned integer below 2^8448: room for the largest modulus the key rules accept.
pub(crate) type Big = Uint<LIMBS>;

impl<const L: usize> Uint<L> {
    /// Zero.
    pub(crate) const fn zero() -> Self {
        Self { l: [0; L], n: 0 }
    }

    /// A small value.
    pub(crate) fn from_u64(v: u64) -> Self {
        let mut b = Self::zero();
        set(&mut b.l, 0, v);
        b.n = 1;
        b.norm();
        b
    }

    /// From an unsigned big-endian magnitude (leading zero octets allowed).
    pub(crate) fn from_be(bytes: &[u8]) -> Option<Self> {
        let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let bytes = bytes.get(start..)?;
        if bytes.len() > L * 8 {
            return None;
        }
        let mut b = Self::zero();
        // Eight octets per limb, least significant limb first.
        let chunks = bytes.rchunks_exact(8);
        let top = chunks.remainder().iter().fold(0u64, |v, &x| (v << 8) | u64::from(x));
        let limbs = chunks.map(|c| c.try_into().map_or(0, u64::from_be_bytes)).chain([top]);
        for (limb, v) in b.l.iter_mut().zip(limbs) {
            *limb = v;
        }
        b.n = bytes.len().div_ceil(8);
        b.norm();
        Some(b)
    }

    fn norm(&mut self) {
        while self.n > 0 && get(&self.l, self.n - 1) == 0 {
            self.n -= 1;
        }
    }

    pub(crate) fn limbs(&self) -> &[u64] {
        self.l.get(..self.n).unwrap_or(&[])
    }

    /// Whether it is zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.n == 0
    }

    /// Whether it is odd.
    pub(crate) fn is_odd(&self) -> bool {
        get(&self.l, 0) & 1 == 1
    }

    /// The bit length (0 for zero).
    pub(crate) fn bits(&self) -> usize {
        match self.n {
            0 => 0,
            n => n * 64 - get(&self.l, n - 1).leading_zeros() as usize,
        }
    }

    /// Bit `i`.
    pub(crate) fn bit(&self, i: usize) -> bool {
        get(&self.l, i / 64) >> (i % 64) & 1 == 1
    }

    fn set_bit(&mut self, i: usize) -> Option<()> {
        let limb = self.l.get_mut(i / 64)?;
        *limb |= 1 << (i % 64);
        self.n = self.n.max(i / 64 + 1);
        Some(())
    }

    /// Compares magnitudes.
    pub(crate) fn cmp(&self, other: &Self) -> Ordering {
        self.n.cmp(&other.n).then_with(|| self.limbs().iter().rev().cmp(other.limbs().iter().rev()))
    }

    /// `self + other`, `None` on overflow.
    pub(crate) fn add(&self, other: &Self) -> Option<Self> {
        let mut out = Self::zero();
        let n = self.n.max(other.n);
        let mut carry = false;
        for ((o, &a), &b) in out.l.iter_mut().zip(&self.l).zip(&other.l).take(n) {
            let (s, c1) = a.overflowing_add(b);
            let (s, c2) = s.overflowing_add(u64::from(carry));
            *o = s;
            carry = c1 | c2;
        }
        out.n = n;
        if carry {
            let top = out.l.get_mut(n)?;
            *top = 1;
            out.n = n + 1;
        }
        Some(out)
    }

    /// `self - other`, `None` when `other > self`.
    pub(crate) fn sub(&self, other: &Self) -> Option<Self> {
        if self.cmp(other) == Ordering::Less {
            return None;
        }
        let mut out = *self;
        out.sub_assign(other);
        Some(out)
    }

    /// `self -= other`, assuming `other <= self`.
    fn sub_assign(&mut self, other: &Self) {
        let mut borrow = false;
        let n = self.n;
        for (o, &b) in self.l.iter_mut().zip(&other.l).take(n) {
            let (d, b1) = o.overflowing_sub(b);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *o = d;
            borrow = b1 | b2;
        }
        self.norm();
    }

    /// `self * other`, `None` when the product may not fit.
    pub(crate) fn mul(&self, other: &Self) -> Option<Self> {
        if self.n + other.n > L {
            return None;
        }
        let mut out = Self::zero();
        let b = other.limbs();
        for (i, &a) in self.limbs().iter().enumerate() {
            let (top, row) = out.l.get_mut(i..=i + b.len())?.split_last_mut()?;
            let a = u128::from(a);
            let mut carry = 0u128;
            for (o, &bj) in row.iter_mut().zip(b) {
                let t = a * u128::from(bj) + u128::from(*o) + carry;
                *o = t as u64;
                carry = t >> 64;
            }
            *top = carry as u64;
        }
        out.n = self.n + other.n;
        out.norm();
        Some(out)
    }

    fn shl1(&mut self) -> Option<()> {
        let mut carry = 0u64;
        let n = self.n;
        for o in self.l.iter_mut().take(n) {
            let next = *o >> 63;
            *o = (*o << 1) | carry;
            carry = next;
        }
        if carry != 0 {
            *self.l.get_mut(n)? = carry;
            self.n = n + 1;
        }
        Some(())
    }

    fn shr1(&mut self) {
        let mut carry = 0u64;
        let n = self.n;
        for o in self.l.iter_mut().take(n).rev() {
            let next = *o & 1;
            *o = (*o >> 1) | (carry << 63);
            carry = next;
        }
        self.norm();
    }

    /// `self / 2`, rounded down.
    #[cfg(test)]
    pub(crate) fn half(&self) -> Self {
        let mut out = *self;
        out.shr1();
        out
    }

    /// `self mod m` by shift and subtract, `None` when `m` is zero: the reference for
    /// [`Uint::rem`], and its fallback when the dividend fills every limb.
    fn rem_slow(&self, m: &Self) -> Option<Self> {
        if m.is_zero() {
            return None;
        }
        let mut r = Self::zero();
        for i in (0..self.bits()).rev() {
            r.shl1()?;
            if self.bit(i) {
                r.set_bit(0)?;
            }
            if r.cmp(m) != Ordering::Less {
                r.sub_assign(m);
            }
        }
        Some(r)
    }

    /// The integer square root, floor(sqrt(self)), digit by digit: the reference for
    /// [`Uint::isqrt`] and its fallback when a product would not fit.
    pub(crate) fn isqrt_digits(&self) -> Self {
        // Digit-by-digit (binary) method: only shifts, additions and comparisons.
        let mut x = *self;
        let mut res = Self::zero();
        let Some(top) = self.bits().checked_sub(1) else { return res };
        let mut k = top & !1;
        loop {
            let mut trial = res;
            if trial.set_bit_add(k).is_none() {
                return res;
            }
            res.shr1();
            if x.cmp(&trial) != Ordering::Less {
                x.sub_assign(&trial);
                if res.set_bit_add(k).is_none() {
                    return res;
                }
            }
            if k < 2 {
                return res;
            }
            k -= 2;
        }
    }

    /// The low 64 bits.
    pub(crate) fn low_u64(&self) -> u64 {
        get(&self.l, 0)
    }

    /// `self << k`, `None` when it does not fit.
    pub(crate) fn shl_bits(&self, k: usize) -> Option<Self> {
        if self.is_zero() {
            return Some(*self);
        }
        let (limbs, s) = (k / 64, (k % 64) as u32);
        let n = self.n + limbs + 1;
        if self.n + limbs > L {
            return None;
        }
        let mut out = Self::zero();
        let mut carry = 0u64;
        for (o, &v) in out.l.get_mut(limbs..)?.iter_mut().zip(self.limbs()) {
            let wide = u128::from(v) << s;
            *o = wide as u64 | carry;
            carry = (wide >> 64) as u64;
        }
        if carry != 0 {
            *out.l.get_mut(self.n + limbs)? = carry;
        }
        out.n = n.min(L);
        out.norm();
        Some(out)
    }

    /// `self >> k`.
    pub(crate) fn shr_bits(&self, k: usize) -> Self {
        let (limbs, s) = (k / 64, (k % 64) as u32);
        let mut out = Self::zero();
        if limbs >= self.n {
            return out;
        }
        let src = self.l.get(limbs..).unwrap_or_default();
        let above = src.iter().skip(1).copied().chain(core::iter::once(0));
        for ((o, &lo), hi) in out.l.iter_mut().zip(src).zip(above).take(self.n - limbs) {
            let wide = u128::from(lo) | u128::from(hi) << 64;
            *o = (wide >> s) as u64;
        }
        out.n = self.n - limbs;
        out.norm();
        out
    }

    /// `(self / d, self mod d)` by long division ([`div_qr`] on the operands shifted so
    /// that the divisor's top bit is set). `None` when `d` is zero or when the normalised
    /// dividend does not fit (`self` uses every limb).
    pub(crate) fn divrem(&self, d: &Self) -> Option<(Self, Self)> {
        if d.is_zero() {
            return None;
        }
        if self.cmp(d) == Ordering::Less {
            return Some((Self::zero(), *self));
        }
        let n = d.n;
        let mut q = Self::zero();
        if n == 1 {
            let dv = u128::from(get(&d.l, 0));
            let mut r = 0u128;
            for (i, o) in q.l.iter_mut().enumerate().take(self.n).rev() {
                let cur = (r << 64) | u128::from(get(&self.l, i));
                *o = (cur / dv) as u64;
                r = cur % dv;
            }
            q.n = self.n;
            q.norm();
            return Some((q, Self::from_u64(r as u64)));
        }
        if self.n + 1 > L {
            return None;
        }
        let m = self.n - n;
        let s = get(&d.l, n - 1).leading_zeros() as usize;
        let vn = d.shl_bits(s)?;
        // The dividend shifted alike, with one more limb (possibly zero) on top: its top
        // n limbs are then below vn, as `div_qr` needs.
        let mut un = self.shl_bits(s)?.l;
        div_qr(q.l.get_mut(..=m)?, un.get_mut(..=self.n)?, vn.limbs())?;
        q.n = m + 1;
        q.norm();
        let mut r = Self { l: un, n: n + 1 };
        r.norm();
        Some((q, r.shr_bits(s)))
    }

    /// `self mod m`, `None` when `m` is zero.
    pub(crate) fn rem(&self, m: &Self) -> Option<Self> {
        match self.divrem(m) {
            Some((_, r)) => Some(r),
            None => self.rem_slow(m),
        }
    }

    /// Whether `self * self` fits.
    pub(crate) fn square_fits(&self) -> bool {
        2 * self.n <= L
    }

    /// The integer square root, floor(sqrt(self)).
    pub(crate) fn isqrt(&self) -> Self {
        self.isqrt_rem().map_or_else(|| self.isqrt_digits(), |(s, _)| s)
    }

    /// `(s, self - s²)` with s = floor(sqrt(self)), by [`sqrtrem`]. `None` when the
    /// normalised input would not fit (it takes an even number of limbs).
    pub(crate) fn isqrt_rem(&self) -> Option<(Self, Self)> {
        let (mut s, mut r) = (Self::zero(), Self::zero());
        self.isqrt_rem_into(&mut s, &mut r)?;
        Some((s, r))
    }

    /// [`Uint::isqrt_rem`] written to `s` and `r`, which must be zero (as from
    /// [`Uint::zero`]): no copy of the two results on the way out. `None` (and `s`, `r`
    /// unspecified) when the normalised input would not fit.
    pub(crate) fn isqrt_rem_into(&self, s: &mut Self, r: &mut Self) -> Option<()> {
        debug_assert!(s.is_zero() && r.is_zero());
        let mut work = [0u64; L];
        let tn = self.n.div_ceil(2);
        sqrtrem(s.l.get_mut(..tn)?, r.l.get_mut(..=tn)?, self.limbs(), work.get_mut(..2 * tn)?)?;
        (s.n, r.n) = (tn, tn + 1);
        s.norm();
        r.norm();
        Some(())
    }

    /// `self = 2a + 1 - self` in place, `None` (and `self` unspecified) when 2a + 1 does
    /// not fit or is below `self`.
    pub(crate) fn rsub_double_plus_one(&mut self, a: &Self) -> Option<()> {
        let n = (a.n + 1).min(L).max(self.n);
        // The limbs of 2a + 1: each limb of a shifted left, the bit shifted out of the
        // limb below (the + 1 for the lowest) shifted in.
        let (mut shifted_in, mut borrow) = (1u64, false);
        for (x, &y) in self.l.iter_mut().zip(&a.l).take(n) {
            let t = y << 1 | shifted_in;
            shifted_in = y >> 63;
            let (d, b1) = t.overflowing_sub(*x);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *x = d;
            borrow = b1 | b2;
        }
        if borrow || shifted_in != 0 {
            return None;
        }
        self.n = n;
        self.norm();
        Some(())
    }

    /// `self += v`, `None` on overflow.
    pub(crate) fn add_u64(&mut self, v: u64) -> Option<()> {
        let n = self.n;
        // The carry out is `v` itself when `self` is zero.
        let carry = add_1(self.l.get_mut(..n)?, v);
        if carry != 0 {
            *self.l.get_mut(n)? = carry;
            self.n = n + 1;
        }
        Some(())
    }

    /// `self += 2^k`.
    fn set_bit_add(&mut self, k: usize) -> Option<()> {
        let mut p = Self::zero();
        p.set_bit(k)?;
        *self = self.add(&p)?;
        Some(())
    }
}

/// floor(sqrt(v)), without integer division: a floating-point estimate (the exponent
/// halved, within 7%, then three Newton steps in `f64`, within 2^-38 relative), made exact
/// by the integer comparisons below (which alone decide the result, whatever the estimate).
fn isqrt_u64(v: u64) -> u64 {
    if v < 2 {
        return v;
    }
    let x = v as f64;
    let mut y = f64::from_bits((x.to_bits() >> 1) + (0x3ff0_0000_0000_0000 >> 1));
    for _ in 0..3 {
        y = 0.5 * (y + x / y);
    }
    // Saturating: y is within a hair of sqrt(v) < 2^32.
    let mut s = (y as u64).min(u64::from(u32::MAX));
    while u128::from(s) * u128::from(s) > u128::from(v) {
        s -= 1;
    }
    while u128::from(s + 1) * u128::from(s + 1) <= u128::from(v) {
        s += 1;
    }
    s
}

/// (floor(sqrt(v)), v - s²) for v ≥ 2^126: one Karatsuba step on 32-bit halves (see
/// [`dc_sqrtrem`]) from the root of the top limb.
fn sqrtrem_u128(v: u128) -> (u64, u128) {
    let hi = (v >> 64) as u64;
    let s1 = isqrt_u64(hi);
    // (q, u) = divmod(r1·2^32 + the next 32 bits, 2·s1), s1 ≥ 2^31.
    let num = u128::from(hi - s1 * s1) << 32 | (v >> 32) & 0xffff_ffff;
    // num < 2^65 (r1 ≤ 2·s1 < 2^33): floor(num / 2s1) = floor(floor(num / 2) / s1), a
    // one-limb division.
    let d = 2 * u128::from(s1);
    let q = u128::from(((num >> 1) as u64) / s1);
    let u = num - q * d;
    // q ≤ 2^32: s may be 2^64 before the correction.
    let s = (u128::from(s1) << 32) + q;
    // r = u·2^32 + the low 32 bits - q², once corrected when negative.
    let (r, negative) = (u << 32 | v & 0xffff_ffff).overflowing_sub(q * q);
    if negative {
        ((s - 1) as u64, r.wrapping_add(2 * s - 1))
    } else {
        (s as u64, r)
    }
}

/// ((s, r mod 2^128), r >> 128) with s = floor(sqrt(a)) and r = a - s² for the four limbs
/// `a` (least significant first, a3 ≥ 2^62): the step of [`dc_sqrtrem`] on two-limb
/// halves written out in `u128`s, without its slices and the two divisions of a
/// one-limb [`div_qr`].
///
/// (s1, r1) = sqrt(a3·β + a2); (q, u) = divmod(r1·β + a1, 2·s1), by halving the
/// numerator (below 2^129) so that it fits: floor(x / 2s1) = floor(floor(x / 2) / s1);
/// s = s1·β + q and r = u·β + a0 - q², corrected once when negative.
fn sqrtrem_u256(a: [u64; 4]) -> ((u128, u128), u64) {
    let [a0, a1, a2, a3] = a;
    let (s1, r1) = sqrtrem_u128(u128::from(a3) << 64 | u128::from(a2));
    // r1 ≤ 2·s1 < 2^65: r1·2^63 + a1/2 < 2^128.
    let half = r1 << 63 | u128::from(a1 >> 1);
    let s1w = u128::from(s1);
    // q ≤ β (then s = β², wrapped to 0, and the correction below always runs).
    let q = half / s1w;
    let u = 2 * (half - q * s1w) + u128::from(a1 & 1);
    let mut s = (s1w << 64).wrapping_add(q);
    // r = u·β + a0 - q² as a 129-bit two's complement (top, low), u < 2^65, q² ≤ β².
    let low = (u << 64) | u128::from(a0);
    let (q2_top, q2_low) = if q >> 64 != 0 { (1, 0) } else { (0, q * q) };
    let (mut r, borrow) = low.overflowing_sub(q2_low);
    let mut top = ((u >> 64) as i64) - q2_top - i64::from(borrow);
    if top < 0 {
        // r += 2s - 1 = 2(s - 1) + 1, s -= 1.
        s = s.wrapping_sub(1);
        let (sum, c) = r.overflowing_add(s << 1 | 1);
        r = sum;
        top += ((s >> 127) as i64) + i64::from(c);
    }
    ((s, r), top as u64)
}

// Limb-slice primitives, least significant limb first (after GMP's mpn layer): they work
// on exactly the limbs in use, where `Uint` would copy whole fixed-size arrays.

/// `r += a` on the low `a.len()` limbs of `r`; the carry out of them.
pub(crate) fn add_n(r: &mut [u64], a: &[u64]) -> u64 {
    let mut carry = false;
    for (x, &y) in r.iter_mut().zip(a) {
        let (s, c1) = x.overflowing_add(y);
        let (s, c2) = s.overflowing_add(u64::from(carry));
        *x = s;
        carry = c1 | c2;
    }
    u64::from(carry)
}

/// `r -= a` on the low `a.len()` limbs of `r`; the borrow out of them.
pub(crate) fn sub_n(r: &mut [u64], a: &[u64]) -> u64 {
    let mut borrow = false;
    for (x, &y) in r.iter_mut().zip(a) {
        let (d, b1) = x.overflowing_sub(y);
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        *x = d;
        borrow = b1 | b2;
    }
    u64::from(borrow)
}

/// `r += c`; the carry out of `r` (`c` itself when `r` is empty).
fn add_1(r: &mut [u64], mut c: u64) -> u64 {
    for x in r {
        if c == 0 {
            break;
        }
        let (s, o) = x.overflowing_add(c);
        *x = s;
        c = u64::from(o);
    }
    c
}

/// `r -= b`; the borrow out of `r` (`b` itself when `r` is empty).
fn sub_1(r: &mut [u64], mut b: u64) -> u64 {
    for x in r {
        if b == 0 {
            break;
        }
        let (d, o) = x.overflowing_sub(b);
        *x = d;
        b = u64::from(o);
    }
    b
}

/// `r += a·b` on the low `a.len()` limbs of `r`; the limb carried out of them.
///
/// Two limbs per turn of the loop (the loop's own bookkeeping was a third of it).
fn addmul_1(r: &mut [u64], a: &[u64], b: u64) -> u64 {
    let n = r.len().min(a.len());
    let (Some(r), Some(a)) = (r.get_mut(..n), a.get(..n)) else { return 0 };
    let b = u128::from(b);
    let mut carry = 0u64;
    let mut rs = r.chunks_exact_mut(2);
    let mut as_ = a.chunks_exact(2);
    for (x, y) in (&mut rs).zip(&mut as_) {
        if let ([x0, x1], [y0, y1]) = (x, y) {
            let t0 = u128::from(*y0) * b + u128::from(*x0) + u128::from(carry);
            let t1 = u128::from(*y1) * b + u128::from(*x1) + (t0 >> 64);
            (*x0, *x1) = (t0 as u64, t1 as u64);
            carry = (t1 >> 64) as u64;
        }
    }
    for (x, &y) in rs.into_remainder().iter_mut().zip(as_.remainder()) {
        let t = u128::from(y) * b + u128::from(*x) + u128::from(carry);
        *x = t as u64;
        carry = (t >> 64) as u64;
    }
    carry
}

/// `r -= a·b` on the low `a.len()` limbs of `r`; the limb borrowed out of them (two limbs
/// per turn, as [`addmul_1`]).
fn submul_1(r: &mut [u64], a: &[u64], b: u64) -> u64 {
    // x - lo(y·b) does not wait for the incoming borrow: only one subtraction and one
    // addition lie on the chain from limb to limb. The outgoing borrow is that of
    // x - (y·b + borrow), below 2^64.
    fn step(x: &mut u64, y: u64, b: u128, borrow: u64) -> u64 {
        let p = u128::from(y) * b;
        let (d, o1) = x.overflowing_sub(p as u64);
        let (d, o2) = d.overflowing_sub(borrow);
        *x = d;
        (p >> 64) as u64 + u64::from(o1) + u64::from(o2)
    }
    let n = r.len().min(a.len());
    let (Some(r), Some(a)) = (r.get_mut(..n), a.get(..n)) else { return 0 };
    let b = u128::from(b);
    let mut borrow = 0u64;
    let mut rs = r.chunks_exact_mut(2);
    let mut as_ = a.chunks_exact(2);
    for (x, y) in (&mut rs).zip(&mut as_) {
        if let ([x0, x1], [y0, y1]) = (x, y) {
            borrow = step(x0, *y0, b, borrow);
            borrow = step(x1, *y1, b, borrow);
        }
    }
    for (x, &y) in rs.into_remainder().iter_mut().zip(as_.remainder()) {
        borrow = step(x, y, b, borrow);
    }
    borrow
}

/// `r = a·b`, with `r` of `a.len() + b.len()` limbs: the reference for [`sqr_into`].
#[cfg(test)]
fn mul_into(r: &mut [u64], a: &[u64], b: &[u64]) -> Option<()> {
    r.fill(0);
    for (i, &x) in a.iter().enumerate() {
        let (top, row) = r.get_mut(i..=i + b.len())?.split_last_mut()?;
        *top = addmul_1(row, b, x);
    }
    Some(())
}

/// `r = a²`, with `r` of `2·a.len()` limbs: the products a_i·a_j (i < j) once, doubled,
/// plus the squares a_i².
fn sqr_into(r: &mut [u64], a: &[u64]) -> Option<()> {
    r.fill(0);
    for (i, &x) in a.iter().enumerate() {
        let (top, row) = r.get_mut(2 * i + 1..=i + a.len())?.split_last_mut()?;
        *top = addmul_1(row, a.get(i + 1..)?, x);
    }
    let (mut shifted_out, mut carry) = (0u64, false);
    for (pair, &x) in r.chunks_exact_mut(2).zip(a) {
        if let [lo, hi] = pair {
            let doubled = (u128::from(*hi) << 64 | u128::from(*lo)) << 1 | u128::from(shifted_out);
            shifted_out = *hi >> 63;
            // x² + 1 < 2^128.
            let (sum, o) = doubled.overflowing_add(u128::from(x) * u128::from(x) + u128::from(carry));
            (*lo, *hi) = (sum as u64, (sum >> 64) as u64);
            carry = o;
        }
    }
    Some(())
}

/// The reciprocal of the normalised two-limb divisor d = d1·β + d0 (top bit of d1 set):
/// floor((β³ - 1) / d) - β, by GMP's `invert_pi1` from the one-limb reciprocal of d1.
fn reciprocal_3by2(d1: u64, d0: u64) -> u64 {
    // floor((β² - 1) / d1) - β, whose numerator (β - 1 - d1)·β + β - 1 is below d1·β.
    let mut v = ((u128::from(!d1) << 64 | u128::from(u64::MAX)) / u128::from(d1)) as u64;
    let mut p = d1.wrapping_mul(v).wrapping_add(d0);
    if p < d0 {
        v -= 1;
        if p >= d1 {
            v -= 1;
            p -= d1;
        }
        p = p.wrapping_sub(d1);
    }
    let t = u128::from(d0) * u128::from(v);
    let (t1, t0) = ((t >> 64) as u64, t as u64);
    let (p, o) = p.overflowing_add(t1);
    if o {
        v -= 1;
        if p > d1 || (p == d1 && t0 >= d0) {
            v -= 1;
        }
    }
    v
}

/// (q, r) = divmod(n2·β² + n1·β + n0, d) for d = d1·β + d0 normalised, n2·β + n1 < d, and
/// `v` from [`reciprocal_3by2`]: GMP's `udiv_qr_3by2` (Möller and Granlund), two
/// multiplications and no division.
fn div_3by2(n2: u64, n1: u64, n0: u64, d: u128, v: u64) -> (u64, u128) {
    let (d1, d0) = ((d >> 64) as u64, d as u64);
    let qq = (u128::from(n2) * u128::from(v)).wrapping_add(u128::from(n2) << 64 | u128::from(n1));
    let (mut q, q0) = ((qq >> 64) as u64, qq as u64);
    let r1 = n1.wrapping_sub(d1.wrapping_mul(q));
    let mut r = (u128::from(r1) << 64 | u128::from(n0)).wrapping_sub(d).wrapping_sub(u128::from(d0) * u128::from(q));
    q = q.wrapping_add(1);
    if (r >> 64) as u64 >= q0 {
        q = q.wrapping_sub(1);
        r = r.wrapping_add(d);
    }
    if r >= d {
        q += 1;
        r -= d;
    }
    (q, r)
}

/// Schoolbook long division (Knuth's algorithm D) of `u` by `d`, whose top bit is set:
/// the quotient to `q` (`u.len() - d.len()` limbs), the remainder to the low `d.len()`
/// limbs of `u`. The top `d.len()` limbs of `u` must be below `d`, so that every
/// quotient digit fits a limb.
///
/// Each digit comes from the top three limbs of the running remainder and the top two
/// of `d` by [`div_3by2`]; it is exact or one too large, which the rare add-back fixes.
fn div_qr(q: &mut [u64], u: &mut [u64], d: &[u64]) -> Option<()> {
    let dn = d.len();
    let m = u.len().checked_sub(dn)?;
    if dn == 1 {
        let v = u128::from(*d.first()?);
        let (top, low) = u.split_last_mut()?;
        let mut r = u128::from(*top);
        for (x, qj) in low.iter_mut().zip(q.iter_mut()).rev() {
            let num = r << 64 | u128::from(*x);
            (*qj, r) = ((num / v) as u64, num % v);
        }
        *u.first_mut()? = r as u64;
        return Some(());
    }
    let (d_low, d_top) = d.split_at_checked(dn - 2)?;
    let dt = u128::from(*d_top.get(1)?) << 64 | u128::from(*d_top.first()?);
    let v = reciprocal_3by2((dt >> 64) as u64, dt as u64);
    for (j, qj) in q.iter_mut().enumerate().take(m).rev() {
        // w = u[j..=j + dn]: its top three limbs give the digit.
        let w = u.get_mut(j..=j + dn)?;
        let (low, top3) = w.split_at_mut_checked(dn - 2)?;
        let [n0, n1, n2] = top3 else { return None };
        let qhat = if u128::from(*n2) << 64 | u128::from(*n1) == dt {
            // The digit is β - 1 (at most; its remainder stays below d).
            let borrow = submul_1(low, d_low, u64::MAX);
            let sub = u128::from(*n1) << 64 | u128::from(*n0);
            let rest = sub.wrapping_sub(dt.wrapping_mul(u128::from(u64::MAX))).wrapping_sub(u128::from(borrow));
            (*n0, *n1, *n2) = (rest as u64, (rest >> 64) as u64, 0);
            u64::MAX
        } else {
            let (mut qhat, r) = div_3by2(*n2, *n1, *n0, dt, v);
            // Subtract qhat times the low limbs of d from the low limbs and from r.
            let borrow = submul_1(low, d_low, qhat);
            let (r, negative) = r.overflowing_sub(u128::from(borrow));
            (*n0, *n1, *n2) = (r as u64, (r >> 64) as u64, 0);
            if negative {
                // qhat was one too large: add the divisor back.
                qhat -= 1;
                let carry = add_n(low, d_low);
                let r = r.wrapping_add(dt).wrapping_add(u128::from(carry));
                (*n0, *n1) = (r as u64, (r >> 64) as u64);
            }
            qhat
        };
        *qj = qhat;
    }
    Some(())
}

/// Zimmermann's Karatsuba square root (as GMP's `mpn_dc_sqrtrem`) of the `2n` limbs of
/// `np`, whose top limb is at least 2^62: the root to `sp` (`n` limbs), the remainder to
/// the low `n` limbs of `np` plus the returned carry (0 or 1). `scratch` holds the
/// quotient: `n/2 + 1` limbs.
///
/// With np = (a3·β + a2)·β² + a1·β + a0 and β = 2^(64·n/2): (s', r') = sqrt(a3·β + a2)
/// recursively, (q, u) = divmod(r'·β + a1, 2s'), s = s'·β + q and r = u·β + a0 - q²,
/// corrected once (s - 1, r + 2s - 1) when negative.
fn dc_sqrtrem(sp: &mut [u64], np: &mut [u64], scratch: &mut [u64]) -> Option<u64> {
    let n = sp.len();
    if n == 1 {
        let (s, r) = sqrtrem_u128(u128::from(*np.get(1)?) << 64 | u128::from(*np.first()?));
        *sp.first_mut()? = s;
        *np.first_mut()? = r as u64;
        return Some((r >> 64) as u64);
    }
    if n == 2 {
        let [a0, a1, a2, a3] = *np.get(..4)? else { return None };
        let ((s, r_lo), carry) = sqrtrem_u256([a0, a1, a2, a3]);
        sp.copy_from_slice(&[s as u64, (s >> 64) as u64]);
        np.get_mut(..2)?.copy_from_slice(&[r_lo as u64, (r_lo >> 64) as u64]);
        return Some(carry);
    }
    let l = n / 2;
    let (s_lo, s_hi) = sp.split_at_mut(l);
    // s' (normalised: its top bit is set) and r' = np[2l..2l + h] plus its carry.
    let carry = dc_sqrtrem(s_hi, np.get_mut(2 * l..)?, scratch)?;
    // (Q, R0) = divmod(r'·β + a1, s'); R0 goes to np[l..n].
    *np.get_mut(l + n)? = carry;
    let q = scratch.get_mut(..=l)?;
    div_qr(q, np.get_mut(l..=l + n)?, s_hi)?;
    // q = Q / 2 (at most β: its top bit is q_hi), u = R0 + (Q mod 2)·s'.
    for (o, w) in s_lo.iter_mut().zip(q.windows(2)) {
        *o = w.first()? >> 1 | w.get(1)? << 63;
    }
    let q_hi = q.last()? >> 1;
    let mut c = 0i64;
    if q.first()? & 1 == 1 {
        c = add_n(np.get_mut(l..n)?, s_hi) as i64;
    }
    // r = u·β + a0 - q², with q² = β² when q = β.
    let (low, high) = np.split_at_mut(n);
    let sq = high.get_mut(..2 * l)?;
    sqr_into(sq, s_lo)?;
    let (low2, rest) = low.split_at_mut(2 * l);
    let borrow = sub_n(low2, sq) + q_hi;
    c -= sub_1(rest, borrow) as i64;
    let s_carry = add_1(s_hi, q_hi);
    if c < 0 {
        // s is one too large: r += 2s - 1, s -= 1.
        c += (addmul_1(low, sp, 2) + 2 * s_carry) as i64;
        c -= sub_1(low, 1) as i64;
        sub_1(sp, 1);
    }
    Some(c as u64)
}

/// floor(sqrt(n)) into `s` (`⌈n.len()/2⌉` limbs) and n - s² into `r` (one limb more),
/// for the limbs `n` (no leading zero limb); `t` is work space of `2·s.len()` limbs.
///
/// n is shifted left by an even number 2k of bits onto the limbs of `t` so that the top
/// limb is at least 2^62, as [`dc_sqrtrem`] needs; from its root S and remainder R, with
/// s0 = S mod 2^k, 4^k·n = (S - s0)² + R + 2·s0·S - s0², so s = S >> k and
/// r = (R + 2·s0·S - s0²) >> 2k (as GMP's `mpn_sqrtrem`).
fn sqrtrem(s: &mut [u64], r: &mut [u64], n: &[u64], t: &mut [u64]) -> Option<()> {
    let Some(&top) = n.last() else { return Some(()) };
    let tn = s.len();
    let k = top.leading_zeros() as usize / 2 + 32 * (2 * tn - n.len());
    let (limbs, bits) = (2 * k / 64, 2 * k % 64);
    // 2k bits at most the leading zeros: nothing is shifted out of the top limb.
    let mut carry = 0u64;
    for (o, &v) in t.get_mut(limbs..)?.iter_mut().zip(n) {
        let wide = u128::from(v) << bits;
        *o = wide as u64 | carry;
        carry = (wide >> 64) as u64;
    }
    let c = dc_sqrtrem(s, t, r)?;
    let (r_top, r_low) = r.split_last_mut()?;
    r_low.copy_from_slice(t.get(..tn)?);
    *r_top = c;
    if k > 0 {
        let s0 = s.first()? & ((1 << k) - 1);
        // Modulo β^(tn + 1): the result fits, intermediate overflows cancel.
        *r_top = r_top.wrapping_add(addmul_1(r_low, s, 2 * s0));
        let sq = u128::from(s0) * u128::from(s0);
        let borrow = sub_n(r, &[sq as u64, (sq >> 64) as u64]);
        sub_1(r.get_mut(2..)?, borrow);
        shr_in_place(s, k);
        shr_in_place(r, 2 * k);
    }
    Some(())
}

/// `a >>= k`.
fn shr_in_place(a: &mut [u64], k: usize) {
    let (limbs, bits) = (k / 64, k % 64);
    for i in 0..a.len() {
        let wide = u128::from(get(a, i + limbs)) | u128::from(get(a, i + limbs + 1)) << 64;
        set(a, i, (wide >> bits) as u64);
    }
}

/// Arithmetic modulo an odd number, in Montgomery form.
pub(crate) struct Mont<const L: usize> {
    m: Uint<L>,
    /// -m^-1 mod 2^64.
    m_inv: u64,
    /// R^2 mod m, R = 2^(64 n).
    r2: Uint<L>,
}

impl<const L: usize> Mont<L> {
    /// A context for the odd modulus `m > 1`.
    pub(crate) fn new(m: &Uint<L>) -> Option<Self> {
        if !m.is_odd() || m.bits() < 2 || m.n + 2 > L {
            return None;
        }
        let m0 = get(&m.l, 0);
        // Newton's iteration doubles the correct low bits: 1, 2, 4, ..., 64.
        let mut inv: u64 = 1;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(inv)));
        }
        // R^2 = 2^(128 n): by one division when it fits, else by doubling.
        let r2 = match Uint::from_u64(1).shl_bits(128 * m.n).and_then(|r| r.divrem(m)) {
            Some((_, r2)) => r2,
            None => {
                let mut r2 = Uint::from_u64(1);
                for _ in 0..(128 * m.n) {
                    r2.shl1()?;
                    if r2.cmp(m) != Ordering::Less {
                        r2.sub_assign(m);
                    }
                }
                r2
            }
        };
        Some(Self { m: *m, m_inv: inv.wrapping_neg(), r2 })
    }

    /// Montgomery product a·b·R^-1 mod m (CIOS), for a, b < m.
    fn mul(&self, a: &Uint<L>, b: &Uint<L>) -> Uint<L> {
        let n = self.m.n;
        let mut t = [0u64; L];
        for i in 0..n {
            let ai = u128::from(get(&a.l, i));
            let mut carry = 0u128;
            for j in 0..n {
                let s = u128::from(get(&t, j)) + ai * u128::from(get(&b.l, j)) + carry;
                set(&mut t, j, s as u64);
                carry = s >> 64;
            }
            let s = u128::from(get(&t, n)) + carry;
            set(&mut t, n, s as u64);
            set(&mut t, n + 1, (s >> 64) as u64);
            let u = u128::from(get(&t, 0).wrapping_mul(self.m_inv));
            let s = u128::from(get(&t, 0)) + u * u128::from(get(&self.m.l, 0));
            let mut carry = s >> 64;
            for j in 1..n {
                let s = u128::from(get(&t, j)) + u * u128::from(get(&self.m.l, j)) + carry;
                set(&mut t, j - 1, s as u64);
                carry = s >> 64;
            }
            let s = u128::from(get(&t, n)) + carry;
            set(&mut t, n - 1, s as u64);
            let s2 = u128::from(get(&t, n + 1)) + (s >> 64);
            set(&mut t, n, s2 as u64);
            set(&mut t, n + 1, 0);
        }
        let mut out = Uint { l: t, n: n + 1 };
        out.norm();
        if out.cmp(&self.m) != Ordering::Less {
            out.sub_assign(&self.m);
        }
        out
    }

    /// `base^exp mod m`.
    pub(crate) fn pow(&self, base: &Uint<L>, exp: &Uint<L>) -> Option<Uint<L>> {
        let b = self.mul(&base.rem(&self.m)?, &self.r2);
        let mut acc = self.mul(&Uint::from_u64(1), &self.r2);
        for i in (0..exp.bits()).rev() {
            acc = self.mul(&acc, &acc);
            if exp.bit(i) {
                acc = self.mul(&acc, &b);
            }
        }
        Some(self.mul(&acc, &Uint::from_u64(1)))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn hex(s: &str) -> Big {
        let bytes: alloc::vec::Vec<u8> =
            (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect();
        Big::from_be(&bytes).unwrap()
    }

    #[test]
    fn arithmetic() {
        let a = Big::from_u64(0xffff_ffff_ffff_ffff);
        let b = Big::from_u64(3);
        let p = a.mul(&b).unwrap();
        assert_eq!(
            p.rem(&Big::from_u64(1_000_007))
                .unwrap()
                .cmp(&Big::from_u64(0xffff_ffff_ffff_ffff % 1_000_007 * 3 % 1_000_007)),
            Ordering::Equal
        );
        assert_eq!(p.sub(&a).unwrap().sub(&a).unwrap().cmp(&a), Ordering::Equal);
        assert!(b.sub(&a).is_none());
        assert_eq!(Big::from_u64(1 << 40).isqrt().cmp(&Big::from_u64(1 << 20)), Ordering::Equal);
        assert_eq!(Big::from_u64((1 << 40) - 1).isqrt().cmp(&Big::from_u64((1 << 20) - 1)), Ordering::Equal);
        assert_eq!(Big::from_u64(99).isqrt().cmp(&Big::from_u64(9)), Ordering::Equal);
        let big = hex("c0ffee1234567890abcdef0123456789c0ffee1234567890abcdef0123456789");
        let sq = big.mul(&big).unwrap();
        assert_eq!(sq.isqrt().cmp(&big), Ordering::Equal);
        assert_eq!(sq.sub(&Big::from_u64(1)).unwrap().isqrt().cmp(&big), Ordering::Less);
        assert_eq!(big.bits(), 256);
    }

    #[test]
    fn modpow() {
        // Fermat's little theorem on the P-256 field prime.
        let p = hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
        let m = Mont::new(&p).unwrap();
        let pm1 = p.sub(&Big::from_u64(1)).unwrap();
        assert_eq!(m.pow(&Big::from_u64(2), &pm1).unwrap().cmp(&Big::from_u64(1)), Ordering::Equal);
        let m23 = Mont::new(&Big::from_u64(23)).unwrap();
        assert_eq!(m23.pow(&Big::from_u64(5), &Big::from_u64(11)).unwrap().cmp(&Big::from_u64(22)), Ordering::Equal);
        assert_eq!(m23.pow(&Big::from_u64(18), &Big::from_u64(11)).unwrap().cmp(&Big::from_u64(1)), Ordering::Equal);
        assert!(Mont::new(&Big::from_u64(24)).is_none());
    }

    /// A deterministic xorshift stream of pseudo-random numbers of varied sizes and
    /// shapes (runs of ones and zeros exercise the division's correction steps).
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        pub(crate) fn bytes(&mut self, len: usize) -> alloc::vec::Vec<u8> {
            let style = self.next() % 4;
            (0..len)
                .map(|_| match style {
                    0 => 0xff,
                    1 if self.next() % 3 == 0 => 0,
                    2 if self.next() % 2 == 0 => 0xff,
                    _ => self.next() as u8,
                })
                .collect()
        }

        pub(crate) fn big<const L: usize>(&mut self, max_len: usize) -> Uint<L> {
            let len = (self.next() as usize) % (max_len + 1);
            Uint::from_be(&self.bytes(len)).unwrap()
        }
    }

    #[test]
    fn division_matches_shift_and_subtract() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let u: Big = rng.big(300);
            let d: Big = rng.big(160);
            let Some((q, r)) = u.divrem(&d) else {
                assert!(d.is_zero());
                continue;
            };
            assert_eq!(r.cmp(&u.rem_slow(&d).unwrap()), Ordering::Equal);
            assert_eq!(r.cmp(&d), Ordering::Less);
            assert_eq!(q.mul(&d).unwrap().add(&r).unwrap().cmp(&u), Ordering::Equal);
            assert_eq!(u.rem(&d).unwrap().cmp(&r), Ordering::Equal);
        }
    }

    #[test]
    fn square_root_matches_digit_by_digit() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for i in 0..3000 {
            let mut n: Big = rng.big(520);
            if i % 3 == 0 {
                // Perfect squares and their neighbours.
                let r: Big = rng.big(260);
                n = r.mul(&r).unwrap();
                if i % 2 == 0 {
                    n = n.sub(&Big::from_u64(1)).unwrap_or(n);
                }
            }
            let want = n.isqrt_digits();
            assert_eq!(n.isqrt().cmp(&want), Ordering::Equal, "{i}");
            let (s, r) = n.isqrt_rem().unwrap();
            assert_eq!(s.cmp(&want), Ordering::Equal, "{i}");
            assert_eq!(s.mul(&s).unwrap().add(&r).unwrap().cmp(&n), Ordering::Equal, "{i}");
        }
        for v in [0u64, 1, 2, 3, 4, 15, 16, 17, u64::MAX, u64::MAX - 1, 1 << 63, (1 << 32) * (1 << 31)] {
            assert_eq!(isqrt_u64(v), Big::from_u64(v).isqrt_digits().low_u64(), "{v}");
        }
    }

    /// The former one-limb root (Newton's method from above, with divisions): the oracle
    /// for [`isqrt_u64`].
    fn isqrt_u64_newton(v: u64) -> u64 {
        if v < 2 {
            return v;
        }
        let mut x = 1u64 << (64 - v.leading_zeros()).div_ceil(2);
        loop {
            let y = (x + v / x) / 2;
            if y >= x {
                return x;
            }
            x = y;
        }
    }

    #[test]
    fn one_limb_root_matches_newton() {
        let mut rng = Rng(0x510e_527f_ade6_82d1);
        let check = |v: u64| assert_eq!(isqrt_u64(v), isqrt_u64_newton(v), "{v}");
        for v in 0..100_000u64 {
            check(v);
        }
        for i in 0..200_000u32 {
            // Every size, and the squares of roots near every power of two and their
            // neighbours (where a floating-point estimate would round across).
            let x = rng.next();
            check(x >> (i % 64));
            let k = (x >> 32 >> (i % 32)).max(1);
            let sq = k.wrapping_mul(k);
            if k < 1 << 32 {
                for v in [sq - 1, sq, sq + 1, sq.wrapping_add(2 * k), sq.wrapping_add(2 * k + 1)] {
                    check(v);
                }
            }
        }
        for e in 0..64 {
            let p = 1u64 << e;
            for v in [p - 1, p, p + 1, p.wrapping_sub(2), u64::MAX >> e] {
                check(v);
            }
        }
        for k in [(1u64 << 32) - 1, (1 << 32) - 2, 1 << 31, (1 << 31) + 1, 3_037_000_499, 3_037_000_500] {
            let sq = k.wrapping_mul(k);
            for v in [sq.wrapping_sub(1), sq, sq.wrapping_add(1)] {
                check(v);
            }
        }
    }

    #[test]
    fn root_into_and_twice_plus_one_minus() {
        let mut rng = Rng(0x9b05_688c_2b3e_6c1f);
        for i in 0..2000 {
            let n: Big = rng.big(300);
            let (mut s, mut r) = (Big::zero(), Big::zero());
            n.isqrt_rem_into(&mut s, &mut r).unwrap();
            let (s2, r2) = n.isqrt_rem().unwrap();
            assert_eq!(s.cmp(&s2), Ordering::Equal, "{i}");
            assert_eq!(r.cmp(&r2), Ordering::Equal, "{i}");
            // 2a + 1 - b against the general operations, on fitting and failing cases.
            let a: Big = rng.big(200);
            let b: Big = if i % 2 == 0 { rng.big(200) } else { r };
            let want = a.add(&a).and_then(|x| x.add(&Big::from_u64(1))).and_then(|x| x.sub(&b));
            let mut got = b;
            match (got.rsub_double_plus_one(&a), want) {
                (Some(()), Some(w)) => assert_eq!(got.cmp(&w), Ordering::Equal, "{i}"),
                (None, None) => {}
                (g, w) => panic!("{i}: {g:?} vs {:?}", w.is_some()),
            }
        }
        // 2a + 1 that does not fit.
        let full = Uint::<2>::from_be(&[0xff; 16]).unwrap();
        assert!(Uint::<2>::zero().rsub_double_plus_one(&full).is_none());
        let half = Uint::<2>::from_be(&[0x7f; 16]).unwrap();
        let mut x = Uint::<2>::from_u64(5);
        x.rsub_double_plus_one(&half).unwrap();
        assert_eq!(x.limbs(), &[0xfefe_fefe_fefe_fefa_u64, 0xfefe_fefe_fefe_fefe][..]);
    }

    #[test]
    fn limb_primitives() {
        let mut rng = Rng(0x3c6e_f372_fe94_f82b);
        for i in 0..2000 {
            // The two-limb root: every normalised shape, and the edges.
            let v = match i {
                0 => u128::MAX,
                1 => 1 << 126,
                2 => (u128::from(u64::MAX) * u128::from(u64::MAX)) - 1,
                _ => (u128::from(rng.next()) << 64 | u128::from(rng.next())) | 1 << (126 + i % 2),
            };
            let (s, r) = sqrtrem_u128(v);
            let big = Big::from_be(&v.to_be_bytes()).unwrap();
            assert_eq!(Big::from_u64(s).cmp(&big.isqrt_digits()), Ordering::Equal, "{v}");
            assert_eq!(u128::from(s) * u128::from(s) + r, v, "{v}");
            // Squaring against the general product.
            let a: alloc::vec::Vec<u64> =
                (0..1 + i % 9).map(|_| rng.next() | (u64::from(i % 3 == 0) * u64::MAX)).collect();
            let (mut sq, mut prod) = (alloc::vec![0; 2 * a.len()], alloc::vec![0; 2 * a.len()]);
            sqr_into(&mut sq, &a).unwrap();
            mul_into(&mut prod, &a, &a).unwrap();
            assert_eq!(sq, prod, "{a:?}");
        }
    }

    #[test]
    fn limb_multiply_add_matches_one_limb_loops() {
        let mut rng = Rng(0x1f83_d9ab_fb41_bd6b);
        for i in 0..3000 {
            let (rn, an) = ((rng.next() % 12) as usize, (rng.next() % 12) as usize);
            let fill = |rng: &mut Rng, n: usize| -> alloc::vec::Vec<u64> {
                (0..n).map(|_| if i % 4 == 0 { u64::MAX } else { rng.next() }).collect()
            };
            let (r, a) = (fill(&mut rng, rn), fill(&mut rng, an));
            let b = if i % 5 == 0 { u64::MAX } else { rng.next() };
            // The one-limb-per-turn loops, as before.
            let (mut want_add, mut want_sub) = (r.clone(), r.clone());
            let (mut carry, mut borrow) = (0u64, 0u64);
            for ((x, z), &y) in want_add.iter_mut().zip(want_sub.iter_mut()).zip(&a) {
                let t = u128::from(y) * u128::from(b) + u128::from(*x) + u128::from(carry);
                (*x, carry) = (t as u64, (t >> 64) as u64);
                let p = u128::from(y) * u128::from(b) + u128::from(borrow);
                let (d, o) = z.overflowing_sub(p as u64);
                (*z, borrow) = (d, (p >> 64) as u64 + u64::from(o));
            }
            let (mut got_add, mut got_sub) = (r.clone(), r.clone());
            assert_eq!(addmul_1(&mut got_add, &a, b), carry, "{i}");
            assert_eq!(submul_1(&mut got_sub, &a, b), borrow, "{i}");
            assert_eq!((got_add, got_sub), (want_add, want_sub), "{i}");
        }
    }

    #[test]
    fn four_limb_root_matches_digit_by_digit() {
        let mut rng = Rng(0x2b99_2ddf_a232_49d6);
        for i in 0..20_000u32 {
            let mut a = [rng.next(), rng.next(), rng.next(), rng.next()];
            match i % 8 {
                // The smallest and largest normalised tops, runs of ones and zeros.
                0 => a[3] = 1 << 62,
                1 => a = [u64::MAX; 4],
                2 => a[3] = (1 << 62) | (a[3] >> 2),
                3 => (a[0], a[3]) = (0, a[3] | 1 << 62),
                _ => a[3] |= 1 << (62 + i % 2),
            }
            if i % 16 == 5 {
                // Squares and their neighbours.
                let r = (u128::from(a[3] | 1 << 63) << 64) | u128::from(a[2]);
                let sq = Big::from_be(&r.to_be_bytes()).unwrap();
                let sq = sq.mul(&sq).unwrap();
                let sq = if i % 32 == 5 { sq.sub(&Big::from_u64(1)).unwrap() } else { sq };
                a = [sq.l[0], sq.l[1], sq.l[2], sq.l[3]];
            }
            let mut bytes = alloc::vec::Vec::new();
            for limb in a.iter().rev() {
                bytes.extend_from_slice(&limb.to_be_bytes());
            }
            let n = Big::from_be(&bytes).unwrap();
            let want_s = n.isqrt_digits();
            let want_r = n.sub(&want_s.mul(&want_s).unwrap()).unwrap();
            let ((s, r), top) = sqrtrem_u256(a);
            assert_eq!(want_s.limbs(), Big::from_be(&s.to_be_bytes()).unwrap().limbs(), "{i} {a:x?}");
            let mut r_bytes = alloc::vec![0, 0, 0, 0, 0, 0, 0, top as u8];
            assert!(top < 2, "{i}");
            r_bytes.extend_from_slice(&r.to_be_bytes());
            assert_eq!(want_r.limbs(), Big::from_be(&r_bytes).unwrap().limbs(), "{i} {a:x?}");
        }
    }

    #[test]
    fn limb_division_matches_uint() {
        let mut rng = Rng(0xbb67_ae85_84ca_a73b);
        for i in 0..4000 {
            // A normalised divisor, and a dividend whose top limbs are below it.
            let dn = 1 + i % 7;
            let mut d: Big = rng.big(dn * 8);
            if d.n != dn {
                continue;
            }
            d.l[dn - 1] |= 1 << 63;
            let u_big: Big = rng.big(dn * 8 + 40);
            let Some((_, u_big)) =
                u_big.shl_bits(64 * dn).unwrap().add(&u_big).unwrap().divrem(&d.shl_bits(64 * 6).unwrap())
            else {
                continue;
            };
            let (want_q, want_r) = u_big.divrem(&d).unwrap();
            let mut u = u_big.l[..dn + 6].to_vec();
            let mut q = alloc::vec![0u64; 6];
            div_qr(&mut q, &mut u, &d.l[..dn]).unwrap();
            assert_eq!(q[..], want_q.l[..6], "{i}");
            assert_eq!(u[..dn], want_r.l[..dn], "{i}");
        }
    }

    /// s = floor(sqrt(n)) and r = n - s² exactly when s² + r = n and r ≤ 2s.
    fn assert_root(n: &Big, s: &Big, r: &Big, what: &str) {
        assert_eq!(s.mul(s).unwrap().add(r).unwrap().cmp(n), Ordering::Equal, "{what}");
        assert_ne!(r.cmp(&s.add(s).unwrap()), Ordering::Greater, "{what}");
    }

    #[test]
    fn square_root_of_rsa_sized_numbers() {
        let mut rng = Rng(0x6a09_e667_f3bc_c908);
        let one = Big::from_u64(1);
        for i in 0..1200usize {
            // 512 to 8448 bits, every limb count and a varied top limb.
            let len = 64 + (rng.next() as usize) % (132 * 8 - 63);
            let mut bytes = rng.bytes(len);
            if let Some(b) = bytes.first_mut() {
                *b |= 1 << (i % 8);
            }
            let root = Big::from_be(&bytes[..len / 2]).unwrap();
            let sq = root.mul(&root).unwrap();
            let cases = [
                ("random", Big::from_be(&bytes).unwrap()),
                ("square", sq),
                ("square - 1", sq.sub(&one).unwrap_or(sq)),
                ("(s + 1)² - 1", sq.add(&root).unwrap().add(&root).unwrap()),
            ];
            for (what, n) in cases {
                let (s, r) = n.isqrt_rem().unwrap();
                assert_root(&n, &s, &r, &alloc::format!("{i} {what}"));
                if i % 20 == 0 {
                    assert_eq!(s.cmp(&n.isqrt_digits()), Ordering::Equal, "{i} {what}");
                }
            }
        }
    }

    #[test]
    fn shifts() {
        let mut rng = Rng(77);
        for _ in 0..500 {
            let a: Big = rng.big(100);
            let k = (rng.next() % 200) as usize;
            let up = a.shl_bits(k).unwrap();
            assert_eq!(up.shr_bits(k).cmp(&a), Ordering::Equal);
            assert_eq!(up.bits(), if a.is_zero() { 0 } else { a.bits() + k });
        }
        let full = Uint::<2>::from_be(&[0xff; 16]).unwrap();
        assert!(full.shl_bits(1).is_none());
        // A dividend that uses every limb falls back to shift and subtract.
        let d: u128 = 3 << 64 | 5;
        let d_big = Uint::<2>::from_be(&d.to_be_bytes()).unwrap();
        assert!(full.divrem(&d_big).is_none());
        let want = Uint::<2>::from_be(&(u128::MAX % d).to_be_bytes()).unwrap();
        assert_eq!(full.rem(&d_big).unwrap().cmp(&want), Ordering::Equal);
    }
}
#[cfg(test)]
mod timing {
    extern crate std;
    use super::*;
    #[test]
    #[ignore]
    fn time_pieces() {
        let mut rng = tests::Rng(5);
        let bytes = rng.bytes(256);
        let n = Uint::<36>::from_be(&bytes).unwrap();
        let a = n.isqrt();
        let t = std::time::Instant::now();
        for _ in 0..1000 {
            core::hint::black_box(core::hint::black_box(&n).isqrt());
        }
        std::println!("isqrt {:?}", t.elapsed() / 1000);
        let t = std::time::Instant::now();
        for _ in 0..1000 {
            core::hint::black_box(core::hint::black_box(&a).mul(&a));
        }
        std::println!("mul {:?}", t.elapsed() / 1000);
        let t = std::time::Instant::now();
        for _ in 0..1000 {
            core::hint::black_box(core::hint::black_box(&n).divrem(&a));
        }
        std::println!("divrem {:?}", t.elapsed() / 1000);
        let t = std::time::Instant::now();
        for _ in 0..1000 {
            core::hint::black_box(crate::rules::community::key::fermat(core::hint::black_box(&n), 100));
        }
        std::println!("fermat {:?}", t.elapsed() / 1000);
    }
}
