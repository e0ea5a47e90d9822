//! Subject public keys (TLS BR §6.1.5, §6.1.6, §7.1.3.1).

use alloc::format;

use crate::cert::PublicKey;
use crate::oid::alg;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &RsaModulusTooSmall,
    &RsaModulusNotMultipleOf8,
    &EcCurveNotAllowed,
    &RsaExponentInvalid,
    &RsaExponentOutsideRecommendedRange,
];

fn rsa(cert: &Certificate) -> Option<(&[u8], &[u8])> {
    match cert.spki().ok()?.public_key().ok()? {
        PublicKey::Rsa { modulus, exponent } => Some((modulus, exponent)),
        _ => None,
    }
}

fn bits(magnitude: &[u8]) -> usize {
    magnitude.first().map_or(0, |b| magnitude.len() * 8 - b.leading_zeros() as usize)
}

/// `cabf_br.rsa_modulus_too_small`
///
/// **What it checks**: an RSA modulus is at least 2048 bits.
///
/// **Why it matters**: TLS BR §6.1.5 requires RSA moduli of at least 2048 bits; smaller
/// keys are within reach of factoring.
///
/// **Example**: a 1024-bit key fails; a 2048-bit key passes; an ECDSA key is not
/// applicable.
pub struct RsaModulusTooSmall;

