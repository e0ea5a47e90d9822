//! nameConstraints (RFC 5280 §4.2.1.10, as updated by RFC 9549 §2.2 and RFC 9598 §6).

use alloc::format;

use crate::asn1;
use crate::cert::{lossy, GeneralName, GeneralSubtree};
use crate::domain;
use crate::oid::{ext, other_name};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

use super::san::verdict;

pub(crate) static RULES: &[&dyn Rule] = &[
    &NameConstraintsNotCritical,
    &NameConstraintsInNonCa,
    &NameConstraintsEmpty,
    &NameConstraintsSubtreesEmpty,
    &NameConstraintsMinimumNotZero,
    &NameConstraintsMaximumPresent,
    &NameConstraintsUriNotFqdn,
    &NameConstraintsDiscouragedForm,
    &NameConstraintsIpWrongLength,
    &NameConstraintsIpMaskNotContiguous,
    &NameConstraintsSmtpUtf8Mailbox,
    &NameConstraintsRfc822Mailbox,
    &NameConstraintsRfc822NotIdna2008,
];

/// Every GeneralSubtree of a decodable nameConstraints, with `"permitted"` or `"excluded"`.
fn subtrees(cert: &Certificate) -> impl Iterator<Item = (&'static str, GeneralSubtree<'_>)> + '_ {
    let nc = cert.name_constraints().and_then(Result::ok).map(|e| e.value);
    nc.into_iter().flat_map(|nc| {
        let p = nc.permitted.into_iter().flat_map(|s| s.iter().map(|t| ("permitted", t)));
        let x = nc.excluded.into_iter().flat_map(|s| s.iter().map(|t| ("excluded", t)));
        p.chain(x)
    })
}

/// The decodable bases of every subtree.
fn bases(cert: &Certificate) -> impl Iterator<Item = (&'static str, GeneralName<'_>)> + '_ {
    subtrees(cert).filter_map(|(w, t)| t.base.ok().map(|b| (w, b)))
}

/// `rfc5280.name_constraints_not_critical`
///
/// **What it checks**: nameConstraints is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says conforming CAs MUST mark the extension
/// critical: a relying party that ignored the constraints would accept names the CA was
/// never allowed to certify.
///
/// **Example**: a non-critical nameConstraints fails; a critical one passes; a CA without
/// nameConstraints is not applicable.
pub struct NameConstraintsNotCritical;

