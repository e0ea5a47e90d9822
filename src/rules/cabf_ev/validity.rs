//! EV validity periods (EVG §6.3.2; EVG 1.x §9.4 and Appendix F).

use alloc::format;

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::domain_names::{is_onion, subscriber_names};
use crate::rules::cabf_br::validity::MaxPeriod;
use crate::time::Time;
use crate::{CertType, Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&ValidityTooLong, &OnionValidityTooLong];

/// `cabf_ev.validity_too_long`
///
/// **What it checks**: an EV certificate is valid for at most 27 months when issued
/// before 2020-09-01 and at most 398 days from then. Later, shorter steps of the BR
/// schedule are `cabf_br.subscriber_validity_too_long`'s business.
///
/// **Why it matters**: EVG §6.3.2 (EVG 1.x §9.4 before) caps the validity of EV
/// certificates; the EV vetting data behind them ages just as fast.
///
/// **Example**: an EV certificate issued 2020-09-01 for 399 days fails, for 398 days
/// passes; one issued 2019-01-01 until 2021-04-02 fails (27 months end 2021-04-01); DV
/// and OV certificates are not applicable.
pub struct ValidityTooLong;

impl Rule for ValidityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.validity_too_long", Source::CabfEv, Severity::Error)
            .summary("EV certificates must not exceed 27 months (398 days from 2020-09-01)")
            .citation("EVG §6.3.2 (EVG 1.x §9.4)")
            .scope(Scope::of(CertType::SubscriberEv))
            .aliases(&["zlint:e_ev_valid_time_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let max = if v.not_before.time < Time::ymd(2020, 9, 1) { MaxPeriod::Months(27) } else { MaxPeriod::Days(398) };
        match max.exceeded(&v) {
            Some(why) => Outcome::fail(format!("EV certificate {why}")),
            None => Outcome::Pass,
        }
    }
}

/// `cabf_ev.onion_validity_too_long`
///
/// **What it checks**: a certificate naming a `.onion` domain (SAN dNSName or subject CN),
/// issued between 2015-05-01 and 2020-03-27, is valid for at most 15 months.
///
/// **Why it matters**: until v3 onion names were admitted into the BRs (ballot SC27),
/// onion certificates could only be issued as EV under EVG 1.x Appendix F, which capped
/// them at 15 months because v2 onion addresses rest on weak 80-bit hashes and 1024-bit
/// RSA keys.
///
/// **Example**: issued 2019-01-01 for `abc.onion` until 2020-04-02 fails (15 months end
/// 2020-04-01); until 2020-04-01 passes; a certificate without onion names, or issued from
/// 2020-03-27, is not applicable.
pub struct OnionValidityTooLong;

impl Rule for OnionValidityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.onion_validity_too_long", Source::CabfEv, Severity::Error)
            .summary("onion certificates under EVG 1.x Appendix F must not exceed 15 months")
            .citation("EVG 1.x Appendix F")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2015, 5, 1))
            .ineffective(Time::ymd(2020, 3, 27))
            .aliases(&["zlint:e_onion_subject_validity_time_too_large"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !subscriber_names(cert).any(is_onion) {
            return Outcome::NotApplicable;
        }
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        match MaxPeriod::Months(15).exceeded(&v) {
            Some(why) => Outcome::fail(format!("onion certificate {why}")),
            None => Outcome::Pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::{ext, policy};
    use crate::testutil::{der::*, *};
    use crate::time::DAY;
    use crate::Status;

    fn ev(nb: Time, na: Time) -> CertBuilder {
        CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::EV)])])).validity(nb, na)
    }

    #[test]
    fn ev_limits() {
        let nb = Time::ymd(2020, 9, 1);
        let days = |d: i64| Time::from_unix(nb.unix() + d * DAY - 1);
        assert_status(&ValidityTooLong, &ev(nb, days(398)), Status::Pass);
        assert_status(&ValidityTooLong, &ev(nb, days(399)), Status::Error);
        let old = Time::ymd(2019, 1, 1);
        assert_status(&ValidityTooLong, &ev(old, Time::ymd(2021, 4, 1)), Status::Pass);
        let long = ev(old, Time::ymd(2021, 4, 2));
        assert_status(&ValidityTooLong, &long, Status::Error);
        let (_, msg) = finding(&ValidityTooLong, &long.build(), &Context::default());
        assert!(msg.contains("27 months"), "{msg}");
        // The day before 2020-09-01 the 27-month limit still applies.
        assert_status(&ValidityTooLong, &ev(Time::ymd(2020, 8, 31), Time::ymd(2021, 9, 30)), Status::Pass);
        assert_status(&ValidityTooLong, &CertBuilder::leaf().validity(nb, days(500)), Status::NotApplicable);
    }

    fn onion(nb: Time, na: Time) -> CertBuilder {
        CertBuilder::leaf().san_dns(&["abcdefghijklmnop.onion"]).validity(nb, na)
    }

    #[test]
    fn onion_limit() {
        let nb = Time::ymd(2019, 1, 1);
        assert_status(&OnionValidityTooLong, &onion(nb, Time::ymd(2020, 4, 1)), Status::Pass);
        assert_status(&OnionValidityTooLong, &onion(nb, Time::ymd(2020, 4, 2)), Status::Error);
        assert_status(
            &OnionValidityTooLong,
            &CertBuilder::leaf().validity(nb, Time::ymd(2021, 1, 1)),
            Status::NotApplicable,
        );
        assert_status(
            &OnionValidityTooLong,
            &onion(Time::ymd(2015, 4, 30), Time::ymd(2017, 1, 1)),
            Status::NotEffective,
        );
        assert_status(&OnionValidityTooLong, &onion(Time::ymd(2015, 5, 1), Time::ymd(2017, 1, 1)), Status::Error);
        assert_status(&OnionValidityTooLong, &onion(Time::ymd(2020, 3, 26), Time::ymd(2021, 7, 1)), Status::Error);
        assert_status(
            &OnionValidityTooLong,
            &onion(Time::ymd(2020, 3, 27), Time::ymd(2021, 7, 1)),
            Status::NotEffective,
        );
    }
}