impl Rule for RsaModulusTooSmall {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_too_small", Source::CabfBr, Severity::Error)
            .summary("RSA moduli must be at least 2048 bits")
            .citation("TLS BR §6.1.5")
            .scope(Scope::TLS_BR)
            .aliases(&["zlint:e_rsa_mod_less_than_2048_bits", "pkilint:cabf.rsa_modulus_invalid_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        let size = bits(n);
        if size < 2048 {
            Outcome::fail(format!("the RSA modulus is {size} bits"))
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.rsa_modulus_not_multiple_of_8`
///
/// **What it checks**: an RSA modulus size in bits is divisible by 8.
///
/// **Why it matters**: TLS BR §6.1.5 requires it; odd sizes come from broken key
/// generation.
///
/// **Example**: a 2047-bit modulus fails; 2048 and 3072 pass; ECDSA keys are not
/// applicable.
pub struct RsaModulusNotMultipleOf8;

impl Rule for RsaModulusNotMultipleOf8 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_modulus_not_multiple_of_8", Source::CabfBr, Severity::Error)
            .summary("RSA modulus sizes must be divisible by 8")
            .citation("TLS BR §6.1.5")
            .scope(Scope::TLS_BR)
            .aliases(&["pkilint:cabf.rsa_modulus_invalid_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((n, _)) = rsa(cert) else { return Outcome::NotApplicable };
        let size = bits(n);
        Outcome::check(size % 8 == 0, "the RSA modulus size is not a multiple of 8 bits")
    }
}

/// `cabf_br.ec_curve_not_allowed`
///
/// **What it checks**: an ECDSA key is on P-256, P-384 or P-521 (named curve).
///
/// **Why it matters**: TLS BR §6.1.5 permits no other curves, and §7.1.3.1.2 fixes the
/// exact encodings; relying parties do not implement the rest.
///
/// **Example**: a secp256k1 or P-224 key fails; a P-256 key passes; an RSA key is not
/// applicable.
pub struct EcCurveNotAllowed;

impl Rule for EcCurveNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ec_curve_not_allowed", Source::CabfBr, Severity::Error)
            .summary("ECDSA keys must be on P-256, P-384 or P-521")
            .citation("TLS BR §6.1.5, §7.1.3.1.2")
            .scope(Scope::TLS_BR)
            .aliases(&["zlint:e_ec_improper_curves"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        match spki.public_key() {
            Ok(PublicKey::Ec { curve, .. }) => {
                let ok = [alg::SECP256R1, alg::SECP384R1, alg::SECP521R1].iter().any(|c| curve.is(c));
                if ok {
                    Outcome::Pass
                } else {
                    Outcome::fail(format!("the EC key is on curve {curve}"))
                }
            }
            Ok(PublicKey::EcNonNamed { .. }) => Outcome::fail("the EC key uses explicit curve parameters"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.rsa_exponent_invalid`
///
/// **What it checks**: an RSA public exponent is odd and at least 3.
///
/// **Why it matters**: TLS BR §6.1.6 requires the CA to confirm it; an even exponent or
/// an exponent of 1 makes RSA insecure or broken.
///
/// **Example**: e = 65536 or e = 1 fails; e = 65537 passes; ECDSA keys are not applicable.
pub struct RsaExponentInvalid;

impl Rule for RsaExponentInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.rsa_exponent_invalid", Source::CabfBr, Severity::Error)
            .summary("RSA public exponents must be odd and at least 3")
            .citation("TLS BR §6.1.6")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2013, 2, 21))
            .aliases(&[
                "zlint:e_rsa_public_exponent_not_odd",
                "zlint:e_rsa_public_exponent_too_small",
                "pkilint:cabf.rsa_exponent_prohibited_value",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, e)) = rsa(cert) else { return Outcome::NotApplicable };
        let odd = e.last().is_some_and(|b| b & 1 == 1);
        let at_least_3 = e.len() > 1 || e.first().is_some_and(|&b| b >= 3);
        if !odd {
            Outcome::fail("the RSA public exponent is even")
        } else if !at_least_3 {
            Outcome::fail("the RSA public exponent is less than 3")
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.rsa_exponent_outside_recommended_range`
///
/// **What it checks**: an RSA public exponent lies in [2^16 + 1, 2^256 - 1].
///
/// **Why it matters**: TLS BR §6.1.6 (after NIST SP 800-89) says the exponent SHOULD be
/// in that range; small exponents such as 3 have a history of padding attacks.
///
/// **Example**: e = 3 warns; e = 65537 passes; ECDSA keys are not applicable.
pub struct RsaExponentOutsideRecommendedRange;

impl Rule for RsaExponentOutsideRecommendedRange {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.rsa_exponent_outside_recommended_range", Source::CabfBr, Severity::Warn)
                .summary("RSA public exponents should be between 2^16+1 and 2^256-1")
                .citation("TLS BR §6.1.6")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2013, 2, 21))
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
        Outcome::check(at_least_65537 && size <= 256, "the RSA public exponent is outside 2^16+1 .. 2^256-1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::Status;

    fn with_spki(spki: alloc::vec::Vec<u8>) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.spki = spki;
        b
    }

    #[test]
    fn rsa_sizes() {
        assert_status(&RsaModulusTooSmall, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(&RsaModulusTooSmall, &with_spki(rsa_spki(1024, 65537)), Status::Error);
        assert_status(&RsaModulusTooSmall, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&RsaModulusNotMultipleOf8, &with_spki(rsa_spki(3072, 65537)), Status::Pass);
        assert_status(&RsaModulusNotMultipleOf8, &with_spki(rsa_spki(2047, 65537)), Status::Error);
        assert_status(&RsaModulusNotMultipleOf8, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn curves() {
        assert_status(&EcCurveNotAllowed, &CertBuilder::leaf(), Status::Pass);
        assert_status(&EcCurveNotAllowed, &with_spki(ec_spki(&alg::SECP384R1, 97)), Status::Pass);
        assert_status(&EcCurveNotAllowed, &with_spki(ec_spki(&alg::SECP256K1, 65)), Status::Error);
        assert_status(&EcCurveNotAllowed, &with_spki(rsa_spki(2048, 65537)), Status::NotApplicable);
    }

    #[test]
    fn exponents() {
        assert_status(&RsaExponentInvalid, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(&RsaExponentInvalid, &with_spki(rsa_spki(2048, 65536)), Status::Error);
        assert_status(&RsaExponentInvalid, &with_spki(rsa_spki(2048, 1)), Status::Error);
        assert_status(&RsaExponentInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_spki(rsa_spki(2048, 2)).validity(Time::ymd(2013, 2, 20), Time::ymd(2014, 1, 1));
        assert_status(&RsaExponentInvalid, &old, Status::NotEffective);
        let day_of = with_spki(rsa_spki(2048, 2)).validity(Time::ymd(2013, 2, 21), Time::ymd(2014, 1, 1));
        assert_status(&RsaExponentInvalid, &day_of, Status::Error);

        assert_status(&RsaExponentOutsideRecommendedRange, &with_spki(rsa_spki(2048, 65537)), Status::Pass);
        assert_status(&RsaExponentOutsideRecommendedRange, &with_spki(rsa_spki(2048, 3)), Status::Warn);
        assert_status(&RsaExponentOutsideRecommendedRange, &with_spki(rsa_spki(2048, 65535)), Status::Warn);
        assert_status(&RsaExponentOutsideRecommendedRange, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
