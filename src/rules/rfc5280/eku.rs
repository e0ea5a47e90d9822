//! extKeyUsage (RFC 5280 §4.2.1.12) and the purposes with profile rules of their own:
//! time stamping (RFC 3161 §2.3) and CT precertificate signing (RFC 6962 §3.1).

use alloc::format;

use crate::cert::KeyUsage;
use crate::oid::{eku, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &EkuCriticalWithAnyEku,
    &KeyUsageEkuInconsistent,
    &TimestampingEkuNotCritical,
    &TimestampingEkuNotSolePurpose,
    &PrecertSigningCertNotCa,
];

/// `rfc5280.eku_critical_with_any_eku`
///
/// **What it checks**: an extKeyUsage that lists anyExtendedKeyUsage is not critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.12 says conforming CAs SHOULD NOT mark the
/// extension critical when anyExtendedKeyUsage is present: the CA did not mean to restrict
/// the key, yet criticality makes applications that do not know the listed purposes
/// reject it.
///
/// **Example**: a critical EKU with `anyExtendedKeyUsage` warns; a non-critical one
/// passes; an EKU without anyExtendedKeyUsage is not applicable.
pub struct EkuCriticalWithAnyEku;

impl Rule for EkuCriticalWithAnyEku {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.eku_critical_with_any_eku", Source::Rfc5280, Severity::Warn)
            .summary("extKeyUsage should not be critical when it lists anyExtendedKeyUsage")
            .citation("RFC 5280 §4.2.1.12")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["zlint:w_eku_critical_improperly"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            Some(Ok(e)) if e.value.contains(&eku::ANY) => {
                Outcome::check(!e.critical, "extKeyUsage lists anyExtendedKeyUsage but is marked critical")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// The keyUsage bits RFC 5280 §4.2.1.12 lists as consistent with a purpose.
fn consistent_bits(purpose: &crate::oid::Oid<'_>) -> Option<&'static [u8]> {
    use KeyUsage as K;
    Some(if purpose.is(&eku::SERVER_AUTH) {
        &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT, K::KEY_AGREEMENT]
    } else if purpose.is(&eku::CLIENT_AUTH) {
        &[K::DIGITAL_SIGNATURE, K::KEY_AGREEMENT]
    } else if purpose.is(&eku::CODE_SIGNING) {
        &[K::DIGITAL_SIGNATURE]
    } else if purpose.is(&eku::EMAIL_PROTECTION) {
        &[K::DIGITAL_SIGNATURE, K::CONTENT_COMMITMENT, K::KEY_ENCIPHERMENT, K::KEY_AGREEMENT]
    } else if purpose.is(&eku::TIME_STAMPING) || purpose.is(&eku::OCSP_SIGNING) {
        &[K::DIGITAL_SIGNATURE, K::CONTENT_COMMITMENT]
    } else {
        return None;
    })
}

/// `rfc5280.key_usage_eku_inconsistent`
///
/// **What it checks**: in an end-entity certificate with both keyUsage and extKeyUsage,
/// at least one listed well-known purpose (serverAuth, clientAuth, codeSigning,
/// emailProtection, timeStamping, OCSPSigning) is consistent with an asserted keyUsage
/// bit, per the table of RFC 5280 §4.2.1.12.
///
/// **Why it matters**: RFC 5280 §4.2.1.12 says the certificate MUST only be used for a
/// purpose consistent with both extensions and, if there is none, MUST NOT be used at all;
/// such a certificate is useless as issued.
///
/// **Example**: serverAuth with keyUsage `digitalSignature` passes; serverAuth with only
/// `cRLSign` fails; a certificate lacking either extension, listing anyExtendedKeyUsage or
/// only purposes outside the table is not applicable. CA certificates are not applicable:
/// their EKU constrains what they issue, not their own key.
pub struct KeyUsageEkuInconsistent;

impl Rule for KeyUsageEkuInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_eku_inconsistent", Source::Rfc5280, Severity::Error)
            .summary("keyUsage and extKeyUsage must allow at least one common purpose")
            .citation("RFC 5280 §4.2.1.12")
            .effective(Time::ymd(2008, 5, 1))
            .scope(Scope::END_ENTITY)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["zlint:e_key_usage_and_extended_key_usage_inconsistent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (Some(Ok(ku)), Some(Ok(e))) = (cert.key_usage(), cert.ext_key_usage()) else {
            return Outcome::NotApplicable;
        };
        if e.value.contains(&eku::ANY) {
            return Outcome::NotApplicable;
        }
        let mut known = false;
        for p in e.value.purposes() {
            if let Some(bits) = consistent_bits(&p) {
                known = true;
                if bits.iter().any(|&b| ku.value.has(b)) {
                    return Outcome::Pass;
                }
            }
        }
        if known {
            Outcome::fail("no purpose listed in extKeyUsage is consistent with the asserted keyUsage bits")
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc3161.timestamping_eku_not_critical`
///
/// **What it checks**: in an end-entity certificate whose extKeyUsage lists
/// id-kp-timeStamping, the extension is critical.
///
/// **Why it matters**: RFC 3161 §2.3 requires a time-stamping authority's certificate to
/// carry extKeyUsage with id-kp-timeStamping marked critical, so that the key cannot be
/// used by software that would not enforce the restriction.
///
/// **Example**: a non-critical EKU with timeStamping fails; a critical one passes; EKUs
/// without timeStamping and CA certificates are not applicable.
pub struct TimestampingEkuNotCritical;

impl Rule for TimestampingEkuNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc3161.timestamping_eku_not_critical", Source::Rfc5280, Severity::Error)
                .summary("a time-stamping certificate's extKeyUsage must be critical")
                .citation("RFC 3161 §2.3")
                .scope(Scope::END_ENTITY)
                .needs(Need::Extension(&ext::EXT_KEY_USAGE))
                .aliases(&["pkilint:pkix.extended_key_usage_extension_with_timestamping_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            Some(Ok(e)) if e.value.contains(&eku::TIME_STAMPING) => {
                Outcome::check(e.critical, "extKeyUsage lists id-kp-timeStamping but is not critical")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc3161.timestamping_eku_not_sole_purpose`
///
/// **What it checks**: in an end-entity certificate whose extKeyUsage lists
/// id-kp-timeStamping, that is the only purpose, listed once.
///
/// **Why it matters**: RFC 3161 §2.3 says the TSA's certificate MUST contain only one
/// instance of the extended key usage field with id-kp-timeStamping; a time-stamping key
/// that can also authenticate servers or sign code mixes trust domains.
///
/// **Example**: EKU `timeStamping` passes; `timeStamping, codeSigning` fails; EKUs without
/// timeStamping and CA certificates are not applicable.
pub struct TimestampingEkuNotSolePurpose;

impl Rule for TimestampingEkuNotSolePurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc3161.timestamping_eku_not_sole_purpose", Source::Rfc5280, Severity::Error)
                .summary("id-kp-timeStamping must be the only purpose of a time-stamping certificate")
                .citation("RFC 3161 §2.3")
                .scope(Scope::END_ENTITY)
                .needs(Need::Extension(&ext::EXT_KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            Some(Ok(e)) if e.value.contains(&eku::TIME_STAMPING) => {
                match e.value.purposes().find(|p| !p.is(&eku::TIME_STAMPING)) {
                    Some(other) => Outcome::fail(format!("extKeyUsage lists {other} besides id-kp-timeStamping")),
                    None if e.value.purposes().count() > 1 => {
                        Outcome::fail("extKeyUsage lists id-kp-timeStamping more than once")
                    }
                    None => Outcome::Pass,
                }
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc6962.precert_signing_cert_not_ca`
///
/// **What it checks**: a certificate whose extKeyUsage lists the Certificate Transparency
/// precertificate-signing purpose (1.3.6.1.4.1.11129.2.4.4) is a CA (basicConstraints
/// cA TRUE).
///
/// **Why it matters**: RFC 6962 §3.1 defines the Precertificate Signing Certificate as a
/// special-purpose CA certificate (CA:true) directly certified by the issuing CA; logs
/// reject precertificates signed by anything else.
///
/// **Example**: an EKU of precertificate signing with `cA=TRUE` passes; the same without
/// basicConstraints fails; certificates without that purpose are not applicable.
pub struct PrecertSigningCertNotCa;

impl Rule for PrecertSigningCertNotCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc6962.precert_signing_cert_not_ca", Source::Rfc5280, Severity::Error)
            .summary("a precertificate signing certificate must be a CA")
            .citation("RFC 6962 §3.1")
            .effective(Time::ymd(2013, 6, 1))
            .needs(Need::Extension(&ext::EXT_KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            Some(Ok(e)) if e.value.contains(&eku::PRECERT_SIGNING) => Outcome::check(
                cert.is_ca(),
                "extKeyUsage lists precertificate signing but basicConstraints does not assert cA",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::san::testkit::*;
    use super::*;
    use crate::oid::{ext, ObjectIdentifier};
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn with_eku(b: CertBuilder, critical: bool, purposes: &[&ObjectIdentifier]) -> CertBuilder {
        let items: alloc::vec::Vec<_> = purposes.iter().map(|p| oid(p)).collect();
        b.ext(&ext::EXT_KEY_USAGE, critical, &seq_vec(&items))
    }

    #[test]
    fn critical_with_any() {
        let r = &EkuCriticalWithAnyEku;
        assert_status(r, &with_eku(CertBuilder::leaf(), false, &[&eku::SERVER_AUTH, &eku::ANY]), Status::Pass);
        let b = with_eku(CertBuilder::leaf(), true, &[&eku::SERVER_AUTH, &eku::ANY]);
        assert_status(r, &b, Status::Warn);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &b, (2002, 4, 1), Status::Warn);
    }

    #[test]
    fn ku_eku_consistency() {
        let r = &KeyUsageEkuInconsistent;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        // keyUsage cRLSign only: nothing in serverAuth/clientAuth is consistent.
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02]));
        assert_status(r, &b, Status::Error);
        // keyEncipherment is consistent with serverAuth.
        let ke = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(5, &[0x20]));
        assert_status(r, &ke, Status::Pass);
        // ... but not with clientAuth or codeSigning alone.
        assert_status(r, &with_eku(ke.clone(), false, &[&eku::CLIENT_AUTH, &eku::CODE_SIGNING]), Status::Error);
        // contentCommitment fits timeStamping.
        let nr = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(6, &[0x40]));
        assert_status(r, &with_eku(nr.clone(), true, &[&eku::TIME_STAMPING]), Status::Pass);
        assert_status(r, &with_eku(nr.clone(), false, &[&eku::ANY]), Status::NotApplicable);
        assert_status(r, &with_eku(nr, false, &[&eku::MS_DOCUMENT_SIGNING]), Status::NotApplicable);
        assert_status(r, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        dated(r, &b, (2008, 5, 1), Status::Error);
    }

    #[test]
    fn timestamping() {
        let tsa = |critical, purposes: &[&ObjectIdentifier]| {
            with_eku(CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), critical, purposes)
        };
        let r = &TimestampingEkuNotCritical;
        assert_status(r, &tsa(true, &[&eku::TIME_STAMPING]), Status::Pass);
        assert_status(r, &tsa(false, &[&eku::TIME_STAMPING]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);

        let r = &TimestampingEkuNotSolePurpose;
        assert_status(r, &tsa(true, &[&eku::TIME_STAMPING]), Status::Pass);
        assert!(message(r, &tsa(true, &[&eku::TIME_STAMPING, &eku::CODE_SIGNING])).contains("1.3.6.1.5.5.7.3.3"));
        assert_status(r, &tsa(true, &[&eku::TIME_STAMPING, &eku::TIME_STAMPING]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn precert_signing() {
        let r = &PrecertSigningCertNotCa;
        let ca = with_eku(CertBuilder::sub_ca(), false, &[&eku::PRECERT_SIGNING]);
        assert_status(r, &ca, Status::Pass);
        let ee = with_eku(CertBuilder::leaf().without_ext(&ext::BASIC_CONSTRAINTS), false, &[&eku::PRECERT_SIGNING]);
        assert_status(r, &ee, Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &ee, (2013, 6, 1), Status::Error);
    }
}
