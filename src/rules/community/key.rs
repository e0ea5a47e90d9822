//! RSA key sanity checks other linters run (awslabs certlint, zlint community lints).

use alloc::format;
use core::cmp::Ordering;

use crate::asn1::{int_is_negative, int_is_zero};
use crate::cert::key::RsaIntegers;
use crate::cert::key::RSA_KEYS;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::bignum::Uint;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&RsaFermatFactorable, &RsaPublicExponentNegative, &RsaPublicKeyUnparseable];

/// Default number of Fermat steps (zlint uses the same bound).
const FERMAT_ROUNDS: u32 = 100;

/// The RSAPublicKey (modulus, exponent) INTEGER contents of an RSA SPKI; `None` when the
/// key is not RSA; `Some(Err(()))` when it does not decode.
fn rsa_integers(cert: &Certificate) -> Option<Result<RsaIntegers<'_>, ()>> {
    let integers = cert.rsa_integers()?.ok().filter(|(n, e)| !n.is_empty() && !e.is_empty());
    Some(integers.ok_or(()))
}

/// The most rounds the rule runs (`community.rsa_fermat_factorable.rounds` is capped there).
const MAX_ROUNDS: u32 = 100_000;

/// Bit `r` is set when `r` is a square modulo `m` (m ≤ 128).
const fn squares_mod(m: u32) -> u128 {
    let mut mask = 0u128;
    let mut i = 0;
    while i < m {
        mask |= 1 << (i * i % m);
        i += 1;
    }
    mask
}

/// For each residue n mod `M`: bit x (x < M + 32) is set when x² - n is a square modulo
/// `M`. The pattern repeats with period M, so the 32 bits from any x0 < M say which of
/// x0, ..., x0 + 31 pass; with x = a + k, which of 32 Fermat steps may give a square.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
const fn step_masks<const M: usize>() -> [u128; M] {
    let squares = squares_mod(M as u32);
    let mut masks = [0u128; M];
    let mut n = 0;
    while n < M {
        let mut x = 0;
        while x < M + 32 {
            if squares >> ((x * x + M - n) % M) & 1 == 1 {
                masks[n] |= 1 << x;
            }
            x += 1;
        }
        n += 1;
    }
    masks
}

/// The four most selective quadratic-residue filters (moduli 64, 63, 65, 11: about one
/// step in 120 passes them all), as [`step_masks`].
static MASKS_64: [u128; 64] = step_masks::<64>();
static MASKS_63: [u128; 63] = step_masks::<63>();
static MASKS_65: [u128; 65] = step_masks::<65>();
static MASKS_11: [u128; 11] = step_masks::<11>();

/// The moduli of the next filters, tested one step at a time on the steps that pass the
/// masks, with their squares: one step in 10,000 passes everything and is tested exactly.
const FILTERS: [(u32, u128); 6] = [
    (17, squares_mod(17)),
    (19, squares_mod(19)),
    (23, squares_mod(23)),
    (29, squares_mod(29)),
    (31, squares_mod(31)),
    (37, squares_mod(37)),
];

/// The product of the filter moduli: 63·65·11 = 45045 times 17·19·23·29·31·37.
const M1: u64 = 63 * 65 * 11;
const M2: u64 = 17 * 19 * 23 * 29 * 31 * 37;
static RESIDUES: SmallModulus = SmallModulus::new(M1 * M2);

/// Limbs with a tabulated power of 2^64 in [`SmallModulus::rem_pair`]: enough for every
/// value the Fermat rule reduces (a root of a modulus of at most 8448 bits and a² - n,
/// at most 67 limbs).
const POW_LIMBS: usize = 68;

/// Reduction modulo an odd m with 2^40 < m < 2^44 without division (Montgomery's REDC).
struct SmallModulus {
    m: u64,
    /// -m^-1 mod 2^64.
    neg_inv: u64,
    /// 2^64 mod m and 2^128 mod m.
    r: u64,
    r2: u64,
    /// pow[i] = 2^(64 i) mod m.
    pow: [u64; POW_LIMBS],
}

