//! Dedicated TLS server-authentication hierarchies (Chrome Root Program Policy §1.3.2).

use alloc::format;

use crate::oid::{eku, ObjectIdentifier};
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets::{self, is_one_of, list_purposes, TLS_CA};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SubscriberEkuNotServerAuthOnly, &SubcaEkuNotServerAuthOnly];

/// The day Chrome starts phasing out multi-purpose hierarchies.
const PHASE_OUT: Time = Time::ymd(2026, 6, 15);

/// `chrome.subscriber_eku_not_server_auth_only`
///
/// **What it checks**: a TLS subscriber certificate issued from 2027-03-15 has an EKU of
/// exactly id-kp-serverAuth.
///
/// **Why it matters**: Chrome Root Program Policy §1.3.2 dedicates the hierarchies in the
/// Chrome Root Store to TLS server authentication; from 2027-03-15 subscriber certificates
/// must assert serverAuth only (no clientAuth).
///
/// **Example**: serverAuth + clientAuth fails naming clientAuth; serverAuth alone passes;
/// CA certificates are not applicable.
pub struct SubscriberEkuNotServerAuthOnly;

impl Rule for SubscriberEkuNotServerAuthOnly {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("chrome.subscriber_eku_not_server_auth_only", Source::Chrome, Severity::Error)
                .summary("subscriber certificates must assert only id-kp-serverAuth")
                .citation("Chrome Root Program Policy v1.8 §1.3.2")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2027, 3, 15))
                .aliases(&["zlint:e_client_auth_not_allowed"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match eku_sets::eku(cert) {
            None => Outcome::fail("the extKeyUsage extension is absent"),
            Some(Err(())) => Outcome::NotApplicable,
            Some(Ok(e)) => match list_purposes(&e, |p| !p.is(&eku::SERVER_AUTH)) {
                Some(list) => Outcome::fail(format!("the EKU contains purposes besides id-kp-serverAuth: {list}")),
                None => Outcome::check(!e.is_empty(), "the EKU is empty"),
            },
        }
    }
}

/// `chrome.subca_eku_not_server_auth_only`
///
/// **What it checks**: a TLS subordinate CA unexpired on 2026-06-15 has an EKU of
/// serverAuth only (issued from 2026-06-15) or of serverAuth, optionally with clientAuth
/// (issued before, standing in for the CCADB disclosure date).
///
/// **Why it matters**: Chrome Root Program Policy §1.3.2 (and the §2.3 CA table) phases out
/// hierarchies whose subordinate CAs serve other purposes than TLS server authentication.
/// The disclosure date is not in the certificate, so this is a warning.
///
/// **Example**: a CA issued 2026-06-15 with serverAuth + clientAuth warns; one issued in
/// 2025 with the same EKU passes; a CA without EKU warns; a CA expired before 2026-06-15 is
/// not applicable.
pub struct SubcaEkuNotServerAuthOnly;

impl Rule for SubcaEkuNotServerAuthOnly {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("chrome.subca_eku_not_server_auth_only", Source::Chrome, Severity::Warn)
            .summary("subordinate CAs should assert only id-kp-serverAuth (serverAuth + clientAuth before 2026-06-15)")
            .citation("Chrome Root Program Policy v1.8 §1.3.2, §2.3")
            .scope(TLS_CA);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        if v.not_after.time < PHASE_OUT {
            return Outcome::NotApplicable;
        }
        let allowed: &[ObjectIdentifier] =
            if v.not_before.time >= PHASE_OUT { &[eku::SERVER_AUTH] } else { &[eku::SERVER_AUTH, eku::CLIENT_AUTH] };
        match eku_sets::eku(cert) {
            None => Outcome::fail("the extKeyUsage extension is absent"),
            Some(Err(())) => Outcome::NotApplicable,
            Some(Ok(e)) => match list_purposes(&e, |p| !is_one_of(p, allowed)) {
                Some(list) => Outcome::fail(format!("the EKU contains purposes Chrome does not allow here: {list}")),
                None => Outcome::check(e.contains(&eku::SERVER_AUTH), "the EKU lacks id-kp-serverAuth"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::rules::cabf_br::eku::tests::{dated, with_eku};
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn subscriber() {
        let r = &SubscriberEkuNotServerAuthOnly;
        let at = |b: CertBuilder| b.validity(Time::ymd(2027, 3, 15), Time::ymd(2027, 5, 1));
        assert_status(r, &at(with_eku(CertBuilder::leaf(), &[&eku::SERVER_AUTH])), Status::Pass);
        let (s, m) = finding(r, &at(CertBuilder::leaf()).build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU contains purposes besides id-kp-serverAuth: id-kp-clientAuth")
        );
        assert_status(r, &at(CertBuilder::leaf().without_ext(&ext::EXT_KEY_USAGE)), Status::Error);
        assert_status(r, &at(CertBuilder::sub_ca()), Status::NotApplicable);
        dated(r, &CertBuilder::leaf(), Time::ymd(2027, 3, 15), Status::Error);
    }

    #[test]
    fn subca() {
        let r = &SubcaEkuNotServerAuthOnly;
        let ca = CertBuilder::sub_ca(); // serverAuth + clientAuth, 2025-01-01 .. 2030-01-01
        assert_status(r, &ca, Status::Pass);
        let at = |b: &CertBuilder, nb| b.clone().validity(nb, Time::ymd(2029, 1, 1));
        assert_status(r, &at(&ca, Time::ymd(2026, 6, 14)), Status::Pass);
        let (s, m) = finding(r, &at(&ca, Time::ymd(2026, 6, 15)).build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Warn, "the EKU contains purposes Chrome does not allow here: id-kp-clientAuth")
        );
        let sa = with_eku(ca.clone(), &[&eku::SERVER_AUTH]);
        assert_status(r, &at(&sa, Time::ymd(2026, 6, 15)), Status::Pass);
        let email = with_eku(ca.clone(), &[&eku::SERVER_AUTH, &eku::EMAIL_PROTECTION]);
        assert_status(r, &email, Status::Warn);
        assert_status(r, &ca.clone().without_ext(&ext::EXT_KEY_USAGE), Status::Warn);
        let expired = ca.clone().validity(Time::ymd(2020, 1, 1), Time::ymd(2026, 6, 14));
        assert_status(r, &email.validity(Time::ymd(2020, 1, 1), Time::ymd(2026, 6, 14)), Status::NotApplicable);
        assert_status(r, &expired, Status::NotApplicable);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
