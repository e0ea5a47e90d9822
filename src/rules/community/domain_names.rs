//! Domain names: redacted and duplicate SAN names, and issuerAltName dNSNames (awslabs
//! certlint, zlint community lints).

use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::domain_names::{check_names, is_icann_suffix, labels};
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &DnsnameRedacted,
    &SanDnsnameDuplicate,
    &IanDnsnameBareWildcard,
    &IanDnsnameNullCharacter,
    &IanDnsnameLeadingPeriod,
    &IanDnsnameWildcardNotLeftmost,
    &IanDnsnameBarePublicSuffix,
];

fn ian_names(cert: &Certificate) -> impl Iterator<Item = &[u8]> + '_ {
    let ian = match cert.issuer_alt_name() {
        Some(Ok(e)) => Some(e.value),
        _ => None,
    };
    ian.into_iter().flat_map(|g| g.dns_names())
}

/// `community.dnsname_redacted`
///
/// **What it checks**: no SAN dNSName has a `?` label.
///
/// **Why it matters**: the CT redaction drafts (draft-strad-trans-redaction) replace
/// hidden labels by `?`; such a name in an issued certificate matches no host and shows
/// that a redacted precertificate form leaked into the final certificate.
///
/// **Example**: `?.example.com` gives a notice; `www.example.com` passes; no SAN dNSNames
/// is not applicable.
pub struct DnsnameRedacted;

