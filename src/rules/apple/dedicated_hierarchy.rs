//! Trust purposes (Apple Root Program Policy v2.0 §1.7, §2.3, Appendix A).

use alloc::format;

use crate::cert::{ExtKeyUsage, GeneralName};
use crate::oid::{eku, ext, ObjectIdentifier};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets::{self, is_one_of, list_purposes};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] =
    &[&SubcaEkuNotSingleTrustPurpose, &SubscriberEkuNotSingleTrustPurpose, &SmimeSubscriberRfc822nameMissing];

/// Every EKU named in Appendix A.
const APPENDIX_A: [ObjectIdentifier; 5] =
    [eku::SERVER_AUTH, eku::CLIENT_AUTH, eku::EMAIL_PROTECTION, eku::TIME_STAMPING, eku::BIMI];

/// The EKU sets of the Appendix A trust purposes: Server Authentication, Legacy TLS, Secure
/// Email, Legacy S/MIME, Client Authentication, Time Stamping, VMC.
const TRUST_PURPOSES: [&[ObjectIdentifier]; 7] = [
    &[eku::SERVER_AUTH],
    &[eku::SERVER_AUTH, eku::CLIENT_AUTH],
    &[eku::EMAIL_PROTECTION],
    &[eku::EMAIL_PROTECTION, eku::CLIENT_AUTH],
    &[eku::CLIENT_AUTH],
    &[eku::TIME_STAMPING],
    &[eku::BIMI],
];

/// Whether the EKU's set of purposes (duplicates ignored) equals `set`.
fn set_equals(e: &ExtKeyUsage<'_>, set: &[ObjectIdentifier]) -> bool {
    e.purposes().all(|p| is_one_of(&p, set)) && set.iter().all(|s| e.contains(s))
}

/// Whether the Appendix A purposes in `e` fit inside one trust purpose.
fn fits_one_purpose(e: &ExtKeyUsage<'_>) -> bool {
    TRUST_PURPOSES.iter().any(|set| e.purposes().filter(|p| is_one_of(p, &APPENDIX_A)).all(|p| is_one_of(&p, set)))
}

/// `apple.subca_eku_not_single_trust_purpose`
///
/// **What it checks**: a subordinate CA signed from 2026-08-01 has an EKU whose set of
/// purposes is exactly one Appendix A trust purpose: {serverAuth}, {serverAuth,
/// clientAuth}, {emailProtection}, {emailProtection, clientAuth}, {clientAuth},
/// {timeStamping} or {BIMI}. Before 2027-07-01 an EKU with none of those purposes (a
/// non-trust-purpose use case such as document signing) also passes.
///
/// **Why it matters**: Apple Root Program Policy §1.7 requires an EKU without
/// anyExtendedKeyUsage from 2026-08-01 and, with Appendix A, dedicates each subordinate CA
/// to one trust purpose.
///
/// **Example**: serverAuth + emailProtection fails; serverAuth + clientAuth passes; no EKU
/// or anyExtendedKeyUsage fails; a document-signing-only CA passes until 2027-07-01.
pub struct SubcaEkuNotSingleTrustPurpose;

impl Rule for SubcaEkuNotSingleTrustPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("apple.subca_eku_not_single_trust_purpose", Source::Apple, Severity::Error)
                .summary("subordinate CA EKUs must match exactly one Apple trust purpose")
                .citation("Apple Root Program Policy v2.0 §1.7, Appendix A")
                .scope(Scope::SUB_CA)
                .effective(Time::ymd(2026, 8, 1));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match eku_sets::eku(cert) {
            None => return Outcome::fail("the extKeyUsage extension is absent"),
            Some(Err(())) => return Outcome::NotApplicable,
            Some(Ok(e)) => e,
        };
        if e.contains(&eku::ANY) {
            return Outcome::fail("the EKU contains anyExtendedKeyUsage");
        }
        if TRUST_PURPOSES.iter().any(|set| set_equals(&e, set)) {
            return Outcome::Pass;
        }
        let none_of_appendix_a = !e.purposes().any(|p| is_one_of(&p, &APPENDIX_A));
        if none_of_appendix_a && cert.not_before().is_some_and(|nb| nb < Time::ymd(2027, 7, 1)) {
            return Outcome::Pass;
        }
        let list = list_purposes(&e, |_| true).unwrap_or_default();
        Outcome::fail(format!("the EKU [{list}] does not match a single trust purpose"))
    }
}

