//! Just enough unsigned big-integer arithmetic for the key checks (RSA small factors and
//! Fermat factorisation, DSA subgroup membership, EC point validation).
//!
//! Numbers live in fixed stack arrays of 64-bit limbs (least significant first; products
//! and carries in `u128`), so the checks allocate nothing. Inputs wider than 8448 bits are
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
        for (limb, chunk) in b.l.iter_mut().zip(bytes.rchunks(8)) {
            *limb = chunk.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x));
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

    fn limbs(&self) -> &[u64] {
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

    /// The same value in a type of `M` limbs, `None` when it does not fit.
    pub(crate) fn resize<const M: usize>(&self) -> Option<Uint<M>> {
        let mut out = Uint::<M>::zero();
        out.l.get_mut(..self.n)?.copy_from_slice(self.limbs());
        out.n = self.n;
        Some(out)
    }

    /// The low 64 bits.
    fn low_u64(&self) -> u64 {
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

    /// `self mod m` for a small modulus, `m > 0`.
    pub(crate) fn rem_u32(&self, m: u32) -> u32 {
        let m = u64::from(m.max(1));
        // Two 32-bit steps per limb keep the remainder arithmetic in u64.
        self.limbs().iter().rev().fold(0u64, |r, &v| {
            let r = ((r << 32) | (v >> 32)) % m;
            ((r << 32) | (v & 0xffff_ffff)) % m
        }) as u32
    }

    /// `(self / d, self mod d)` by long division (Knuth's algorithm D on 64-bit digits, as
    /// in Hacker's Delight `divmnu`). `None` when `d` is zero or when the normalised
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
        // The dividend shifted alike, with one more limb (possibly zero) on top.
        let mut un = self.shl_bits(s)?.l;
        let v1 = u128::from(get(&vn.l, n - 1));
        let v2 = u128::from(get(&vn.l, n - 2));
        const B: u128 = 1 << 64;
        for j in (0..=m).rev() {
            let num = (u128::from(get(&un, j + n)) << 64) | u128::from(get(&un, j + n - 1));
            let mut qhat = num / v1;
            let mut rhat = num % v1;
            while qhat >= B || qhat * v2 > ((rhat << 64) | u128::from(get(&un, j + n - 2))) {
                qhat -= 1;
                rhat += v1;
                if rhat >= B {
                    break;
                }
            }
            // un[j..=j+n] -= qhat * vn
            let (top, row) = un.get_mut(j..=j + n)?.split_last_mut()?;
            let mut k: i128 = 0;
            for (u, &v) in row.iter_mut().zip(vn.limbs()) {
                let p = qhat * u128::from(v);
                let t = i128::from(*u) - k - (p & u128::from(u64::MAX)) as i128;
                *u = t as u64;
                k = (p >> 64) as i128 - (t >> 64);
            }
            let t = i128::from(*top) - k;
            *top = t as u64;
            if t < 0 {
                // qhat was one too large: add the divisor back.
                qhat -= 1;
                let mut c = 0u128;
                for (u, &v) in row.iter_mut().zip(vn.limbs()) {
                    let t = u128::from(*u) + u128::from(v) + c;
                    *u = t as u64;
                    c = t >> 64;
                }
                *top = top.wrapping_add(c as u64);
            }
            set(&mut q.l, j, qhat as u64);
        }
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

    /// The low `k` bits.
    fn low_bits(&self, k: usize) -> Self {
        let (limbs, s) = (k / 64, k % 64);
        let mut out = Self::zero();
        for (o, &v) in out.l.iter_mut().zip(self.limbs()).take(limbs + 1) {
            *o = v;
        }
        if let Some(top) = out.l.get_mut(limbs) {
            *top &= (1u64 << s).wrapping_sub(1);
        }
        out.n = self.n.min(limbs + 1);
        out.norm();
        out
    }

    /// Whether `self * self` fits.
    pub(crate) fn square_fits(&self) -> bool {
        2 * self.n <= L
    }

    /// The integer square root, floor(sqrt(self)).
    pub(crate) fn isqrt(&self) -> Self {
        self.isqrt_rem().map_or_else(|| self.isqrt_digits(), |(s, _)| s)
    }

    /// `(s, self - s²)` with s = floor(sqrt(self)), by Zimmermann's Karatsuba square root:
    /// split self = H·β² + L1·β + L0 with β = 2^k and k about a quarter of the bits, take
    /// (s', r') = sqrt(H) recursively, divide (r'β + L1) by 2s' to get the low half q of
    /// the root, and correct once if (s'β + q)² overshoots. `None` when an intermediate
    /// value does not fit.
    pub(crate) fn isqrt_rem(&self) -> Option<(Self, Self)> {
        // Work in the narrowest type that leaves room for the intermediate values (a few
        // limbs above the input): copies of wide numbers dominate the cost otherwise.
        fn narrow<const L: usize, const M: usize>(v: &Uint<L>) -> Option<(Uint<L>, Uint<L>)> {
            let (s, r) = v.resize::<M>()?.isqrt_rem()?;
            Some((s.resize()?, r.resize()?))
        }
        match self.n {
            n if n <= 4 && L > 7 => return narrow::<L, 7>(self),
            n if n <= 8 && L > 11 => return narrow::<L, 11>(self),
            n if n <= 16 && L > 19 => return narrow::<L, 19>(self),
            n if n <= 32 && L > 35 => return narrow::<L, 35>(self),
            n if n <= 64 && L > 67 => return narrow::<L, 67>(self),
            _ => {}
        }
        let bits = self.bits();
        if bits <= 64 {
            let v = self.low_u64();
            let s = isqrt_u64(v);
            return Some((Self::from_u64(s), Self::from_u64(v - s * s)));
        }
        let k = bits / 4;
        let (s1, r1) = self.shr_bits(2 * k).isqrt_rem()?;
        let l1 = self.shr_bits(k).low_bits(k);
        let l0 = self.low_bits(k);
        let (q, u) = r1.shl_bits(k)?.add(&l1)?.divrem(&s1.shl_bits(1)?)?;
        let mut s = s1.shl_bits(k)?.add(&q)?;
        // r = u·β + L0 - q², kept as pos - neg while it is negative.
        let mut pos = u.shl_bits(k)?.add(&l0)?;
        let neg = q.mul(&q)?;
        while pos.cmp(&neg) == Ordering::Less {
            // N - (s - 1)² = N - s² + 2s - 1
            pos = pos.add(&s)?.add(&s)?;
            pos.sub_assign(&Self::from_u64(1));
            s.sub_assign(&Self::from_u64(1));
        }
        pos.sub_assign(&neg);
        Some((s, pos))
    }

    /// `self += 2^k`.
    fn set_bit_add(&mut self, k: usize) -> Option<()> {
        let mut p = Self::zero();
        p.set_bit(k)?;
        *self = self.add(&p)?;
        Some(())
    }
}

/// floor(sqrt(v)) by Newton's method from above.
fn isqrt_u64(v: u64) -> u64 {
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
            let small = (rng.next() as u32) | 1;
            assert_eq!(
                Big::from_u64(u64::from(u.rem_u32(small))).cmp(&u.rem_slow(&Big::from_u64(small.into())).unwrap()),
                Ordering::Equal
            );
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
            core::hint::black_box(core::hint::black_box(&n).rem_u32(core::hint::black_box(2882880)));
        }
        std::println!("rem_u32 {:?}", t.elapsed() / 1000);
        let t = std::time::Instant::now();
        for _ in 0..1000 {
            core::hint::black_box(crate::rules::community::key::fermat(core::hint::black_box(&n), 100));
        }
        std::println!("fermat {:?}", t.elapsed() / 1000);
    }
}
