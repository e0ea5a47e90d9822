//! Extensions every CA certificate needs (TLS BR §7.1.2.1 to §7.1.2.6, §7.1.2.10):
//! basicConstraints, keyUsage, subjectKeyIdentifier.

use alloc::format;

use crate::cert::KeyUsage;
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, CA, SC62};

pub(crate) static RULES: &[&dyn Rule] = &[
    &CaBasicConstraintsMissing,
    &CaBasicConstraintsCaFalse,
    &CaKeyUsageMissing,
    &CaKeyUsageKeyCertSignMissing,
    &CaKeyUsageCrlSignMissing,
    &CaKeyUsageProhibitedBit,
    &CaKeyUsageDigitalSignatureMissing,
    &CaSkiMissing,
];

/// The keyUsage of a CA, or `None` when absent or malformed.
fn ca_key_usage(cert: &Certificate) -> Option<KeyUsage> {
    match cert.key_usage() {
        Some(Ok(ku)) => Some(ku.value),
        _ => None,
    }
}

/// `cabf_br.ca_basic_constraints_missing`
///
/// **What it checks**: a root or subordinate CA certificate carries basicConstraints.
///
/// **Why it matters**: every CA profile (§7.1.2.1.2 to §7.1.2.6.1) lists basicConstraints
/// as MUST: without cA=TRUE, RFC 5280 clients refuse to use the key to verify
/// certificates, and old clients that accept it anyway cannot tell a CA from a leaf.
///
/// **Example**: an old root with keyCertSign and no basicConstraints fails; with
/// `cA=TRUE` passes; subscriber certificates are not applicable.
pub struct CaBasicConstraintsMissing;

impl Rule for CaBasicConstraintsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_basic_constraints_missing", Source::CabfBr, Severity::Error)
            .summary("CA certificates must contain basicConstraints")
            .citation("TLS BR §7.1.2.1.2-§7.1.2.6.1")
            .scope(CA)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "pkilint:cabf.serverauth.root.basic_constraints_extension_absent",
                "pkilint:cabf.serverauth.ca.basic_constraints_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.basic_constraints_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::BASIC_CONSTRAINTS, "the CA certificate has no basicConstraints")
    }
}

/// `cabf_br.ca_basic_constraints_ca_false`
///
/// **What it checks**: a CA certificate's basicConstraints asserts cA=TRUE.
///
/// **Why it matters**: TLS BR §7.1.2.1.4 and §7.1.2.10.4 say cA MUST be TRUE in root and
/// subordinate CA certificates; a certificate that signs certificates (keyCertSign) but
/// says it is no CA is contradictory and rejected by clients.
///
/// **Example**: keyCertSign with an empty basicConstraints (cA=FALSE) fails; `cA=TRUE`
/// passes; a CA without basicConstraints is not applicable
/// (`cabf_br.ca_basic_constraints_missing` reports it).
pub struct CaBasicConstraintsCaFalse;

