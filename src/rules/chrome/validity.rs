//! Subordinate CA lifetimes (Chrome Root Program Policy v1.8 §1.3.1.3).

use alloc::format;

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::validity::MaxPeriod;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SubcaValidityOverThreeYears];

/// `chrome.subca_validity_over_three_years`
///
/// **What it checks**: a subordinate CA certificate is valid for at most 1096 days (three
/// years including one leap day), counting both ends and rounding any part of a day up.
///
/// **Why it matters**: the Chrome Root Program Policy v1.8 §1.3.1.3 says subordinate CA
/// certificates SHOULD have a maximum validity of three years, so that issuing CAs are
/// rotated and no single intermediate becomes a long-lived point of failure.
///
/// **Example**: a subordinate CA issued 2026-02-05 valid for 1097 days warns; 1096 days
/// passes; roots and end-entity certificates are not applicable.
pub struct SubcaValidityOverThreeYears;

impl Rule for SubcaValidityOverThreeYears {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("chrome.subca_validity_over_three_years", Source::Chrome, Severity::Warn)
            .summary("subordinate CA certificates should be valid for at most three years")
            .citation("Chrome Root Program Policy v1.8 §1.3.1.3")
            .scope(Scope::SUB_CA)
            .effective(Time::ymd(2026, 2, 5));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        match MaxPeriod::Days(1096).exceeded(&v) {
            Some(why) => Outcome::fail(format!("subordinate CA {why} (three years)")),
            None => Outcome::Pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::time::DAY;
    use crate::Status;

    fn sub(nb: Time, days: i64) -> CertBuilder {
        CertBuilder::sub_ca().validity(nb, Time::from_unix(nb.unix() + days * DAY - 1))
    }

    #[test]
    fn three_years() {
        let nb = Time::ymd(2026, 2, 5);
        assert_status(&SubcaValidityOverThreeYears, &sub(nb, 1096), Status::Pass);
        assert_status(&SubcaValidityOverThreeYears, &sub(nb, 1097), Status::Warn);
        let (_, msg) = finding(&SubcaValidityOverThreeYears, &sub(nb, 1097).build(), &Context::default());
        assert!(msg.contains("1097 days"), "{msg}");
        assert_status(&SubcaValidityOverThreeYears, &sub(Time::ymd(2026, 2, 4), 2000), Status::NotEffective);
        assert_status(&SubcaValidityOverThreeYears, &CertBuilder::root().not_before(nb), Status::NotApplicable);
        assert_status(&SubcaValidityOverThreeYears, &CertBuilder::leaf().not_before(nb), Status::NotApplicable);
    }
}