impl SmallModulus {
    const fn new(m: u64) -> Self {
        // Newton's iteration doubles the correct low bits of m^-1: 1, 2, 4, ..., 64.
        let mut inv = 1u64;
        let mut i = 0;
        while i < 6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(m.wrapping_mul(inv)));
            i += 1;
        }
        let r = ((1u128 << 64) % m as u128) as u64;
        Self { m, neg_inv: inv.wrapping_neg(), r, r2: (r as u128 * r as u128 % m as u128) as u64, pow: powers(m) }
    }

    /// t·2^-64 mod m, below 2m, for t < m·2^64.
    fn redc(&self, t: u128) -> u64 {
        let u = (t as u64).wrapping_mul(self.neg_inv);
        ((t + u128::from(u) * u128::from(self.m)) >> 64) as u64
    }

    /// (x mod m, y mod m): Σ x_i·c_i with c_i = 2^(64 i) mod m (below 2m), the next c
    /// from REDC(c·2^128), and the sums (below 2^109 for up to 2^18 limbs) reduced at the end.
    ///
    /// Operands of at most [`POW_LIMBS`] limbs take the powers from the table instead: the
    /// products are then independent (no chain of REDCs through the loop).
    fn rem_pair(&self, x: &[u64], y: &[u64]) -> (u64, u64) {
        if x.len() > POW_LIMBS || y.len() > POW_LIMBS {
            return self.rem_pair_serial(x, y);
        }
        let dot = |v: &[u64]| v.iter().zip(&self.pow).fold(0u128, |s, (&vi, &c)| s + u128::from(vi) * u128::from(c));
        (self.reduce(dot(x)), self.reduce(dot(y)))
    }

    /// [`SmallModulus::rem_pair`] with each power from the one before.
    fn rem_pair_serial(&self, x: &[u64], y: &[u64]) -> (u64, u64) {
        let (mut sx, mut sy, mut c) = (0u128, 0u128, 1u64);
        let zeros = core::iter::repeat(&0);
        for (&xi, &yi) in x.iter().chain(zeros.clone()).zip(y.iter().chain(zeros)).take(x.len().max(y.len())) {
            sx += u128::from(xi) * u128::from(c);
            sy += u128::from(yi) * u128::from(c);
            c = self.redc(u128::from(c) * u128::from(self.r2));
        }
        (self.reduce(sx), self.reduce(sy))
    }

    /// s mod m for s < 2^109: s·2^-64 by REDC from hi·2^64 + lo ≡ hi·r + lo (below 2^98),
    /// then times 2^64 by REDC(·2^128).
    fn reduce(&self, s: u128) -> u64 {
        let t = u128::from((s >> 64) as u64) * u128::from(self.r) + u128::from(s as u64);
        let v = self.redc(u128::from(self.redc(t)) * u128::from(self.r2));
        if v >= self.m {
            v - self.m
        } else {
            v
        }
    }
}

/// 2^(64 i) mod m for i below [`POW_LIMBS`], at compile time.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
const fn powers(m: u64) -> [u64; POW_LIMBS] {
    let mut out = [0; POW_LIMBS];
    let mut p = 1 % m;
    let mut i = 0;
    while i < POW_LIMBS {
        out[i] = p;
        p = (((p as u128) << 64) % m as u128) as u64;
        i += 1;
    }
    out
}