/// `apple.subscriber_eku_not_single_trust_purpose`
///
/// **What it checks**: the Appendix A purposes in an end-entity certificate's EKU, signed
/// from 2027-07-01, all belong to one trust purpose.
///
/// **Why it matters**: Apple Root Program Policy v2.0 Appendix A: a certificate with an
/// Appendix A EKU is issued exclusively for that trust purpose, under its requirements;
/// mixing (serverAuth with emailProtection, say) is allowed only before 2027-07-01.
///
/// **Example**: serverAuth + emailProtection fails; serverAuth + clientAuth passes; an EKU
/// with no Appendix A purpose is not applicable.
pub struct SubscriberEkuNotSingleTrustPurpose;

impl Rule for SubscriberEkuNotSingleTrustPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("apple.subscriber_eku_not_single_trust_purpose", Source::Apple, Severity::Error)
                .summary("end-entity EKUs must not mix Apple trust purposes")
                .citation("Apple Root Program Policy v2.0 Appendix A")
                .scope(Scope::END_ENTITY)
                .effective(Time::ymd(2027, 7, 1))
                .needs(Need::Extension(&ext::EXT_KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(e)) = eku_sets::eku(cert) else { return Outcome::NotApplicable };
        if cert.is_ca() || !e.purposes().any(|p| is_one_of(&p, &APPENDIX_A)) {
            return Outcome::NotApplicable;
        }
        if fits_one_purpose(&e) {
            Outcome::Pass
        } else {
            let list = list_purposes(&e, |p| is_one_of(p, &APPENDIX_A)).unwrap_or_default();
            Outcome::fail(format!("the EKU mixes trust purposes: {list}"))
        }
    }
}

/// `apple.smime_subscriber_rfc822name_missing`
///
/// **What it checks**: an end-entity certificate signed from 2027-02-01 whose EKU contains
/// id-kp-emailProtection has at least one rfc822Name in its subjectAltName.
///
/// **Why it matters**: Apple Root Program Policy v2.0 §2.3: mail clients match the
/// sender's address against the SAN; an S/MIME certificate without one cannot be used.
///
/// **Example**: an emailProtection certificate with only a dNSName (or no SAN) fails; one
/// with `alice@example.com` passes; certificates without emailProtection are not
/// applicable.
pub struct SmimeSubscriberRfc822nameMissing;

