//! SHA-1 signatures (MRSP §5.1.3).

use crate::cert_type::CertType;
use crate::oid::eku;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::algorithm::signed_with_sha1;
use crate::rules::eku_sets::{self, cert_type};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&Sha1SignatureNotAllowed];

/// `mozilla.sha1_signature_not_allowed`
///
/// **What it checks**: a SHA-1-signed certificate is not an end entity with
/// id-kp-emailProtection issued from 2022-07-01, not an intermediate CA or OCSP-signing
/// certificate issued from 2023-07-01, and not a precertificate.
///
/// **Why it matters**: MRSP §5.1.3 phases SHA-1 out of Mozilla's hierarchies in those
/// steps and never allowed it over CT precertificates; SHA-1 collisions make such
/// signatures forgeable.
///
/// **Example**: a SHA-1 S/MIME certificate issued 2022-07-01 fails, one issued 2022-06-30
/// passes; a SHA-1 intermediate issued 2023-07-01 fails; a SHA-256 certificate passes;
/// roots pass.
pub struct Sha1SignatureNotAllowed;

impl Rule for Sha1SignatureNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.sha1_signature_not_allowed", Source::Mozilla, Severity::Error)
            .summary("SHA-1 signatures are not allowed over S/MIME, CA, OCSP-signing certificates or precertificates")
            .citation("MRSP §5.1.3")
            .scope(Scope::ALL)
            .effective(Time::ymd(2022, 7, 1));
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        if !signed_with_sha1(cert) || cert_type(cert, ctx) == CertType::Root {
            return Outcome::Pass;
        }
        if cert.is_precertificate() {
            return Outcome::fail("a precertificate is signed with SHA-1");
        }
        let e = match eku_sets::eku(cert) {
            Some(Ok(e)) => Some(e),
            _ => None,
        };
        let has = |p| e.is_some_and(|e| e.contains(p));
        let second_step = !matches!(cert.not_before(), Some(nb) if nb < Time::ymd(2023, 7, 1));
        if second_step && cert.is_ca() {
            return Outcome::fail("an intermediate certificate is signed with SHA-1");
        }
        if second_step && has(&eku::OCSP_SIGNING) {
            return Outcome::fail("an OCSP-signing certificate is signed with SHA-1");
        }
        if !cert.is_ca() && has(&eku::EMAIL_PROTECTION) {
            return Outcome::fail("an email-protection end-entity certificate is signed with SHA-1");
        }
        Outcome::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::cabf_br::algorithm::tests::{sha1_rsa, signed_with};
    use crate::rules::cabf_br::eku::tests::with_eku;
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn sha1() {
        let r = &Sha1SignatureNotAllowed;
        let at = |b: CertBuilder, nb| signed_with(b, sha1_rsa()).validity(nb, Time::ymd(2030, 1, 1));
        let email = with_eku(CertBuilder::leaf(), &[&eku::EMAIL_PROTECTION])
            .without_ext(&crate::oid::ext::CERTIFICATE_POLICIES);
        assert_status(r, &at(email.clone(), Time::ymd(2022, 6, 30)), Status::NotEffective);
        let (s, m) = finding(r, &at(email.clone(), Time::ymd(2022, 7, 1)).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "an email-protection end-entity certificate is signed with SHA-1"));
        let ca = CertBuilder::sub_ca();
        assert_status(r, &at(ca.clone(), Time::ymd(2023, 6, 30)), Status::Pass);
        assert_status(r, &at(ca.clone(), Time::ymd(2023, 7, 1)), Status::Error);
        let ocsp = with_eku(CertBuilder::leaf(), &[&eku::OCSP_SIGNING]);
        assert_status(r, &at(ocsp.clone(), Time::ymd(2023, 6, 30)), Status::Pass);
        assert_status(r, &at(ocsp, Time::ymd(2023, 7, 1)), Status::Error);
        let precert = CertBuilder::leaf().ext(&crate::oid::ext::CT_POISON, true, &[5, 0]);
        assert_status(r, &at(precert, Time::ymd(2022, 7, 1)), Status::Error);
        assert_status(r, &at(CertBuilder::leaf(), Time::ymd(2024, 1, 1)), Status::Pass);
        assert_status(r, &at(CertBuilder::root(), Time::ymd(2024, 1, 1)), Status::Pass);
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
    }
}