impl Rule for CaBasicConstraintsCaFalse {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_basic_constraints_ca_false", Source::CabfBr, Severity::Error)
            .summary("CA certificates must assert cA=TRUE")
            .citation("TLS BR §7.1.2.1.4, §7.1.2.10.4")
            .scope(CA)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
            .aliases(&[
                "zlint:e_ca_is_ca",
                "pkilint:cabf.serverauth.ca_basic_constraints_ca_bit_not_set",
                "pkilint:cabf.serverauth.root_basic_constraints_ca_not_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) => Outcome::check(bc.value.ca, "the CA certificate's basicConstraints does not assert cA"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ca_key_usage_missing`
///
/// **What it checks**: a root or subordinate CA certificate carries keyUsage.
///
/// **Why it matters**: every CA profile lists keyUsage as MUST (§7.1.2.10.7), with
/// keyCertSign and cRLSign: without it the key's purposes are unlimited. The BRs asked it
/// from their first version (BR 1.0 Appendix B, in force 2012-07-01); older CA
/// certificates answer to RFC 5280 alone (`rfc5280.ca_key_usage_missing`).
///
/// **Example**: a subordinate CA issued in 2013 without keyUsage fails; with it passes;
/// one issued in 2004 is not effective; subscribers are not applicable.
pub struct CaKeyUsageMissing;

impl Rule for CaKeyUsageMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_key_usage_missing", Source::CabfBr, Severity::Error)
            .summary("CA certificates must contain keyUsage")
            .citation("TLS BR §7.1.2.1.2-§7.1.2.6.1, §7.1.2.10.7")
            .scope(CA)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_ca_key_usage_missing",
                "zlint:e_root_ca_key_usage_present",
                "pkilint:cabf.serverauth.root.key_usage_extension_absent",
                "pkilint:cabf.serverauth.ca.key_usage_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.key_usage_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::KEY_USAGE, "the CA certificate has no keyUsage")
    }
}

/// `cabf_br.ca_key_usage_key_cert_sign_missing`
///
/// **What it checks**: a CA certificate's keyUsage asserts keyCertSign.
///
/// **Why it matters**: TLS BR §7.1.2.10.7 requires keyCertSign in CA certificates: it is
/// what lets the key sign certificates.
///
/// **Example**: keyUsage `cRLSign` alone fails; `keyCertSign, cRLSign` passes; a CA
/// without keyUsage is not applicable.
pub struct CaKeyUsageKeyCertSignMissing;

impl Rule for CaKeyUsageKeyCertSignMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ca_key_usage_key_cert_sign_missing", Source::CabfBr, Severity::Error)
                .summary("CA keyUsage must assert keyCertSign")
                .citation("TLS BR §7.1.2.10.7")
                .scope(CA)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&["zlint:e_ca_key_cert_sign_not_set", "pkilint:cabf.ca_certificate_required_ku_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match ca_key_usage(cert) {
            Some(ku) => {
                Outcome::check(ku.has(KeyUsage::KEY_CERT_SIGN), "the CA's keyUsage does not assert keyCertSign")
            }
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ca_key_usage_crl_sign_missing`
///
/// **What it checks**: a CA certificate's keyUsage asserts cRLSign.
///
/// **Why it matters**: TLS BR §7.1.2.10.7 requires cRLSign: a CA must be able to sign
/// the CRLs that revoke what it issued.
///
/// **Example**: keyUsage `keyCertSign` alone fails; `keyCertSign, cRLSign` passes; a CA
/// without keyUsage is not applicable.
pub struct CaKeyUsageCrlSignMissing;

impl Rule for CaKeyUsageCrlSignMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_key_usage_crl_sign_missing", Source::CabfBr, Severity::Error)
            .summary("CA keyUsage must assert cRLSign")
            .citation("TLS BR §7.1.2.10.7")
            .scope(CA)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:e_ca_crl_sign_not_set", "pkilint:cabf.ca_certificate_required_ku_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match ca_key_usage(cert) {
            Some(ku) => Outcome::check(ku.has(KeyUsage::CRL_SIGN), "the CA's keyUsage does not assert cRLSign"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ca_key_usage_prohibited_bit`
///
/// **What it checks**: a CA certificate's keyUsage asserts nothing but digitalSignature,
/// keyCertSign and cRLSign.
///
/// **Why it matters**: TLS BR §7.1.2.10.7 marks nonRepudiation, keyEncipherment,
/// dataEncipherment, keyAgreement, encipherOnly and decipherOnly as not permitted for CA
/// keys, which must not double as encryption or end-entity signing keys.
///
/// **Example**: `keyCertSign, cRLSign, keyEncipherment` fails naming keyEncipherment;
/// `digitalSignature, keyCertSign, cRLSign` passes; a CA without keyUsage is not
/// applicable.
pub struct CaKeyUsageProhibitedBit;

impl Rule for CaKeyUsageProhibitedBit {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_key_usage_prohibited_bit", Source::CabfBr, Severity::Error)
            .summary("CA keyUsage may assert only digitalSignature, keyCertSign and cRLSign")
            .citation("TLS BR §7.1.2.10.7")
            .scope(CA)
            .effective(SC62)
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["pkilint:cabf.ca_certificate_prohibited_ku_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(ku) = ca_key_usage(cert) else { return Outcome::NotApplicable };
        let allowed = [KeyUsage::DIGITAL_SIGNATURE, KeyUsage::KEY_CERT_SIGN, KeyUsage::CRL_SIGN];
        match profile::first_bit_outside(&ku, &allowed) {
            None => Outcome::Pass,
            Some(bit) => Outcome::fail(format!("the CA's keyUsage asserts {bit}")),
        }
    }
}

/// `cabf_br.ca_key_usage_digital_signature_missing`
///
/// **What it checks**: a CA certificate's keyUsage asserts digitalSignature.
///
/// **Why it matters**: TLS BR §7.1.2.10.7 (footnote) allows a CA without
/// digitalSignature, but then its key must not sign OCSP responses directly: a notice so
/// that the operator knows a delegated responder is needed.
///
/// **Example**: `keyCertSign, cRLSign` gives a notice; with digitalSignature passes; a
/// CA without keyUsage is not applicable.
pub struct CaKeyUsageDigitalSignatureMissing;

impl Rule for CaKeyUsageDigitalSignatureMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ca_key_usage_digital_signature_missing", Source::CabfBr, Severity::Notice)
                .summary("a CA key without digitalSignature cannot sign OCSP responses itself")
                .citation("TLS BR §7.1.2.10.7")
                .scope(CA)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&[
                    "zlint:n_ca_digital_signature_not_set",
                    "pkilint:cabf.ca_certificate_no_digital_signature_bit",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match ca_key_usage(cert) {
            Some(ku) => Outcome::check(
                ku.has(KeyUsage::DIGITAL_SIGNATURE),
                "the CA's keyUsage does not assert digitalSignature: its key must not sign OCSP responses",
            ),
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ca_ski_missing`
///
/// **What it checks**: a root or subordinate CA certificate carries subjectKeyIdentifier.
///
/// **Why it matters**: every CA profile lists subjectKeyIdentifier as MUST (§7.1.2.1.2 to
/// §7.1.2.6.1): the certificates it issues name it in their authorityKeyIdentifier, and
/// path builders match the two.
///
/// **Example**: a root without SKI fails; with SKI passes; subscribers are not applicable.
pub struct CaSkiMissing;

impl Rule for CaSkiMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_ski_missing", Source::CabfBr, Severity::Error)
            .summary("CA certificates must contain subjectKeyIdentifier")
            .citation("TLS BR §7.1.2.1.2-§7.1.2.6.1")
            .scope(CA)
            .effective(SC62)
            .aliases(&[
                "pkilint:cabf.serverauth.root.subject_key_identifier_extension_absent",
                "pkilint:cabf.serverauth.ca.subject_key_identifier_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.subject_key_identifier_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::SUBJECT_KEY_IDENTIFIER, "the CA certificate has no subjectKeyIdentifier")
    }
}

#[cfg(test)]
mod tests {
    use super::super::profile::test_support::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    const D2012: Time = Time::ymd(2012, 7, 1);

    #[test]
    fn bc_missing() {
        assert_status(&CaBasicConstraintsMissing, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().without_ext(&ext::BASIC_CONSTRAINTS);
        assert_status(&CaBasicConstraintsMissing, &b, Status::Error);
        let sub = CertBuilder::sub_ca().without_ext(&ext::BASIC_CONSTRAINTS);
        assert_status(&CaBasicConstraintsMissing, &sub, Status::Error);
        assert_status(&CaBasicConstraintsMissing, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&CaBasicConstraintsMissing, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&CaBasicConstraintsMissing, &b.not_before(D2012), Status::Error);
    }

    #[test]
    fn bc_ca_false() {
        assert_status(&CaBasicConstraintsCaFalse, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[]));
        assert_status(&CaBasicConstraintsCaFalse, &b, Status::Error);
        let root = CertBuilder::root().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[]));
        assert_status(&CaBasicConstraintsCaFalse, &root, Status::Error);
        let none = CertBuilder::root().without_ext(&ext::BASIC_CONSTRAINTS);
        assert_status(&CaBasicConstraintsCaFalse, &none, Status::NotApplicable);
        assert_status(&CaBasicConstraintsCaFalse, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&CaBasicConstraintsCaFalse, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&CaBasicConstraintsCaFalse, &b.not_before(D2012), Status::Error);
    }

    #[test]
    fn ku_missing() {
        assert_status(&CaKeyUsageMissing, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().without_ext(&ext::KEY_USAGE);
        assert_status(&CaKeyUsageMissing, &b, Status::Error);
        assert_status(&CaKeyUsageMissing, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&CaKeyUsageMissing, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&CaKeyUsageMissing, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        // Real: Go Daddy Class 2 CA (2004) has no keyUsage; the BRs came later.
        let cert = real_cert(tests_data!("mozilla-roots/Go_Daddy_Class_2_CA.crt"));
        assert_eq!(status(&CaKeyUsageMissing, &cert), Status::NotEffective);
        assert_eq!(status(&crate::rules::rfc5280::key_usage::CaKeyUsageMissing, &cert), Status::Error);
    }

    #[test]
    fn ku_bits() {
        use KeyUsage as K;
        let all_ok = ku(CertBuilder::root(), &[K::DIGITAL_SIGNATURE, K::KEY_CERT_SIGN, K::CRL_SIGN]);
        for r in [
            &CaKeyUsageKeyCertSignMissing as &'static dyn Rule,
            &CaKeyUsageCrlSignMissing,
            &CaKeyUsageProhibitedBit,
            &CaKeyUsageDigitalSignatureMissing,
        ] {
            assert_status(r, &all_ok, Status::Pass);
            assert_status(r, &CertBuilder::root().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
            assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        }
        let no_cert_sign = ku(CertBuilder::sub_ca(), &[K::DIGITAL_SIGNATURE, K::CRL_SIGN]);
        assert_status(&CaKeyUsageKeyCertSignMissing, &no_cert_sign, Status::Error);
        assert_status(&CaKeyUsageKeyCertSignMissing, &day_before(&no_cert_sign, D2012), Status::NotEffective);
        assert_status(&CaKeyUsageKeyCertSignMissing, &no_cert_sign.not_before(D2012), Status::Error);

        let no_crl_sign = ku(CertBuilder::sub_ca(), &[K::KEY_CERT_SIGN]);
        assert_status(&CaKeyUsageCrlSignMissing, &no_crl_sign, Status::Error);
        assert_status(&CaKeyUsageCrlSignMissing, &day_before(&no_crl_sign, D2012), Status::NotEffective);
        assert_status(&CaKeyUsageCrlSignMissing, &no_crl_sign.clone().not_before(D2012), Status::Error);

        let extra = ku(CertBuilder::sub_ca(), &[K::KEY_CERT_SIGN, K::CRL_SIGN, K::KEY_ENCIPHERMENT]);
        assert_status(&CaKeyUsageProhibitedBit, &extra, Status::Error);
        assert!(message(&CaKeyUsageProhibitedBit, &extra).ends_with("asserts keyEncipherment"));
        let decipher = ku(CertBuilder::sub_ca(), &[K::KEY_CERT_SIGN, K::CRL_SIGN, K::DECIPHER_ONLY]);
        assert!(message(&CaKeyUsageProhibitedBit, &decipher).ends_with("asserts decipherOnly"));
        assert_status(&CaKeyUsageProhibitedBit, &day_before(&extra, SC62), Status::NotEffective);
        assert_status(&CaKeyUsageProhibitedBit, &extra.not_before(SC62), Status::Error);

        let no_ds = ku(CertBuilder::root(), &[K::KEY_CERT_SIGN, K::CRL_SIGN]);
        assert_status(&CaKeyUsageDigitalSignatureMissing, &no_ds, Status::Notice);
        assert_status(&CaKeyUsageDigitalSignatureMissing, &day_before(&no_ds, D2012), Status::NotEffective);
        assert_status(&CaKeyUsageDigitalSignatureMissing, &no_ds.not_before(D2012), Status::Notice);
    }

    #[test]
    fn ski_missing() {
        assert_status(&CaSkiMissing, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().without_ext(&ext::SUBJECT_KEY_IDENTIFIER);
        assert_status(&CaSkiMissing, &b, Status::Error);
        assert_status(&CaSkiMissing, &CertBuilder::sub_ca().without_ext(&ext::SUBJECT_KEY_IDENTIFIER), Status::Error);
        assert_status(&CaSkiMissing, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&CaSkiMissing, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&CaSkiMissing, &b.not_before(SC62), Status::Error);
    }
}
