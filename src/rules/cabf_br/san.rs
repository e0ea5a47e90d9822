//! The subscriber subjectAltName (TLS BR §7.1.2.7.12): presence, name types, criticality
//! and Reserved IP Addresses. dNSName syntax is in the domain-name rules.

use alloc::format;
use core::net::IpAddr;

use super::subject::{ip_of, issued_before, BR_2_0_0};
use crate::cert::GeneralName;
use crate::oid::{attr, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] =
    &[&SubscriberSanMissing, &SubscriberSanTypeNotAllowed, &SubscriberSanCriticalWithSubject, &ReservedIpAddress];

/// `cabf_br.subscriber_san_missing`
///
/// **What it checks**: a TLS subscriber certificate has a subjectAltName extension.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 and §7.1.2.7.12 (and Mozilla's policy §5.2) make
/// the subjectAltName mandatory: it is where clients look for the names the certificate
/// is valid for.
///
/// **Example**: a DV certificate without subjectAltName fails; with `dNSName example.com`
/// passes; a CA is not applicable.
pub struct SubscriberSanMissing;

impl Rule for SubscriberSanMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_san_missing", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must contain subjectAltName")
            .citation("TLS BR §7.1.2.7.6, §7.1.2.7.12; MRSP §5.2")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_ext_san_missing",
                "pkilint:cabf.serverauth.subscriber.subject_altname_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(
            cert.has_extension(&crate::oid::ext::SUBJECT_ALT_NAME),
            "the subscriber certificate has no subjectAltName",
        )
    }
}

/// `cabf_br.subscriber_san_type_not_allowed`
///
/// **What it checks**: every entry of a TLS subscriber's subjectAltName is a dNSName or an
/// iPAddress. Entries that do not decode are left to the RFC 5280 rules.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 permits only those two name types: the others
/// (otherName, rfc822Name, x400Address, directoryName, ediPartyName, URI, registeredID)
/// cannot be validated under §3.2.2.4/§3.2.2.5.
///
/// **Example**: a SAN with `rfc822Name admin@example.com` fails; `dNSName example.com,
/// iPAddress 192.0.2.1` passes; a subscriber without SAN passes (see
/// `cabf_br.subscriber_san_missing`); a CA is not applicable.
pub struct SubscriberSanTypeNotAllowed;

impl Rule for SubscriberSanTypeNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_san_type_not_allowed", Source::CabfBr, Severity::Error)
                .summary("a subscriber subjectAltName may contain only dNSName and iPAddress entries")
                .citation("TLS BR §7.1.2.7.12")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
                .aliases(&[
                    "zlint:e_ext_san_directory_name_present",
                    "zlint:e_ext_san_edi_party_name_present",
                    "zlint:e_ext_san_other_name_present",
                    "zlint:e_ext_san_registered_id_present",
                    "zlint:e_ext_san_rfc822_name_present",
                    "zlint:e_ext_san_uniform_resource_identifier_present",
                    "pkilint:cabf.serverauth.prohibited_san_type",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(san)) = cert.subject_alt_name() else { return Outcome::NotApplicable };
        match san.value.names().find(|n| !matches!(n, GeneralName::DnsName(_) | GeneralName::IpAddress(_))) {
            None => Outcome::Pass,
            Some(n) => Outcome::fail(format!("the subjectAltName contains an entry of type {}", n.kind())),
        }
    }
}

/// `cabf_br.subscriber_san_critical_with_subject`
///
/// **What it checks**: a TLS subscriber whose subject is not empty does not mark the
/// subjectAltName critical. Before 2023-09-15 this is a warning (RFC 5280 §4.2.1.6 only
/// says SHOULD NOT); from then on an error.
///
/// **Why it matters**: TLS BR §7.1.2.7.12: the extension MUST be critical when the subject
/// is empty and MUST NOT be critical otherwise, so that clients that do not process the
/// SAN still accept certificates carrying a subject.
///
/// **Example**: `CN=example.com` with a critical SAN fails (warns if issued in 2023-09-14 or
/// earlier); a non-critical SAN passes; an empty subject with a critical SAN passes (the
/// reverse case belongs to the RFC 5280 rules); a CA is not applicable.
pub struct SubscriberSanCriticalWithSubject;

