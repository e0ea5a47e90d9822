//! Certificate Transparency: embedded SCT counts (Apple CT policy v1.0; Chrome CT policy
//! 2026-04-15).

use alloc::format;

use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::validity::validity_days;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&EmbeddedSctCountInsufficient];

/// `apple.embedded_sct_count_insufficient`
///
/// **What it checks**: a final TLS subscriber certificate with an embedded SCT list holds
/// SCTs from at least 2 distinct logs (distinct log IDs) when its validity period is 180
/// days or less, and from at least 3 when it is longer (days of 86 400 seconds, both ends
/// inclusive, any part of a day counting as a day).
///
/// What it does not check, because a certificate alone cannot show it: whether each log
/// was qualified, usable, read-only or retired at the time of check, which operator runs
/// each log (both policies cap how many SCTs per operator count), whether at least one log
/// is RFC 6962 compliant, and whether the SCT signatures verify. These need the Apple and
/// Chrome log lists and the logs' keys. Certificates without an embedded SCT list are not
/// applicable: their SCTs may be delivered in the TLS handshake or a stapled OCSP
/// response. Precertificates are not applicable either.
///
/// **Why it matters**: Apple and Chrome reject TLS certificates that do not come with
/// enough SCTs; a certificate that embeds too few fails in those clients unless the server
/// staples more.
///
/// **Example**: a 90-day certificate with SCTs from 2 logs passes and from 1 log warns; a
/// 200-day certificate with 2 SCTs from 2 logs warns; two SCTs from the same log count once;
/// a certificate without SCTs is not applicable.
pub struct EmbeddedSctCountInsufficient;

impl Rule for EmbeddedSctCountInsufficient {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("apple.embedded_sct_count_insufficient", Source::Apple, Severity::Warn)
            .summary("embedded SCTs must come from 2 distinct logs (<= 180 days) or 3 (longer)")
            .citation("Apple CT Policy v1.0; Chrome CT Policy 2026-04-15")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2018, 10, 15))
            .needs(Need::Extension(&ext::CT_SCT_LIST))
            .aliases(&["zlint:w_ct_sct_policy_count_unsatisfied"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_precertificate() {
            return Outcome::NotApplicable;
        }
        let Some(Ok(list)) = cert.sct_list() else { return Outcome::NotApplicable };
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let days = validity_days(&v);
        let needed = if days <= 180 { 2 } else { 3 };
        let scts = list.value;
        let distinct =
            scts.iter().enumerate().filter(|(i, s)| !scts.iter().take(*i).any(|p| p.log_id == s.log_id)).count();
        if distinct < needed {
            Outcome::fail(format!(
                "embedded SCTs come from {distinct} distinct log(s); a certificate valid for {days} days needs {needed}"
            ))
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::time::DAY;
    use crate::Status;
    use alloc::vec::Vec;

    /// An SCT list value with one SCT per log id byte.
    fn scts(logs: &[u8]) -> Vec<u8> {
        let mut list = Vec::new();
        for &l in logs {
            let mut sct = alloc::vec![0u8];
            sct.extend_from_slice(&[l; 32]);
            sct.extend_from_slice(&1_700_000_000_000u64.to_be_bytes());
            sct.extend_from_slice(&[0, 0, 4, 3, 0, 0]);
            list.extend_from_slice(&u16::try_from(sct.len()).unwrap().to_be_bytes());
            list.extend_from_slice(&sct);
        }
        let mut outer = u16::try_from(list.len()).unwrap().to_be_bytes().to_vec();
        outer.extend_from_slice(&list);
        octet_string(&outer)
    }

    fn leaf(days: i64, logs: &[u8]) -> CertBuilder {
        let nb = Time::ymd(2025, 6, 1);
        CertBuilder::leaf().validity(nb, Time::from_unix(nb.unix() + days * DAY - 1)).ext(
            &ext::CT_SCT_LIST,
            false,
            &scts(logs),
        )
    }

    #[test]
    fn counts() {
        assert_status(&EmbeddedSctCountInsufficient, &leaf(180, &[1, 2]), Status::Pass);
        assert_status(&EmbeddedSctCountInsufficient, &leaf(180, &[1, 1]), Status::Warn);
        assert_status(&EmbeddedSctCountInsufficient, &leaf(181, &[1, 2]), Status::Warn);
        assert_status(&EmbeddedSctCountInsufficient, &leaf(181, &[1, 2, 3]), Status::Pass);
        let (_, msg) = finding(&EmbeddedSctCountInsufficient, &leaf(181, &[1, 2]).build(), &Context::default());
        assert_eq!(msg, "embedded SCTs come from 2 distinct log(s); a certificate valid for 181 days needs 3");
        assert_status(&EmbeddedSctCountInsufficient, &CertBuilder::leaf(), Status::NotApplicable);
        let precert = leaf(90, &[1]).ext(&ext::CT_POISON, true, &null());
        assert_status(&EmbeddedSctCountInsufficient, &precert, Status::NotApplicable);
        assert_status(
            &EmbeddedSctCountInsufficient,
            &leaf(90, &[1]).not_before(Time::ymd(2018, 10, 14)),
            Status::NotEffective,
        );
        assert_status(&EmbeddedSctCountInsufficient, &leaf(90, &[1]).not_before(Time::ymd(2018, 10, 15)), Status::Warn);
    }
}
