//! EV certificate policies (EVG 1.x §9.7, removed by ballot SC72).

use crate::cert_type::CertType;
use crate::oid::{ext, policy};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&CpsQualifierMissing];

/// `cabf_ev.cps_qualifier_missing`
///
/// **What it checks**: an EV subscriber certificate, or a CA certificate asserting the EV
/// policy 2.23.140.1.1, issued before 2024-05-06 carries a CPS URI policy qualifier
/// (id-qt-cps) in its certificatePolicies.
///
/// **Why it matters**: EVG 1.x §9.7 required the EV policy information to point at the
/// CPS; ballot SC72 (effective 2024-05-06) deleted the requirement, and the qualifier is
/// now NOT RECOMMENDED, so the rule only concerns older certificates.
///
/// **Example**: an EV certificate from 2023 whose policies have no qualifier fails; with a
/// CPS URI it passes; a CA without the EV policy is not applicable; certificates issued
/// from 2024-05-06 are not effective.
pub struct CpsQualifierMissing;

impl Rule for CpsQualifierMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.cps_qualifier_missing", Source::CabfEv, Severity::Error)
            .summary("EV certificates had to carry a CPS URI policy qualifier")
            .citation("EVG 1.x §9.7 (deleted by SC72)")
            .scope(Scope::of(CertType::SubscriberEv).union(Scope::SUB_CA))
            .ineffective(Time::ymd(2024, 5, 6))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["pkilint:cabf.ev_guidelines.cps_uri_policy_qualifier_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(p)) = eku_sets::policies(cert) else { return Outcome::NotApplicable };
        if !p.contains(&policy::EV) {
            return Outcome::NotApplicable;
        }
        Outcome::check(
            p.policies().flat_map(|i| i.qualifiers()).any(|q| q.id.is(&policy::QT_CPS)),
            "no policy carries a CPS URI qualifier",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::cabf_br::policies::tests::{cps, with_policies};
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn cps_qualifier() {
        let r = &CpsQualifierMissing;
        let at = |b: CertBuilder, nb| b.validity(nb, Time::from_unix(nb.unix() + 90 * 86_400));
        let ev = at(with_policies(CertBuilder::leaf(), &[(&policy::EV, &[])]), Time::ymd(2023, 1, 1));
        let (s, m) = finding(r, &ev.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "no policy carries a CPS URI qualifier"));
        let good = with_policies(CertBuilder::leaf(), &[(&policy::EV, &[cps("https://example.com/cps")])]);
        assert_status(r, &at(good, Time::ymd(2023, 1, 1)), Status::Pass);
        let ca = with_policies(CertBuilder::sub_ca(), &[(&policy::EV, &[])]);
        assert_status(r, &at(ca, Time::ymd(2023, 1, 1)), Status::Error);
        assert_status(r, &at(CertBuilder::sub_ca(), Time::ymd(2023, 1, 1)), Status::NotApplicable);
        assert_status(r, &at(CertBuilder::leaf(), Time::ymd(2023, 1, 1)), Status::NotApplicable);
        assert_status(r, &at(ev.clone(), Time::ymd(2024, 5, 5)), Status::Error);
        assert_status(r, &at(ev, Time::ymd(2024, 5, 6)), Status::NotEffective);
    }
}