impl Rule for SubscriberSanCriticalWithSubject {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_san_critical_with_subject", Source::CabfBr, Severity::Error)
                .summary(
                    "subjectAltName must not be critical when the subject is not empty (a warning before 2023-09-15)",
                )
                .citation("TLS BR §7.1.2.7.12")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
                .aliases(&["zlint:w_ext_san_critical_with_subject_dn"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(ext) = cert.extension(&crate::oid::ext::SUBJECT_ALT_NAME) else { return Outcome::NotApplicable };
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if !ext.critical.is_critical() || subject.is_empty() {
            return Outcome::Pass;
        }
        let msg = "the subjectAltName is critical although the subject is not empty";
        if issued_before(cert, BR_2_0_0) {
            Outcome::fail_as(Severity::Warn, msg)
        } else {
            Outcome::fail(msg)
        }
    }
}

/// Whether an address is a Reserved IP Address in the sense of the TLS BRs (§1.6.1): inside
/// a block of the IANA IPv4 or IPv6 Special-Purpose Address Registry.
pub(crate) fn is_reserved_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => crate::rules::ip_ranges::is_reserved(&v4.octets()),
        IpAddr::V6(v6) => crate::rules::ip_ranges::is_reserved(&v6.octets()),
    }
}

/// `cabf_br.reserved_ip_address`
///
/// **What it checks**: no subjectAltName iPAddress of a TLS subscriber, and no commonName
/// written as an IP address, lies in a block of the IANA IPv4 or IPv6 Special-Purpose
/// Address Registries (private use, loopback, link-local, documentation, shared address
/// space, benchmarking, 6to4, unique-local, ...). Multicast space is in neither registry
/// and is not reported.
///
/// **Why it matters**: TLS BR §4.2.2 and §7.1.2.7.12 forbid Reserved IP Addresses: nobody
/// can prove exclusive control of them, so a certificate for one is usable on any network
/// that uses the same block.
///
/// **Example**: SAN `iPAddress 10.0.0.1` or `CN=192.168.1.1` fails; `iPAddress
/// 8.8.8.8` passes; a subscriber with only dNSNames passes; a CA is not applicable.
pub struct ReservedIpAddress;