/// Runs up to `rounds` (at most [`MAX_ROUNDS`]) Fermat steps from a = ceil(sqrt(n)); returns the smaller factor
/// a - b found when a² - n = b² is a square.
///
/// The square root is taken once. Step k looks at (a + k)² - n: 32 steps at a time meet
/// the filters modulo 64, 63, 65 and 11 as bit masks (from n and a modulo those); the
/// steps that pass get the other filters, from the residues of a and a² - n, and only a
/// value that passes every filter (about one in 10,000) is tested exactly.
pub(crate) fn fermat<const L: usize>(n: &Uint<L>, rounds: u32) -> Option<Uint<L>> {
    if n.is_zero() {
        return None;
    }
    // a = ceil(sqrt(n)) and a² - n, from n = s² + r: a = s + 1 and a² - n = 2s + 1 - r
    // when r > 0 (else a = s and a² - n = 0).
    // Written in place (no copies of the wide values).
    let (mut a, mut b2) = (Uint::zero(), Uint::zero());
    if n.isqrt_rem_into(&mut a, &mut b2).is_none() {
        a = n.isqrt_digits();
        b2 = n.sub(&a.mul(&a)?)?;
    }
    if !b2.is_zero() {
        // From s and r in place: a² - n = 2s + 1 - r, then a = s + 1.
        b2.rsub_double_plus_one(&a)?;
        a.add_u64(1)?;
    }
    // The original loop squared a here and gave up when the square might not fit.
    if !a.square_fits() {
        return None;
    }
    let (a_m, b2_m) = RESIDUES.rem_pair(a.limbs(), b2.limbs());
    let (a1, n1) = (a_m % M1, (a_m % M1 * (a_m % M1) + M1 - b2_m % M1) % M1);
    let (a2, b2_2) = (a_m % M2, b2_m % M2);
    let (a64, n64) = (a.low_u64() % 64, n.low_u64() % 64);
    // Per mask: the residue of n selects it; a + k0 modulo the filter's modulus is where
    // the 32 steps from k0 start (each block moves it by 32).
    let mut masks = [
        (MASKS_64.get(n64 as usize), a64, 64),
        (MASKS_63.get((n1 % 63) as usize), a1 % 63, 63),
        (MASKS_65.get((n1 % 65) as usize), a1 % 65, 65),
        (MASKS_11.get((n1 % 11) as usize), a1 % 11, 11),
    ];
    let rounds = u64::from(rounds.min(MAX_ROUNDS));
    let mut k0 = 0u64;
    while k0 < rounds {
        let mut steps = if rounds - k0 < 32 { (1u32 << (rounds - k0)) - 1 } else { u32::MAX };
        for (mask, start, m) in &mut masks {
            steps &= (mask.copied().unwrap_or(u128::MAX) >> *start) as u32;
            *start = (*start + 32) % *m;
        }
        while steps != 0 {
            let k = k0 + u64::from(steps.trailing_zeros());
            steps &= steps - 1;
            // (a + k)² - n = (a² - n) + k(2a + k), below 2^64 modulo M2 as k < 2^17.
            let r2 = (b2_2 + k * (2 * a2 + k)) % M2;
            if FILTERS.iter().all(|&(m, sq)| sq >> (r2 % u64::from(m)) & 1 == 1) {
                let b2 = b2.add(&a.mul(&Uint::from_u64(2 * k))?)?.add(&Uint::from_u64(k * k))?;
                let b = b2.isqrt();
                if b.mul(&b)?.cmp(&b2) == Ordering::Equal {
                    let p = a.add(&Uint::from_u64(k))?.sub(&b)?;
                    return (p.cmp(&Uint::from_u64(1)) == Ordering::Greater).then_some(p);
                }
            }
        }
        k0 += 32;
    }
    None
}

/// Fermat on the big-endian modulus `n`, in a number type just wide enough for it:
/// `None` when n is too large to handle, else the bit length of the factor found.
fn fermat_factor_bits(n: &[u8], rounds: u32) -> Option<Option<usize>> {
    fn run<const L: usize>(n: &[u8], rounds: u32) -> Option<Option<usize>> {
        Some(fermat(&Uint::<L>::from_be(n)?, rounds).map(|p| p.bits()))
    }
    let len = n.iter().position(|&b| b != 0).map_or(0, |start| n.len() - start);
    // Each type leaves room for a² (twice the root's limbs) and the division's extra limb.
    if len <= 32 * 8 {
        run::<36>(n, rounds)
    } else if len <= 64 * 8 {
        run::<68>(n, rounds)
    } else {
        run::<132>(n, rounds)
    }
}

/// `community.rsa_fermat_factorable`
///
/// **What it checks**: the RSA modulus does not yield to Fermat factorisation within a
/// bounded number of steps (100 by default; configurable with
/// `community.rsa_fermat_factorable.rounds`) from ceil(sqrt(n)).
///
/// **Why it matters**: when the two primes are too close (a broken key generator, as in
/// CVE-2022-26320), n = a² - b² with small b, and the private key falls out at once; such
/// keys must not be certified.
///
/// **Example**: a modulus (x - 2)(x + 2) fails naming the factor; a real RSA modulus
/// passes; ECDSA keys are not applicable.
pub struct RsaFermatFactorable;

