//! keyUsage (RFC 5280 §4.2.1.3).

use crate::cert::KeyUsage;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&KeyUsageWithoutBits, &KeyCertSignWithoutCa, &CaKeyUsageMissing];

/// `rfc5280.key_usage_without_bits`
///
/// **What it checks**: a keyUsage extension asserts at least one bit.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 says that when the extension appears, at least
/// one of the bits MUST be set to 1; an empty key usage permits nothing.
///
/// **Example**: keyUsage encoded `03 01 00` (no bits) fails; `digitalSignature` passes;
/// no keyUsage is not applicable.
pub struct KeyUsageWithoutBits;

impl Rule for KeyUsageWithoutBits {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_without_bits", Source::Rfc5280, Severity::Error)
            .summary("keyUsage must assert at least one bit")
            .citation("RFC 5280 §4.2.1.3")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_ext_key_usage_without_bits"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(!ku.value.is_empty(), "keyUsage asserts no bit"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_cert_sign_without_ca`
///
/// **What it checks**: keyCertSign is asserted only when basicConstraints asserts cA.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 and §4.2.1.9: if keyCertSign is asserted, cA
/// MUST also be asserted; otherwise the key signs certificates that path validation will
/// never accept, or worse, that lax validators do.
///
/// **Example**: an end-entity certificate with keyUsage `keyCertSign` fails; a CA
/// certificate with it passes; keyUsage without keyCertSign is not applicable.
pub struct KeyCertSignWithoutCa;

impl Rule for KeyCertSignWithoutCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_cert_sign_without_ca", Source::Rfc5280, Severity::Error)
            .summary("keyCertSign requires basicConstraints cA=TRUE")
            .citation("RFC 5280 §4.2.1.3, §4.2.1.9")
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&[
                "zlint:e_ext_key_usage_cert_sign_without_ca",
                "pkilint:pkix.ee_certificate_keycertsign_keyusage_set",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) if ku.value.has(KeyUsage::KEY_CERT_SIGN) => {
                Outcome::check(cert.is_ca(), "keyCertSign is asserted but basicConstraints does not assert cA")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.ca_key_usage_missing`
///
/// **What it checks**: a CA certificate has a keyUsage extension.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 says conforming CAs MUST include keyUsage in
/// certificates whose keys verify signatures on certificates or CRLs; without it nothing
/// limits what the CA key is used for.
///
/// **Example**: a root without keyUsage fails; with `keyCertSign, cRLSign` it passes;
/// end entities are not applicable.
pub struct CaKeyUsageMissing;

impl Rule for CaKeyUsageMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ca_key_usage_missing", Source::Rfc5280, Severity::Error)
            .summary("CA certificates must include keyUsage")
            .citation("RFC 5280 §4.2.1.3")
            .scope(Scope::CA)
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&["zlint:e_ca_key_usage_missing", "pkilint:pkix.ca_certificate_no_ku_extension"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(cert.key_usage().is_some(), "the CA certificate has no keyUsage extension")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn without_bits() {
        assert_status(&KeyUsageWithoutBits, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(0, &[]));
        assert_status(&KeyUsageWithoutBits, &b, Status::Error);
        assert_status(&KeyUsageWithoutBits, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        let old = b.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&KeyUsageWithoutBits, &old, Status::NotEffective);
    }

    #[test]
    fn cert_sign_without_ca() {
        assert_status(&KeyCertSignWithoutCa, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x84]));
        assert_status(&KeyCertSignWithoutCa, &b, Status::Error);
        assert_status(&KeyCertSignWithoutCa, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn ca_missing() {
        assert_status(&CaKeyUsageMissing, &CertBuilder::root(), Status::Pass);
        assert_status(&CaKeyUsageMissing, &CertBuilder::sub_ca().without_ext(&ext::KEY_USAGE), Status::Error);
        assert_status(&CaKeyUsageMissing, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
