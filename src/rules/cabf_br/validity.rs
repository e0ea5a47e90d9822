//! Validity periods (TLS BR §6.3.2, §7.1.2.7), with the SC-081 schedule.

use alloc::format;

use crate::cert::Validity;
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::{days_in_month, Time, DAY};
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubscriberValidityTooLong,
    &SubscriberValidityOverRecommended,
    &RootValidityTooLong,
    &RootValidityTooShort,
    &SubscriberNotBeforeBackdated,
];

/// The validity period in days as the BRs count it (§6.3.2): both ends inclusive, and any
/// part of a day beyond a whole multiple of 86 400 seconds counts as a whole day.
pub(crate) fn validity_days(v: &Validity<'_>) -> i64 {
    let secs = v.seconds();
    secs.saturating_add(DAY - 1).div_euclid(DAY)
}

/// `t` plus `months` calendar months, the day clamped to the end of a shorter month
/// (2016-01-31 + 1 month = 2016-02-29).
pub(crate) fn add_months(t: Time, months: u32) -> Option<Time> {
    let (y, m, d, h, mi, s) = t.to_civil();
    let m0 = i64::from(m) - 1 + i64::from(months);
    let year = y + m0.div_euclid(12);
    let month = u32::try_from(m0.rem_euclid(12)).ok()? + 1;
    Time::from_ymd_hms(year, month, d.min(days_in_month(year, month)), h, mi, s)
}

/// A maximum validity period.
#[derive(Debug, Clone, Copy)]
pub(crate) enum MaxPeriod {
    /// Calendar months after notBefore.
    Months(u32),
    /// Days of 86 400 seconds, counted as [`validity_days`] does.
    Days(i64),
}

impl MaxPeriod {
    /// `None` when the period fits, otherwise a description of the excess.
    pub(crate) fn exceeded(self, v: &Validity<'_>) -> Option<alloc::string::String> {
        match self {
            Self::Months(n) => {
                let end = add_months(v.not_before.time, n)?;
                (v.not_after.time > end).then(|| {
                    format!(
                        "validity period from {} to {} exceeds {n} months (ends after {end})",
                        v.not_before.time, v.not_after.time
                    )
                })
            }
            Self::Days(n) => {
                let days = validity_days(v);
                (v.seconds() > n * DAY).then(|| format!("validity period is {days} days, over {n} days"))
            }
        }
    }
}

/// The BR §6.3.2 schedule: (issued on or after, maximum, recommended maximum days).
/// The 39-month and 825-day steps come from BR 1.x §6.3.2 (ballots 193 and SC-22 era);
/// SC-081 added the 2026-2029 steps.
const SCHEDULE: [(Time, MaxPeriod, Option<i64>); 6] = [
    (Time::ymd(2016, 7, 2), MaxPeriod::Months(39), None),
    (Time::ymd(2018, 3, 2), MaxPeriod::Days(825), None),
    (Time::ymd(2020, 9, 1), MaxPeriod::Days(398), Some(397)),
    (Time::ymd(2026, 3, 15), MaxPeriod::Days(200), Some(199)),
    (Time::ymd(2027, 3, 15), MaxPeriod::Days(100), Some(99)),
    (Time::ymd(2029, 3, 15), MaxPeriod::Days(47), Some(46)),
];

/// The (maximum, recommended days) for a certificate issued at `nb`.
fn limits(nb: Time) -> Option<(MaxPeriod, Option<i64>)> {
    SCHEDULE.iter().rev().find(|(from, _, _)| nb >= *from).map(|&(_, max, rec)| (max, rec))
}

