//! Name constraints of subordinate CAs (TLS BR §7.1.2.5.2, §7.1.2.10.8; v1.x §7.1.5).

use alloc::{format, string::String};

use crate::cert::{GeneralName, NameConstraints};
use crate::cert_type::{CertType, Scope};
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::ip_ranges;
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, SC62, SUBCA};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubcaNameConstraintsMissing,
    &SubcaNotTechnicallyConstrained,
    &TcTlsNameConstraintsIncomplete,
    &TcTlsNameConstraintsTypeNotAllowed,
    &NameConstraintsDiscouragedType,
    &NameConstraintsExcludedDirectoryName,
    &NameConstraintsReservedIp,
];

const TC_TLS: Scope = Scope::of(CertType::SubCaTcTls);

/// The decoded nameConstraints, or `None` when absent or malformed.
fn constraints<'a>(cert: &'a Certificate) -> Option<NameConstraints<'a>> {
    match cert.name_constraints() {
        Some(Ok(nc)) => Some(nc.value),
        _ => None,
    }
}

/// Every subtree base: (in excludedSubtrees, base).
fn bases<'a>(nc: &NameConstraints<'a>) -> impl Iterator<Item = (bool, GeneralName<'a>)> + 'a {
    let permitted = nc.permitted.into_iter().flat_map(|s| s.iter()).filter_map(|t| t.base.ok()).map(|b| (false, b));
    let excluded = nc.excluded.into_iter().flat_map(|s| s.iter()).filter_map(|t| t.base.ok()).map(|b| (true, b));
    permitted.chain(excluded)
}

fn side(excluded: bool) -> &'static str {
    if excluded {
        "excludedSubtrees"
    } else {
        "permittedSubtrees"
    }
}

/// `cabf_br.subca_name_constraints_missing`
///
/// **What it checks**: a subordinate CA given as technically constrained for TLS carries
/// nameConstraints.
///
/// **Why it matters**: TLS BR §7.1.2.5.1 lists nameConstraints as MUST in that profile:
/// the constraints are what make the CA technically constrained. Detection types a
/// serverAuth CA without nameConstraints as an unconstrained TLS CA, so this rule speaks
/// only when the caller gives the type (`subca_tc_tls`).
///
/// **Example**: a CA linted as `subca_tc_tls` without nameConstraints fails; with them
/// passes; an auto-detected TLS CA is not applicable.
pub struct SubcaNameConstraintsMissing;

impl Rule for SubcaNameConstraintsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subca_name_constraints_missing", Source::CabfBr, Severity::Error)
                .summary("technically constrained TLS subordinate CAs must contain nameConstraints")
                .citation("TLS BR §7.1.2.5.1")
                .scope(TC_TLS)
                .effective(SC62)
                .aliases(&["pkilint:cabf.serverauth.ca.name_constraints_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(
            cert,
            &ext::NAME_CONSTRAINTS,
            "the technically constrained TLS CA has no nameConstraints",
        )
    }
}

/// `cabf_br.subca_not_technically_constrained`
///
/// **What it checks**: a subordinate CA able to issue TLS certificates (EKU serverAuth,
/// anyExtendedKeyUsage, or no EKU) has no nameConstraints: a notice.
///
/// **Why it matters**: such a CA is not technically constrained (§7.1.2.5, §7.1.2.6; v1.x
/// §7.1.5), so it falls under the full audit and disclosure regime of the BRs and the
/// root programs. Not a defect: a fact the operator must account for.
///
/// **Example**: a serverAuth CA without nameConstraints gives a notice; with
/// nameConstraints (typed constrained) is not applicable; a clientAuth-only CA is not
/// applicable.
pub struct SubcaNotTechnicallyConstrained;