impl Rule for RsaFermatFactorable {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.rsa_fermat_factorable", Source::Community, Severity::Error)
            .summary("RSA moduli must not be factorable by a few Fermat steps")
            .citation("Fermat factorisation (community)")
            .scope(Scope::ALL)
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["zlint:e_rsa_fermat_factorization"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some(Ok((n, _))) = rsa_integers(cert) else { return Outcome::NotApplicable };
        if int_is_negative(n) {
            return Outcome::NotApplicable;
        }
        let rounds = ctx
            .config("community.rsa_fermat_factorable.rounds")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(FERMAT_ROUNDS)
            .min(MAX_ROUNDS);
        match fermat_factor_bits(n, rounds) {
            None => Outcome::NotApplicable,
            Some(Some(bits)) => {
                Outcome::fail(format!("the RSA modulus has a {bits}-bit factor close to its square root"))
            }
            Some(None) => Outcome::Pass,
        }
    }
}

/// `community.rsa_public_exponent_negative`
///
/// **What it checks**: the RSAPublicKey publicExponent INTEGER is positive.
///
/// **Why it matters**: an RSA exponent is a positive integer (RFC 8017 §3.1); a negative or
/// zero value is not a key, and parsers disagree on how to read it.
///
/// **Example**: publicExponent encoded as -65537 or 0 fails; 65537 passes; ECDSA keys are
/// not applicable.
pub struct RsaPublicExponentNegative;

impl Rule for RsaPublicExponentNegative {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.rsa_public_exponent_negative", Source::Community, Severity::Error)
                .summary("RSA public exponents must be positive")
                .citation("awslabs certlint")
                .scope(Scope::ALL)
                .needs(Need::KeyAlgorithm(RSA_KEYS))
                .aliases(&["zlint:e_rsa_exp_negative"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok((_, e))) = rsa_integers(cert) else { return Outcome::NotApplicable };
        if int_is_negative(e) {
            Outcome::fail("the RSA public exponent is negative")
        } else if int_is_zero(e) {
            Outcome::fail("the RSA public exponent is zero")
        } else {
            Outcome::Pass
        }
    }
}

/// `community.rsa_public_key_unparseable`
///
/// **What it checks**: the subjectPublicKey of an rsaEncryption (or RSASSA-PSS) SPKI
/// decodes as RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
///
/// **Why it matters**: RFC 3279 §2.3.1 fixes that structure; a certificate whose key cannot
/// be decoded cannot be used, and every key check is blind to it.
///
/// **Example**: a BIT STRING holding random bytes fails; a proper RSAPublicKey passes;
/// ECDSA keys are not applicable.
pub struct RsaPublicKeyUnparseable;

