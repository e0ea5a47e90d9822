//! Just enough unsigned big-integer arithmetic for the key checks (RSA small factors and
//! Fermat factorisation, DSA subgroup membership, EC point validation).
//!
//! Numbers live in fixed stack arrays of 32-bit limbs (least significant first), so the
//! checks allocate nothing. Inputs wider than 8448 bits are refused (`None`), and the
//! rules that need them report "not applicable" rather than guess. Nothing here is
//! constant-time: only public values are handled.

use core::cmp::Ordering;

/// Limbs per number: room for an 8192-bit modulus and a full 8192 × 8192-bit product
/// would need twice that; products are only taken of numbers whose sum of sizes fits.
const LIMBS: usize = 264;

/// An unsigned integer below 2^[`MAX_BITS`].
#[derive(Clone, Copy)]
pub(crate) struct Big {
    l: [u32; LIMBS],
    /// Limbs in use: every limb at or above `n` is zero.
    n: usize,
}

fn get(a: &[u32], i: usize) -> u32 {
    a.get(i).copied().unwrap_or(0)
}

fn set(a: &mut [u32], i: usize, v: u32) {
    if let Some(x) = a.get_mut(i) {
        *x = v;
    }
}

impl Big {
    /// Zero.
    pub(crate) const fn zero() -> Self {
        Self { l: [0; LIMBS], n: 0 }
    }

    /// A small value.
    pub(crate) fn from_u64(v: u64) -> Self {
        let mut b = Self::zero();
        set(&mut b.l, 0, v as u32);
        set(&mut b.l, 1, (v >> 32) as u32);
        b.n = 2;
        b.norm();
        b
    }

    /// From an unsigned big-endian magnitude (leading zero octets allowed).
    pub(crate) fn from_be(bytes: &[u8]) -> Option<Self> {
        let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let bytes = bytes.get(start..)?;
        if bytes.len() > LIMBS * 4 {
            return None;
        }
        let mut b = Self::zero();
        for (i, &byte) in bytes.iter().rev().enumerate() {
            let limb = i / 4;
            let v = get(&b.l, limb) | (u32::from(byte) << (8 * (i % 4)));
            set(&mut b.l, limb, v);
        }
        b.n = bytes.len().div_ceil(4);
        b.norm();
        Some(b)
    }

    fn norm(&mut self) {
        while self.n > 0 && get(&self.l, self.n - 1) == 0 {
            self.n -= 1;
        }
    }