impl Rule for SubcaNotTechnicallyConstrained {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subca_not_technically_constrained", Source::CabfBr, Severity::Notice)
                .summary("a TLS-capable subordinate CA without name constraints is not technically constrained")
                .citation("TLS BR §7.1.2.5, §7.1.2.6; v1.x §7.1.5")
                .scope(Scope::of(CertType::SubCaTls).with(CertType::SubCaCrossCertified))
                .effective(Time::ymd(2013, 7, 29))
                .aliases(&["zlint:n_sub_ca_eku_not_technically_constrained"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(
            cert.has_extension(&ext::NAME_CONSTRAINTS),
            "the subordinate CA may issue TLS certificates and has no nameConstraints: it is not technically constrained",
        )
    }
}

/// `cabf_br.tc_tls_name_constraints_incomplete`
///
/// **What it checks**: a technically constrained TLS CA's permittedSubtrees has a
/// directoryName, and for each of dNSName, IPv4 and IPv6 either permits some names or
/// excludes them all (a zero-length dNSName; an iPAddress of 8, or 32, zero octets).
///
/// **Why it matters**: TLS BR §7.1.2.5.2 requires the constraints to cover every name
/// type a TLS certificate can carry; a type left unconstrained is unconstrained, and the
/// CA could issue for any name of that type.
///
/// **Example**: permitted `dNSName example.com` plus a directoryName, excluded
/// `0.0.0.0/0` and `::/0` passes; dropping the IPv6 exclusion fails naming IPv6; a CA
/// without nameConstraints is not applicable.
pub struct TcTlsNameConstraintsIncomplete;

impl Rule for TcTlsNameConstraintsIncomplete {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.tc_tls_name_constraints_incomplete", Source::CabfBr, Severity::Error)
                .summary("a technically constrained TLS CA must constrain directoryName, dNSName, IPv4 and IPv6")
                .citation("TLS BR §7.1.2.5.2")
                .scope(TC_TLS)
                .effective(SC62)
                .aliases(&["pkilint:cabf.serverauth.ca.incomplete_name_constraints"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(nc) = constraints(cert) else { return Outcome::NotApplicable };
        let (mut dir, mut dns, mut v4, mut v6) = (false, false, false, false);
        let (mut no_dns, mut no_v4, mut no_v6) = (false, false, false);
        for (excluded, base) in bases(&nc) {
            match (excluded, base) {
                (false, GeneralName::DirectoryName(_)) => dir = true,
                (false, GeneralName::DnsName(_)) => dns = true,
                (false, GeneralName::IpAddress(a)) if a.len() == 8 => v4 = true,
                (false, GeneralName::IpAddress(a)) if a.len() == 32 => v6 = true,
                (true, GeneralName::DnsName([])) => no_dns = true,
                (true, GeneralName::IpAddress(a)) if a.len() == 8 && a.iter().all(|b| *b == 0) => no_v4 = true,
                (true, GeneralName::IpAddress(a)) if a.len() == 32 && a.iter().all(|b| *b == 0) => no_v6 = true,
                _ => {}
            }
        }
        let missing = [
            (!dir, "no directoryName in permittedSubtrees"),
            (!dns && !no_dns, "no dNSName permitted and no zero-length dNSName excluded"),
            (!v4 && !no_v4, "no IPv4 range permitted and 0.0.0.0/0 not excluded"),
            (!v6 && !no_v6, "no IPv6 range permitted and ::/0 not excluded"),
        ];
        match missing.iter().find(|(m, _)| *m) {
            None => Outcome::Pass,
            Some((_, what)) => Outcome::fail(format!("nameConstraints is incomplete: {what}")),
        }
    }
}

/// `cabf_br.tc_tls_name_constraints_type_not_allowed`
///
/// **What it checks**: a technically constrained TLS CA's subtrees use only dNSName,
/// iPAddress, directoryName and otherName bases.
///
/// **Why it matters**: TLS BR §7.1.2.5.2 marks every other name type ("Any other value")
/// MUST NOT: rfc822Name, URI and the rest have no place in a TLS hierarchy's
/// constraints.
///
/// **Example**: a permitted rfc822Name fails naming it; dNSName and directoryName pass;
/// a CA without nameConstraints is not applicable.
pub struct TcTlsNameConstraintsTypeNotAllowed;

impl Rule for TcTlsNameConstraintsTypeNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.tc_tls_name_constraints_type_not_allowed", Source::CabfBr, Severity::Error)
                .summary("a technically constrained TLS CA's name constraints may use only dNSName, iPAddress, directoryName and otherName")
                .citation("TLS BR §7.1.2.5.2")
                .scope(TC_TLS)
                .effective(SC62);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(nc) = constraints(cert) else { return Outcome::NotApplicable };
        let bad = bases(&nc).find(|(_, b)| {
            !matches!(
                b,
                GeneralName::DnsName(_)
                    | GeneralName::IpAddress(_)
                    | GeneralName::DirectoryName(_)
                    | GeneralName::OtherName { .. }
            )
        });
        match bad {
            None => Outcome::Pass,
            Some((excluded, b)) => Outcome::fail(format!("{} has a {} base", side(excluded), b.kind())),
        }
    }
}

