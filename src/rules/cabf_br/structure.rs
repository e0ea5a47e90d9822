//! Certificate structure (TLS BR §7.1.1, §7.1.2): version and the extensions field.

use alloc::format;

use crate::cert::Version;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&CertificateNotV3, &ExtensionsMissing];

/// `cabf_br.certificate_not_v3`
///
/// **What it checks**: the certificate is X.509 version 3 (version field value 2).
///
/// **Why it matters**: TLS BR §7.1.1 requires version 3 certificates: only v3 can carry the
/// extensions (basicConstraints, SAN, policies) the profiles are built from.
///
/// **Example**: a certificate without the version field (v1) or with value 1 (v2) fails;
/// value 2 passes; a malformed version field is not applicable (reported by the RFC 5280
/// structure rules).
pub struct CertificateNotV3;

impl Rule for CertificateNotV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.certificate_not_v3", Source::CabfBr, Severity::Error)
            .summary("certificates must be X.509 version 3")
            .citation("TLS BR §7.1.1")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2015, 4, 16))
            .aliases(&["zlint:e_invalid_certificate_version"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.version() {
            Ok(Version::V3) => Outcome::Pass,
            Ok(v) => Outcome::fail(format!("certificate is {v:?}, not V3")),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.extensions_missing`
///
/// **What it checks**: the certificate has a non-empty extensions field.
///
/// **Why it matters**: every certificate profile of TLS BR §7.1.2 (root, subordinate CA,
/// subscriber, OCSP responder, precertificate) requires extensions, so a certificate
/// without any fits none of them.
///
/// **Example**: a v3 certificate with no `[3]` field, or an empty one, fails; one with
/// extensions passes. S/MIME and other non-TLS certificates are not applicable.
pub struct ExtensionsMissing;

impl Rule for ExtensionsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.extensions_missing", Source::CabfBr, Severity::Error)
            .summary("certificates must carry extensions")
            .citation("TLS BR §7.1.2.1.2-§7.1.2.8.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .aliases(&["pkilint:cabf.certificate_extensions_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.extensions_error().is_some() {
            return Outcome::NotApplicable;
        }
        if !cert.has_extensions_field() {
            Outcome::fail("the certificate has no extensions field")
        } else if cert.extensions().len() == 0 {
            Outcome::fail("the extensions field is empty")
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cert_type::CertType;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn version() {
        assert_status(&CertificateNotV3, &CertBuilder::leaf(), Status::Pass);
        let mut v1 = CertBuilder::leaf();
        v1.version = None;
        assert_status(&CertificateNotV3, &v1, Status::Error);
        let mut v2 = CertBuilder::leaf();
        v2.version = Some(ctx_cons(0, &int(1)));
        assert_status(&CertificateNotV3, &v2, Status::Error);
        let (_, msg) = finding(&CertificateNotV3, &v2.build(), &Context::default());
        assert!(msg.contains("V2"), "{msg}");
        let mut bad = CertBuilder::leaf();
        bad.version = Some(ctx_cons(0, &int(7)));
        assert_status(&CertificateNotV3, &bad, Status::NotApplicable);
        assert_status(&CertificateNotV3, &v1.clone().not_before(Time::ymd(2015, 4, 15)), Status::NotEffective);
        assert_status(&CertificateNotV3, &v1.not_before(Time::ymd(2015, 4, 16)), Status::Error);
    }

    #[test]
    fn extensions() {
        assert_status(&ExtensionsMissing, &CertBuilder::root(), Status::Pass);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        let ctx = Context::default().with_type(CertType::SubscriberDv);
        let (st, msg) = finding(&ExtensionsMissing, &none.build(), &ctx);
        assert_eq!((st, msg.as_str()), (Status::Error, "the certificate has no extensions field"));
        let mut empty = CertBuilder::leaf();
        empty.extensions = Some(alloc::vec::Vec::new());
        let (st, msg) = finding(&ExtensionsMissing, &empty.build(), &ctx);
        assert_eq!((st, msg.as_str()), (Status::Error, "the extensions field is empty"));
        let early = none.clone().not_before(Time::ymd(2023, 9, 14));
        assert_eq!(finding(&ExtensionsMissing, &early.build(), &ctx).0, Status::NotEffective);
        let day_of = none.clone().not_before(Time::ymd(2023, 9, 15));
        assert_eq!(finding(&ExtensionsMissing, &day_of.build(), &ctx).0, Status::Error);
        // Without a type hint a bare certificate is not a TLS type.
        assert_status(&ExtensionsMissing, &none, Status::NotApplicable);
    }
}
