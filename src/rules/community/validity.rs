//! Validity period sanity (community practice).

use alloc::format;

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[&ValidityNotPositive];

/// `community.validity_not_positive`
///
/// **What it checks**: notAfter is not earlier than notBefore.
///
/// **Why it matters**: RFC 5280 §4.1.2.5 makes both bounds inclusive, so a certificate
/// whose notAfter precedes its notBefore is valid at no instant at all; issuing one is
/// always a mistake (awslabs certlint). notAfter equal to notBefore is a one-second
/// period and passes.
///
/// **Example**: notBefore 2025-06-02, notAfter 2025-06-01 fails; equal bounds pass; a
/// certificate whose validity cannot be decoded is not applicable.
pub struct ValidityNotPositive;

impl Rule for ValidityNotPositive {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.validity_not_positive", Source::Community, Severity::Error)
            .summary("notAfter must not be before notBefore")
            .citation("awslabs certlint")
            .aliases(&["zlint:e_validity_time_not_positive"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        if v.not_after.time < v.not_before.time {
            Outcome::fail(format!("notAfter {} is before notBefore {}", v.not_after.time, v.not_before.time))
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::{Status, Time};

    #[test]
    fn order() {
        let nb = Time::ymd(2025, 6, 2);
        assert_status(&ValidityNotPositive, &CertBuilder::leaf(), Status::Pass);
        assert_status(&ValidityNotPositive, &CertBuilder::root().validity(nb, nb), Status::Pass);
        let bad = CertBuilder::sub_ca().validity(nb, Time::ymd(2025, 6, 1));
        assert_status(&ValidityNotPositive, &bad, Status::Error);
        let (_, msg) = finding(&ValidityNotPositive, &bad.build(), &Context::default());
        assert!(msg.contains("2025-06-01"), "{msg}");
        let mut broken = CertBuilder::leaf();
        broken.not_after = crate::testutil::der::tlv(crate::testutil::der::tag::UTC_TIME, b"garbage");
        assert_status(&ValidityNotPositive, &broken, Status::NotApplicable);
    }
}