    fn limbs(&self) -> &[u32] {
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
            n => n * 32 - get(&self.l, n - 1).leading_zeros() as usize,
        }
    }

    /// Bit `i`.
    pub(crate) fn bit(&self, i: usize) -> bool {
        get(&self.l, i / 32) >> (i % 32) & 1 == 1
    }

    fn set_bit(&mut self, i: usize) -> Option<()> {
        let limb = self.l.get_mut(i / 32)?;
        *limb |= 1 << (i % 32);
        self.n = self.n.max(i / 32 + 1);
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
        let mut carry = 0u64;
        for (i, o) in out.l.iter_mut().enumerate().take(n) {
            let s = u64::from(get(&self.l, i)) + u64::from(get(&other.l, i)) + carry;
            *o = s as u32;
            carry = s >> 32;
        }
        out.n = n;
        if carry != 0 {
            let top = out.l.get_mut(n)?;
            *top = carry as u32;
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
        let mut borrow = 0i64;
        let n = self.n;
        for (i, o) in self.l.iter_mut().enumerate().take(n) {
            let d = i64::from(*o) - i64::from(get(&other.l, i)) - borrow;
            *o = d as u32;
            borrow = i64::from(d < 0);
        }
        self.norm();
    }

    /// `self * other`, `None` when the product may not fit.
    pub(crate) fn mul(&self, other: &Self) -> Option<Self> {
        if self.n + other.n > LIMBS {
            return None;
        }
        let mut out = Self::zero();
        for (i, &a) in self.limbs().iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.limbs().iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(get(&out.l, i + j)) + carry;
                set(&mut out.l, i + j, t as u32);
                carry = t >> 32;
            }
            set(&mut out.l, i + other.n, carry as u32);
        }
        out.n = self.n + other.n;
        out.norm();
        Some(out)
    }

    fn shl1(&mut self) -> Option<()> {
        let mut carry = 0u32;
        let n = self.n;
        for o in self.l.iter_mut().take(n) {
            let next = *o >> 31;
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
        let mut carry = 0u32;
        let n = self.n;
        for o in self.l.iter_mut().take(n).rev() {
            let next = *o & 1;
            *o = (*o >> 1) | (carry << 31);
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

    /// `self mod m`, `None` when `m` is zero.
    pub(crate) fn rem(&self, m: &Self) -> Option<Self> {
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

    /// The integer square root, floor(sqrt(self)).
    pub(crate) fn isqrt(&self) -> Self {
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

    /// `self += 2^k`.
    fn set_bit_add(&mut self, k: usize) -> Option<()> {
        let mut p = Self::zero();
        p.set_bit(k)?;
        *self = self.add(&p)?;
        Some(())
    }
}

/// Arithmetic modulo an odd number, in Montgomery form.
pub(crate) struct Mont {
    m: Big,
    /// -m^-1 mod 2^32.
    m_inv: u32,
    /// R^2 mod m, R = 2^(32 n).
    r2: Big,
}

impl Mont {
    /// A context for the odd modulus `m > 1`.
    pub(crate) fn new(m: &Big) -> Option<Self> {
        if !m.is_odd() || m.bits() < 2 || m.n + 2 > LIMBS {
            return None;
        }
        let m0 = get(&m.l, 0);
        let mut inv: u32 = 1;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(m0.wrapping_mul(inv)));
        }
        let mut r2 = Big::from_u64(1);
        for _ in 0..(64 * m.n) {
            r2.shl1()?;
            if r2.cmp(m) != Ordering::Less {
                r2.sub_assign(m);
            }
        }
        Some(Self { m: *m, m_inv: inv.wrapping_neg(), r2 })
    }

    /// Montgomery product a·b·R^-1 mod m (CIOS), for a, b < m.
    fn mul(&self, a: &Big, b: &Big) -> Big {
        let n = self.m.n;
        let mut t = [0u32; LIMBS];
        for i in 0..n {
            let ai = u64::from(get(&a.l, i));
            let mut carry = 0u64;
            for j in 0..n {
                let s = u64::from(get(&t, j)) + ai * u64::from(get(&b.l, j)) + carry;
                set(&mut t, j, s as u32);
                carry = s >> 32;
            }
            let s = u64::from(get(&t, n)) + carry;
            set(&mut t, n, s as u32);
            set(&mut t, n + 1, (s >> 32) as u32);
            let u = u64::from(get(&t, 0).wrapping_mul(self.m_inv));
            let s = u64::from(get(&t, 0)) + u * u64::from(get(&self.m.l, 0));
            let mut carry = s >> 32;
            for j in 1..n {
                let s = u64::from(get(&t, j)) + u * u64::from(get(&self.m.l, j)) + carry;
                set(&mut t, j - 1, s as u32);
                carry = s >> 32;
            }
            let s = u64::from(get(&t, n)) + carry;
            set(&mut t, n - 1, s as u32);
            let s2 = u64::from(get(&t, n + 1)) + (s >> 32);
            set(&mut t, n, s2 as u32);
            set(&mut t, n + 1, 0);
        }
        let mut out = Big { l: t, n: n + 1 };
        out.norm();
        if out.cmp(&self.m) != Ordering::Less {
            out.sub_assign(&self.m);
        }
        out
    }

    /// `base^exp mod m`.
    pub(crate) fn pow(&self, base: &Big, exp: &Big) -> Option<Big> {
        let b = self.mul(&base.rem(&self.m)?, &self.r2);
        let mut acc = self.mul(&Big::from_u64(1), &self.r2);
        for i in (0..exp.bits()).rev() {
            acc = self.mul(&acc, &acc);
            if exp.bit(i) {
                acc = self.mul(&acc, &b);
            }
        }
        Some(self.mul(&acc, &Big::from_u64(1)))
    }
}

#[cfg(test)]
mod tests {
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
}
