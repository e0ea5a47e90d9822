//! Subject public keys (TLS BR §6.1.5, §6.1.6, §7.1.3.1; MRSP §5.1).

use alloc::format;
use core::cmp::Ordering;

use crate::asn1::{tag, Tlv};
use crate::cert::key::RSA_KEYS;
use crate::cert::PublicKey;
use crate::cert_type::CertType;
use crate::oid::alg;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::bignum::{add_n, sub_n, Big, Mont};
use crate::rules::eku_sets::cert_type;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &PublicKeyAlgorithmNotAllowed,
    &EcCurveNotAllowed,
    &SpkiAlgorithmEncodingInvalid,
    &RsaModulusTooSmall,
    &RsaModulusNotMultipleOf8,
    &RsaPublicExponentEven,
    &RsaPublicExponentTooSmall,
    &RsaPublicExponentOutsideRecommendedRange,
    &RsaModulusEven,
    &RsaModulusSmallFactor,
    &EcPublicKeyInvalid,
    &DsaKeySizeInvalid,
    &DsaParamsMissing,
    &DsaPublicValueOutOfRange,
    &DsaPublicValueWrongSubgroup,
];

/// The day BR 1.7.1 removed DSA from the allowed key types (SC-28).
const DSA_SUNSET: Time = Time::ymd(2020, 8, 20);

/// The allowed SubjectPublicKeyInfo AlgorithmIdentifier encodings (TLS BR §7.1.3.1).
const SPKI_RSA: &[u8] = &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const SPKI_P256: &[u8] = &[
    0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03,
    0x01, 0x07,
];
const SPKI_P384: &[u8] =
    &[0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
const SPKI_P521: &[u8] =
    &[0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23];

fn rsa(cert: &Certificate) -> Option<(&[u8], &[u8])> {
    cert.rsa_key()
}

fn bits(magnitude: &[u8]) -> usize {
    magnitude.first().map_or(0, |b| magnitude.len() * 8 - b.leading_zeros() as usize)
}

/// `cabf_br.public_key_algorithm_not_allowed`
///
/// **What it checks**: the subject key is RSA or ECDSA (DSA is tolerated for certificates
/// issued before 2020-08-20).
///
/// **Why it matters**: TLS BR §6.1.5 and §7.1.3.1 (and MRSP §5.1) allow only RSA and ECDSA
/// keys; DSA was dropped by BR 1.7.1 and other algorithms (EdDSA, GOST, ...) are not
/// supported by relying parties.
///
/// **Example**: an Ed25519 key, or a DSA key issued on 2020-08-20, fails; RSA and P-256 keys
/// pass; a DSA key issued in 2019 passes. id-RSASSA-PSS keys pass here and are reported by
/// `cabf_br.spki_algorithm_encoding_invalid`.
pub struct PublicKeyAlgorithmNotAllowed;

impl Rule for PublicKeyAlgorithmNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.public_key_algorithm_not_allowed", Source::CabfBr, Severity::Error)
                .summary("subject keys must be RSA or ECDSA")
                .citation("TLS BR §6.1.5, §7.1.3.1; MRSP §5.1")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_public_key_type_not_allowed",
                    "zlint:e_br_prohibit_dsa_usage",
                    "zlint:e_prohibit_dsa_usage",
                    "pkilint:cabf.serverauth.prohibited_subject_public_key_algorithm_encoding",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        let oid = spki.algorithm.oid;
        if oid.is(&alg::RSA_ENCRYPTION) || oid.is(&alg::RSASSA_PSS) || oid.is(&alg::EC_PUBLIC_KEY) {
            return Outcome::Pass;
        }
        if oid.is(&alg::DSA) {
            return match cert.not_before() {
                Some(nb) if nb < DSA_SUNSET => Outcome::Pass,
                _ => Outcome::fail("the subject key is DSA, not allowed since 2020-08-20"),
            };
        }
        Outcome::fail(format!("the subject key algorithm {oid} is neither RSA nor ECDSA"))
    }
}

/// `cabf_br.ec_curve_not_allowed`
///
/// **What it checks**: an ECDSA key is on P-256, P-384 or P-521 (named curve).
///
/// **Why it matters**: TLS BR §6.1.5 permits no other curves, and §7.1.3.1.2 fixes the
/// named-curve encoding; relying parties do not implement the rest.
///
/// **Example**: a secp256k1 or P-224 key fails, and so do explicit curve parameters; a
/// P-256 key passes; an RSA key is not applicable.
pub struct EcCurveNotAllowed;

impl Rule for EcCurveNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ec_curve_not_allowed", Source::CabfBr, Severity::Error)
            .summary("ECDSA keys must be on P-256, P-384 or P-521")
            .citation("TLS BR §6.1.5, §7.1.3.1.2; MRSP §5.1")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY]))
            .aliases(&[
                "zlint:e_ec_improper_curves",
                "pkilint:cabf.serverauth.prohibited_subject_public_key_algorithm_encoding",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        if !spki.algorithm.oid.is(&alg::EC_PUBLIC_KEY) {
            return Outcome::NotApplicable;
        }
        match spki.public_key() {
            Ok(PublicKey::Ec { curve, .. }) => {
                let ok = [alg::SECP256R1, alg::SECP384R1, alg::SECP521R1].iter().any(|c| curve.is(c));
                if ok {
                    Outcome::Pass
                } else {
                    Outcome::fail(format!("the EC key is on curve {curve}"))
                }
            }
            Ok(PublicKey::EcNonNamed { .. }) => Outcome::fail("the EC key uses explicit or implicit curve parameters"),
            Ok(_) => Outcome::NotApplicable,
            Err(_) => Outcome::fail("the EC key has no curve parameters"),
        }
    }
}

/// `cabf_br.spki_algorithm_encoding_invalid`
///
/// **What it checks**: the SubjectPublicKeyInfo AlgorithmIdentifier of an RSA or ECDSA key
/// is byte-for-byte one of the encodings listed in TLS BR §7.1.3.1: rsaEncryption with an
/// explicit NULL, or id-ecPublicKey with the P-256, P-384 or P-521 named curve.
///
/// **Why it matters**: TLS BR §7.1.3.1 and MRSP §5.1.1/§5.1.2 permit no other encoding:
/// absent or non-NULL RSA parameters, the id-RSASSA-PSS key OID, or a non-DER form break
/// or confuse relying parties.
///
/// **Example**: an rsaEncryption identifier without the NULL fails, and so does an
/// id-RSASSA-PSS key; `300d06092a864886f70d0101010500` passes. Other key types and EC keys
/// on other curves (see `cabf_br.ec_curve_not_allowed`) are not applicable.
pub struct SpkiAlgorithmEncodingInvalid;

impl Rule for SpkiAlgorithmEncodingInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.spki_algorithm_encoding_invalid", Source::CabfBr, Severity::Error)
                .summary("RSA and ECDSA key algorithm identifiers must use the exact encodings of BR §7.1.3.1")
                .citation("TLS BR §7.1.3.1; MRSP §5.1.1, §5.1.2")
                .scope(Scope::TLS_BR)
                .effective(DSA_SUNSET)
                .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION, alg::RSASSA_PSS, alg::EC_PUBLIC_KEY]))
                .aliases(&[
                    "zlint:e_algorithm_identifier_improper_encoding",
                    "zlint:e_mp_rsassa-pss_in_spki",
                    "zlint:e_mp_ecdsa_pub_key_encoding_correct",
                    "pkilint:cabf.serverauth.prohibited_subject_public_key_algorithm_encoding",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        let a = spki.algorithm;
        let allowed: &[u8] = if a.oid.is(&alg::RSA_ENCRYPTION) {
            SPKI_RSA
        } else if a.oid.is(&alg::RSASSA_PSS) {
            return Outcome::fail("the RSA key is identified by id-RSASSA-PSS instead of rsaEncryption");
        } else if a.oid.is(&alg::EC_PUBLIC_KEY) {
            let curve = a.parameters.filter(|p| p.tag == tag::OID).map(|p| p.value);
            match curve {
                Some(c) if c == alg::SECP256R1.as_bytes() => SPKI_P256,
                Some(c) if c == alg::SECP384R1.as_bytes() => SPKI_P384,
                Some(c) if c == alg::SECP521R1.as_bytes() => SPKI_P521,
                _ => return Outcome::NotApplicable,
            }
        } else {
            return Outcome::NotApplicable;
        };
        if a.raw == allowed {
            Outcome::Pass
        } else {
            Outcome::fail(format!("the key AlgorithmIdentifier is encoded as {}", hex(a.raw)))
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> alloc::string::String {
    use core::fmt::Write;
    let mut s = alloc::string::String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// `cabf_br.rsa_modulus_too_small`
///
/// **What it checks**: an RSA modulus is at least 2048 bits. Under the legacy schedule of
/// BR 1.x, certificates other than roots that expire by 2013-12-31 only need 1024 bits, and
/// roots that expire by 2010-12-31 are exempt.
///
/// **Why it matters**: TLS BR §6.1.5 and MRSP §5.1 require 2048-bit RSA moduli; smaller keys
/// are within reach of factoring.
///
/// **Example**: a 1024-bit key on a subscriber certificate valid into 2026 fails; a 2048-bit
/// key passes; a 1024-bit subscriber key expiring on 2013-12-31 passes; an ECDSA key is not
/// applicable.
pub struct RsaModulusTooSmall;

impl Rule for RsaModulusTooSmall {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_too_small", Source::CabfBr, Severity::Error)
            .summary("RSA moduli must be at least 2048 bits")
            .citation("TLS BR §6.1.5; MRSP §5.1")
            .scope(Scope::TLS_BR)
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&[
                "zlint:e_rsa_mod_less_than_2048_bits",
                "zlint:e_mp_modulus_must_be_2048_bits_or_more",
                "zlint:e_old_root_ca_rsa_mod_less_than_2048_bits",
                "zlint:e_old_sub_ca_rsa_mod_less_than_1024_bits",
                "zlint:e_old_sub_cert_rsa_mod_less_than_1024_bits",
                "pkilint:cabf.rsa_modulus_invalid_length",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        let size = bits(n);
        let not_after = cert.validity().ok().map(|v| v.not_after.time);
        let root = cert_type(cert, ctx) == CertType::Root;
        let floor = match not_after {
            Some(na) if root && na < Time::ymd(2011, 1, 1) => return Outcome::Pass,
            Some(na) if !root && na < Time::ymd(2014, 1, 1) => 1024,
            _ => 2048,
        };
        if size < floor {
            Outcome::fail(format!("the RSA modulus is {size} bits, less than {floor}"))
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.rsa_modulus_not_multiple_of_8`
///
/// **What it checks**: an RSA modulus size in bits is divisible by 8.
///
/// **Why it matters**: TLS BR §6.1.5 and MRSP §5.1 require it; odd sizes come from broken
/// key generation.
///
/// **Example**: a 2047-bit modulus fails; 2048 and 3072 pass; ECDSA keys are not
/// applicable.
pub struct RsaModulusNotMultipleOf8;

impl Rule for RsaModulusNotMultipleOf8 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_not_multiple_of_8", Source::CabfBr, Severity::Error)
            .summary("RSA modulus sizes must be divisible by 8")
            .citation("TLS BR §6.1.5; MRSP §5.1")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2017, 2, 28))
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["zlint:e_mp_modulus_must_be_divisible_by_8", "pkilint:cabf.rsa_modulus_invalid_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        let size = bits(n);
        if size % 8 == 0 {
            Outcome::Pass
        } else {
            Outcome::fail(format!("the RSA modulus is {size} bits, not a multiple of 8"))
        }
    }
}

/// `cabf_br.rsa_public_exponent_even`
///
/// **What it checks**: an RSA public exponent is odd.
///
/// **Why it matters**: TLS BR §6.1.6 requires an odd exponent; an even one cannot be
/// coprime with φ(n), so the key is not a working RSA key.
///
/// **Example**: e = 65536 fails; e = 65537 passes; ECDSA keys are not applicable.
pub struct RsaPublicExponentEven;

impl Rule for RsaPublicExponentEven {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_public_exponent_even", Source::CabfBr, Severity::Error)
            .summary("RSA public exponents must be odd")
            .citation("TLS BR §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2013, 2, 21))
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["zlint:e_rsa_public_exponent_not_odd", "pkilint:cabf.rsa_exponent_prohibited_value"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, e)) = rsa(cert) else { return Outcome::NotApplicable };
        Outcome::check(e.last().is_some_and(|b| b & 1 == 1), "the RSA public exponent is even")
    }
}

/// `cabf_br.rsa_public_exponent_too_small`
///
/// **What it checks**: an RSA public exponent is at least 3.
///
/// **Why it matters**: TLS BR §6.1.6 requires e ≥ 3 and MRSP §5.2 names e = 1 as an invalid
/// public key: with e = 1 the "ciphertext" is the message.
///
/// **Example**: e = 1 fails; e = 3 and e = 65537 pass; ECDSA keys are not applicable.
pub struct RsaPublicExponentTooSmall;

impl Rule for RsaPublicExponentTooSmall {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_public_exponent_too_small", Source::CabfBr, Severity::Error)
            .summary("RSA public exponents must be at least 3")
            .citation("TLS BR §6.1.6; MRSP §5.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2013, 2, 21))
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&[
                "zlint:e_rsa_public_exponent_too_small",
                "zlint:e_mp_exponent_cannot_be_one",
                "pkilint:cabf.rsa_exponent_prohibited_value",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, e)) = rsa(cert) else { return Outcome::NotApplicable };
        let at_least_3 = e.len() > 1 || e.first().is_some_and(|&b| b >= 3);
        if at_least_3 {
            Outcome::Pass
        } else {
            Outcome::fail(format!("the RSA public exponent is {}", e.first().copied().unwrap_or(0)))
        }
    }
}

/// `cabf_br.rsa_public_exponent_outside_recommended_range`
///
/// **What it checks**: an RSA public exponent lies in [2^16 + 1, 2^256 - 1].
///
/// **Why it matters**: TLS BR §6.1.6 (after NIST SP 800-89) says the exponent SHOULD be
/// in that range; small exponents such as 3 have a history of padding attacks.
///
/// **Example**: e = 3 warns; e = 65537 passes; ECDSA keys are not applicable.
pub struct RsaPublicExponentOutsideRecommendedRange;

impl Rule for RsaPublicExponentOutsideRecommendedRange {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.rsa_public_exponent_outside_recommended_range", Source::CabfBr, Severity::Warn)
                .summary("RSA public exponents should be between 2^16+1 and 2^256-1")
                .citation("TLS BR §6.1.6")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2013, 2, 21))
                .needs(Need::KeyAlgorithm(RSA_KEYS))
                .aliases(&[
                    "zlint:w_rsa_public_exponent_not_in_range",
                    "pkilint:cabf.rsa_exponent_not_in_recommended_range",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, e)) = rsa(cert) else { return Outcome::NotApplicable };
        let size = bits(e);
        let at_least_65537 = size > 17 || (size == 17 && e.iter().skip(1).any(|&b| b != 0));
        if at_least_65537 && size <= 256 {
            Outcome::Pass
        } else if size <= 8 {
            Outcome::fail(format!("the RSA public exponent {} is below 2^16+1", e.first().copied().unwrap_or(0)))
        } else {
            Outcome::fail(format!("the RSA public exponent ({size} bits) is outside 2^16+1 .. 2^256-1"))
        }
    }
}

/// `cabf_br.rsa_modulus_even`
///
/// **What it checks**: an RSA modulus is odd.
///
/// **Why it matters**: TLS BR §6.1.6 says the modulus SHOULD be odd (it is a product of two
/// odd primes); an even modulus has the factor 2 and is not a usable key.
///
/// **Example**: an even modulus warns; any real RSA modulus passes; ECDSA keys are not
/// applicable.
pub struct RsaModulusEven;

impl Rule for RsaModulusEven {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_even", Source::CabfBr, Severity::Warn)
            .summary("RSA moduli should be odd")
            .citation("TLS BR §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2013, 2, 21))
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["zlint:w_rsa_mod_not_odd"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        Outcome::check(n.last().is_some_and(|b| b & 1 == 1), "the RSA modulus is even")
    }
}

/// The primes below 752.
const SMALL_PRIMES: [u16; 133] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
    113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239,
    241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379,
    383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509, 521,
    523, 541, 547, 557, 563, 569, 571, 577, 587, 593, 599, 601, 607, 613, 617, 619, 631, 641, 643, 647, 653, 659, 661,
    673, 677, 683, 691, 701, 709, 719, 727, 733, 739, 743, 751,
];

/// Limbs of the modulus folded per step of [`residues`]: BLOCK + 1 products of a limb by
/// a power below q ≤ 2^60, plus one limb, stay below 2^128 (16·2^60·2^64 = 2^128).
const BLOCK: usize = 15;

/// A run of consecutive odd primes of [`SMALL_PRIMES`] whose product q is at most 2^60.
struct Group {
    q: u64,
    /// -q^-1 mod 2^64.
    q_neg_inv: u64,
    /// Indices of its primes in [`SMALL_PRIMES`].
    primes: core::ops::Range<usize>,
}

/// The number of groups of the odd primes below 752 (checked when [`groups`] runs).
const GROUP_COUNT: usize = 19;

/// Groups reduced side by side in one pass over the modulus, which loads each limb once
/// for all of them.
const LANES: usize = 5;

/// The groups, computed at compile time: each takes primes while the product stays at
/// most 2^60.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
const fn groups() -> [Group; GROUP_COUNT] {
    const EMPTY: Group = Group { q: 1, q_neg_inv: u64::MAX, primes: 0..0 };
    let mut out = [EMPTY; GROUP_COUNT];
    let (mut g, mut i) = (0, 1);
    while i < SMALL_PRIMES.len() {
        let start = i;
        let mut q = 1u64;
        while i < SMALL_PRIMES.len() && q as u128 * SMALL_PRIMES[i] as u128 <= 1 << 60 {
            q *= SMALL_PRIMES[i] as u64;
            i += 1;
        }
        // Newton's iteration doubles the correct low bits of q^-1: 1, 2, 4, ..., 64.
        let mut inv = 1u64;
        let mut k = 0;
        while k < 6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(q.wrapping_mul(inv)));
            k += 1;
        }
        out[g] = Group { q, q_neg_inv: inv.wrapping_neg(), primes: start..i };
        g += 1;
    }
    // Fails the build when GROUP_COUNT is wrong.
    assert!(g == GROUP_COUNT);
    out
}

static GROUPS: [Group; GROUP_COUNT] = groups();

/// [`LANES`] groups side by side (the last set padded with q = 1, whose residue is unused).
struct Lanes {
    q: [u64; LANES],
    q_neg_inv: [u64; LANES],
    /// pow[i][j] = 2^(64 i) mod q_j for i = 0..=BLOCK + 1.
    pow: [[u64; LANES]; BLOCK + 2],
}

#[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
const fn lanes() -> [Lanes; GROUP_COUNT.div_ceil(LANES)] {
    const EMPTY: Lanes = Lanes { q: [1; LANES], q_neg_inv: [u64::MAX; LANES], pow: [[0; LANES]; BLOCK + 2] };
    let mut out = [EMPTY; GROUP_COUNT.div_ceil(LANES)];
    let mut g = 0;
    while g < GROUP_COUNT {
        let (set, j, q) = (g / LANES, g % LANES, GROUPS[g].q);
        out[set].q[j] = q;
        out[set].q_neg_inv[j] = GROUPS[g].q_neg_inv;
        let mut pow = 1u64;
        let mut i = 0;
        while i < BLOCK + 2 {
            out[set].pow[i][j] = pow;
            pow = (((pow as u128) << 64) % q as u128) as u64;
            i += 1;
        }
        g += 1;
    }
    out
}

static LANE_SETS: [Lanes; GROUP_COUNT.div_ceil(LANES)] = lanes();

/// For each prime p of [`SMALL_PRIMES`]: (p^-1 mod 2^64, floor((2^64 - 1) / p)), so that p
/// divides x exactly when x·p^-1 mod 2^64 ≤ (2^64 - 1) / p (Granlund and Montgomery; the
/// entry for 2 is unused). Checked by `tests::small_prime_tables`.
const DIVISIBILITY: [(u64, u64); 133] = [
    (0xaaaaaaaaaaaaaaab, 0x7fffffffffffffff),
    (0xaaaaaaaaaaaaaaab, 0x5555555555555555),
    (0xcccccccccccccccd, 0x3333333333333333),
    (0x6db6db6db6db6db7, 0x2492492492492492),
    (0x2e8ba2e8ba2e8ba3, 0x1745d1745d1745d1),
    (0x4ec4ec4ec4ec4ec5, 0x13b13b13b13b13b1),
    (0xf0f0f0f0f0f0f0f1, 0x0f0f0f0f0f0f0f0f),
    (0x86bca1af286bca1b, 0x0d79435e50d79435),
    (0xd37a6f4de9bd37a7, 0x0b21642c8590b216),
    (0x34f72c234f72c235, 0x08d3dcb08d3dcb08),
    (0xef7bdef7bdef7bdf, 0x0842108421084210),
    (0x14c1bacf914c1bad, 0x06eb3e45306eb3e4),
    (0x8f9c18f9c18f9c19, 0x063e7063e7063e70),
    (0x82fa0be82fa0be83, 0x05f417d05f417d05),
    (0x51b3bea3677d46cf, 0x0572620ae4c415c9),
    (0x21cfb2b78c13521d, 0x04d4873ecade304d),
    (0xcbeea4e1a08ad8f3, 0x0456c797dd49c341),
    (0x4fbcda3ac10c9715, 0x04325c53ef368eb0),
    (0xf0b7672a07a44c6b, 0x03d226357e16ece5),
    (0x193d4bb7e327a977, 0x039b0ad12073615a),
    (0x7e3f1f8fc7e3f1f9, 0x0381c0e070381c0e),
    (0x9b8b577e613716af, 0x033d91d2a2067b23),
    (0xa3784a062b2e43db, 0x03159721ed7e7534),
    (0xf47e8fd1fa3f47e9, 0x02e05c0b81702e05),
    (0xa3a0fd5c5f02a3a1, 0x02a3a0fd5c5f02a3),
    (0x3a4c0a237c32b16d, 0x0288df0cac5b3f5d),
    (0xdab7ec1dd3431b57, 0x027c45979c95204f),
    (0x77a04c8f8d28ac43, 0x02647c69456217ec),
    (0xa6c0964fda6c0965, 0x02593f69b02593f6),
    (0x90fdbc090fdbc091, 0x0243f6f0243f6f02),
    (0x7efdfbf7efdfbf7f, 0x0204081020408102),
    (0x03e88cb3c9484e2b, 0x01f44659e4a42715),
    (0xe21a291c077975b9, 0x01de5d6e3f8868a4),
    (0x3aef6ca970586723, 0x01d77b654b82c339),
    (0xdf5b0f768ce2cabd, 0x01b7d6c3dda338b2),
    (0x6fe4dfc9bf937f27, 0x01b2036406c80d90),
    (0x5b4fe5e92c0685b5, 0x01a16d3f97a4b01a),
    (0x1f693a1c451ab30b, 0x01920fb49d0e228d),
    (0x8d07aa27db35a717, 0x01886e5f0abb0499),
    (0x882383b30d516325, 0x017ad2208e0ecc35),
    (0xed6866f8d962ae7b, 0x016e1f76b4337c6c),
    (0x3454dca410f8ed9d, 0x016a13cd15372904),
    (0x1d7ca632ee936f3f, 0x01571ed3c506b39a),
    (0x70bf015390948f41, 0x015390948f40feac),
    (0xc96bdb9d3d137e0d, 0x014cab88725af6e7),
    (0x2697cc8aef46c0f7, 0x0149539e3b2d066e),
    (0xc0e8f2a76e68575b, 0x013698df3de07479),
    (0x687763dfdb43bb1f, 0x0125e22708092f11),
    (0x1b10ea929ba144cb, 0x0120b470c67c0d88),
    (0x1d10c4c0478bbced, 0x011e2ef3b3fb8744),
    (0x63fb9aeb1fdcd759, 0x0119453808ca29c0),
    (0x64afaa4f437b2e0f, 0x0112358e75d30336),
    (0xf010fef010fef011, 0x010fef010fef010f),
    (0x28cbfbeb9a020a33, 0x0105197f7d734041),
    (0xff00ff00ff00ff01, 0x00ff00ff00ff00ff),
    (0xd624fd1470e99cb7, 0x00f92fb2211855a8),
    (0x8fb3ddbd6205b5c5, 0x00f3a0d52cba8723),
    (0xd57da36ca27acdef, 0x00f1d48bcee0d399),
    (0xee70c03b25e4463d, 0x00ec979118f3fc4d),
    (0xc5b1a6b80749cb29, 0x00e939651fe2d8d3),
    (0x47768073c9b97113, 0x00e79372e225fe30),
    (0x2591e94884ce32ad, 0x00dfac1f74346c57),
    (0xf02806abc74be1fb, 0x00d578e97c3f5fe5),
    (0x7ec3e8f3a7198487, 0x00d2ba083b445250),
    (0x58550f8a39409d09, 0x00d161543e28e502),
    (0xec9e48ae6f71de15, 0x00cebcf8bb5b4169),
    (0x2ff3a018bfce8063, 0x00c5fe740317f9d0),
    (0x7f9ec3fcf61fe7b1, 0x00c2780613c0309e),
    (0x89f5abe570e046d3, 0x00bcdd535db1cc5b),
    (0xda971b23f1545af5, 0x00bbc8408cd63069),
    (0x79d5f00b9a7862a1, 0x00b9a7862a0ff465),
    (0x4dba1df32a128a57, 0x00b68d31340e4307),
    (0x87530217b7747d8f, 0x00b2927c29da5519),
    (0x30baae53bb5e06dd, 0x00afb321a1496fdf),
    (0xee70206c12e9b5b3, 0x00aceb0f891e6551),
    (0xcdde9462ec9dbe7f, 0x00ab1cbdd3e2970f),
    (0xafb64b05ec41cf4d, 0x00a87917088e262b),
    (0x02944ff5aec02945, 0x00a513fd6bb00a51),
    (0x2cb033128382df71, 0x00a36e71a2cb0331),
    (0x1ccacc0c84b1c2a9, 0x00a03c1688732b30),
    (0x19a93db575eb3a0b, 0x009c69169b30446d),
    (0xcebeef94fa86fe2d, 0x009baade8e4a2f6e),
    (0x6faa77fb3f8df54f, 0x00980e4156201301),
    (0x68a58af00975a751, 0x00975a750ff68a58),
    (0xd56e36d0c3efac07, 0x009548e4979e0829),
    (0xd8b44c47a8299b73, 0x0093efd1c50e726b),
    (0x02d9ccaf9ba70e41, 0x0091f5bcb8bb02d9),
    (0x0985e1c023d9e879, 0x008f67a1e3fdc261),
    (0x2a343316c494d305, 0x008e2917e0e702c6),
    (0x70cb7916ab67652f, 0x008d8be33f95d715),
    (0xd398f132fb10fe5b, 0x008c55841c815ed5),
    (0x6f2a38a6bf54fa1f, 0x0088d180cd3a4133),
    (0x211df689b98f81d7, 0x00869222b1acf1ce),
    (0x0e994983e90f1ec3, 0x0085797b917765ab),
    (0xad671e44bed87f3b, 0x008355ace3c897db),
    (0xf9623a0516e70fc7, 0x00824a4e60b3262b),
    (0x4b7129be9dece355, 0x0080c121b28bd1ba),
    (0x190f3b7473f62c39, 0x007dc9f3397d4c29),
    (0x63dacc9aad46f9a3, 0x007d4ece8fe88139),
    (0xc1108fda24e8d035, 0x0079237d65bcce50),
    (0xb77578472319bd8b, 0x0077cf53c5f7936c),
    (0x473d20a1c7ed9da5, 0x0075a8accfbdd11e),
    (0xfbe85af0fea2c8fb, 0x007467ac557c228e),
    (0x58a1f7e6ce0f4c09, 0x00732d70ed8db8e9),
    (0x1a00e58c544986f3, 0x0072c62a24c3797f),
    (0x7194a17f55a10dc1, 0x007194a17f55a10d),
    (0x7084944785e33763, 0x006fa549b41da7e7),
    (0xba10679bd84886b1, 0x006e8419e6f61221),
    (0xebe9c6bb31260967, 0x006d68b5356c207b),
    (0x97a3fe4bd1ff25e9, 0x006d0b803685c01b),
    (0x6c6388395b84d99f, 0x006bf790a8b2d207),
    (0x8c51da6a1335df6d, 0x006ae907ef4b96c2),
    (0x46f3234475d5add9, 0x006a37991a23aead),
    (0x905605ca3c619a43, 0x0069dfbdd4295b66),
    (0xcee8dff304767747, 0x0067dc4c45c8033e),
    (0xff99c27f00663d81, 0x00663d80ff99c27f),
    (0xacca407f671ddc2b, 0x0065ec17e3559948),
    (0xe71298bac1e12337, 0x00654ac835cfba5c),
    (0xfa1e94309cd09045, 0x00645c854ae10772),
    (0xbebccb8e91496b9b, 0x006372990e5f901f),
    (0x312fa30cc7d7b8bd, 0x006325913c07beef),
    (0x6160ff9e9f006161, 0x006160ff9e9f0061),
    (0x6b03673b5e28152d, 0x0060cdb520e5e88e),
    (0xfe802ffa00bfe803, 0x005ff4017fd005ff),
    (0xe66fe25c9e907c7b, 0x005ed79e31a4dccd),
    (0x3f8b236c76528895, 0x005d7d42d48ac5ef),
    (0xf6f923bf01ce2c0d, 0x005c6f35ccba5028),
    (0x6c3d3d98bed7c42f, 0x005b2618ec6ad0a5),
    (0x30981efcd4b010e7, 0x005a2553748e42e7),
    (0x6f691fc81ebbe575, 0x0059686cf744cd5b),
    (0xb10480ddb47b52cb, 0x0058ae97bab79976),
    (0x74cd59ed64f3f0d7, 0x0058345f1876865f),
    (0x0105cb81316d6c0f, 0x005743d5bb24795a),
];

/// For each group of `lanes`, a value congruent to n·2^-64 modulo its product q (so
/// divisible by each of its primes exactly when n is), for the big-endian magnitude `n`.
///
/// Horner's rule by blocks, most significant first: with the powers of 2^64 modulo q,
/// acc·2^(64 m) + a block of m limbs is a sum of at most BLOCK + 1 products below
/// 2^64·q plus one limb, which fits 128 bits without reduction (so does a first block of
/// BLOCK + 2 limbs, with no acc). One Montgomery reduction at the end brings it below 2q.
fn residues(n: &[u8], lanes: &Lanes) -> [u64; LANES] {
    const LOW: u128 = u64::MAX as u128;
    let full_blocks = n.len().saturating_sub(8 * (BLOCK + 2)).div_ceil(8 * BLOCK);
    let (first, rest) = n.split_at(n.len() - 8 * BLOCK * full_blocks);
    let mut acc = [0u128; LANES];
    let (top, first) = first.split_at(first.len() % 8);
    let mut pows = lanes.pow.iter();
    let top = (!top.is_empty()).then(|| top.iter().fold(0u64, |v, &b| v << 8 | u64::from(b)));
    let limbs = first.rchunks_exact(8).map(|limb| limb.try_into().map_or(0, u64::from_be_bytes)).chain(top);
    for (x, pow) in limbs.zip(&mut pows) {
        for (s, &c) in acc.iter_mut().zip(pow) {
            *s += u128::from(x) * u128::from(c);
        }
    }
    let (Some(shift_hi), Some(shift_lo)) = (lanes.pow.get(BLOCK + 1), lanes.pow.get(BLOCK)) else { return [0; LANES] };
    for block in rest.chunks_exact(8 * BLOCK) {
        let mut sum = [0u128; LANES];
        for (((s, a), &c1), &c0) in sum.iter_mut().zip(&acc).zip(shift_hi).zip(shift_lo) {
            *s = (a >> 64) * u128::from(c1) + (a & LOW) * u128::from(c0);
        }
        for (limb, pow) in block.rchunks_exact(8).zip(&lanes.pow) {
            let x = u128::from(limb.try_into().map_or(0, u64::from_be_bytes));
            for (s, &c) in sum.iter_mut().zip(pow) {
                *s += x * u128::from(c);
            }
        }
        acc = sum;
    }
    // hi·2^64 + lo ≡ hi·(2^64 mod q) + lo, below q·2^64 + 2^64; then REDC.
    let mut out = [0; LANES];
    let pow1 = lanes.pow.get(1).unwrap_or(&[0; LANES]);
    for ((((o, a), &c), &q), &q_neg_inv) in out.iter_mut().zip(&acc).zip(pow1).zip(&lanes.q).zip(&lanes.q_neg_inv) {
        let t = (a >> 64) * u128::from(c) + (a & LOW);
        let m = (t as u64).wrapping_mul(q_neg_inv);
        *o = ((t + u128::from(m) * u128::from(q)) >> 64) as u64;
    }
    out
}

/// The smallest prime below 752 dividing the big-endian magnitude `n`, if any.
///
/// The modulus is reduced once per group of primes ([`residues`], four groups per pass),
/// and each prime is then tested on its group's residue with one multiplication.
fn small_factor(n: &[u8]) -> Option<u16> {
    if n.last().map_or(true, |b| b & 1 == 0) {
        return Some(2);
    }
    for (lanes, groups) in LANE_SETS.iter().zip(GROUPS.chunks(LANES)) {
        for (&r, group) in residues(n, lanes).iter().zip(groups) {
            let primes = SMALL_PRIMES.get(group.primes.clone()).unwrap_or_default();
            let tests = DIVISIBILITY.get(group.primes.clone()).unwrap_or_default();
            let divides = |&(inv, limit): &(u64, u64)| r.wrapping_mul(inv) <= limit;
            // All the tests at once (no early exit to branch on), then the first that hit.
            if tests.iter().fold(false, |hit, t| hit | divides(t)) {
                return primes.iter().zip(tests).find(|(_, t)| divides(t)).map(|(&p, _)| p);
            }
        }
    }
    None
}

/// `cabf_br.rsa_modulus_small_factor`
///
/// **What it checks**: an RSA modulus has no prime factor below 752 (trial division by
/// the 133 primes up to 751).
///
/// **Why it matters**: TLS BR §6.1.6 (after NIST SP 800-89 §5.3.3) says the modulus SHOULD
/// have no factor smaller than 752; a small factor means the key is broken.
///
/// **Example**: a modulus divisible by 751 warns; a real RSA modulus passes; ECDSA keys are
/// not applicable.
pub struct RsaModulusSmallFactor;

impl Rule for RsaModulusSmallFactor {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_small_factor", Source::CabfBr, Severity::Warn)
            .summary("RSA moduli should have no prime factor below 752")
            .citation("TLS BR §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2013, 2, 21))
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["zlint:w_rsa_mod_factors_smaller_than_752", "pkilint:cabf.rsa_modulus_has_small_prime_factor"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        match small_factor(n) {
            Some(p) => Outcome::fail(format!("the RSA modulus is divisible by {p}")),
            None => Outcome::Pass,
        }
    }
}

/// A NIST prime curve y² = x³ - 3x + b over GF(p), with p of `N` 64-bit limbs (least
/// significant first) and the constants of Montgomery arithmetic modulo p (R = 2^(64·N)),
/// all computed at compile time. Field elements are kept below p.
struct Curve<const N: usize> {
    name: &'static str,
    /// The octets of p, and of each coordinate.
    len: usize,
    p: [u64; N],
    /// -p^-1 mod 2^64.
    p_inv: u64,
    /// R² mod p: `mul(x, r2)` is x·R (x in Montgomery form).
    r2: [u64; N],
    /// R mod p (1 in Montgomery form).
    one: [u64; N],
    /// 3·R^-1 and b·R^-1 mod p.
    three: [u64; N],
    b: [u64; N],
    /// (p - 1) / 2, the exponent of Euler's criterion.
    half: [u64; N],
}

/// P-256: p = 2^256 - 2^224 + 2^192 + 2^96 - 1 and b, big-endian.
const P256_P: &[u8] = &[
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
];
const P256_B: &[u8] = &[
    0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd, 0x55, 0x76, 0x98, 0x86, 0xbc, 0x65, 0x1d, 0x06,
    0xb0, 0xcc, 0x53, 0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b,
];

/// P-384: p = 2^384 - 2^128 - 2^96 + 2^32 - 1 and b, big-endian.
const P384_P: &[u8] = &[
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
];
const P384_B: &[u8] = &[
    0xb3, 0x31, 0x2f, 0xa7, 0xe2, 0x3e, 0xe7, 0xe4, 0x98, 0x8e, 0x05, 0x6b, 0xe3, 0xf8, 0x2d, 0x19, 0x18, 0x1d, 0x9c,
    0x6e, 0xfe, 0x81, 0x41, 0x12, 0x03, 0x14, 0x08, 0x8f, 0x50, 0x13, 0x87, 0x5a, 0xc6, 0x56, 0x39, 0x8d, 0x8a, 0x2e,
    0xd1, 0x9d, 0x2a, 0x85, 0xc8, 0xed, 0xd3, 0xec, 0x2a, 0xef,
];

/// P-521: p = 2^521 - 1 and b, big-endian.
const P521_P: &[u8] = &[
    0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
];
const P521_B: &[u8] = &[
    0x00, 0x51, 0x95, 0x3e, 0xb9, 0x61, 0x8e, 0x1c, 0x9a, 0x1f, 0x92, 0x9a, 0x21, 0xa0, 0xb6, 0x85, 0x40, 0xee, 0xa2,
    0xda, 0x72, 0x5b, 0x99, 0xb3, 0x15, 0xf3, 0xb8, 0xb4, 0x89, 0x91, 0x8e, 0xf1, 0x09, 0xe1, 0x56, 0x19, 0x39, 0x51,
    0xec, 0x7e, 0x93, 0x7b, 0x16, 0x52, 0xc0, 0xbd, 0x3b, 0xb1, 0xbf, 0x07, 0x35, 0x73, 0xdf, 0x88, 0x3d, 0x2c, 0x34,
    0xf1, 0xef, 0x45, 0x1f, 0xd4, 0x6b, 0x50, 0x3f, 0x00,
];

static P256: Curve<4> = Curve::new("P-256", P256_P, P256_B);
static P384: Curve<6> = Curve::new("P-384", P384_P, P384_B);
static P521: Curve<9> = Curve::new("P-521", P521_P, P521_B);

/// The big-endian octets `be` (at most 8·N) as limbs.
fn limbs<const N: usize>(be: &[u8]) -> [u64; N] {
    let mut out = [0; N];
    let chunks = be.rchunks_exact(8);
    let top = chunks.remainder().iter().fold(0, |v, &b| v << 8 | u64::from(b));
    let values = chunks.map(|c| c.try_into().map_or(0, u64::from_be_bytes)).chain([top]);
    for (limb, v) in out.iter_mut().zip(values) {
        *limb = v;
    }
    out
}

/// (lo, hi) of a·b + x + c, which fits two limbs.
fn mac(x: u64, a: u64, b: u64, c: u64) -> (u64, u64) {
    let t = u128::from(a) * u128::from(b) + u128::from(x) + u128::from(c);
    (t as u64, (t >> 64) as u64)
}

impl<const N: usize> Curve<N> {
    /// The curve of the odd prime p and b (big-endian, p of at most 8·N octets).
    #[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
    const fn new(name: &'static str, p_be: &'static [u8], b_be: &'static [u8]) -> Self {
        /// The big-endian octets as limbs.
        const fn from_be<const N: usize>(be: &[u8]) -> [u64; N] {
            let mut out = [0; N];
            let mut i = 0;
            while i < be.len() {
                out[i / 8] |= (be[be.len() - 1 - i] as u64) << (8 * (i % 8));
                i += 1;
            }
            out
        }
        /// a·2^k mod p for a < p, by doubling k times.
        const fn shifted<const N: usize>(mut a: [u64; N], p: &[u64; N], k: usize) -> [u64; N] {
            let mut n = 0;
            while n < k {
                let top = a[N - 1] >> 63;
                let mut i = N - 1;
                while i > 0 {
                    a[i] = a[i] << 1 | a[i - 1] >> 63;
                    i -= 1;
                }
                a[0] <<= 1;
                // Subtract p when 2a (top bit included) is at least p.
                let mut ge = top == 1;
                if !ge {
                    ge = true;
                    let mut j = N;
                    while j > 0 {
                        j -= 1;
                        if a[j] != p[j] {
                            ge = a[j] > p[j];
                            break;
                        }
                    }
                }
                if ge {
                    let mut borrow = 0;
                    let mut j = 0;
                    while j < N {
                        let (d, b1) = a[j].overflowing_sub(p[j]);
                        let (d, b2) = d.overflowing_sub(borrow);
                        a[j] = d;
                        borrow = (b1 | b2) as u64;
                        j += 1;
                    }
                }
                n += 1;
            }
            a
        }
        /// a >> 1, with `top` shifted in.
        const fn shr1<const N: usize>(mut a: [u64; N], top: u64) -> [u64; N] {
            let mut i = 0;
            while i < N {
                a[i] = a[i] >> 1 | (if i + 1 < N { a[i + 1] } else { top }) << 63;
                i += 1;
            }
            a
        }
        /// a·2^-k mod p for a < p, by halving k times (p added first to an odd value).
        const fn halved<const N: usize>(mut a: [u64; N], p: &[u64; N], k: usize) -> [u64; N] {
            let mut n = 0;
            while n < k {
                let mut carry = 0;
                if a[0] & 1 == 1 {
                    let mut j = 0;
                    while j < N {
                        let (s, c1) = a[j].overflowing_add(p[j]);
                        let (s, c2) = s.overflowing_add(carry);
                        a[j] = s;
                        carry = (c1 | c2) as u64;
                        j += 1;
                    }
                }
                a = shr1(a, carry);
                n += 1;
            }
            a
        }
        let p = from_be::<N>(p_be);
        // Newton's iteration doubles the correct low bits of p^-1: 1, 2, 4, ..., 64.
        let mut inv = 1u64;
        let mut i = 0;
        while i < 6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(p[0].wrapping_mul(inv)));
            i += 1;
        }
        let mut small = [0; N];
        small[0] = 1;
        let one = shifted(small, &p, 64 * N);
        small[0] = 3;
        Self {
            name,
            len: p_be.len(),
            p,
            p_inv: inv.wrapping_neg(),
            r2: shifted(one, &p, 64 * N),
            one,
            three: halved(small, &p, 64 * N),
            b: halved(from_be(b_be), &p, 64 * N),
            half: shr1(p, 0),
        }
    }

    fn below_p(&self, a: &[u64; N]) -> bool {
        a.iter().rev().cmp(self.p.iter().rev()) == Ordering::Less
    }

    /// a·b·R^-1 mod p (Montgomery multiplication, CIOS), for a, b < p.
    #[inline(always)]
    fn mul(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        // t < 2p throughout: N limbs and the bit `top` above them.
        let (mut t, mut top) = ([0u64; N], 0u64);
        let p0 = self.p.first().copied().unwrap_or(0);
        for &ai in a {
            // t += ai·b
            let mut c = 0;
            for (x, &y) in t.iter_mut().zip(b) {
                (*x, c) = mac(*x, ai, y, c);
            }
            let hi = u128::from(top) + u128::from(c);
            // t = (t + m·p) / 2^64, with m chosen so that the low limb vanishes.
            let t0 = t.first().copied().unwrap_or(0);
            let m = t0.wrapping_mul(self.p_inv);
            let mut c = mac(t0, m, p0, 0).1;
            let mut next = [0u64; N];
            for ((o, &x), &y) in next.iter_mut().zip(t.iter().skip(1)).zip(self.p.iter().skip(1)) {
                (*o, c) = mac(x, m, y, c);
            }
            let hi = hi + u128::from(c);
            if let Some(last) = next.last_mut() {
                *last = hi as u64;
            }
            (t, top) = (next, (hi >> 64) as u64);
        }
        if top != 0 || !self.below_p(&t) {
            sub_n(&mut t, &self.p);
        }
        t
    }

    /// a - b mod p.
    fn sub(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let mut d = *a;
        if sub_n(&mut d, b) != 0 {
            add_n(&mut d, &self.p);
        }
        d
    }

    /// a + b mod p.
    fn add(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let mut s = *a;
        if add_n(&mut s, b) != 0 || !self.below_p(&s) {
            sub_n(&mut s, &self.p);
        }
        s
    }

    /// (x³ - 3x + b)·R^-1 mod p for x < p, as ((x·x·R^-1 - 3·R^-1)·x·R)·R^-1 + b·R^-1:
    /// the two first products (x·x·R^-1 and x·R) are independent.
    fn rhs(&self, x: &[u64; N]) -> [u64; N] {
        let (x2, xr) = (self.mul(x, x), self.mul(x, &self.r2));
        self.add(&self.mul(&self.sub(&x2, &self.three), &xr), &self.b)
    }

    /// Whether a·R^-1 (a in Montgomery form, nonzero) is a square mod p, by Euler's
    /// criterion: (a·R^-1)^((p-1)/2) = 1.
    fn is_square(&self, a: &[u64; N]) -> bool {
        let mut acc = self.one;
        for &limb in self.half.iter().rev() {
            for i in (0..64).rev() {
                acc = self.mul(&acc, &acc);
                if limb >> i & 1 == 1 {
                    acc = self.mul(&acc, a);
                }
            }
        }
        acc == self.one
    }

    /// Partial public-key validation (NIST SP 800-56A §5.6.2.3.4) of an SEC 1 point:
    /// `Err(reason)` when it does not hold.
    fn validate(&self, point: &[u8]) -> Result<(), &'static str> {
        let (&form, coords) = point.split_first().ok_or("the point is empty")?;
        match form {
            0x00 => Err("the point is the point at infinity"),
            0x04 | 0x06 | 0x07 => {
                if coords.len() != 2 * self.len {
                    return Err("the uncompressed point has the wrong length");
                }
                let (xb, yb) = coords.split_at(self.len);
                let (x, y) = (limbs(xb), limbs(yb));
                if !self.below_p(&x) || !self.below_p(&y) {
                    return Err("a coordinate is not below the field prime");
                }
                let odd = y.first().is_some_and(|l| l & 1 == 1);
                if form != 0x04 && odd != (form == 0x07) {
                    return Err("the hybrid point's parity bit does not match y");
                }
                // Both sides times R^-1.
                if self.mul(&y, &y) == self.rhs(&x) {
                    Ok(())
                } else {
                    Err("the point is not on the curve")
                }
            }
            0x02 | 0x03 => {
                if coords.len() != self.len {
                    return Err("the compressed point has the wrong length");
                }
                let x = limbs(coords);
                if !self.below_p(&x) {
                    return Err("the x coordinate is not below the field prime");
                }
                // rhs = f·R^-1 with f = x³ - 3x + b, and is_square tests f·R^-2: a square
                // exactly when f is, R = 2^(64·N) being a square.
                let rhs = self.rhs(&x);
                if rhs == [0; N] || self.is_square(&rhs) {
                    Ok(())
                } else {
                    Err("no point on the curve has this x coordinate")
                }
            }
            _ => Err("the point encoding is not SEC 1"),
        }
    }
}

/// `cabf_br.ec_public_key_invalid`
///
/// **What it checks**: an ECDSA key on P-256, P-384 or P-521 is a valid point: not the
/// point at infinity, coordinates below the field prime, and on the curve (for compressed
/// points: some point with that x exists).
///
/// **Why it matters**: TLS BR §6.1.6 requires the CA to validate the public key (NIST
/// SP 800-56A partial public-key validation); an invalid point is not a key at all, and
/// invalid-curve points have been used in attacks.
///
/// **Example**: a P-384 key whose point does not satisfy the curve equation fails; the
/// point of a real P-256 key passes; RSA keys and keys on other curves are not applicable.
pub struct EcPublicKeyInvalid;

impl Rule for EcPublicKeyInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ec_public_key_invalid", Source::CabfBr, Severity::Error)
            .summary("ECDSA public keys must be valid points on their curve")
            .citation("TLS BR §6.1.5, §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY]))
            .aliases(&["pkilint:cabf.ecdsa_key_validation_failed"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        let Ok(PublicKey::Ec { curve, point }) = spki.public_key() else { return Outcome::NotApplicable };
        let (name, valid) = if curve.is(&alg::SECP256R1) {
            (P256.name, P256.validate(point))
        } else if curve.is(&alg::SECP384R1) {
            (P384.name, P384.validate(point))
        } else if curve.is(&alg::SECP521R1) {
            (P521.name, P521.validate(point))
        } else {
            return Outcome::NotApplicable;
        };
        match valid {
            Ok(()) => Outcome::Pass,
            Err(why) => Outcome::fail(format!("the {name} public key is invalid: {why}")),
        }
    }
}

/// A DSA key: domain parameters (if present) and the public value.
struct Dsa<'a> {
    params: Option<(&'a [u8], &'a [u8], &'a [u8])>,
    y: Option<&'a [u8]>,
    /// Whether the parameters field is absent or NULL.
    params_missing: bool,
}

fn dsa(cert: &Certificate) -> Option<Dsa<'_>> {
    let spki = cert.spki().ok()?;
    if !spki.algorithm.oid.is(&alg::DSA) {
        return None;
    }
    let params_missing = match spki.algorithm.parameters {
        None => true,
        Some(p) => p.tag == tag::NULL,
    };
    let params = spki.algorithm.parameters.filter(|p| p.tag == tag::SEQUENCE).and_then(|p| {
        let mut r = p.reader();
        let a = r.read_tag(tag::INTEGER).ok()?.value;
        let b = r.read_tag(tag::INTEGER).ok()?.value;
        let c = r.read_tag(tag::INTEGER).ok()?.value;
        r.finish().ok()?;
        Some((a, b, c))
    });
    let y = Tlv::parse(spki.key).ok().filter(|t| t.tag == tag::INTEGER).map(|t| t.value);
    Some(Dsa { params, y, params_missing })
}

/// `cabf_br.dsa_key_size_invalid`
///
/// **What it checks**: while DSA keys were allowed, their (L, N) sizes (bit lengths of p
/// and q) were (2048, 224), (2048, 256) or (3072, 256).
///
/// **Why it matters**: TLS BR v1.7.0 §6.1.5 listed only those parameter sizes; smaller DSA
/// groups are weak. Since 2020-08-20 DSA is not allowed at all
/// (`cabf_br.public_key_algorithm_not_allowed`).
///
/// **Example**: a DSA key with a 1024-bit p fails; (2048, 256) passes; keys without
/// parameters and non-DSA keys are not applicable.
pub struct DsaKeySizeInvalid;

impl Rule for DsaKeySizeInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dsa_key_size_invalid", Source::CabfBr, Severity::Error)
            .summary("DSA keys had to use (L, N) = (2048, 224), (2048, 256) or (3072, 256)")
            .citation("TLS BR v1.7.0 §6.1.5")
            .scope(Scope::TLS_BR)
            .ineffective(DSA_SUNSET)
            .needs(Need::KeyAlgorithm(&[alg::DSA]))
            .aliases(&["zlint:e_dsa_improper_modulus_or_divisor_size", "zlint:e_dsa_shorter_than_2048_bits"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((p, q, _)) = dsa(cert).and_then(|d| d.params) else { return Outcome::NotApplicable };
        let (l, n) = (bits(strip(p)), bits(strip(q)));
        if matches!((l, n), (2048, 224) | (2048, 256) | (3072, 256)) {
            Outcome::Pass
        } else {
            Outcome::fail(format!("the DSA key has L = {l}, N = {n}"))
        }
    }
}

fn strip(mut b: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = b {
        b = rest;
    }
    b
}

/// `cabf_br.dsa_params_missing`
///
/// **What it checks**: a DSA SubjectPublicKeyInfo carries its domain parameters (p, q, g).
///
/// **Why it matters**: TLS BR v1.7.0 §6.1.6 required the CA to validate DSA keys, which
/// needs the parameters; inheriting them from the issuer (absent or NULL parameters) makes
/// the key unverifiable on its own.
///
/// **Example**: an id-dsa SPKI without parameters fails; one with a parameter SEQUENCE
/// passes; non-DSA keys are not applicable.
pub struct DsaParamsMissing;

impl Rule for DsaParamsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dsa_params_missing", Source::CabfBr, Severity::Error)
            .summary("DSA keys had to carry their domain parameters")
            .citation("TLS BR v1.7.0 §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .ineffective(DSA_SUNSET)
            .needs(Need::KeyAlgorithm(&[alg::DSA]))
            .aliases(&["zlint:e_dsa_params_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(d) = dsa(cert) else { return Outcome::NotApplicable };
        Outcome::check(!d.params_missing, "the DSA key has no domain parameters")
    }
}

/// The DSA parameters and public value as numbers.
fn dsa_numbers(cert: &Certificate) -> Option<(Big, Big, Big)> {
    let d = dsa(cert)?;
    let (p, q, _) = d.params?;
    let y = d.y?;
    if [p, q, y].iter().any(|v| crate::asn1::int_is_negative(v)) {
        return None;
    }
    Some((Big::from_be(p)?, Big::from_be(q)?, Big::from_be(y)?))
}

/// `cabf_br.dsa_public_value_out_of_range`
///
/// **What it checks**: a DSA public value y satisfies 2 ≤ y ≤ p - 2.
///
/// **Why it matters**: TLS BR v1.7.0 §6.1.6 required DSA public-key validation (NIST
/// SP 800-89 §5.3.1); y = 0, 1 or p - 1 gives trivially forgeable signatures.
///
/// **Example**: y = 1 fails; a y inside the range passes; DSA keys without parameters and
/// non-DSA keys are not applicable.
pub struct DsaPublicValueOutOfRange;

impl Rule for DsaPublicValueOutOfRange {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dsa_public_value_out_of_range", Source::CabfBr, Severity::Error)
            .summary("DSA public values had to lie in [2, p-2]")
            .citation("TLS BR v1.7.0 §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .ineffective(DSA_SUNSET)
            .needs(Need::KeyAlgorithm(&[alg::DSA]))
            .aliases(&["zlint:e_dsa_unique_correct_representation"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((p, _, y)) = dsa_numbers(cert) else { return Outcome::NotApplicable };
        let Some(p_minus_2) = p.sub(&Big::from_u64(2)) else { return Outcome::NotApplicable };
        if y.cmp(&Big::from_u64(2)) == Ordering::Less || y.cmp(&p_minus_2) == Ordering::Greater {
            Outcome::fail("the DSA public value y is outside [2, p-2]")
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.dsa_public_value_wrong_subgroup`
///
/// **What it checks**: a DSA public value lies in the order-q subgroup: y^q mod p = 1.
///
/// **Why it matters**: TLS BR v1.7.0 §6.1.6 required DSA public-key validation (NIST
/// SP 800-89 §5.3.1); a value outside the subgroup leaks or weakens the key.
///
/// **Example**: with p = 23, q = 11, y = 5 fails (5^11 mod 23 = 22); y = 18 passes; DSA keys
/// without parameters and non-DSA keys are not applicable.
pub struct DsaPublicValueWrongSubgroup;

impl Rule for DsaPublicValueWrongSubgroup {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dsa_public_value_wrong_subgroup", Source::CabfBr, Severity::Error)
                .summary("DSA public values had to lie in the order-q subgroup")
                .citation("TLS BR v1.7.0 §6.1.6")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2012, 7, 1))
                .ineffective(DSA_SUNSET)
                .needs(Need::KeyAlgorithm(&[alg::DSA]))
                .aliases(&["zlint:e_dsa_correct_order_in_subgroup"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((p, q, y)) = dsa_numbers(cert) else { return Outcome::NotApplicable };
        let Some(mont) = Mont::new(&p) else { return Outcome::NotApplicable };
        let Some(r) = mont.pow(&y, &q) else { return Outcome::NotApplicable };
        Outcome::check(
            r.cmp(&Big::from_u64(1)) == Ordering::Equal,
            "the DSA public value y is not in the order-q subgroup",
        )
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;
    use alloc::vec;
    use alloc::vec::Vec;

    /// The modulus of a real 2048-bit RSA root (from the Mozilla root store).
    pub(crate) const REAL_MODULUS: &str = "f61b4f67072ba115f50622cb1f01b2e373450644492cbb492514d6cec3b7ab2c4fc641329457fa12a75b0ee28f1f1e8619a7aab52db95f0d8ac2af853579322dbb1c6237f2b15b4a3dcacd715fe942be94e8c8def9224864c6e5abc62b6dad05f0fad50bcf9ae5f050a48b3b47a5235b7a7af8333fb8ef9997e320c1d62889cf94fbb945ede3401711d474f00b31e22b266a9b4c57aeac203eba457a05f3bd9b6915ae7d4e2063c435763a0702c937fdc747eee8f1761d7315f297a4b5c87a79d942aa2b7f5cfece264fa3668135af44ba541e1c3032659de63c935e504e7ae33ad46ecc1afbf9d237ae242aab570322280d49757fb728da75bf8ee3dc0e7931";

    /// The original trial division, one prime at a time: the oracle for `small_factor`.
    fn small_factor_reference(n: &[u8]) -> Option<u16> {
        SMALL_PRIMES
            .iter()
            .copied()
            .find(|&p| n.iter().fold(0u64, |r, &b| ((r << 8) | u64::from(b)) % u64::from(p)) == 0)
    }

    #[test]
    fn small_prime_tables() {
        let inverse = |q: u64| (0..6).fold(q, |x: u64, _| x.wrapping_mul(2u64.wrapping_sub(q.wrapping_mul(x))));
        for (&p, &(inv, limit)) in SMALL_PRIMES.iter().zip(&DIVISIBILITY) {
            let p = u64::from(p);
            assert_eq!((inv, limit), (inverse(p | 1), u64::MAX / p), "{p}");
        }
        // Consecutive runs, each as long as its product stays at most 2^60.
        let mut i = 1;
        for g in &GROUPS {
            assert_eq!(g.primes.start, i);
            let mut product = 1u128;
            while i < SMALL_PRIMES.len() && product * u128::from(SMALL_PRIMES[i]) <= 1 << 60 {
                product *= u128::from(SMALL_PRIMES[i]);
                i += 1;
            }
            assert_eq!((u128::from(g.q), g.primes.end), (product, i));
            assert_eq!(g.q.wrapping_mul(g.q_neg_inv), u64::MAX);
        }
        assert_eq!(i, SMALL_PRIMES.len());
        // Side by side, with their powers of 2^64; unused lanes have q = 1.
        for (k, lanes) in LANE_SETS.iter().enumerate() {
            for j in 0..LANES {
                let (q, q_neg_inv) = GROUPS.get(k * LANES + j).map_or((1, u64::MAX), |g| (g.q, g.q_neg_inv));
                assert_eq!((lanes.q[j], lanes.q_neg_inv[j]), (q, q_neg_inv));
                let mut pow = 1u128;
                for row in &lanes.pow {
                    assert_eq!(u128::from(row[j]), pow % u128::from(q));
                    pow = (pow << 64) % u128::from(q);
                }
            }
        }
    }

    #[test]
    fn small_factor_on_moduli_longer_than_the_word_buffer() {
        let mut rng = crate::rules::bignum::tests::Rng(0x5eed);
        for len in [1055usize, 1056, 1057, 1100, 2000] {
            for _ in 0..20 {
                let bytes = rng.bytes(len);
                assert_eq!(small_factor(&bytes), small_factor_reference(&bytes), "{len}");
            }
        }
    }

    #[test]
    fn small_factor_for_each_prime_at_rsa_sizes() {
        let mut rng = crate::rules::bignum::tests::Rng(0xa54f_f53a_5f1d_36f1);
        let to_bytes = |n: &Big| -> Vec<u8> {
            (0..n.bits().div_ceil(8))
                .rev()
                .map(|i| (0..8).fold(0u8, |byte, j| if n.bit(8 * i + j) { byte | 1 << j } else { byte }))
                .collect()
        };
        for (k, &p) in SMALL_PRIMES.iter().enumerate() {
            for len in [1usize, 7, 8, 9, 119, 120, 121, 128, 255, 256, 384, 511, 512, 1000] {
                // A random cofactor (or one times two primes above 751), times p.
                let x: Big = Big::from_be(&rng.bytes(len)).unwrap().add(&Big::from_u64(1)).unwrap();
                let cofactor = if k % 2 == 0 { x } else { x.mul(&Big::from_u64(757 * 761)).unwrap() };
                let n = to_bytes(&cofactor.mul(&Big::from_u64(u64::from(p))).unwrap());
                let want = small_factor_reference(&n);
                assert!(want.is_some_and(|f| f <= p), "{p} {len}");
                assert_eq!(small_factor(&n), want, "{p} {len}");
                // And the random modulus itself, made odd.
                let mut m = rng.bytes(len);
                if let Some(b) = m.last_mut() {
                    *b |= 1;
                }
                assert_eq!(small_factor(&m), small_factor_reference(&m), "{len}");
            }
        }
    }

    #[test]
    fn small_factor_matches_reference() {
        let mut rng = crate::rules::bignum::tests::Rng(0x1234_5678_9abc_def1);
        let mut hits = 0;
        for i in 0..3000u64 {
            let len = (rng.next() % 300) as usize;
            let mut n: Big = rng.big(len);
            if i % 2 == 0 {
                // Multiply by a small prime (or a product of two), often above 751.
                let p = SMALL_PRIMES[(rng.next() % 133) as usize] as u64;
                let f = if i % 4 == 0 { p } else { p * [757u64, 761, 769, 1, 3][(i / 4 % 5) as usize] };
                n = n.mul(&Big::from_u64(f)).unwrap();
            }
            let mut bytes = vec![0u8; (rng.next() % 3) as usize];
            bytes.extend(
                (0..n.bits().div_ceil(8))
                    .rev()
                    .map(|i| (0..8).fold(0u8, |byte, j| if n.bit(8 * i + j) { byte | 1 << j } else { byte })),
            );
            let want = small_factor_reference(&bytes);
            assert_eq!(small_factor(&bytes), want, "{i}");
            hits += usize::from(want.is_some_and(|p| p > 2));
        }
        assert!(hits > 1000, "{hits}");
        assert_eq!(small_factor(&[]), Some(2));
        assert_eq!(small_factor(&[0, 0]), Some(2));
        assert_eq!(small_factor(&[1]), None);
        assert_eq!(small_factor(&[0x02, 0xef]), Some(751));
        // A product of the two largest primes below 752 and one above.
        let n = 743u64 * 751 * 757;
        assert_eq!(small_factor(&n.to_be_bytes()), Some(743));
    }

    pub(crate) fn unhex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    pub(crate) fn rsa_key(modulus: &[u8], exponent: u64) -> Vec<u8> {
        spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &seq(&[&uint_bytes(modulus), &int(exponent)]))
    }

    fn with_spki(spki: Vec<u8>) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.spki = spki;
        b
    }

    fn real() -> CertBuilder {
        with_spki(rsa_key(&unhex(REAL_MODULUS), 65537))
    }

    #[test]
    fn algorithm() {
        let r = &PublicKeyAlgorithmNotAllowed;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &real(), Status::Pass);
        let ed = with_spki(spki(&seq(&[&oid(&alg::ED25519)]), &[1; 32]));
        let (s, m) = finding(r, &ed.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("1.3.101.112"), "{m}");
        let dsa_key = with_spki(dsa_spki(&[0x17], &[0x0b], &[4], 18));
        assert_status(r, &dsa_key.clone().validity(Time::ymd(2020, 8, 19), Time::ymd(2021, 1, 1)), Status::Pass);
        assert_status(r, &dsa_key.clone().validity(Time::ymd(2020, 8, 20), Time::ymd(2021, 1, 1)), Status::Error);
        assert_status(r, &ed.clone().validity(Time::ymd(2012, 6, 30), Time::ymd(2013, 1, 1)), Status::NotEffective);
        assert_status(r, &ed.validity(Time::ymd(2012, 7, 1), Time::ymd(2013, 1, 1)), Status::Error);
    }

    #[test]
    fn curves() {
        assert_status(&EcCurveNotAllowed, &CertBuilder::leaf(), Status::Pass);
        assert_status(&EcCurveNotAllowed, &with_spki(ec_spki(&alg::SECP384R1, 97)), Status::Pass);
        assert_status(&EcCurveNotAllowed, &with_spki(ec_spki(&alg::SECP256K1, 65)), Status::Error);
        let explicit = with_spki(spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &seq(&[&int(1)])]), &[4; 65]));
        assert_status(&EcCurveNotAllowed, &explicit, Status::Error);
        assert_status(&EcCurveNotAllowed, &with_spki(rsa_spki(2048, 65537)), Status::NotApplicable);
        let old = with_spki(ec_spki(&alg::SECP256K1, 65)).validity(Time::ymd(2012, 6, 30), Time::ymd(2013, 1, 1));
        assert_status(&EcCurveNotAllowed, &old, Status::NotEffective);
        let day_of = with_spki(ec_spki(&alg::SECP256K1, 65)).validity(Time::ymd(2012, 7, 1), Time::ymd(2013, 1, 1));
        assert_status(&EcCurveNotAllowed, &day_of, Status::Error);
    }

    #[test]
    fn spki_encoding() {
        let r = &SpkiAlgorithmEncodingInvalid;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &real(), Status::Pass);
        assert_status(r, &with_spki(ec_spki(&alg::SECP384R1, 97)), Status::Pass);
        assert_status(r, &with_spki(ec_spki(&alg::SECP521R1, 133)), Status::Pass);
        let no_null = with_spki(spki(&seq(&[&oid(&alg::RSA_ENCRYPTION)]), &seq(&[&int(3), &int(3)])));
        let (s, m) = finding(r, &no_null.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("300b06092a864886f70d010101"), "{m}");
        let pss = with_spki(spki(&seq(&[&oid(&alg::RSASSA_PSS)]), &seq(&[&int(3), &int(3)])));
        assert_status(r, &pss, Status::Error);
        let ed = with_spki(spki(&seq(&[&oid(&alg::ED25519)]), &[1; 32]));
        assert_status(r, &ed, Status::NotApplicable);
        assert_status(r, &with_spki(ec_spki(&alg::SECP256K1, 65)), Status::NotApplicable);
        let old = no_null.clone().validity(Time::ymd(2020, 8, 19), Time::ymd(2021, 1, 1));
        assert_status(r, &old, Status::NotEffective);
        assert_status(r, &no_null.validity(Time::ymd(2020, 8, 20), Time::ymd(2021, 1, 1)), Status::Error);
    }

    #[test]
    fn rsa_sizes() {
        assert_status(&RsaModulusTooSmall, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(&RsaModulusTooSmall, &with_spki(rsa_spki(1024, 65537)), Status::Error);
        assert_status(&RsaModulusTooSmall, &CertBuilder::leaf(), Status::NotApplicable);
        // Legacy schedule: non-roots expiring by 2013-12-31 need 1024 bits.
        let legacy = |na| with_spki(rsa_spki(1024, 65537)).validity(Time::ymd(2012, 1, 1), na);
        assert_status(&RsaModulusTooSmall, &legacy(Time::from_unix(Time::ymd(2014, 1, 1).unix() - 1)), Status::Pass);
        assert_status(&RsaModulusTooSmall, &legacy(Time::ymd(2014, 1, 1)), Status::Error);
        let tiny = with_spki(rsa_spki(512, 65537)).validity(Time::ymd(2012, 1, 1), Time::ymd(2013, 1, 1));
        assert_status(&RsaModulusTooSmall, &tiny, Status::Error);
        let mut root = CertBuilder::root().validity(Time::ymd(2000, 1, 1), Time::ymd(2010, 12, 31));
        root.spki = rsa_spki(1024, 65537);
        assert_status(&RsaModulusTooSmall, &root, Status::Pass);
        let root = root.validity(Time::ymd(2000, 1, 1), Time::ymd(2011, 1, 1));
        assert_status(&RsaModulusTooSmall, &root, Status::Error);

        assert_status(&RsaModulusNotMultipleOf8, &with_spki(rsa_spki(3072, 65537)), Status::Pass);
        assert_status(&RsaModulusNotMultipleOf8, &with_spki(rsa_spki(2047, 65537)), Status::Error);
        assert_status(&RsaModulusNotMultipleOf8, &CertBuilder::leaf(), Status::NotApplicable);
        let odd = |nb| with_spki(rsa_spki(2047, 65537)).validity(nb, Time::ymd(2018, 1, 1));
        assert_status(&RsaModulusNotMultipleOf8, &odd(Time::ymd(2017, 2, 27)), Status::NotEffective);
        assert_status(&RsaModulusNotMultipleOf8, &odd(Time::ymd(2017, 2, 28)), Status::Error);
    }

    #[test]
    fn exponents() {
        assert_status(&RsaPublicExponentEven, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(&RsaPublicExponentEven, &with_spki(rsa_spki(2048, 65536)), Status::Error);
        assert_status(&RsaPublicExponentEven, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&RsaPublicExponentTooSmall, &with_spki(rsa_spki(2048, 3)), Status::Pass);
        assert_status(&RsaPublicExponentTooSmall, &with_spki(rsa_spki(2048, 1)), Status::Error);
        assert_status(&RsaPublicExponentTooSmall, &CertBuilder::leaf(), Status::NotApplicable);
        for r in [&RsaPublicExponentEven as &'static dyn Rule, &RsaPublicExponentTooSmall] {
            let old = with_spki(rsa_spki(2048, 0)).validity(Time::ymd(2013, 2, 20), Time::ymd(2014, 1, 1));
            assert_status(r, &old, Status::NotEffective);
            let day_of = with_spki(rsa_spki(2048, 0)).validity(Time::ymd(2013, 2, 21), Time::ymd(2014, 1, 1));
            assert_status(r, &day_of, Status::Error);
        }

        let r = &RsaPublicExponentOutsideRecommendedRange;
        assert_status(r, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(r, &with_spki(rsa_spki(2048, 3)), Status::Warn);
        assert_status(r, &with_spki(rsa_spki(2048, 65535)), Status::Warn);
        let mut huge = vec![0xffu8; 33];
        huge[32] = 0x01;
        assert_status(
            r,
            &with_spki(spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &seq(&[&int(3), &uint_bytes(&huge)]))),
            Status::Warn,
        );
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_spki(rsa_spki(2048, 3)).validity(Time::ymd(2013, 2, 20), Time::ymd(2014, 1, 1));
        assert_status(r, &old, Status::NotEffective);
    }

    #[test]
    fn modulus_factors() {
        assert_status(&RsaModulusEven, &real(), Status::Pass);
        let mut even = unhex(REAL_MODULUS);
        *even.last_mut().unwrap() &= 0xfe;
        assert_status(&RsaModulusEven, &with_spki(rsa_key(&even, 65537)), Status::Warn);
        assert_status(&RsaModulusEven, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_spki(rsa_key(&even, 65537)).validity(Time::ymd(2013, 2, 20), Time::ymd(2014, 1, 1));
        assert_status(&RsaModulusEven, &old, Status::NotEffective);
        let day_of = with_spki(rsa_key(&even, 65537)).validity(Time::ymd(2013, 2, 21), Time::ymd(2014, 1, 1));
        assert_status(&RsaModulusEven, &day_of, Status::Warn);

        assert_status(&RsaModulusSmallFactor, &real(), Status::Pass);
        // real modulus × 751
        let n = Big::from_be(&unhex(REAL_MODULUS)).unwrap().mul(&Big::from_u64(751)).unwrap();
        let mut bytes = Vec::new();
        for i in (0..n.bits().div_ceil(8)).rev() {
            let mut byte = 0u8;
            for j in 0..8 {
                if n.bit(8 * i + j) {
                    byte |= 1 << j;
                }
            }
            bytes.push(byte);
        }
        let (s, m) = finding(&RsaModulusSmallFactor, &with_spki(rsa_key(&bytes, 65537)).build(), &Context::default());
        assert_eq!(s, Status::Warn);
        assert!(m.ends_with("751"), "{m}");
        assert_status(&RsaModulusSmallFactor, &with_spki(rsa_spki(2048, 65537)), Status::Warn); // 2^2047+1, divisible by 3
        assert_status(&RsaModulusSmallFactor, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_spki(rsa_spki(2048, 65537)).validity(Time::ymd(2013, 2, 20), Time::ymd(2014, 1, 1));
        assert_status(&RsaModulusSmallFactor, &old, Status::NotEffective);
    }

    const P384_G: &str = "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab73617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f";
    const P521_G: &str = "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650";
    const P256_G: &str = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

    fn ec_point(curve: &crate::oid::ObjectIdentifier, point: &[u8]) -> CertBuilder {
        with_spki(spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &oid(curve)]), point))
    }

    fn uncompressed(g: &str) -> Vec<u8> {
        let mut v = vec![4];
        v.extend(unhex(g));
        v
    }

    #[test]
    fn ec_points() {
        let r = &EcPublicKeyInvalid;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &ec_point(&alg::SECP256R1, &uncompressed(P256_G)), Status::Pass);
        assert_status(r, &ec_point(&alg::SECP384R1, &uncompressed(P384_G)), Status::Pass);
        assert_status(r, &ec_point(&alg::SECP521R1, &uncompressed(P521_G)), Status::Pass);
        // Compressed generator: x with the parity of y (P-256 Gy is odd, P-384 Gy is odd).
        let g = unhex(P256_G);
        let mut c = vec![3];
        c.extend_from_slice(&g[..32]);
        assert_status(r, &ec_point(&alg::SECP256R1, &c), Status::Pass);
        let mut c = vec![2];
        c.extend_from_slice(&[0xff; 32]);
        assert_status(r, &ec_point(&alg::SECP256R1, &c), Status::Error);
        let (s, m) = finding(r, &with_spki(ec_spki(&alg::SECP384R1, 97)).build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert_eq!(m, "the P-384 public key is invalid: the point is not on the curve");
        let mut off = uncompressed(P256_G);
        *off.last_mut().unwrap() ^= 1;
        assert_status(r, &ec_point(&alg::SECP256R1, &off), Status::Error);
        assert_status(r, &ec_point(&alg::SECP256R1, &[0]), Status::Error);
        assert_status(r, &ec_point(&alg::SECP256R1, &uncompressed(P256_G)[..40]), Status::Error);
        assert_status(r, &with_spki(ec_spki(&alg::SECP256K1, 65)), Status::NotApplicable);
        assert_status(r, &real(), Status::NotApplicable);
        let old = ec_point(&alg::SECP256R1, &off).validity(Time::ymd(2012, 6, 30), Time::ymd(2013, 1, 1));
        assert_status(r, &old, Status::NotEffective);
        let day_of = ec_point(&alg::SECP256R1, &off).validity(Time::ymd(2012, 7, 1), Time::ymd(2013, 1, 1));
        assert_status(r, &day_of, Status::Error);
    }

    /// A field element of the reference computation.
    type Fe = crate::rules::bignum::Uint<20>;

    /// x³ - 3x + b mod p: the former computation, the oracle for `Curve::rhs`.
    fn reference_rhs(x: &Fe, p: &Fe, b: &Fe) -> Option<Fe> {
        let x3 = x.mul(x)?.rem(p)?.mul(x)?.rem(p)?;
        let three_x = x.mul(&Fe::from_u64(3))?.rem(p)?;
        x3.add(b)?.add(p)?.sub(&three_x)?.rem(p)
    }

    /// The former validation on `Uint` (p and b big-endian): the oracle for
    /// `Curve::validate`.
    fn reference_validate(p_be: &[u8], b_be: &[u8], point: &[u8]) -> Result<(), &'static str> {
        let p = Fe::from_be(p_be).ok_or("internal: curve prime")?;
        let b = Fe::from_be(b_be).ok_or("internal: curve b")?;
        let len = p_be.len();
        let (&form, coords) = point.split_first().ok_or("the point is empty")?;
        match form {
            0x00 => Err("the point is the point at infinity"),
            0x04 | 0x06 | 0x07 => {
                if coords.len() != 2 * len {
                    return Err("the uncompressed point has the wrong length");
                }
                let (xb, yb) = coords.split_at(len);
                let x = Fe::from_be(xb).ok_or("coordinate too large")?;
                let y = Fe::from_be(yb).ok_or("coordinate too large")?;
                if x.cmp(&p) != Ordering::Less || y.cmp(&p) != Ordering::Less {
                    return Err("a coordinate is not below the field prime");
                }
                if form != 0x04 && y.is_odd() != (form == 0x07) {
                    return Err("the hybrid point's parity bit does not match y");
                }
                let lhs = y.mul(&y).and_then(|v| v.rem(&p)).ok_or("arithmetic overflow")?;
                let rhs = reference_rhs(&x, &p, &b).ok_or("arithmetic overflow")?;
                if lhs.cmp(&rhs) == Ordering::Equal {
                    Ok(())
                } else {
                    Err("the point is not on the curve")
                }
            }
            0x02 | 0x03 => {
                if coords.len() != len {
                    return Err("the compressed point has the wrong length");
                }
                let x = Fe::from_be(coords).ok_or("coordinate too large")?;
                if x.cmp(&p) != Ordering::Less {
                    return Err("the x coordinate is not below the field prime");
                }
                let rhs = reference_rhs(&x, &p, &b).ok_or("arithmetic overflow")?;
                if rhs.is_zero() {
                    return Ok(());
                }
                // Euler's criterion: rhs is a square mod p iff rhs^((p-1)/2) = 1.
                let mont = Mont::new(&p).ok_or("internal: modulus")?;
                let e = p.sub(&Fe::from_u64(1)).ok_or("internal")?.half();
                let r = mont.pow(&rhs, &e).ok_or("arithmetic overflow")?;
                if r.cmp(&Fe::from_u64(1)) == Ordering::Equal {
                    Ok(())
                } else {
                    Err("no point on the curve has this x coordinate")
                }
            }
            _ => Err("the point encoding is not SEC 1"),
        }
    }

    /// `v` as `len` big-endian octets, `None` when it does not fit.
    fn fe_bytes(v: &Fe, len: usize) -> Option<Vec<u8>> {
        let mut out = vec![0u8; len];
        for (i, limb) in v.limbs().iter().enumerate() {
            for (j, byte) in limb.to_le_bytes().into_iter().enumerate() {
                match out.len().checked_sub(1 + 8 * i + j) {
                    Some(k) => out[k] = byte,
                    None if byte != 0 => return None,
                    None => {}
                }
            }
        }
        Some(out)
    }

    /// The Montgomery arithmetic and `Curve::validate` against the `Uint` reference, on
    /// coordinates of every shape (zero, small, just below p, at and above p, random),
    /// points on the curve (y = rhs^((p+1)/4), p ≡ 3 mod 4) and off it, every SEC 1 form
    /// and length, and the real keys of the corpus with their compressed and hybrid forms.
    fn ec_curve_matches_reference<const N: usize>(c: &Curve<N>, p_be: &[u8], b_be: &[u8], real: &[Vec<u8>]) {
        let (p, b, len) = (Fe::from_be(p_be).unwrap(), Fe::from_be(b_be).unwrap(), p_be.len());
        let one = Fe::from_u64(1);
        assert_eq!(p.low_u64() % 4, 3);
        let (mont, sqrt_e) = (Mont::new(&p).unwrap(), p.add(&one).unwrap().half().half());
        let check = |point: &[u8]| {
            let want = reference_validate(p_be, b_be, point);
            assert_eq!(c.validate(point), want, "{} {}", c.name, hex(point));
            want.is_ok()
        };
        let with = |form: u8, parts: &[&[u8]]| -> Vec<u8> {
            [&[form][..]].iter().chain(parts).flat_map(|s| s.to_vec()).collect()
        };
        let mut rng = crate::rules::bignum::tests::Rng(0x8f1b_bcdc_a5a5_0f0f ^ len as u64);
        let mut passed = [0usize; 2];
        for i in 0..300 {
            let x = match i % 6 {
                0 => Fe::from_u64(rng.next() % 8),
                1 => p.sub(&Fe::from_u64(1 + rng.next() % 8)).unwrap(),
                _ => rng.big::<20>(len).rem(&p).unwrap(),
            };
            let a = match i % 4 {
                0 => p.sub(&one).unwrap(),
                _ => rng.big::<20>(len).rem(&p).unwrap(),
            };
            let (xb, ab) = (fe_bytes(&x, len).unwrap(), fe_bytes(&a, len).unwrap());
            let (xl, al) = (limbs::<N>(&xb), limbs::<N>(&ab));
            // a·x (a·R·x·R^-1) and x³ - 3x + b ((x³ - 3x + b)·R^-1·R²·R^-1).
            let plain =
                |v: &[u64; N]| Fe::from_be(&v.iter().rev().flat_map(|l| l.to_be_bytes()).collect::<Vec<_>>()).unwrap();
            let ax = a.mul(&x).unwrap().rem(&p).unwrap();
            assert_eq!(plain(&c.mul(&c.mul(&al, &c.r2), &xl)).cmp(&ax), Ordering::Equal, "{i}");
            let rhs = reference_rhs(&x, &p, &b).unwrap();
            assert_eq!(plain(&c.mul(&c.rhs(&xl), &c.r2)).cmp(&rhs), Ordering::Equal, "{i}");
            // Compressed points of both parities.
            for form in [2, 3] {
                passed[usize::from(check(&with(form, &[&xb])))] += 1;
            }
            // y on the curve when rhs is a square; its negation, neighbours, and values
            // at or above p.
            let y = mont.pow(&rhs, &sqrt_e).unwrap();
            let ys = [y, p.sub(&y).unwrap().rem(&p).unwrap(), y.add(&one).unwrap(), y.add(&p).unwrap(), p, a];
            for y in ys {
                let Some(yb) = fe_bytes(&y, len) else { continue };
                for form in [4, 6, 7] {
                    passed[usize::from(check(&with(form, &[&xb, &yb])))] += 1;
                }
                // x at and above p, wrong lengths and forms.
                for bad_x in [p, p.add(&x).unwrap()] {
                    if let Some(bad) = fe_bytes(&bad_x, len) {
                        check(&with(4, &[&bad, &yb]));
                        check(&with(2, &[&bad]));
                    }
                }
                for form in [0, 1, 5, 8, 0xff] {
                    check(&with(form, &[&xb, &yb]));
                }
                check(&with(4, &[&xb, &yb[1..]]));
                check(&with(4, &[&xb, &yb, &[0]]));
                check(&with(3, &[&xb[1..]]));
            }
        }
        check(&[]);
        // Both verdicts were exercised.
        assert!(passed[0] > 100 && passed[1] > 100, "{} {passed:?}", c.name);
        for point in real {
            assert!(check(point), "{} {}", c.name, hex(point));
            let (x, y) = point[1..].split_at(len);
            for form in [2, 3, 4, 6, 7] {
                check(&with(form, &[x]));
                check(&with(form, &[x, y]));
            }
            let mut flipped = point.to_vec();
            *flipped.last_mut().unwrap() ^= 1;
            assert!(!check(&flipped));
        }
    }

    #[test]
    fn ec_arithmetic_matches_reference() {
        let corpus = crate::testutil::needs::corpus();
        let certs: Vec<_> = corpus.iter().filter_map(|(_, der)| Certificate::from_der(der).ok()).collect();
        let keys: Vec<_> = certs
            .iter()
            .filter_map(|c| match c.spki().ok()?.public_key().ok()? {
                PublicKey::Ec { curve, point } => Some((curve, point)),
                _ => None,
            })
            .collect();
        let on = |oid, g: &str| -> Vec<Vec<u8>> {
            let mut points: Vec<_> = keys.iter().filter(|(c, _)| c.is(oid)).map(|(_, p)| p.to_vec()).collect();
            points.push(uncompressed(g));
            points
        };
        let (p256, p384, p521) =
            (on(&alg::SECP256R1, P256_G), on(&alg::SECP384R1, P384_G), on(&alg::SECP521R1, P521_G));
        assert!(p256.len() > 5 && p384.len() > 5, "{} {}", p256.len(), p384.len());
        ec_curve_matches_reference(&P256, P256_P, P256_B, &p256);
        ec_curve_matches_reference(&P384, P384_P, P384_B, &p384);
        ec_curve_matches_reference(&P521, P521_P, P521_B, &p521);
    }

    fn dsa_spki(p: &[u8], q: &[u8], g: &[u8], y: u64) -> Vec<u8> {
        spki(&seq(&[&oid(&alg::DSA), &seq(&[&uint_bytes(p), &uint_bytes(q), &uint_bytes(g)])]), &int(y))
    }

    fn dsa_cert(spki: Vec<u8>) -> CertBuilder {
        with_spki(spki).validity(Time::ymd(2019, 1, 1), Time::ymd(2020, 1, 1))
    }

    fn sized(bits: usize) -> Vec<u8> {
        let mut v = vec![0u8; bits / 8];
        v[0] = 0x80;
        v
    }

    #[test]
    fn dsa_rules() {
        let ok = dsa_cert(dsa_spki(&sized(2048), &sized(256), &[2], 5));
        assert_status(&DsaKeySizeInvalid, &ok, Status::Pass);
        let (s, m) = finding(
            &DsaKeySizeInvalid,
            &dsa_cert(dsa_spki(&sized(1024), &sized(160), &[2], 5)).build(),
            &Context::default(),
        );
        assert_eq!((s, m.as_str()), (Status::Error, "the DSA key has L = 1024, N = 160"));
        assert_status(&DsaKeySizeInvalid, &dsa_cert(rsa_key(&unhex(REAL_MODULUS), 3)), Status::NotApplicable);
        let late = |nb| dsa_cert(dsa_spki(&sized(1024), &sized(160), &[2], 5)).validity(nb, Time::ymd(2021, 1, 1));
        assert_status(&DsaKeySizeInvalid, &late(Time::ymd(2020, 8, 19)), Status::Error);
        assert_status(&DsaKeySizeInvalid, &late(Time::ymd(2020, 8, 20)), Status::NotEffective);

        let bare = dsa_cert(spki(&seq(&[&oid(&alg::DSA)]), &int(5)));
        assert_status(&DsaParamsMissing, &bare, Status::Error);
        let null_params = dsa_cert(spki(&seq(&[&oid(&alg::DSA), &null()]), &int(5)));
        assert_status(&DsaParamsMissing, &null_params, Status::Error);
        assert_status(&DsaParamsMissing, &ok, Status::Pass);
        assert_status(&DsaParamsMissing, &dsa_cert(rsa_key(&unhex(REAL_MODULUS), 3)), Status::NotApplicable);
        assert_status(
            &DsaParamsMissing,
            &bare.clone().validity(Time::ymd(2012, 6, 30), Time::ymd(2013, 1, 1)),
            Status::NotEffective,
        );
        assert_status(
            &DsaParamsMissing,
            &bare.clone().validity(Time::ymd(2012, 7, 1), Time::ymd(2013, 1, 1)),
            Status::Error,
        );
        assert_status(
            &DsaParamsMissing,
            &bare.validity(Time::ymd(2020, 8, 20), Time::ymd(2021, 1, 1)),
            Status::NotEffective,
        );

        // p = 23, q = 11, g = 4: the order-11 subgroup is the squares mod 23.
        let small = |y| dsa_cert(dsa_spki(&[23], &[11], &[4], y));
        assert_status(&DsaPublicValueOutOfRange, &small(18), Status::Pass);
        assert_status(&DsaPublicValueOutOfRange, &small(1), Status::Error);
        assert_status(&DsaPublicValueOutOfRange, &small(22), Status::Error);
        assert_status(&DsaPublicValueOutOfRange, &small(21), Status::Pass);
        assert_status(&DsaPublicValueOutOfRange, &bare_params(), Status::NotApplicable);
        assert_status(&DsaPublicValueWrongSubgroup, &small(18), Status::Pass);
        let (s, m) = finding(&DsaPublicValueWrongSubgroup, &small(5).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the DSA public value y is not in the order-q subgroup"));
        assert_status(&DsaPublicValueWrongSubgroup, &bare_params(), Status::NotApplicable);
        assert_status(&DsaPublicValueWrongSubgroup, &dsa_cert(rsa_key(&unhex(REAL_MODULUS), 3)), Status::NotApplicable);
        for r in [&DsaPublicValueOutOfRange as &'static dyn Rule, &DsaPublicValueWrongSubgroup] {
            assert_status(r, &small(22).validity(Time::ymd(2012, 6, 30), Time::ymd(2013, 1, 1)), Status::NotEffective);
            assert_status(r, &small(22).validity(Time::ymd(2012, 7, 1), Time::ymd(2013, 1, 1)), Status::Error);
            assert_status(r, &small(22).validity(Time::ymd(2020, 8, 20), Time::ymd(2021, 1, 1)), Status::NotEffective);
        }
    }

    fn bare_params() -> CertBuilder {
        dsa_cert(spki(&seq(&[&oid(&alg::DSA)]), &int(5)))
    }
}