impl Rule for DnsnameRedacted {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.dnsname_redacted", Source::Community, Severity::Notice)
            .summary("a dNSName with '?' labels is a CT-redacted name")
            .citation("draft-strad-trans-redaction (community)")
            .scope(Scope::TLS_SUBSCRIBER)
            .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
            .aliases(&["zlint:n_contains_redacted_dnsname"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(cert.san_dns_names(), |n| labels(n).any(|l| l == b"?").then_some("is a redacted name"))
    }
}

/// `community.san_dnsname_duplicate`
///
/// **What it checks**: no two SAN dNSNames are equal, ignoring ASCII case.
///
/// **Why it matters**: a repeated name adds nothing and usually betrays a
/// certificate-request assembly bug (awslabs certlint).
///
/// **Example**: `example.com` and `EXAMPLE.com` together give a notice; distinct names
/// pass; no SAN dNSNames is not applicable.
pub struct SanDnsnameDuplicate;

impl Rule for SanDnsnameDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.san_dnsname_duplicate", Source::Community, Severity::Notice)
            .summary("a SAN should not list the same dNSName twice")
            .citation("awslabs certlint")
            .scope(Scope::TLS_SUBSCRIBER)
            .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
            .aliases(&["zlint:n_san_dns_name_duplicate"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        const WHY: &str = "appears more than once in the SAN";
        if cert.san_dns_names().nth(32).is_none() {
            // A handful of names: compare pairwise without allocating.
            let mut seen = 0usize;
            return check_names(cert.san_dns_names(), |n| {
                let dup = cert.san_dns_names().take(seen).any(|p| p.eq_ignore_ascii_case(n));
                seen += 1;
                dup.then_some(WHY)
            });
        }
        // Thousands of names: sort case-insensitively instead of comparing every pair.
        let key = |n: &&[u8]| n.iter().map(u8::to_ascii_lowercase).collect::<alloc::vec::Vec<u8>>();
        let mut names: alloc::vec::Vec<&[u8]> = cert.san_dns_names().collect();
        names.sort_by_cached_key(key);
        let dup = names.windows(2).find_map(|w| match w {
            [a, b] if a.eq_ignore_ascii_case(b) => Some(*b),
            _ => None,
        });
        check_names(dup.into_iter(), |_| Some(WHY)).or_pass()
    }
}

/// `community.ian_dnsname_bare_wildcard`
///
/// **What it checks**: no issuerAltName dNSName is `*` or `*.`.
///
/// **Why it matters**: a bare wildcard is not a name (awslabs certlint applies the SAN
/// syntax rules to the issuer's alternative names too).
///
/// **Example**: IAN `*` fails; IAN `ca.example.com` passes; no IAN dNSNames is not
/// applicable.
pub struct IanDnsnameBareWildcard;

impl Rule for IanDnsnameBareWildcard {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.ian_dnsname_bare_wildcard", Source::Community, Severity::Error)
                .summary("an issuerAltName dNSName must not be a bare '*'")
                .citation("awslabs certlint")
                .needs(Need::Extension(&ext::ISSUER_ALT_NAME))
                .aliases(&["zlint:e_ian_bare_wildcard"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(ian_names(cert), |n| (n == b"*" || n == b"*.").then_some("is a bare wildcard"))
    }
}

/// `community.ian_dnsname_null_character`
///
/// **What it checks**: no issuerAltName dNSName contains a NUL octet.
///
/// **Why it matters**: a NUL truncates the name in C-string handling, the classic
/// name-spoofing trick (awslabs certlint).
///
/// **Example**: IAN `ca.example.com\0.evil` fails; `ca.example.com` passes; no IAN
/// dNSNames is not applicable.
pub struct IanDnsnameNullCharacter;

impl Rule for IanDnsnameNullCharacter {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.ian_dnsname_null_character", Source::Community, Severity::Error)
                .summary("an issuerAltName dNSName must not contain NUL")
                .citation("awslabs certlint")
                .needs(Need::Extension(&ext::ISSUER_ALT_NAME))
                .aliases(&["zlint:e_ian_dns_name_includes_null_char"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(ian_names(cert), |n| n.contains(&0).then_some("contains a NUL character"))
    }
}

/// `community.ian_dnsname_leading_period`
///
/// **What it checks**: no issuerAltName dNSName starts with a period.
///
/// **Why it matters**: a leading period makes an empty first label; such a name is not a
/// host name (awslabs certlint).
///
/// **Example**: IAN `.example.com` fails; `example.com` passes; no IAN dNSNames is not
/// applicable.
pub struct IanDnsnameLeadingPeriod;

impl Rule for IanDnsnameLeadingPeriod {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.ian_dnsname_leading_period", Source::Community, Severity::Error)
                .summary("an issuerAltName dNSName must not start with a period")
                .citation("awslabs certlint")
                .needs(Need::Extension(&ext::ISSUER_ALT_NAME))
                .aliases(&["zlint:e_ian_dns_name_starts_with_period"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(ian_names(cert), |n| n.starts_with(b".").then_some("starts with a period"))
    }
}

/// `community.ian_dnsname_wildcard_not_leftmost`
///
/// **What it checks**: `*` appears only in the first label of an issuerAltName dNSName.
///
/// **Why it matters**: as in the SAN, a `*` deeper in the name is not a wildcard and not a
/// valid label (awslabs certlint).
///
/// **Example**: IAN `a.*.example.com` fails; `*.example.com` passes; no IAN dNSNames is
/// not applicable.
pub struct IanDnsnameWildcardNotLeftmost;

impl Rule for IanDnsnameWildcardNotLeftmost {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.ian_dnsname_wildcard_not_leftmost", Source::Community, Severity::Error)
                .summary("'*' in an issuerAltName dNSName may appear only in the leftmost label")
                .citation("awslabs certlint")
                .needs(Need::Extension(&ext::ISSUER_ALT_NAME))
                .aliases(&["zlint:e_ian_wildcard_not_first"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(ian_names(cert), |n| {
            labels(n).skip(1).any(|l| l.contains(&b'*')).then_some("has '*' outside the leftmost label")
        })
    }
}

/// `community.ian_dnsname_bare_public_suffix`
///
/// **What it checks**: no issuerAltName dNSName is itself a TLD or an ICANN public suffix.
///
/// **Why it matters**: a bare suffix such as `co.uk` is no one's name (awslabs certlint).
///
/// **Example**: IAN `co.uk` warns; `ca.example.co.uk` passes; no IAN dNSNames is not
/// applicable.
pub struct IanDnsnameBarePublicSuffix;

impl Rule for IanDnsnameBarePublicSuffix {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.ian_dnsname_bare_public_suffix", Source::Community, Severity::Warn)
                .summary("an issuerAltName dNSName should not be just a public suffix")
                .citation("awslabs certlint")
                .needs(Need::Extension(&ext::ISSUER_ALT_NAME))
                .aliases(&["zlint:w_ian_iana_pub_suffix_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(ian_names(cert), |n| is_icann_suffix(n).then_some("is a bare public suffix"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn ian(names: &[&[u8]]) -> CertBuilder {
        let items: Vec<Vec<u8>> = names.iter().map(|n| ctx_prim(2, n)).collect();
        CertBuilder::sub_ca().ext(&ext::ISSUER_ALT_NAME, false, &seq_vec(&items))
    }

    #[test]
    fn redacted_and_duplicates() {
        assert_status(&DnsnameRedacted, &CertBuilder::leaf(), Status::Pass);
        assert_status(&DnsnameRedacted, &CertBuilder::leaf().san_dns(&["?.example.com"]), Status::Notice);
        assert_status(
            &DnsnameRedacted,
            &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME),
            Status::NotApplicable,
        );
        assert_status(&SanDnsnameDuplicate, &CertBuilder::leaf(), Status::Pass);
        let dup = CertBuilder::leaf().san_dns(&["example.com", "www.example.com", "EXAMPLE.com"]);
        assert_status(&SanDnsnameDuplicate, &dup, Status::Notice);
        let (_, msg) = finding(&SanDnsnameDuplicate, &dup.build(), &Context::default());
        assert_eq!(msg, "name \"EXAMPLE.com\" appears more than once in the SAN");
        assert_status(&SanDnsnameDuplicate, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn issuer_alt_names() {
        let good = ian(&[b"ca.example.com"]);
        for rule in [
            &IanDnsnameBareWildcard as &'static dyn Rule,
            &IanDnsnameNullCharacter,
            &IanDnsnameLeadingPeriod,
            &IanDnsnameWildcardNotLeftmost,
            &IanDnsnameBarePublicSuffix,
        ] {
            assert_status(rule, &good, Status::Pass);
            assert_status(rule, &CertBuilder::sub_ca(), Status::NotApplicable);
        }
        assert_status(&IanDnsnameBareWildcard, &ian(&[b"*"]), Status::Error);
        assert_status(&IanDnsnameBareWildcard, &ian(&[b"*."]), Status::Error);
        assert_status(&IanDnsnameNullCharacter, &ian(&[b"ca.example.com\0.evil.com"]), Status::Error);
        assert_status(&IanDnsnameLeadingPeriod, &ian(&[b".example.com"]), Status::Error);
        assert_status(&IanDnsnameWildcardNotLeftmost, &ian(&[b"a.*.example.com"]), Status::Error);
        assert_status(&IanDnsnameWildcardNotLeftmost, &ian(&[b"*.example.com"]), Status::Pass);
        assert_status(&IanDnsnameBarePublicSuffix, &ian(&[b"co.uk"]), Status::Warn);
        let (_, msg) = finding(&IanDnsnameBarePublicSuffix, &ian(&[b"co.uk"]).build(), &Context::default());
        assert_eq!(msg, "name \"co.uk\" is a bare public suffix");
        // Scope `all`: a subscriber's IAN is checked too.
        let leaf = CertBuilder::leaf().ext(&ext::ISSUER_ALT_NAME, false, &seq(&[&ctx_prim(2, b"*")]));
        assert_status(&IanDnsnameBareWildcard, &leaf, Status::Error);
    }
}