/// `cabf_br.subscriber_validity_too_long`
///
/// **What it checks**: the validity period of a TLS subscriber certificate (notBefore to
/// notAfter, both inclusive) does not exceed the maximum for its issuance date: 39 months
/// from 2016-07-02, 825 days from 2018-03-02, 398 days from 2020-09-01, 200 days from
/// 2026-03-15, 100 days from 2027-03-15, 47 days from 2029-03-15.
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
            .citation("TLS BR §6.3.2 (SC-081); Apple HT211025")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2016, 7, 2))
            .aliases(&[
                "zlint:e_sub_cert_valid_time_longer_than_39_months",
                "zlint:e_sub_cert_valid_time_longer_than_825_days",
                "zlint:e_tls_server_cert_valid_time_longer_than_398_days",
                "zlint:e_server_cert_valid_time_longer_than_200_days",
                "zlint:e_server_cert_valid_time_longer_than_100_days",
                "zlint:e_server_cert_valid_time_longer_than_47_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_398_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_200_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_100_days",
                "pkilint:cabf.serverauth.certificate_validity_period_exceeds_47_days",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let Some((max, _)) = limits(v.not_before.time) else { return Outcome::NotApplicable };
        match max.exceeded(&v) {
            Some(why) => Outcome::fail(format!("{why}: the maximum for certificates issued on {}", v.not_before.time)),
            None => Outcome::Pass,
        }
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
                    "zlint:w_tls_server_cert_valid_time_longer_than_397_days",
                    "zlint:w_server_cert_valid_time_longer_than_199_days",
                    "zlint:w_server_cert_valid_time_longer_than_99_days",
                    "zlint:w_server_cert_valid_time_longer_than_46_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_397_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_199_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_99_days",
                    "pkilint:cabf.serverauth.certificate_validity_period_exceeds_46_days",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let Some((_, Some(rec))) = limits(v.not_before.time) else { return Outcome::NotApplicable };
        if v.seconds() > rec * DAY {
            Outcome::fail(format!(
                "validity period is {} days; certificates issued on {} should not exceed {rec} days",
                validity_days(&v),
                v.not_before.time
            ))
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.root_validity_too_long`
///
/// **What it checks**: a root CA certificate is valid for at most 9132 days (about 25
/// years), counting both ends and rounding any part of a day up.
///
/// **Why it matters**: TLS BR §7.1.2.1.1 bounds the validity of root certificates issued
/// from 2023-09-15 so that roots are replaced and their algorithms refreshed.
///
/// **Example**: a root valid from 2024-01-01 for 9133 days fails; 9132 days passes;
/// subordinate CAs and subscribers are not applicable.
pub struct RootValidityTooLong;

impl Rule for RootValidityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_validity_too_long", Source::CabfBr, Severity::Error)
            .summary("root CA certificates must not be valid for more than 9132 days")
            .citation("TLS BR §7.1.2.1.1")
            .scope(Scope::ROOT)
            .effective(Time::ymd(2023, 9, 15))
            .aliases(&["pkilint:cabf.serverauth.root_validity_period_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        match MaxPeriod::Days(9132).exceeded(&v) {
            Some(why) => Outcome::fail(format!("root certificate {why}")),
            None => Outcome::Pass,
        }
    }
}

/// `cabf_br.root_validity_too_short`
///
/// **What it checks**: a root CA certificate is valid for at least 2922 days (about 8
/// years).
///
/// **Why it matters**: TLS BR §7.1.2.1.1 sets a minimum validity for roots issued from
/// 2023-09-15: a root that expires quickly strands the hierarchy under it before root
/// stores can ship its successor.
///
/// **Example**: a root valid for 2921 days fails; 2922 days passes; subordinate CAs are
/// not applicable.
pub struct RootValidityTooShort;

impl Rule for RootValidityTooShort {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_validity_too_short", Source::CabfBr, Severity::Error)
            .summary("root CA certificates must be valid for at least 2922 days")
            .citation("TLS BR §7.1.2.1.1")
            .scope(Scope::ROOT)
            .effective(Time::ymd(2023, 9, 15))
            .aliases(&["pkilint:cabf.serverauth.root_validity_period_too_short"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        if v.seconds() < 2922 * DAY {
            Outcome::fail(format!("root certificate validity period is {} days, under 2922 days", validity_days(&v)))
        } else {
            Outcome::Pass
        }
    }
}

/// The 48 hours of TLS BR §7.1.2.7 (notBefore).
const BACKDATE_LIMIT_SECS: i64 = 48 * 3600;

/// `cabf_br.subscriber_not_before_backdated`
///
/// **What it checks**: in a final subscriber certificate with embedded SCTs, notBefore is
/// no more than 48 hours before the earliest SCT timestamp. The SCTs were issued for the
/// precertificate, before the certificate was signed, so the earliest one bounds the
/// signing time from above; a notBefore further back than 48 hours from it is certainly
/// further back from the signing time. Certificates without an SCT list (and
/// precertificates) cannot show their signing time and are not applicable.
///
/// **Why it matters**: TLS BR §7.1.2.7 requires notBefore to lie within 48 hours of the
/// signing operation; backdating hides the real issuance date from date-keyed rules.
///
/// **Example**: notBefore 2025-06-01 with the earliest SCT at 2025-06-03T00:00:01Z fails;
/// an SCT at 2025-06-03T00:00:00Z passes; a certificate without SCTs is not applicable.
pub struct SubscriberNotBeforeBackdated;

impl Rule for SubscriberNotBeforeBackdated {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_not_before_backdated", Source::CabfBr, Severity::Error)
                .summary("subscriber notBefore must be within 48 hours of the signing time")
                .citation("TLS BR §7.1.2.7 (notBefore)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2023, 9, 15))
                .needs(Need::Extension(&ext::CT_SCT_LIST))
                .aliases(&["zlint:e_excessively backdated"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_precertificate() {
            return Outcome::NotApplicable;
        }
        let Some(Ok(list)) = cert.sct_list() else { return Outcome::NotApplicable };
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let Some(earliest_ms) = list.value.iter().map(|s| s.timestamp).min() else { return Outcome::NotApplicable };
        let earliest = i64::try_from(earliest_ms / 1000).unwrap_or(i64::MAX);
        let nb = v.not_before.time.unix();
        if earliest.saturating_sub(nb) > BACKDATE_LIMIT_SECS {
            Outcome::fail(format!(
                "notBefore {} is more than 48 hours before the earliest SCT timestamp {}",
                v.not_before.time,
                Time::from_unix(earliest)
            ))
        } else {
            Outcome::Pass
        }
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
    fn early_steps() {
        // 39 months from 2016-07-02.
        let nb = Time::ymd(2016, 7, 2);
        let ok = CertBuilder::leaf().validity(nb, Time::ymd(2019, 10, 2));
        let long = CertBuilder::leaf().validity(nb, Time::from_unix(Time::ymd(2019, 10, 2).unix() + 1));
        assert_status(&SubscriberValidityTooLong, &ok, Status::Pass);
        assert_status(&SubscriberValidityTooLong, &long, Status::Error);
        let (_, msg) = finding(&SubscriberValidityTooLong, &long.build(), &Context::default());
        assert!(msg.contains("39 months"), "{msg}");
        assert_status(
            &SubscriberValidityTooLong,
            &long.clone().not_before(Time::ymd(2016, 7, 1)),
            Status::NotEffective,
        );
        // 825 days from 2018-03-02.
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2018, 3, 1), 1000), Status::Pass);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2018, 3, 2), 826), Status::Error);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2018, 3, 2), 825), Status::Pass);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2020, 8, 31), 825), Status::Pass);
        assert_status(&SubscriberValidityOverRecommended, &leaf(Time::ymd(2020, 8, 31), 825), Status::NotEffective);
    }

    #[test]
    fn add_months_clamps() {
        assert_eq!(add_months(Time::ymd(2016, 1, 31), 1), Some(Time::ymd(2016, 2, 29)));
        assert_eq!(add_months(Time::ymd(2016, 11, 15), 15), Some(Time::ymd(2018, 2, 15)));
    }

    #[test]
    fn root_validity() {
        let root = |days: i64| {
            let nb = Time::ymd(2023, 9, 15);
            CertBuilder::root().validity(nb, Time::from_unix(nb.unix() + days * DAY - 1))
        };
        assert_status(&RootValidityTooLong, &root(9132), Status::Pass);
        assert_status(&RootValidityTooLong, &root(9133), Status::Error);
        assert_status(&RootValidityTooLong, &root(9133).not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
        assert_status(&RootValidityTooShort, &root(2922), Status::Pass);
        assert_status(&RootValidityTooShort, &root(2921), Status::Error);
        assert_status(&RootValidityTooShort, &root(2921).not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
        assert_status(&RootValidityTooLong, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootValidityTooShort, &CertBuilder::leaf(), Status::NotApplicable);
    }

    /// A leaf with notBefore `nb` and one SCT per timestamp (seconds).
    fn with_scts(nb: Time, timestamps: &[i64]) -> CertBuilder {
        CertBuilder::leaf().not_before(nb).ext(&crate::oid::ext::CT_SCT_LIST, false, &sct_list(timestamps))
    }

    /// An SCT list extension value with one SCT per timestamp, log ids 1, 2, ...
    pub(crate) fn sct_list(timestamps: &[i64]) -> alloc::vec::Vec<u8> {
        let mut list = alloc::vec::Vec::new();
        for (i, t) in timestamps.iter().enumerate() {
            let mut sct = alloc::vec![0u8];
            sct.extend_from_slice(&[u8::try_from(i + 1).unwrap_or(0); 32]);
            sct.extend_from_slice(&(u64::try_from(*t).unwrap_or(0) * 1000).to_be_bytes());
            sct.extend_from_slice(&[0, 0, 4, 3, 0, 0]);
            list.extend_from_slice(&u16::try_from(sct.len()).unwrap_or(0).to_be_bytes());
            list.extend_from_slice(&sct);
        }
        let mut outer = u16::try_from(list.len()).unwrap_or(0).to_be_bytes().to_vec();
        outer.extend_from_slice(&list);
        crate::testutil::der::octet_string(&outer)
    }

    #[test]
    fn backdating() {
        let nb = Time::ymd(2025, 6, 1);
        let at = |s: i64| nb.unix() + s;
        assert_status(&SubscriberNotBeforeBackdated, &with_scts(nb, &[at(BACKDATE_LIMIT_SECS)]), Status::Pass);
        let bad = with_scts(nb, &[at(BACKDATE_LIMIT_SECS + 5), at(BACKDATE_LIMIT_SECS + 1)]);
        assert_status(&SubscriberNotBeforeBackdated, &bad, Status::Error);
        let (_, msg) = finding(&SubscriberNotBeforeBackdated, &bad.build(), &Context::default());
        assert!(msg.contains("2025-06-03T00:00:01Z"), "{msg}");
        assert_status(&SubscriberNotBeforeBackdated, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_scts(Time::ymd(2023, 9, 14), &[Time::ymd(2023, 9, 20).unix()]);
        assert_status(&SubscriberNotBeforeBackdated, &old, Status::NotEffective);
        let day_of = with_scts(Time::ymd(2023, 9, 15), &[Time::ymd(2023, 9, 20).unix()]);
        assert_status(&SubscriberNotBeforeBackdated, &day_of, Status::Error);
        let precert = bad.ext(&crate::oid::ext::CT_POISON, true, &crate::testutil::der::null());
        assert_status(&SubscriberNotBeforeBackdated, &precert, Status::NotApplicable);
    }

    #[test]
    fn one_second_over_is_a_day() {
        let nb = Time::ymd(2026, 4, 1);
        let b = CertBuilder::leaf().validity(nb, Time::from_unix(nb.unix() + 200 * DAY));
        assert_status(&SubscriberValidityTooLong, &b, Status::Error);
    }

    #[test]
    fn dates_and_scope() {
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2020, 8, 31), 800), Status::Pass);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2016, 7, 1), 2000), Status::NotEffective);
        assert_status(&SubscriberValidityTooLong, &leaf(Time::ymd(2020, 9, 1), 399), Status::Error);
        assert_status(&SubscriberValidityTooLong, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&SubscriberValidityOverRecommended, &CertBuilder::sub_ca(), Status::NotApplicable);
    }
}