/// `cabf_br.name_constraints_discouraged_type`
///
/// **What it checks**: a subordinate CA's name constraints use only dNSName, iPAddress
/// and directoryName bases. For constrained TLS CAs only otherName is reported here
/// (`cabf_br.tc_tls_name_constraints_type_not_allowed` reports the other types).
///
/// **Why it matters**: TLS BR §7.1.2.10.8 marks rfc822Name, otherName and any other type
/// NOT RECOMMENDED in CA name constraints.
///
/// **Example**: a permitted rfc822Name warns; dNSName passes; a CA without
/// nameConstraints is not applicable.
pub struct NameConstraintsDiscouragedType;

impl Rule for NameConstraintsDiscouragedType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.name_constraints_discouraged_type", Source::CabfBr, Severity::Warn)
                .summary("name constraints should use only dNSName, iPAddress and directoryName")
                .citation("TLS BR §7.1.2.10.8")
                .scope(SUBCA)
                .effective(SC62)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&["pkilint:cabf.serverauth.name_constraints_discouraged_name_type"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some(nc) = constraints(cert) else { return Outcome::NotApplicable };
        let tc_tls = profile::type_of(cert, ctx) == CertType::SubCaTcTls;
        let bad = bases(&nc).find(|(_, b)| match b {
            GeneralName::DnsName(_) | GeneralName::IpAddress(_) | GeneralName::DirectoryName(_) => false,
            GeneralName::OtherName { .. } => true,
            _ => !tc_tls,
        });
        match bad {
            None => Outcome::Pass,
            Some((excluded, b)) => Outcome::fail(format!("{} has a {} base", side(excluded), b.kind())),
        }
    }
}

/// `cabf_br.name_constraints_excluded_directory_name`
///
/// **What it checks**: a subordinate CA's excludedSubtrees has no directoryName base.
///
/// **Why it matters**: TLS BR §7.1.2.10.8 and §7.1.2.5.2 mark directoryName in
/// excludedSubtrees NOT RECOMMENDED: clients apply directory-name exclusions to the
/// subject inconsistently, and the CA must confirm permitted names anyway.
///
/// **Example**: an excluded directoryName warns; a permitted one passes; a CA without
/// nameConstraints is not applicable.
pub struct NameConstraintsExcludedDirectoryName;

impl Rule for NameConstraintsExcludedDirectoryName {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.name_constraints_excluded_directory_name", Source::CabfBr, Severity::Warn)
                .summary("directoryName should not appear in excludedSubtrees")
                .citation("TLS BR §7.1.2.10.8, §7.1.2.5.2")
                .scope(SUBCA)
                .effective(SC62)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&["pkilint:cabf.serverauth.name_constraints_dirname_in_excluded_subtrees"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(nc) = constraints(cert) else { return Outcome::NotApplicable };
        Outcome::check(
            !bases(&nc).any(|(excluded, b)| excluded && matches!(b, GeneralName::DirectoryName(_))),
            "excludedSubtrees has a directoryName base",
        )
    }
}