impl Rule for ReservedIpAddress {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.reserved_ip_address", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must not contain a Reserved IP Address")
            .citation("TLS BR §7.1.2.7.12, §7.1.4.3")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_ext_san_contains_reserved_ip",
                "zlint:e_subject_contains_reserved_ip",
                "pkilint:cabf.internal_ip_address",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(Ok(san)) = cert.subject_alt_name() {
            for n in san.value.names() {
                if let GeneralName::IpAddress(octets) = n {
                    if let Some(ip) = ip_of(octets).filter(|ip| is_reserved_ip(*ip)) {
                        return Outcome::fail(format!("the subjectAltName contains the reserved IP address {ip}"));
                    }
                }
            }
        }
        if let Ok(subject) = cert.subject() {
            for cn in subject.attributes_of(&attr::COMMON_NAME) {
                let Some(ip) = cn.as_str().and_then(|t| t.parse::<IpAddr>().ok()) else { continue };
                if is_reserved_ip(ip) {
                    return Outcome::fail(format!("the subject commonName is the reserved IP address {ip}"));
                }
            }
        }
        Outcome::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn san(items: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq_vec(items))
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> alloc::string::String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn san_missing() {
        assert_status(&SubscriberSanMissing, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME);
        assert_status(&SubscriberSanMissing, &b, Status::Error);
        assert_status(&SubscriberSanMissing, &b.clone().not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(&SubscriberSanMissing, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        assert_status(&SubscriberSanMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn san_types() {
        let rule = &SubscriberSanTypeNotAllowed;
        assert_status(rule, &san(&[ctx_prim(2, b"example.com"), ctx_prim(7, &[8, 8, 8, 8])]), Status::Pass);
        let cases: [(Vec<u8>, &str); 6] = [
            (ctx_prim(1, b"admin@example.com"), "rfc822Name"),
            (ctx_prim(6, b"https://example.com/"), "uniformResourceIdentifier"),
            (ctx_cons(4, &name(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "x")])), "directoryName"),
            (ctx_prim(8, crate::oid::eku::SERVER_AUTH.as_bytes()), "registeredID"),
            (ctx_cons(0, &[oid(&crate::oid::eku::SERVER_AUTH), ctx_cons(0, &null())].concat()), "otherName"),
            (ctx_cons(5, &ctx_cons(1, &tlv(tag::UTF8_STRING, b"x"))), "ediPartyName"),
        ];
        for (entry, kind) in cases {
            let b = san(&[ctx_prim(2, b"example.com"), entry]);
            assert_status(rule, &b, Status::Error);
            assert_eq!(message(rule, &b), format!("the subjectAltName contains an entry of type {kind}"));
        }
        let b = san(&[ctx_prim(1, b"a@example.com")]);
        assert_status(rule, &b.clone().not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        assert_status(rule, &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        assert_status(rule, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn san_critical() {
        let rule = &SubscriberSanCriticalWithSubject;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        let critical = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, true, &seq(&[&ctx_prim(2, b"example.com")]));
        assert_status(rule, &critical, Status::Error);
        assert_eq!(message(rule, &critical), "the subjectAltName is critical although the subject is not empty");
        assert_status(rule, &critical.clone().not_before(Time::ymd(2023, 9, 14)), Status::Warn);
        assert_status(rule, &critical.clone().not_before(Time::ymd(2023, 9, 15)), Status::Error);
        assert_status(rule, &critical.clone().not_before(Time::ymd(2008, 4, 30)), Status::NotEffective);
        assert_status(rule, &critical.clone().not_before(Time::ymd(2008, 5, 1)), Status::Warn);
        let mut empty = critical;
        empty.subject = seq(&[]);
        assert_status(rule, &empty, Status::Pass);
        assert_status(rule, &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        assert_status(rule, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn reserved_table() {
        let v4 = |s: &str| is_reserved_ip(s.parse().unwrap());
        for a in [
            "10.1.2.3",
            "172.31.255.255",
            "192.168.0.1",
            "127.0.0.1",
            "169.254.1.1",
            "100.64.0.1",
            "0.1.2.3",
            "192.0.2.55",
            "198.51.100.1",
            "203.0.113.9",
            "198.19.0.1",
            "240.0.0.1",
            "255.255.255.255",
            "192.0.0.170",
            "192.88.99.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "2001:db8::1",
            "2001:2::1",
            "2002::1",
            "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8",
            "3fff::1",
            "2001:1ff:ffff::1",
            "5f00::1",
        ] {
            assert!(v4(a), "{a} is reserved");
        }
        for a in [
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "1.1.1.1",
            "224.0.0.1",
            "2606:4700::1",
            "2001:200::1",
            "2620:4f::1",
        ] {
            assert!(!v4(a), "{a} is not reserved");
        }
    }

    #[test]
    fn reserved_ip() {
        let rule = &ReservedIpAddress;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        assert_status(rule, &san(&[ctx_prim(7, &[8, 8, 8, 8])]), Status::Pass);
        let b = san(&[ctx_prim(2, b"example.com"), ctx_prim(7, &[10, 0, 0, 1])]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "the subjectAltName contains the reserved IP address 10.0.0.1");
        let mut v6 = [0u8; 16];
        v6[0] = 0xfe;
        v6[1] = 0x80;
        v6[15] = 1;
        assert!(message(rule, &san(&[ctx_prim(7, &v6)])).contains("fe80::1"));
        let cn = CertBuilder::leaf().subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "192.168.1.1")]);
        assert_status(rule, &cn, Status::Error);
        assert_eq!(message(rule, &cn), "the subject commonName is the reserved IP address 192.168.1.1");
        assert_status(rule, &b.clone().not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(rule, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        assert_status(rule, &CertBuilder::sub_ca(), Status::NotApplicable);
    }
}
