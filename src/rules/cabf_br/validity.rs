//! Validity periods (TLS BR §6.3.2, §7.1.2.7), with the SC-081 schedule.

use alloc::format;

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::{Time, DAY};
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SubscriberValidityTooLong, &SubscriberValidityOverRecommended];

/// The SC-081 schedule: (issued on or after, maximum days, recommended maximum days).
const SCHEDULE: [(Time, i64, i64); 4] = [
    (Time::ymd(2020, 9, 1), 398, 397),
    (Time::ymd(2026, 3, 15), 200, 199),
    (Time::ymd(2027, 3, 15), 100, 99),
    (Time::ymd(2029, 3, 15), 47, 46),
];

/// The (maximum, recommended) days for a certificate issued at `nb`.
fn limits(nb: Time) -> Option<(i64, i64)> {
    SCHEDULE.iter().rev().find(|(from, _, _)| nb >= *from).map(|&(_, max, rec)| (max, rec))
}

fn validity_check(cert: &Certificate, pick: impl Fn((i64, i64)) -> i64, verb: &str) -> Outcome {
    let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
    let Some(limit) = limits(v.not_before.time).map(pick) else { return Outcome::NotApplicable };
    let secs = v.seconds();
    if secs > limit * DAY {
        // BR §6.3.2: any part of a day beyond 86,400 seconds counts as a whole day.
        let days = (secs + DAY - 1) / DAY;
        Outcome::fail(format!(
            "validity period is {days} days; certificates issued on {} {verb} exceed {limit} days",
            v.not_before.time
        ))
    } else {
        Outcome::Pass
    }
}

/// `cabf_br.subscriber_validity_too_long`
///
/// **What it checks**: the validity period of a TLS subscriber certificate (notBefore to
/// notAfter, both inclusive) does not exceed the maximum for its issuance date: 398 days
/// before 2026-03-15, 200 days from then, 100 days from 2027-03-15, 47 days from
/// 2029-03-15.
///
/// **Why it matters**: TLS BR §6.3.2 (ballot SC-081) caps subscriber validity in steps,
/// so that stale validation data and keys leave the ecosystem faster; browsers enforce
/// the same caps.
///
/// **Example**: a certificate issued on 2026-03-15 valid for 201 days fails; 200 days
/// passes; issued on 2026-03-14, 398 days still passes. CA certificates are not
/// applicable.
pub struct SubscriberValidityTooLong;

impl Rule for SubscriberValidityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_validity_too_long", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must not exceed the maximum validity period for their issuance date")
            .citation("TLS BR §6.3.2")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2020, 9, 1))
            .aliases(&[
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_398_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_200_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_100_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_47_days",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        validity_check(cert, |(max, _)| max, "must not")
    }
}

/// `cabf_br.subscriber_validity_over_recommended`
///
/// **What it checks**: the validity period of a TLS subscriber certificate stays one day
/// under the cap: at most 397, 199, 99 or 46 days by issuance date.
///
/// **Why it matters**: TLS BR §6.3.2 says subscriber certificates SHOULD NOT be issued
/// for the maximum permissible time, because any fraction of a second beyond a whole day
/// counts as another day and tips a "maximum" certificate over the cap.
///
/// **Example**: issued 2026-04-01 for 200 days warns; for 199 days passes; CA
/// certificates are not applicable.
pub struct SubscriberValidityOverRecommended;

impl Rule for SubscriberValidityOverRecommended {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_validity_over_recommended", Source::CabfBr, Severity::Warn)
                .summary("subscriber certificates should stay a day below the maximum validity period")
                .citation("TLS BR §6.3.2")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2020, 9, 1))
                .aliases(&[
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_397_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_199_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_99_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_46_days",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        validity_check(cert, |(_, rec)| rec, "should not")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::Status;

    /// A leaf issued at `nb` valid for exactly `days` days (inclusive count).
    fn leaf(nb: Time, days: i64) -> CertBuilder {
        CertBuilder::leaf().validity(nb, Time::from_unix(nb.unix() + days * DAY - 1))
    }

    #[test]
    fn schedule_steps() {
        let cases = [
            (Time::ymd(2026, 3, 14), 398, 399),
            (Time::ymd(2026, 3, 15), 200, 201),
            (Time::ymd(2027, 3, 14), 200, 201),
            (Time::ymd(2027, 3, 15), 100, 101),
            (Time::ymd(2029, 3, 14), 100, 101),
            (Time::ymd(2029, 3, 15), 47, 48),
        ];
        for (nb, ok, too_long) in cases {
            assert_status(&SubscriberValidityTooLong, &leaf(nb, ok), Status::Pass);
            assert_status(&SubscriberValidityTooLong, &leaf(nb, too_long), Status::Error);
            assert_status(&SubscriberValidityOverRecommended, &leaf(nb, ok - 1), Status::Pass);
            assert_status(&SubscriberValidityOverRecommended, &leaf(nb, ok), Status::Warn);
        }
    }

    #[test]
    fn one_second_over_is_a_day() {
        let nb = Time::ymd(2026, 4, 1);
        let b = CertBuilder::leaf().validity(nb, Time::from_unix(nb.unix() + 200 * DAY));
        assert_status(&SubscriberValidityTooLong, &b, Status::Error);
    }

    #[test]
    fn dates_and_scope() {
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2020, 8, 31), 800), Status::NotEffective);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2020, 9, 1), 399), Status::Error);
        assert_status(&SubscriberValidityTooLong, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&SubscriberValidityOverRecommended, &CertBuilder::sub_ca(), Status::NotApplicable);
    }
}