/// `cabf_br.name_constraints_reserved_ip`
///
/// **What it checks**: no iPAddress range in a subordinate CA's permittedSubtrees
/// overlaps a Reserved IP Address block (the IANA IPv4 and IPv6 special-purpose address
/// registries).
///
/// **Why it matters**: TLS BR §7.1.2.10.8 and §7.1.2.5.2 require the CA to confirm the
/// applicant holds every permitted range, and §4.2.2/§7.1.2.7.12 forbid certificates for
/// Reserved IP Addresses: permitting such a range authorises names nobody can own.
///
/// **Example**: permitted `192.168.0.0/16` fails; `203.0.114.0/24` passes; a CA without
/// iPAddress constraints is not applicable.
pub struct NameConstraintsReservedIp;

impl Rule for NameConstraintsReservedIp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.name_constraints_reserved_ip", Source::CabfBr, Severity::Error)
            .summary("permitted iPAddress subtrees must not cover Reserved IP Addresses")
            .citation("TLS BR §7.1.2.10.8, §7.1.2.5.2")
            .scope(SUBCA)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
            .aliases(&["zlint:e_ext_nc_intersects_reserved_ip"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(nc) = constraints(cert) else { return Outcome::NotApplicable };
        let mut any = false;
        for (excluded, base) in bases(&nc) {
            let GeneralName::IpAddress(range) = base else { continue };
            if excluded {
                continue;
            }
            any = true;
            let block = ip_range(range).and_then(|(addr, len)| ip_ranges::overlapping(addr, len));
            if let Some(block) = block {
                return Outcome::fail(format!(
                    "permittedSubtrees iPAddress {} overlaps the reserved block {}",
                    show(range),
                    block.cidr()
                ));
            }
        }
        if any {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// The (address, mask) of an iPAddress constraint as an address and a prefix length.
fn ip_range(range: &[u8]) -> Option<(&[u8], u32)> {
    let half = range.len() / 2;
    Some((range.get(..half)?, prefix_len(range.get(half..)?)))
}

/// The length of the leading run of one bits in a mask.
fn prefix_len(mask: &[u8]) -> u32 {
    let mut n = 0;
    for b in mask {
        n += b.leading_ones();
        if *b != 0xff {
            break;
        }
    }
    n
}

/// The constraint for messages: `a.b.c.d/n` or hex groups for IPv6.
fn show(range: &[u8]) -> String {
    let half = range.len() / 2;
    let (Some(addr), Some(mask)) = (range.get(..half), range.get(half..)) else { return String::from("?") };
    let len = prefix_len(mask);
    if half == 4 {
        let mut s = String::new();
        for (i, b) in addr.iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            s.push_str(&format!("{b}"));
        }
        format!("{s}/{len}")
    } else {
        let mut s = String::new();
        for (i, pair) in addr.chunks(2).enumerate() {
            if i > 0 {
                s.push(':');
            }
            let hi = pair.first().copied().unwrap_or(0);
            let lo = pair.get(1).copied().unwrap_or(0);
            s.push_str(&format!("{:x}", u16::from_be_bytes([hi, lo])));
        }
        format!("{s}/{len}")
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::super::profile::test_support::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    fn subtree(base: Vec<u8>) -> Vec<u8> {
        seq(&[&base])
    }

    fn nc(permitted: &[Vec<u8>], excluded: &[Vec<u8>]) -> Vec<u8> {
        let mut parts: Vec<Vec<u8>> = Vec::new();
        if !permitted.is_empty() {
            let items: Vec<Vec<u8>> = permitted.iter().map(|b| subtree(b.clone())).collect();
            parts.push(ctx_cons(0, &items.concat()));
        }
        if !excluded.is_empty() {
            let items: Vec<Vec<u8>> = excluded.iter().map(|b| subtree(b.clone())).collect();
            parts.push(ctx_cons(1, &items.concat()));
        }
        seq_vec(&parts)
    }

    fn dns(n: &str) -> Vec<u8> {
        ctx_prim(2, n.as_bytes())
    }
    fn ip(v: &[u8]) -> Vec<u8> {
        ctx_prim(7, v)
    }
    fn dir() -> Vec<u8> {
        ctx_cons(4, &issuer_name())
    }

    /// A complete §7.1.2.5.2 constraint: example.com and a directoryName permitted, all
    /// IPv4 and IPv6 excluded.
    fn complete() -> Vec<u8> {
        nc(&[dns("example.com"), dir()], &[ip(&[0; 8]), ip(&[0; 32])])
    }

    fn ca(value: &[u8]) -> CertBuilder {
        CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, true, value)
    }

    #[test]
    fn missing_and_not_constrained() {
        let t = CertType::SubCaTcTls;
        assert_typed(&SubcaNameConstraintsMissing, &ca(&complete()), t, Status::Pass);
        let b = CertBuilder::sub_ca();
        assert_typed(&SubcaNameConstraintsMissing, &b, t, Status::Error);
        assert_typed(&SubcaNameConstraintsMissing, &day_before(&b, SC62), t, Status::NotEffective);
        assert_typed(&SubcaNameConstraintsMissing, &b.clone().not_before(SC62), t, Status::Error);
        assert_status(&SubcaNameConstraintsMissing, &b, Status::NotApplicable);

        let r = &SubcaNotTechnicallyConstrained;
        assert_status(r, &b, Status::Notice);
        assert_status(r, &sub_ca_eku(None), Status::Notice);
        assert_typed(r, &ca(&complete()), CertType::SubCaTls, Status::Pass);
        assert_status(r, &ca(&complete()), Status::NotApplicable);
        assert_status(r, &sub_ca_eku(Some(&[&crate::oid::eku::CLIENT_AUTH])), Status::NotApplicable);
        let d = Time::ymd(2013, 7, 29);
        assert_status(r, &day_before(&b, d), Status::NotEffective);
        assert_status(r, &b.not_before(d), Status::Notice);
    }

    #[test]
    fn incomplete() {
        let r = &TcTlsNameConstraintsIncomplete;
        assert_status(r, &ca(&complete()), Status::Pass);
        // Permitting ranges instead of excluding everything also passes.
        let ranges = nc(&[dns("example.com"), dir(), ip(&[203, 0, 114, 0, 255, 255, 255, 0]), ip(&[0x2a; 32])], &[]);
        assert_status(r, &ca(&ranges), Status::Pass);
        // Exclude all DNS names instead of permitting some.
        let no_dns = nc(&[dir()], &[dns(""), ip(&[0; 8]), ip(&[0; 32])]);
        assert_status(r, &ca(&no_dns), Status::Pass);
        for (value, what) in [
            (nc(&[dns("example.com")], &[ip(&[0; 8]), ip(&[0; 32])]), "no directoryName"),
            (nc(&[dir()], &[ip(&[0; 8]), ip(&[0; 32])]), "no dNSName"),
            (nc(&[dns("example.com"), dir()], &[ip(&[0; 32])]), "no IPv4"),
            (nc(&[dns("example.com"), dir()], &[ip(&[0; 8])]), "no IPv6"),
        ] {
            let b = ca(&value);
            assert_status(r, &b, Status::Error);
            assert!(message(r, &b).contains(what), "{}", message(r, &b));
        }
        let bad = ca(&nc(&[dir()], &[ip(&[0; 8]), ip(&[0; 32])]));
        assert_status(r, &day_before(&bad, SC62), Status::NotEffective);
        assert_status(r, &bad.not_before(SC62), Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn type_not_allowed() {
        let r = &TcTlsNameConstraintsTypeNotAllowed;
        assert_status(r, &ca(&complete()), Status::Pass);
        let email = nc(&[dns("example.com"), dir(), ctx_prim(1, b"example.com")], &[ip(&[0; 8]), ip(&[0; 32])]);
        let b = ca(&email);
        assert_status(r, &b, Status::Error);
        assert_eq!(message(r, &b), "permittedSubtrees has a rfc822Name base");
        let uri = nc(&[dns("example.com"), dir()], &[ip(&[0; 8]), ip(&[0; 32]), ctx_prim(6, b".example.com")]);
        assert_eq!(message(r, &ca(&uri)), "excludedSubtrees has a uniformResourceIdentifier base");
        assert_status(r, &day_before(&b, SC62), Status::NotEffective);
        assert_status(r, &b.not_before(SC62), Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn discouraged_type() {
        let r = &NameConstraintsDiscouragedType;
        assert_status(r, &ca(&complete()), Status::Pass);
        // Non-TLS CA with an rfc822Name constraint: discouraged.
        let email = nc(&[ctx_prim(1, b"example.com")], &[]);
        let nontls = sub_ca_eku(Some(&[&crate::oid::eku::CLIENT_AUTH])).ext(&ext::NAME_CONSTRAINTS, true, &email);
        assert_status(r, &nontls, Status::Warn);
        // Constrained TLS CA: rfc822Name is left to the MUST NOT rule, otherName warns.
        let tls_email = nc(&[dns("example.com"), dir(), ctx_prim(1, b"example.com")], &[ip(&[0; 8]), ip(&[0; 32])]);
        assert_status(r, &ca(&tls_email), Status::Pass);
        let other = ctx_cons(0, &[oid(&crate::oid::ext::NETSCAPE_COMMENT), ctx_cons(0, &tlv(0x0c, b"x"))].concat());
        let tls_other = nc(&[dns("example.com"), dir(), other], &[ip(&[0; 8]), ip(&[0; 32])]);
        let b = ca(&tls_other);
        assert_status(r, &b, Status::Warn);
        assert_eq!(message(r, &b), "permittedSubtrees has a otherName base");
        assert_status(r, &day_before(&b, SC62), Status::NotEffective);
        assert_status(r, &b.not_before(SC62), Status::Warn);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn excluded_directory_name() {
        let r = &NameConstraintsExcludedDirectoryName;
        assert_status(r, &ca(&complete()), Status::Pass);
        let b = ca(&nc(&[dns("example.com"), dir()], &[ip(&[0; 8]), ip(&[0; 32]), dir()]));
        assert_status(r, &b, Status::Warn);
        assert_status(r, &day_before(&b, SC62), Status::NotEffective);
        assert_status(r, &b.not_before(SC62), Status::Warn);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn reserved_ip() {
        let r = &NameConstraintsReservedIp;
        let public = nc(&[dns("example.com"), dir(), ip(&[203, 0, 114, 0, 255, 255, 255, 0])], &[ip(&[0; 32])]);
        assert_status(r, &ca(&public), Status::Pass);
        let private = nc(&[dns("example.com"), dir(), ip(&[192, 168, 0, 0, 255, 255, 0, 0])], &[ip(&[0; 32])]);
        let b = ca(&private);
        assert_status(r, &b, Status::Error);
        assert_eq!(
            message(r, &b),
            "permittedSubtrees iPAddress 192.168.0.0/16 overlaps the reserved block 192.168.0.0/16"
        );
        // Excluding everything is not permitting it.
        assert_status(r, &ca(&complete()), Status::NotApplicable);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        let d = Time::ymd(2012, 7, 1);
        assert_status(r, &day_before(&b, d), Status::NotEffective);
        assert_status(r, &b.not_before(d), Status::Error);
    }
}
