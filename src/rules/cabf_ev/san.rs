//! The EV subjectAltName (EVG §7.1.2.1) and commonName (§7.1.4.2.2): domain names only, no
//! wildcards except for onion domains.

use alloc::format;

use super::subject::EV;
use crate::cert::{lossy, GeneralName};
use crate::oid::{attr, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[&WildcardNamePresent, &SanTypeNotDns];

/// Whether a name is a wildcard name whose FQDN part is not an onion domain.
fn is_non_onion_wildcard(name: &[u8]) -> bool {
    let Some(fqdn) = name.strip_prefix(b"*.") else { return false };
    let fqdn = fqdn.strip_suffix(b".").unwrap_or(fqdn);
    let onion = fqdn.len() > 6 && fqdn.get(fqdn.len() - 6..).is_some_and(|t| t.eq_ignore_ascii_case(b".onion"));
    !onion
}

/// `cabf_ev.wildcard_name_present`
///
/// **What it checks**: no subjectAltName dNSName and no commonName of an EV certificate is
/// a wildcard name (`*.` followed by a domain), unless its FQDN part is an onion domain
/// (ends in `.onion`).
///
/// **Why it matters**: EVG §7.1.2.1 and §7.1.4.2.2 forbid Wildcard Domain Names in EV
/// certificates: the EV validation vouches for each named host, which a wildcard does not
/// name. Onion domains are the exception allowed since ballot 144 (2015).
///
/// **Example**: SAN `*.example.com` or `CN=*.example.com` fails; `*.abc...xyz.onion` passes;
/// `www.example.com` passes; issued before 2015-05-01 is not effective; an OV certificate
/// is not applicable.
pub struct WildcardNamePresent;

impl Rule for WildcardNamePresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.wildcard_name_present", Source::CabfEv, Severity::Error)
            .summary("EV certificates must not contain wildcard names, except for onion domains")
            .citation("EVG §7.1.2.1, §7.1.4.2.2")
            .scope(EV)
            .effective(Time::ymd(2015, 5, 1))
            .aliases(&["zlint:e_ev_not_wildcard", "pkilint:cabf.ev_guidelines.ev_wildcard_san_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(Ok(san)) = cert.subject_alt_name() {
            if let Some(d) = san.value.dns_names().find(|d| is_non_onion_wildcard(d)) {
                return Outcome::fail(format!("the subjectAltName contains the wildcard name {}", lossy(d)));
            }
        }
        if let Ok(subject) = cert.subject() {
            if let Some(cn) = subject.attributes_of(&attr::COMMON_NAME).find(|a| is_non_onion_wildcard(a.value)) {
                return Outcome::fail(format!("the commonName is the wildcard name {}", lossy(cn.value)));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_ev.san_type_not_dns`
///
/// **What it checks**: every subjectAltName entry of an EV certificate is a dNSName.
///
/// **Why it matters**: EVG §7.1.2.1 defines the EV subjectAltName as `dNSName` entries
/// naming hosts of the subject; IP addresses (and every other name type) are not allowed in
/// EV certificates.
///
/// **Example**: an EV SAN with `iPAddress 203.0.113.7` fails; only dNSNames pass; a
/// certificate without SAN passes (see `cabf_br.subscriber_san_missing`); an OV certificate
/// is not applicable.
pub struct SanTypeNotDns;

impl Rule for SanTypeNotDns {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_ev.san_type_not_dns", Source::CabfEv, Severity::Error)
            .summary("EV subjectAltNames may contain only dNSName entries")
            .citation("EVG §7.1.2.1")
            .scope(EV)
            .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
            .aliases(&["zlint:e_ev_san_ip_address_present", "pkilint:cabf.ev_guidelines.prohibited_san_type"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(san)) = cert.subject_alt_name() else { return Outcome::NotApplicable };
        match san.value.names().find(|n| !matches!(n, GeneralName::DnsName(_))) {
            None => Outcome::Pass,
            Some(n) => Outcome::fail(format!("the EV subjectAltName contains an entry of type {}", n.kind())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asn1::tag;
    use crate::oid::{ext, policy};
    use crate::testutil::{der::*, *};
    use crate::Status;

    const ONION: &str = "*.pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";

    fn ev() -> CertBuilder {
        CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::EV)])]))
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> alloc::string::String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn wildcards() {
        let rule = &WildcardNamePresent;
        assert_status(rule, &ev(), Status::Pass);
        let b = ev().san_dns(&["example.com", "*.example.com"]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "the subjectAltName contains the wildcard name *.example.com");
        assert_status(rule, &ev().san_dns(&[ONION]), Status::Pass);
        assert_status(rule, &ev().san_dns(&["*.onion"]), Status::Error);
        let cn = ev().subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "*.example.com")]);
        assert_status(rule, &cn, Status::Error);
        assert_eq!(message(rule, &cn), "the commonName is the wildcard name *.example.com");
        assert_status(rule, &b.clone().not_before(Time::ymd(2015, 4, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2015, 5, 1)), Status::Error);
        assert_status(rule, &CertBuilder::leaf().san_dns(&["*.example.com"]), Status::NotApplicable);
    }

    #[test]
    fn only_dns_names() {
        let rule = &SanTypeNotDns;
        assert_status(rule, &ev(), Status::Pass);
        let ip = ev().ext(
            &ext::SUBJECT_ALT_NAME,
            false,
            &seq(&[&ctx_prim(2, b"example.com"), &ctx_prim(7, &[203, 0, 113, 7])]),
        );
        assert_status(rule, &ip, Status::Error);
        assert_eq!(message(rule, &ip), "the EV subjectAltName contains an entry of type iPAddress");
        let email = ev().ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(1, b"a@example.com")]));
        assert_status(rule, &email, Status::Error);
        assert_status(rule, &ev().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        assert_status(
            rule,
            &CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(7, &[1, 1, 1, 1])])),
            Status::NotApplicable,
        );
    }
}
