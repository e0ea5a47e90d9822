//! Precertificates and precertificate signing CAs (TLS BR §7.1.2.4, §7.1.2.9).
//!
//! The certificate-type classifier has no precertificate type: a precertificate is typed
//! as the subscriber certificate it announces. The precertificate rules are therefore
//! scoped to TLS subscribers and are not applicable when the CT poison extension is
//! absent.

use crate::oid::{eku, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &PrecertSigningCaIssuedAfterSunset,
    &PrecertPoisonValueInvalid,
    &PrecertSctListPresent,
    &PrecertPoisonMissing,
    &FinalCertificatePoisonPresent,
];

/// `cabf_br.precert_signing_ca_issued_after_sunset`
///
/// **What it checks**: no subordinate CA certificate whose EKU contains the CT
/// precertificate-signing purpose (1.3.6.1.4.1.11129.2.4.4) is issued on or after
/// 2026-03-15.
///
/// **Why it matters**: TLS BR §7.1.2.4 retires the Precertificate Signing CA profile for
/// certificates issued from 2026-03-15; precertificates are to be signed by the issuing CA
/// itself.
///
/// **Example**: a precertificate signing CA issued 2026-03-15 fails; one issued
/// 2026-03-14 is not effective; a subordinate CA without that purpose passes; roots and
/// end entities are not applicable.
pub struct PrecertSigningCaIssuedAfterSunset;

