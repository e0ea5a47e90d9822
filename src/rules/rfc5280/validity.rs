//! The validity period (RFC 5280 §4.1.2.5).

use alloc::format;

use super::raw;
use crate::asn1::tag;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[&ValidityMalformed, &ValidityNegative];

/// `rfc5280.validity_malformed`
///
/// **What it checks**: validity is a SEQUENCE of exactly two times, notBefore then
/// notAfter, each a UTCTime or a GeneralizedTime.
///
/// **Why it matters**: RFC 5280 §4.1.2.5 defines `Validity ::= SEQUENCE { notBefore Time,
/// notAfter Time }`; without both ends the period, and every date-based rule, is
/// undefined.
///
/// **Example**: a validity with only notBefore, or with an INTEGER in place of notAfter,
/// fails; two UTCTimes pass.
pub struct ValidityMalformed;

impl Rule for ValidityMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.validity_malformed", Source::Rfc5280, Severity::Error)
            .summary("validity must be a SEQUENCE of notBefore and notAfter times")
            .citation("RFC 5280 §4.1.2.5")
            .aliases(&["pkilint:pkix.validity_period_end_value_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(v) = raw::raw_tbs(cert).validity else {
            return Outcome::fail_at("tbsCertificate.validity", "the validity field is missing");
        };
        if v.tag != tag::SEQUENCE {
            return Outcome::fail_at(
                "tbsCertificate.validity",
                format!("validity is a {}, not a SEQUENCE", tag::name(v.tag)),
            );
        }
        let mut r = v.reader();
        for name in ["notBefore", "notAfter"] {
            match r.read() {
                Ok(t) if matches!(t.tag, tag::UTC_TIME | tag::GENERALIZED_TIME) => {}
                Ok(t) => return Outcome::fail(format!("{name} is a {}, not a Time", tag::name(t.tag))),
                Err(_) => return Outcome::fail(format!("validity has no readable {name}")),
            }
        }
        Outcome::check(r.is_empty(), "validity has elements after notAfter")
    }
}

/// `rfc5280.validity_negative`
///
/// **What it checks**: notAfter is not earlier than notBefore.
///
/// **Why it matters**: RFC 5280 §4.1.2.5 defines the validity period as the interval from
/// notBefore to notAfter; a reversed interval describes no time at all, so the
/// certificate is never valid and date arithmetic on it misbehaves.
///
/// **Example**: notBefore 2025-06-01, notAfter 2025-05-01 fails; notAfter 2025-09-01
/// passes; an undecodable time is not applicable.
pub struct ValidityNegative;

impl Rule for ValidityNegative {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.validity_negative", Source::Rfc5280, Severity::Error)
            .summary("notAfter must not be earlier than notBefore")
            .citation("RFC 5280 §4.1.2.5")
            .aliases(&["pkilint:pkix.certificate_negative_validity_period"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.validity() {
            Ok(v) if v.not_after.time < v.not_before.time => {
                Outcome::fail(format!("notAfter {} is earlier than notBefore {}", v.not_after.time, v.not_before.time))
            }
            Ok(_) => Outcome::Pass,
            Err(_) => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::{Status, Time};

    #[test]
    fn malformed() {
        assert_status(&ValidityMalformed, &CertBuilder::leaf(), Status::Pass);
        let base = CertBuilder::leaf();
        // Only notBefore: rebuild the TBS by hand.
        let tbs = seq(&[
            base.version.as_ref().unwrap(),
            &base.serial,
            &base.tbs_sig_alg,
            &base.issuer,
            &seq(&[&base.not_before]),
            &base.subject,
            &base.spki,
        ]);
        let cert = Certificate::from_tbs_der(&tbs).unwrap();
        let (s, m) = finding(&ValidityMalformed, &cert, &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("notAfter"), "{m}");
        let mut b = CertBuilder::leaf();
        b.not_after = int(5);
        let (s, m) = finding(&ValidityMalformed, &b.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("INTEGER"), "{m}");
        // Missing altogether.
        let tbs = seq(&[base.version.as_ref().unwrap(), &base.serial, &base.tbs_sig_alg, &base.issuer]);
        let cert = Certificate::from_tbs_der(&tbs).unwrap();
        assert_eq!(finding(&ValidityMalformed, &cert, &Context::default()).0, Status::Error);
        let extra = seq(&[
            base.version.as_ref().unwrap(),
            &base.serial,
            &base.tbs_sig_alg,
            &base.issuer,
            &seq(&[&base.not_before, &base.not_after, &base.not_after]),
            &base.subject,
            &base.spki,
        ]);
        let cert = Certificate::from_tbs_der(&extra).unwrap();
        assert_eq!(finding(&ValidityMalformed, &cert, &Context::default()).0, Status::Error);
    }

    #[test]
    fn negative() {
        assert_status(&ValidityNegative, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().validity(Time::ymd(2025, 6, 1), Time::ymd(2025, 5, 1));
        let (s, m) = finding(&ValidityNegative, &b.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("2025-05-01"), "{m}");
        let mut bad = CertBuilder::leaf();
        bad.not_after = tlv(tag::UTC_TIME, b"garbage");
        assert_status(&ValidityNegative, &bad, Status::NotApplicable);
    }
}