impl Rule for SmimeSubscriberRfc822nameMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("apple.smime_subscriber_rfc822name_missing", Source::Apple, Severity::Error)
                .summary("S/MIME subscriber certificates must contain an rfc822Name")
                .citation("Apple Root Program Policy v2.0 §2.3")
                .scope(Scope::END_ENTITY)
                .effective(Time::ymd(2027, 2, 1))
                .needs(Need::Extension(&ext::EXT_KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(e)) = eku_sets::eku(cert) else { return Outcome::NotApplicable };
        if cert.is_ca() || !e.contains(&eku::EMAIL_PROTECTION) {
            return Outcome::NotApplicable;
        }
        match cert.subject_alt_name() {
            None => Outcome::fail("the subjectAltName extension is absent"),
            Some(Err(_)) => Outcome::NotApplicable,
            Some(Ok(san)) => Outcome::check(
                san.value.names().any(|n| matches!(n, GeneralName::Rfc822Name(_))),
                "the subjectAltName has no rfc822Name",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::rules::cabf_br::eku::tests::{dated, with_eku, PRIVATE};
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn subca() {
        let r = &SubcaEkuNotSingleTrustPurpose;
        let at = |b: CertBuilder, nb| b.validity(nb, Time::ymd(2030, 1, 1));
        let day = Time::ymd(2026, 8, 1);
        assert_status(r, &at(CertBuilder::sub_ca(), day), Status::Pass);
        let mixed = with_eku(CertBuilder::sub_ca(), &[&eku::SERVER_AUTH, &eku::EMAIL_PROTECTION]);
        let (s, m) = finding(r, &at(mixed.clone(), day).build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU [id-kp-serverAuth, id-kp-emailProtection] does not match a single trust purpose")
        );
        assert_status(r, &at(CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), day), Status::Error);
        assert_status(r, &at(with_eku(CertBuilder::sub_ca(), &[&eku::ANY]), day), Status::Error);
        assert_status(r, &at(with_eku(CertBuilder::sub_ca(), &[&eku::SERVER_AUTH, &PRIVATE]), day), Status::Error);
        let doc = with_eku(CertBuilder::sub_ca(), &[&PRIVATE]);
        assert_status(r, &at(doc.clone(), Time::ymd(2027, 6, 30)), Status::Pass);
        assert_status(r, &at(doc, Time::ymd(2027, 7, 1)), Status::Error);
        assert_status(r, &at(with_eku(CertBuilder::sub_ca(), &[&eku::BIMI]), day), Status::Pass);
        assert_status(r, &at(CertBuilder::leaf(), day), Status::NotApplicable);
        dated(r, &mixed, day, Status::Error);
    }

    #[test]
    fn subscriber() {
        let r = &SubscriberEkuNotSingleTrustPurpose;
        let day = Time::ymd(2027, 7, 1);
        let mixed = with_eku(CertBuilder::leaf(), &[&eku::SERVER_AUTH, &eku::EMAIL_PROTECTION]);
        let (s, m) = finding(r, &mixed.clone().validity(day, Time::ymd(2027, 8, 1)).build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU mixes trust purposes: id-kp-serverAuth, id-kp-emailProtection")
        );
        assert_status(r, &CertBuilder::leaf().validity(day, Time::ymd(2027, 8, 1)), Status::Pass);
        let ts = with_eku(CertBuilder::leaf(), &[&eku::TIME_STAMPING, &eku::CLIENT_AUTH]);
        assert_status(r, &ts.validity(day, Time::ymd(2027, 8, 1)), Status::Error);
        let other = with_eku(CertBuilder::leaf(), &[&PRIVATE]);
        assert_status(r, &other.validity(day, Time::ymd(2027, 8, 1)), Status::NotApplicable);
        assert_status(r, &CertBuilder::sub_ca().validity(day, Time::ymd(2028, 1, 1)), Status::NotApplicable);
        dated(r, &mixed, day, Status::Error);
    }

    #[test]
    fn smime_rfc822() {
        let r = &SmimeSubscriberRfc822nameMissing;
        let day = Time::ymd(2027, 2, 1);
        let smime = with_eku(CertBuilder::leaf(), &[&eku::EMAIL_PROTECTION])
            .without_ext(&ext::CERTIFICATE_POLICIES)
            .validity(day, Time::ymd(2027, 8, 1));
        let (s, m) = finding(r, &smime.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the subjectAltName has no rfc822Name"));
        let with_mail = smime.clone().ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(1, b"alice@example.com")]));
        assert_status(r, &with_mail, Status::Pass);
        assert_status(r, &smime.clone().without_ext(&ext::SUBJECT_ALT_NAME), Status::Error);
        assert_status(r, &CertBuilder::leaf().validity(day, Time::ymd(2027, 8, 1)), Status::NotApplicable);
        dated(r, &smime, day, Status::Error);
    }
}