impl Rule for PrecertSigningCaIssuedAfterSunset {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.precert_signing_ca_issued_after_sunset", Source::CabfBr, Severity::Error)
                .summary("precertificate signing CAs must not be issued from 2026-03-15")
                .citation("TLS BR §7.1.2.4")
                .scope(Scope::SUB_CA)
                .effective(Time::ymd(2026, 3, 15))
                .aliases(&["pkilint:cabf.serverauth.ca.precertificate_signing_ca_issued_after_prohibition"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            Some(Ok(e)) if e.value.contains(&eku::PRECERT_SIGNING) => {
                Outcome::fail("precertificate signing CA certificate issued on or after 2026-03-15")
            }
            Some(Ok(_)) | None => Outcome::Pass,
            Some(Err(_)) => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.precert_poison_value_invalid`
///
/// **What it checks**: the CT precertificate poison extension's extnValue is exactly the
/// DER NULL `05 00`.
///
/// **Why it matters**: TLS BR §7.1.2.9.3 (and RFC 6962 §3.1) fix the poison's value to
/// ASN.1 NULL; logs and monitors match the extension byte for byte when they rebuild the
/// TBS of the final certificate.
///
/// **Example**: a poison with value `05 00` passes; `04 00` or `05 01 00` fails; a
/// certificate without the poison is not applicable.
pub struct PrecertPoisonValueInvalid;

impl Rule for PrecertPoisonValueInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.precert_poison_value_invalid", Source::CabfBr, Severity::Error)
            .summary("the precertificate poison value must be DER NULL")
            .citation("TLS BR §7.1.2.9.3")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CT_POISON));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::CT_POISON) {
            None => Outcome::NotApplicable,
            Some(e) if e.value == [0x05, 0x00] => Outcome::Pass,
            Some(e) => Outcome::fail(alloc::format!(
                "precertificate poison value is {}, not 0500",
                e.value.iter().map(|b| alloc::format!("{b:02x}")).collect::<alloc::string::String>()
            )),
        }
    }
}

/// `cabf_br.precert_sct_list_present`
///
/// **What it checks**: a precertificate (poison present) does not carry the embedded SCT
/// list extension.
///
/// **Why it matters**: TLS BR §7.1.2.9.1 and §7.1.2.9.2 forbid the SCT list in
/// precertificates: SCTs are returned for the precertificate and embedded only in the
/// final certificate.
///
/// **Example**: a precertificate with extension 1.3.6.1.4.1.11129.2.4.2 fails; without it
/// passes; a final certificate (no poison) is not applicable.
pub struct PrecertSctListPresent;

impl Rule for PrecertSctListPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.precert_sct_list_present", Source::CabfBr, Severity::Error)
            .summary("precertificates must not carry an SCT list")
            .citation("TLS BR §7.1.2.9.1, §7.1.2.9.2")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CT_POISON))
            .aliases(&["pkilint:cabf.serverauth.subscriber.sct_list_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.is_precertificate() {
            return Outcome::NotApplicable;
        }
        Outcome::check(!cert.has_extension(&ext::CT_SCT_LIST), "the precertificate carries an SCT list extension")
    }
}

/// `cabf_br.precert_poison_missing`
///
/// **What it checks**: a certificate the caller declares a precertificate
/// ([`Context::with_precertificate`]`(true)`, `lint --type precertificate`) carries the
/// CT poison extension.
///
/// **Why it matters**: TLS BR §7.1.2.9.3 says a Precertificate MUST contain the poison
/// extension (and RFC 6962 §3.1 makes it critical): without it, the "precertificate" is a
/// valid certificate that was never meant to be issued, and logging it is misissuance.
///
/// **Example**: declared a precertificate and without the poison fails; with it passes;
/// when the caller says nothing, or says it is a final certificate, the rule is not
/// applicable (a certificate alone cannot show the intent).
pub struct PrecertPoisonMissing;

impl Rule for PrecertPoisonMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.precert_poison_missing", Source::CabfBr, Severity::Error)
            .summary("a precertificate must contain the CT poison extension")
            .citation("TLS BR §7.1.2.9.3; RFC 6962 §3.1")
            .scope(Scope::TLS_SUBSCRIBER)
            .aliases(&["pkilint:cabf.serverauth.subscriber.precert_poison_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        match ctx.precertificate() {
            Some(true) => Outcome::check(
                cert.has_extension(&ext::CT_POISON),
                "the precertificate has no CT poison extension (1.3.6.1.4.1.11129.2.4.3)",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.final_certificate_poison_present`
///
/// **What it checks**: a certificate the caller declares a final certificate
/// ([`Context::with_precertificate`]`(false)`) does not carry the CT poison extension.
///
/// **Why it matters**: the poison is what makes a Precertificate (TLS BR §1.6.1,
/// §7.1.2.9) unusable by RFC 5280 clients (RFC 6962 §3.1): a final certificate with it is
/// rejected by every browser, so the issuance fails in production.
///
/// **Example**: declared final and carrying the poison fails; without it passes; when the
/// caller says nothing, or declares a precertificate, the rule is not applicable.
pub struct FinalCertificatePoisonPresent;

impl Rule for FinalCertificatePoisonPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.final_certificate_poison_present", Source::CabfBr, Severity::Error)
                .summary("a final certificate must not contain the CT poison extension")
                .citation("TLS BR §1.6.1, §7.1.2.9; RFC 6962 §3.1")
                .scope(Scope::TLS_SUBSCRIBER)
                .aliases(&["pkilint:cabf.serverauth.subscriber.precert_poison_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        match ctx.precertificate() {
            Some(false) => Outcome::check(
                !cert.has_extension(&ext::CT_POISON),
                "the final certificate carries the CT poison extension: clients will reject it",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn precert_ca_sunset() {
        let pc = CertBuilder::sub_ca().ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&eku::PRECERT_SIGNING)]));
        assert_status(
            &PrecertSigningCaIssuedAfterSunset,
            &pc.clone().not_before(Time::ymd(2026, 3, 15)),
            Status::Error,
        );
        assert_status(&PrecertSigningCaIssuedAfterSunset, &pc.not_before(Time::ymd(2026, 3, 14)), Status::NotEffective);
        let plain = CertBuilder::sub_ca().not_before(Time::ymd(2026, 4, 1));
        assert_status(&PrecertSigningCaIssuedAfterSunset, &plain, Status::Pass);
        assert_status(
            &PrecertSigningCaIssuedAfterSunset,
            &CertBuilder::root().not_before(Time::ymd(2026, 4, 1)),
            Status::NotApplicable,
        );
    }

    #[test]
    fn poison() {
        let pre = CertBuilder::leaf().ext(&ext::CT_POISON, true, &null());
        assert_status(&PrecertPoisonValueInvalid, &pre, Status::Pass);
        let bad = CertBuilder::leaf().ext(&ext::CT_POISON, true, &[0x04, 0x00]);
        assert_status(&PrecertPoisonValueInvalid, &bad, Status::Error);
        let (_, msg) = finding(&PrecertPoisonValueInvalid, &bad.build(), &Context::default());
        assert_eq!(msg, "precertificate poison value is 0400, not 0500");
        assert_status(&PrecertPoisonValueInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(
            &PrecertPoisonValueInvalid,
            &bad.clone().not_before(Time::ymd(2023, 9, 14)),
            Status::NotEffective,
        );
        assert_status(&PrecertPoisonValueInvalid, &bad.not_before(Time::ymd(2023, 9, 15)), Status::Error);
    }

    #[test]
    fn sct_list_in_precert() {
        let pre = CertBuilder::leaf().ext(&ext::CT_POISON, true, &null());
        assert_status(&PrecertSctListPresent, &pre, Status::Pass);
        let both = pre.ext(&ext::CT_SCT_LIST, false, &octet_string(&[0, 0]));
        assert_status(&PrecertSctListPresent, &both, Status::Error);
        let final_cert = CertBuilder::leaf().ext(&ext::CT_SCT_LIST, false, &octet_string(&[0, 0]));
        assert_status(&PrecertSctListPresent, &final_cert, Status::NotApplicable);
        assert_status(&PrecertSctListPresent, &both.clone().not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
    }

    #[test]
    fn declared_precertificates_and_final_certificates() {
        let poison = extension(&ext::CT_POISON, true, &null());
        let precert = CertBuilder::leaf().push_ext(poison).build();
        let final_cert = CertBuilder::leaf().build();
        let declared_pre = Context::default().with_precertificate(true);
        let declared_final = Context::default().with_precertificate(false);
        let status = |rule: &'static dyn Rule, c: &Certificate, ctx: &Context| finding(rule, c, ctx).0;

        assert_eq!(status(&PrecertPoisonMissing, &precert, &declared_pre), Status::Pass);
        let (s, msg) = finding(&PrecertPoisonMissing, &final_cert, &declared_pre);
        assert_eq!(s, Status::Error);
        assert!(msg.contains("poison"), "{msg}");
        assert_eq!(status(&PrecertPoisonMissing, &final_cert, &Context::default()), Status::NotApplicable);
        assert_eq!(status(&PrecertPoisonMissing, &final_cert, &declared_final), Status::NotApplicable);

        assert_eq!(status(&FinalCertificatePoisonPresent, &final_cert, &declared_final), Status::Pass);
        assert_eq!(status(&FinalCertificatePoisonPresent, &precert, &declared_final), Status::Error);
        assert_eq!(status(&FinalCertificatePoisonPresent, &precert, &Context::default()), Status::NotApplicable);
        assert_eq!(status(&FinalCertificatePoisonPresent, &precert, &declared_pre), Status::NotApplicable);
        assert_eq!(
            status(&FinalCertificatePoisonPresent, &CertBuilder::root().build(), &declared_final),
            Status::NotApplicable
        );
    }
}