impl Rule for NameConstraintsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_not_critical", Source::Rfc5280, Severity::Error)
                .summary("nameConstraints must be critical")
                .citation("RFC 5280 §4.2.1.10")
                .effective(Time::ymd(1999, 1, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&[
                    "zlint:e_ext_name_constraints_not_critical",
                    "pkilint:pkix.certificate_name_constraints_extension_not_critical",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::NAME_CONSTRAINTS) {
            Some(e) => Outcome::check(e.is_critical(), "nameConstraints is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.name_constraints_in_non_ca`
///
/// **What it checks**: a certificate that is not a CA (basicConstraints cA not TRUE) does
/// not carry nameConstraints.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says the extension MUST be used only in a CA
/// certificate; it constrains the names in certificates below, and an end entity has none.
///
/// **Example**: a TLS leaf with nameConstraints fails; one without passes; CA certificates
/// are not applicable.
pub struct NameConstraintsInNonCa;

impl Rule for NameConstraintsInNonCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.name_constraints_in_non_ca", Source::Rfc5280, Severity::Error)
            .summary("nameConstraints may only appear in CA certificates")
            .citation("RFC 5280 §4.2.1.10")
            .effective(Time::ymd(1999, 1, 1))
            .scope(Scope::END_ENTITY)
            .aliases(&["zlint:e_ext_name_constraints_not_in_ca", "pkilint:pkix.name_constraints_in_ee_certificate"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_ca() {
            return Outcome::NotApplicable;
        }
        Outcome::check(
            !cert.has_extension(&ext::NAME_CONSTRAINTS),
            "nameConstraints appears in a certificate that is not a CA",
        )
    }
}

/// `rfc5280.name_constraints_empty`
///
/// **What it checks**: nameConstraints has permittedSubtrees or excludedSubtrees.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says CAs MUST NOT issue certificates where name
/// constraints is an empty sequence; a critical extension that constrains nothing only
/// breaks relying parties that do not support it.
///
/// **Example**: `nameConstraints: SEQUENCE {}` fails; one with permittedSubtrees passes; a
/// CA without nameConstraints is not applicable.
pub struct NameConstraintsEmpty;

impl Rule for NameConstraintsEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.name_constraints_empty", Source::Rfc5280, Severity::Error)
            .summary("nameConstraints must have permitted or excluded subtrees")
            .citation("RFC 5280 §4.2.1.10")
            .effective(Time::ymd(2008, 5, 1))
            .scope(Scope::CA)
            .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
            .aliases(&["zlint:e_name_constraint_empty", "pkilint:pkix.name_constraints_no_subtrees"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.name_constraints() {
            Some(Ok(nc)) => Outcome::check(
                nc.value.permitted.is_some() || nc.value.excluded.is_some(),
                "nameConstraints has neither permittedSubtrees nor excludedSubtrees",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.name_constraints_subtrees_empty`
///
/// **What it checks**: a present permittedSubtrees or excludedSubtrees holds at least one
/// GeneralSubtree.
///
/// **Why it matters**: `GeneralSubtrees` is `SEQUENCE SIZE (1..MAX)` (RFC 5280 §4.2.1.10);
/// an empty list is not DER of the type, and validators disagree on whether an empty
/// permitted list permits nothing or everything.
///
/// **Example**: `permittedSubtrees [0] {}` fails; one subtree passes; no nameConstraints is
/// not applicable.
pub struct NameConstraintsSubtreesEmpty;

impl Rule for NameConstraintsSubtreesEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_subtrees_empty", Source::Rfc5280, Severity::Error)
                .summary("permittedSubtrees and excludedSubtrees must not be empty when present")
                .citation("RFC 5280 §4.2.1.10")
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(nc)) = cert.name_constraints() else { return Outcome::NotApplicable };
        if nc.value.permitted.is_some_and(|s| s.is_empty()) {
            return Outcome::fail("permittedSubtrees is present but empty");
        }
        if nc.value.excluded.is_some_and(|s| s.is_empty()) {
            return Outcome::fail("excludedSubtrees is present but empty");
        }
        Outcome::Pass
    }
}

/// `rfc5280.name_constraints_minimum_not_zero`
///
/// **What it checks**: no GeneralSubtree has a minimum other than 0. (An explicitly
/// encoded 0 is a DER matter for `rfc5280.der_explicit_default_value`.)
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says that within this profile the minimum MUST
/// be zero: the minimum/maximum distance semantics are not used with any name form.
///
/// **Example**: a subtree with `minimum [0] 1` fails; one without minimum passes; no
/// nameConstraints is not applicable.
pub struct NameConstraintsMinimumNotZero;

impl Rule for NameConstraintsMinimumNotZero {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_minimum_not_zero", Source::Rfc5280, Severity::Error)
                .summary("a GeneralSubtree minimum must be zero")
                .citation("RFC 5280 §4.2.1.10")
                .effective(Time::ymd(1999, 1, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&[
                    "zlint:e_name_constraint_minimum_non_zero",
                    "pkilint:pkix.name_constraints_non_default_minimum",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        verdict(subtrees(cert), |(w, t)| match t.minimum {
            Some(m) if !asn1::int_is_zero(m) => {
                let v = asn1::uint_value(m).map_or_else(|| "out of range".into(), |v| format!("{v}"));
                Some(format!("a {w} subtree has minimum {v} (must be 0)"))
            }
            _ => None,
        })
    }
}

/// `rfc5280.name_constraints_maximum_present`
///
/// **What it checks**: no GeneralSubtree carries a maximum.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says that within this profile the maximum MUST
/// be absent.
///
/// **Example**: a subtree with `maximum [1] 2` fails; one without passes; no
/// nameConstraints is not applicable.
pub struct NameConstraintsMaximumPresent;

impl Rule for NameConstraintsMaximumPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_maximum_present", Source::Rfc5280, Severity::Error)
                .summary("a GeneralSubtree must not have a maximum")
                .citation("RFC 5280 §4.2.1.10")
                .effective(Time::ymd(1999, 1, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&[
                    "zlint:e_name_constraint_maximum_not_absent",
                    "pkilint:pkix.name_constraints_maximum_specified",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        verdict(subtrees(cert), |(w, t)| t.maximum.map(|_| format!("a {w} subtree has a maximum")))
    }
}

/// `rfc5280.name_constraints_uri_not_fqdn`
///
/// **What it checks**: each uniformResourceIdentifier constraint is a host name or a
/// domain starting with a period: no scheme, port, path or userinfo, and a fully
/// qualified, syntactically valid domain name.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says a URI constraint MUST be specified as a
/// fully qualified domain name (`host.example.com`, or `.example.com` for a domain), and
/// applies to the host part of URIs; `http://example.com/` as a constraint matches no
/// host at all.
///
/// **Example**: `.example.com` and `www.example.com` pass; `http://example.com/` and
/// `example` fail; a CA without URI constraints is not applicable.
pub struct NameConstraintsUriNotFqdn;

impl Rule for NameConstraintsUriNotFqdn {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_uri_not_fqdn", Source::Rfc5280, Severity::Error)
                .summary("a URI name constraint must be a fully qualified host or domain")
                .citation("RFC 5280 §4.2.1.10")
                .effective(Time::ymd(2008, 5, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&["zlint:e_name_constraint_not_fqdn"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let items = bases(cert).filter_map(|(w, b)| match b {
            GeneralName::Uri(u) => Some((w, u)),
            _ => None,
        });
        verdict(items, |(w, u)| {
            let (domain_form, body) = match u.strip_prefix(b".") {
                Some(rest) => (true, rest),
                None => (false, u),
            };
            let ok = match domain::check_dns_name(body) {
                Ok(n) => !n.is_wildcard() && (domain_form || n.label_count() >= 2),
                Err(_) => false,
            };
            (!ok).then(|| format!("{w} URI constraint \"{}\" is not a fully qualified host or domain", lossy(u)))
        })
    }
}

/// `rfc5280.name_constraints_discouraged_form`
///
/// **What it checks**: no GeneralSubtree constrains the x400Address, ediPartyName or
/// registeredID forms.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 says CAs SHOULD NOT impose name constraints on
/// these forms: their matching rules are undefined, and a critical extension with them is
/// processed inconsistently or rejected.
///
/// **Example**: an excluded `registeredID` subtree warns; dNSName subtrees pass; no
/// nameConstraints is not applicable.
pub struct NameConstraintsDiscouragedForm;

impl Rule for NameConstraintsDiscouragedForm {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_discouraged_form", Source::Rfc5280, Severity::Warn)
                .summary("name constraints should not use x400Address, ediPartyName or registeredID")
                .citation("RFC 5280 §4.2.1.10")
                .effective(Time::ymd(2008, 5, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&[
                    "zlint:w_name_constraint_on_x400",
                    "zlint:w_name_constraint_on_edi_party_name",
                    "zlint:w_name_constraint_on_registered_id",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        verdict(bases(cert), |(w, b)| match b {
            GeneralName::X400Address(_) | GeneralName::EdiPartyName(_) | GeneralName::RegisteredId(_) => {
                Some(format!("a {w} subtree constrains the {} form", b.kind()))
            }
            _ => None,
        })
    }
}

/// The iPAddress constraint bases.
fn ip_bases(cert: &Certificate) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
    bases(cert).filter_map(|(w, b)| match b {
        GeneralName::IpAddress(ip) => Some((w, ip)),
        _ => None,
    })
}

/// `rfc5280.name_constraints_ip_wrong_length`
///
/// **What it checks**: each iPAddress constraint is 8 octets (IPv4 address and mask) or 32
/// octets (IPv6 address and mask).
///
/// **Why it matters**: RFC 5280 §4.2.1.10 encodes an address range as the address followed
/// by the mask, in CIDR form; any other length is not a range, and validators either
/// reject the certificate or ignore the constraint.
///
/// **Example**: `C0 00 02 00 FF FF FF 00` (192.0.2.0/24) passes; a 4-octet address fails;
/// no iPAddress constraint is not applicable.
pub struct NameConstraintsIpWrongLength;

impl Rule for NameConstraintsIpWrongLength {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_ip_wrong_length", Source::Rfc5280, Severity::Error)
                .summary("an iPAddress name constraint must be 8 or 32 octets")
                .citation("RFC 5280 §4.2.1.10")
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&["pkilint:pkix.ip_address_name_constraint_wrong_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        verdict(ip_bases(cert), |(w, ip)| {
            (ip.len() != 8 && ip.len() != 32)
                .then(|| format!("a {w} iPAddress constraint is {} octets (must be 8 or 32)", ip.len()))
        })
    }
}

/// `rfc5280.name_constraints_ip_mask_not_contiguous`
///
/// **What it checks**: the mask half of each 8- or 32-octet iPAddress constraint is a CIDR
/// prefix (ones, then only zeros), and the address has no bit set outside the mask.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 expresses subtrees in the CIDR notation of RFC
/// 4632; a non-contiguous mask or host bits beyond the prefix describe no CIDR block, and
/// validators interpret them differently.
///
/// **Example**: 192.0.2.0/255.255.255.0 passes; mask 255.0.255.0 and address 192.0.2.1
/// with mask 255.255.255.0 fail; no iPAddress constraint of a valid length is not
/// applicable.
pub struct NameConstraintsIpMaskNotContiguous;

impl Rule for NameConstraintsIpMaskNotContiguous {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.name_constraints_ip_mask_not_contiguous", Source::Rfc5280, Severity::Error)
                .summary("an iPAddress name constraint must be a CIDR block")
                .citation("RFC 5280 §4.2.1.10; RFC 4632 §3.1")
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
                .aliases(&["pkilint:pkix.ip_address_name_constraint_invalid_cidr"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let items = ip_bases(cert).filter(|(_, ip)| ip.len() == 8 || ip.len() == 32);
        verdict(items, |(w, ip)| {
            let (addr, mask) = ip.split_at(ip.len() / 2);
            let mut seen_zero = false;
            for &m in mask {
                for bit in (0..8).rev() {
                    let one = m & (1 << bit) != 0;
                    if one && seen_zero {
                        return Some(format!("a {w} iPAddress constraint has a non-contiguous mask"));
                    }
                    seen_zero |= !one;
                }
            }
            addr.iter()
                .zip(mask)
                .any(|(a, m)| a & !m != 0)
                .then(|| format!("a {w} iPAddress constraint has address bits set outside its mask"))
        })
    }
}

/// `rfc9598.name_constraints_smtp_utf8_mailbox`
///
/// **What it checks**: no GeneralSubtree base is a SmtpUTF8Mailbox otherName.
///
/// **Why it matters**: RFC 9598 §6 extends rfc822Name constraints to SmtpUTF8Mailbox names
/// and requires CAs to express email address constraints with rfc822Name only; a
/// SmtpUTF8Mailbox constraint is ignored by conforming validators.
///
/// **Example**: an rfc822Name `.example.com` subtree passes; a SmtpUTF8Mailbox subtree
/// fails; no nameConstraints is not applicable.
pub struct NameConstraintsSmtpUtf8Mailbox;

impl Rule for NameConstraintsSmtpUtf8Mailbox {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.name_constraints_smtp_utf8_mailbox", Source::Rfc5280, Severity::Error)
                .summary("email name constraints must use rfc822Name, not SmtpUTF8Mailbox")
                .citation("RFC 9598 §6")
                .effective(Time::ymd(2024, 5, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        verdict(bases(cert), |(w, b)| match b {
            GeneralName::OtherName { type_id, .. } if type_id.is(&other_name::SMTP_UTF8_MAILBOX) => {
                Some(format!("a {w} subtree is a SmtpUTF8Mailbox; email constraints must be rfc822Name"))
            }
            _ => None,
        })
    }
}

/// `rfc9598.name_constraints_rfc822_mailbox`
///
/// **What it checks**: no rfc822Name constraint names a particular mailbox (contains `@`);
/// constraints name a host (`example.com`) or a domain (`.example.com`).
///
/// **Why it matters**: RFC 9598 §6 deprecates rfc822Name constraints with a local-part
/// (they SHOULD NOT be used): they cannot be applied to SmtpUTF8Mailbox names, whose
/// local-parts are not ASCII, so they constrain only part of the address space.
///
/// **Example**: `.example.com` passes; `alice@example.com` warns; no rfc822Name constraint
/// is not applicable.
pub struct NameConstraintsRfc822Mailbox;

impl Rule for NameConstraintsRfc822Mailbox {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.name_constraints_rfc822_mailbox", Source::Rfc5280, Severity::Warn)
                .summary("rfc822Name constraints should not name a particular mailbox")
                .citation("RFC 9598 §6")
                .effective(Time::ymd(2024, 5, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let items = bases(cert).filter_map(|(w, b)| match b {
            GeneralName::Rfc822Name(m) => Some((w, m)),
            _ => None,
        });
        verdict(items, |(w, m)| {
            m.contains(&b'@').then(|| format!("a {w} rfc822Name constraint names the mailbox \"{}\"", lossy(m)))
        })
    }
}

/// `rfc9598.name_constraints_rfc822_not_idna2008`
///
/// **What it checks**: each rfc822Name constraint is ASCII, and the labels of its domain
/// are valid IDNA2008 labels: `xn--` labels are valid A-labels and no other label has `--`
/// in positions 3-4.
///
/// **Why it matters**: RFC 9598 §6 says email address name constraints MUST be
/// IDNA2008-conformant names with non-ASCII domains encoded in A-labels only; the
/// constraint is compared octet for octet (after lowercasing) with the A-label form of
/// the subject's addresses, so a U-label or a broken A-label never matches.
///
/// **Example**: `.xn--bcher-kva.example` passes; `.bücher.example` and `.xn--zz.example`
/// fail; no rfc822Name constraint is not applicable.
pub struct NameConstraintsRfc822NotIdna2008;

impl Rule for NameConstraintsRfc822NotIdna2008 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.name_constraints_rfc822_not_idna2008", Source::Rfc5280, Severity::Error)
                .summary("rfc822Name constraints must be IDNA2008 names in A-label form")
                .citation("RFC 9598 §6")
                .effective(Time::ymd(2024, 5, 1))
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::NAME_CONSTRAINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let items = bases(cert).filter_map(|(w, b)| match b {
            GeneralName::Rfc822Name(m) => Some((w, m)),
            _ => None,
        });
        verdict(items, |(w, m)| {
            let Some(text) = core::str::from_utf8(m).ok().filter(|t| t.is_ascii()) else {
                return Some(format!("a {w} rfc822Name constraint \"{}\" is not ASCII", lossy(m)));
            };
            let host = text.rsplit_once('@').map_or(text, |(_, d)| d);
            let host = host.strip_prefix('.').unwrap_or(host);
            crate::domain::idna::check_name_labels(host)
                .err()
                .map(|e| format!("a {w} rfc822Name constraint \"{text}\" is not IDNA2008: {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::san::testkit::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn subtree(base: &[u8]) -> Vec<u8> {
        seq(&[base])
    }

    /// A TLS sub-CA with nameConstraints built from permitted/excluded subtree elements.
    fn nc(critical: bool, permitted: &[Vec<u8>], excluded: Option<&[Vec<u8>]>) -> CertBuilder {
        let mut parts: Vec<Vec<u8>> = Vec::new();
        if !permitted.is_empty() {
            parts.push(ctx_cons(0, &permitted.concat()));
        }
        if let Some(x) = excluded {
            parts.push(ctx_cons(1, &x.concat()));
        }
        CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, critical, &seq_vec(&parts))
    }

    fn good() -> CertBuilder {
        nc(true, &[subtree(&dns("example.com"))], None)
    }

    #[test]
    fn not_critical() {
        let r = &NameConstraintsNotCritical;
        assert_status(r, &good(), Status::Pass);
        let b = nc(false, &[subtree(&dns("example.com"))], None);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn in_non_ca() {
        let r = &NameConstraintsInNonCa;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let b =
            CertBuilder::leaf().ext(&ext::NAME_CONSTRAINTS, true, &seq(&[&ctx_cons(0, &subtree(&dns("a.example")))]));
        assert_status(r, &b, Status::Error);
        assert_status(r, &good(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn empty() {
        let r = &NameConstraintsEmpty;
        assert_status(r, &good(), Status::Pass);
        let b = nc(true, &[], None);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (2008, 5, 1), Status::Error);

        let r = &NameConstraintsSubtreesEmpty;
        assert_status(r, &good(), Status::Pass);
        assert!(finding(r, &nc(true, &[], Some(&[])).build(), &Context::default()).1.contains("excludedSubtrees"));
        let empty_permitted = CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, true, &seq(&[&ctx_cons(0, &[])]));
        assert_status(r, &empty_permitted, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn minimum_and_maximum() {
        let r = &NameConstraintsMinimumNotZero;
        assert_status(r, &good(), Status::Pass);
        assert_status(r, &nc(true, &[seq(&[&dns("a.example"), &ctx_prim(0, &[0])])], None), Status::Pass);
        let b = nc(true, &[seq(&[&dns("a.example"), &ctx_prim(0, &[1])])], None);
        assert!(message(r, &b).contains("minimum 1"));
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);

        let r = &NameConstraintsMaximumPresent;
        assert_status(r, &good(), Status::Pass);
        let b = nc(true, &[subtree(&dns("a.example"))], Some(&[seq(&[&dns("b.example"), &ctx_prim(1, &[2])])]));
        assert!(message(r, &b).contains("excluded"));
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn uri_not_fqdn() {
        let r = &NameConstraintsUriNotFqdn;
        assert_status(
            r,
            &nc(true, &[subtree(&uri(".example.com")), subtree(&uri("www.example.com"))], None),
            Status::Pass,
        );
        for bad in ["http://example.com/", "example", "user@example.com", "example.com:443", "*.example.com"] {
            assert_status(r, &nc(true, &[subtree(&uri(bad))], None), Status::Error);
        }
        assert_status(r, &good(), Status::NotApplicable);
        dated(r, &nc(true, &[subtree(&uri("http://x.example/"))], None), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn discouraged_forms() {
        let r = &NameConstraintsDiscouragedForm;
        assert_status(r, &good(), Status::Pass);
        let rid = ctx_prim(8, crate::oid::eku::SERVER_AUTH.as_bytes());
        let b = nc(true, &[subtree(&dns("a.example"))], Some(&[subtree(&rid)]));
        assert!(message(r, &b).contains("registeredID"));
        assert_status(r, &nc(true, &[subtree(&ctx_cons(3, &seq(&[])))], None), Status::Warn);
        assert_status(
            r,
            &nc(true, &[subtree(&ctx_cons(5, &seq(&[&ctx_cons(1, &tlv(tag::UTF8_STRING, b"x"))])))], None),
            Status::Warn,
        );
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (2008, 5, 1), Status::Warn);
    }

    #[test]
    fn ip_constraints() {
        let ok = ip(&[192, 0, 2, 0, 255, 255, 255, 0]);
        let mut v6 = [0u8; 32];
        v6[..2].copy_from_slice(&[0x20, 0x01]);
        v6[16..20].copy_from_slice(&[0xff, 0xff, 0xff, 0xf0]);
        let r = &NameConstraintsIpWrongLength;
        assert_status(r, &nc(true, &[subtree(&ok), subtree(&ip(&v6))], None), Status::Pass);
        assert!(message(r, &nc(true, &[subtree(&ip(&[192, 0, 2, 1]))], None)).contains("4 octets"));
        assert_status(r, &good(), Status::NotApplicable);

        let r = &NameConstraintsIpMaskNotContiguous;
        assert_status(r, &nc(true, &[subtree(&ok), subtree(&ip(&v6))], None), Status::Pass);
        assert_status(r, &nc(true, &[subtree(&ip(&[0; 8]))], None), Status::Pass);
        let holes = nc(true, &[subtree(&ip(&[192, 0, 2, 0, 255, 0, 255, 0]))], None);
        assert!(message(r, &holes).contains("non-contiguous"));
        let host_bits = nc(true, &[subtree(&ip(&[192, 0, 2, 1, 255, 255, 255, 0]))], None);
        assert!(message(r, &host_bits).contains("outside its mask"));
        assert_status(r, &nc(true, &[subtree(&ip(&[192, 0, 2, 1]))], None), Status::NotApplicable);
    }

    #[test]
    fn smtp_utf8_constraint() {
        let r = &NameConstraintsSmtpUtf8Mailbox;
        assert_status(r, &nc(true, &[subtree(&email(".example.com"))], None), Status::Pass);
        let b = nc(true, &[subtree(&smtp("example.com"))], None);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (2024, 5, 1), Status::Error);

        let r = &NameConstraintsRfc822Mailbox;
        assert_status(
            r,
            &nc(true, &[subtree(&email(".example.com")), subtree(&email("example.com"))], None),
            Status::Pass,
        );
        let b = nc(true, &[subtree(&email("alice@example.com"))], None);
        assert_status(r, &b, Status::Warn);
        assert_status(r, &good(), Status::NotApplicable);
        dated(r, &b, (2024, 5, 1), Status::Warn);

        let r = &NameConstraintsRfc822NotIdna2008;
        assert_status(
            r,
            &nc(true, &[subtree(&email(".xn--bcher-kva.example")), subtree(&email("example.com"))], None),
            Status::Pass,
        );
        let b = nc(true, &[subtree(&email(".bücher.example"))], None);
        assert!(message(r, &b).contains("not ASCII"));
        assert_status(r, &nc(true, &[subtree(&email(".xn--zz.example"))], None), Status::Error);
        assert_status(r, &good(), Status::NotApplicable);
        dated(r, &b, (2024, 5, 1), Status::Error);
    }
}