impl Rule for RsaPublicKeyUnparseable {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.rsa_public_key_unparseable", Source::Community, Severity::Error)
                .summary("RSA subject keys must decode as RSAPublicKey")
                .citation("awslabs certlint")
                .scope(Scope::ALL)
                .needs(Need::KeyAlgorithm(RSA_KEYS))
                .aliases(&["zlint:e_rsa_no_public_key"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match rsa_integers(cert) {
            None => Outcome::NotApplicable,
            Some(Ok(_)) => Outcome::Pass,
            Some(Err(())) => Outcome::fail("the RSA subjectPublicKey does not decode as RSAPublicKey"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::alg;
    use crate::rules::bignum::tests::Rng;
    use crate::rules::bignum::Big;
    use crate::rules::cabf_br::key::tests::{rsa_key, unhex, REAL_MODULUS};
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;
    use alloc::vec;
    use alloc::vec::Vec;

    /// The original Fermat loop (a full square root every step): the oracle for `fermat`.
    fn fermat_reference(n: &Big, rounds: u32) -> Option<Big> {
        if n.is_zero() {
            return None;
        }
        let mut a = n.isqrt_digits();
        if a.mul(&a)?.cmp(n) == Ordering::Less {
            a = a.add(&Big::from_u64(1))?;
        }
        let mut b2 = a.mul(&a)?.sub(n)?;
        for _ in 0..rounds {
            let b = b2.isqrt_digits();
            if b.mul(&b)?.cmp(&b2) == Ordering::Equal {
                let p = a.sub(&b)?;
                return (p.cmp(&Big::from_u64(1)) == Ordering::Greater).then_some(p);
            }
            b2 = b2.add(&a)?.add(&a)?.add(&Big::from_u64(1))?;
            a = a.add(&Big::from_u64(1))?;
        }
        None
    }

    #[test]
    fn fermat_matches_reference() {
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        let mut found = 0;
        for i in 0..400u64 {
            // Products of two numbers at distance d around x, random numbers, squares.
            let xlen = [2usize, 5, 9, 17, 40, 64, 129][(i % 7) as usize];
            let x: Big = rng.big(xlen);
            let d = Big::from_u64(rng.next() % [4u64, 64, 1 << 20, 1 << 40][(i % 4) as usize]);
            let n = match i % 5 {
                0 => rng.big(2 * xlen),
                1 => x.mul(&x).unwrap(),
                _ => match x.sub(&d) {
                    Some(lo) => lo.mul(&x.add(&d).unwrap()).unwrap(),
                    None => x,
                },
            };
            let rounds = (rng.next() % 300) as u32;
            let bytes = to_bytes(&n);
            let want = fermat_reference(&n, rounds).map(|p| p.bits());
            assert_eq!(fermat_factor_bits(&bytes, rounds), Some(want), "{i}");
            found += usize::from(want.is_some());
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn tabulated_residues_match_serial_and_division() {
        let mut rng = Rng(0x6c44_198c_4a47_5817);
        let m = Big::from_u64(M1 * M2);
        for i in 0..2000 {
            // Up to 90 limbs: past the table, onto the serial path.
            let (x, y): (Big, Big) = (rng.big(8 * (i % 91)), rng.big(8 * ((i * 7) % 91)));
            let got = RESIDUES.rem_pair(x.limbs(), y.limbs());
            assert_eq!(got, RESIDUES.rem_pair_serial(x.limbs(), y.limbs()), "{i}");
            let want = (x.rem(&m).unwrap().low_u64(), y.rem(&m).unwrap().low_u64());
            assert_eq!(got, want, "{i}");
        }
    }

    fn with_spki(spki: Vec<u8>) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.spki = spki;
        b
    }

    fn to_bytes(n: &Big) -> Vec<u8> {
        (0..n.bits().div_ceil(8))
            .rev()
            .map(|i| (0..8).fold(0u8, |byte, j| if n.bit(8 * i + j) { byte | 1 << j } else { byte }))
            .collect()
    }

    #[test]
    fn fermat_rule() {
        let r = &RsaFermatFactorable;
        assert_status(r, &with_spki(rsa_key(&unhex(REAL_MODULUS), 65537)), Status::Pass);
        // n = (x - 2)(x + 2) with x a 1024-bit odd number: factors 2 apart from sqrt(n).
        let mut xb = unhex(REAL_MODULUS);
        xb.truncate(128);
        let x = Big::from_be(&xb).unwrap();
        let n = x.mul(&x).unwrap().sub(&Big::from_u64(4)).unwrap();
        let (s, m) = finding(r, &with_spki(rsa_key(&to_bytes(&n), 65537)).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the RSA modulus has a 1024-bit factor close to its square root"));
        // d = 18·2^512: about d²/2x ≈ 170 Fermat steps, beyond the default 100.
        let mut db = vec![0u8; 65];
        db[0] = 18;
        let d = Big::from_be(&db).unwrap();
        let n = x.sub(&d).unwrap().mul(&x.add(&d).unwrap()).unwrap();
        let far = with_spki(rsa_key(&to_bytes(&n), 65537)).build();
        assert_eq!(finding(r, &far, &Context::default()).0, Status::Pass);
        let ctx = Context::default().with_config("community.rsa_fermat_factorable.rounds", "300");
        assert_eq!(finding(r, &far, &ctx).0, Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn exponent_sign() {
        let r = &RsaPublicExponentNegative;
        assert_status(r, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        let key = |e: &[u8]| {
            spki(
                &seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]),
                &seq(&[&uint_bytes(&unhex(REAL_MODULUS)), &tlv(tag::INTEGER, e)]),
            )
        };
        let (s, m) = finding(r, &with_spki(key(&[0xfe, 0xff, 0xff])).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the RSA public exponent is negative"));
        assert_status(r, &with_spki(key(&[0])), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn unparseable() {
        let r = &RsaPublicKeyUnparseable;
        assert_status(r, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        let junk = spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &[0xde, 0xad, 0xbe, 0xef]);
        assert_status(r, &with_spki(junk), Status::Error);
        let one_int = spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &seq(&[&int(5)]));
        assert_status(r, &with_spki(one_int), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
