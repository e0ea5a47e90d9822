use super::*;
use crate::oid::ext;
use crate::testutil::{der::*, *};
use crate::Status;
use alloc::vec::Vec;

/// The Tor Project's v3 onion address.
const TOR_V3: &str = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion";

fn leaf(names: &[&str]) -> CertBuilder {
    CertBuilder::leaf().san_dns(names).subject(&[])
}

fn at(b: CertBuilder, y: i64, m: u32, d: u32) -> CertBuilder {
    b.not_before(Time::ymd(y, m, d))
}

#[track_caller]
fn says(rule: &'static dyn Rule, b: &CertBuilder, want: &str) {
    let (_, msg) = finding(rule, &b.build(), &Context::default());
    assert_eq!(msg, want);
}

#[test]
fn names_include_common_name() {
    let b = CertBuilder::leaf().subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "host.corp")]);
    assert_status(&DnsnameInternalName, &b, Status::Error);
    let ip_cn = CertBuilder::leaf().subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "10.0.0.1")]);
    assert_status(&DnsnameInternalName, &ip_cn, Status::Pass);
}

#[test]
fn internal_and_suffix() {
    assert_status(&DnsnameInternalName, &CertBuilder::leaf(), Status::Pass);
    assert_status(&DnsnameInternalName, &leaf(&["server.corp"]), Status::Error);
    says(
        &DnsnameInternalName,
        &leaf(&["server.corp"]),
        "name \"server.corp\" does not end in an IANA top-level domain",
    );
    assert_status(&DnsnameInternalName, &leaf(&[TOR_V3]), Status::Pass);
    assert_status(&DnsnameInternalName, &leaf(&[]), Status::NotApplicable);
    assert_status(&DnsnameInternalName, &at(leaf(&["a.corp"]), 2012, 6, 30), Status::NotEffective);
    assert_status(&DnsnameInternalName, &at(leaf(&["a.corp"]), 2012, 7, 1), Status::Error);
    assert_status(&DnsnameInternalName, &CertBuilder::root(), Status::NotApplicable);

    assert_status(&DnsnameBarePublicSuffix, &leaf(&["example.co.uk"]), Status::Pass);
    assert_status(&DnsnameBarePublicSuffix, &leaf(&["co.uk"]), Status::Error);
    assert_status(&DnsnameBarePublicSuffix, &leaf(&["com"]), Status::Error);
    assert_status(&DnsnameBarePublicSuffix, &leaf(&["*.co.uk"]), Status::Pass);
    assert_status(&DnsnameBarePublicSuffix, &leaf(&[]), Status::NotApplicable);
    assert_status(&DnsnameBarePublicSuffix, &at(leaf(&["com"]), 2012, 6, 30), Status::NotEffective);

    assert_status(&DnsnameWildcardOnPublicSuffix, &leaf(&["*.co.uk"]), Status::Notice);
    assert_status(&DnsnameWildcardOnPublicSuffix, &leaf(&["*.com"]), Status::Notice);
    assert_status(&DnsnameWildcardOnPublicSuffix, &leaf(&["*.example.co.uk"]), Status::Pass);
    assert_status(&DnsnameWildcardOnPublicSuffix, &leaf(&[]), Status::NotApplicable);
    assert_status(&DnsnameWildcardOnPublicSuffix, &at(leaf(&["*.com"]), 2012, 6, 30), Status::NotEffective);
}

#[test]
fn syntax() {
    let ok = leaf(&["a-b.example.com", "*.example.com", "xn--bcher-kva.example"]);
    for rule in [
        &DnsnameBadCharacter as &'static dyn Rule,
        &DnsnameEmptyLabel,
        &DnsnameLabelTooLong,
        &DnsnameHyphenAtLabelEdge,
        &DnsnameUnderscore,
        &DnsnameWildcardNotLeftmost,
        &DnsnameWildcardPartialLabel,
        &DnsnameBareWildcard,
        &DnsnameReservedLabel,
        &DnsnamePlabelInvalid,
    ] {
        assert_status(rule, &ok, Status::Pass);
        assert_status(rule, &leaf(&[]), Status::NotApplicable);
        assert_status(rule, &CertBuilder::sub_ca(), Status::NotApplicable);
    }
    assert_status(&DnsnameBadCharacter, &leaf(&["exa mple.com"]), Status::Error);
    says(&DnsnameBadCharacter, &leaf(&["a\0.example.com"]), "name \"a\\x00.example.com\" contains a NUL character");
    assert_status(&DnsnameBadCharacter, &leaf(&["ex\u{e4}mple.com"]), Status::Error);
    assert_status(&DnsnameBadCharacter, &leaf(&["a_b.example.com"]), Status::Pass);
    assert_status(&DnsnameBadCharacter, &at(leaf(&["a b.com"]), 2012, 6, 30), Status::NotEffective);

    for bad in [".example.com", "a..example.com", "example.com.", ""] {
        assert_status(&DnsnameEmptyLabel, &leaf(&[bad]), Status::Error);
    }
    assert_status(&DnsnameEmptyLabel, &at(leaf(&[".a.com"]), 2012, 6, 30), Status::NotEffective);

    let long = alloc::format!("{}.example.com", "a".repeat(64));
    assert_status(&DnsnameLabelTooLong, &leaf(&[&long]), Status::Error);
    assert_status(&DnsnameLabelTooLong, &leaf(&[&long[1..]]), Status::Pass);
    assert_status(&DnsnameLabelTooLong, &at(leaf(&[&long]), 2012, 6, 30), Status::NotEffective);

    assert_status(&DnsnameHyphenAtLabelEdge, &leaf(&["-a.example.com"]), Status::Error);
    assert_status(&DnsnameHyphenAtLabelEdge, &leaf(&["a.example-.com"]), Status::Error);
    assert_status(&DnsnameHyphenAtLabelEdge, &at(leaf(&["-a.com"]), 2008, 4, 30), Status::NotEffective);
    assert_status(&DnsnameHyphenAtLabelEdge, &at(leaf(&["-a.com"]), 2008, 5, 1), Status::Error);

    assert_status(&DnsnameWildcardNotLeftmost, &leaf(&["a.*.example.com"]), Status::Error);
    assert_status(&DnsnameWildcardNotLeftmost, &leaf(&["*.*.example.com"]), Status::Error);
    assert_status(&DnsnameWildcardNotLeftmost, &at(leaf(&["a.*.b.com"]), 2012, 6, 30), Status::NotEffective);
    assert_status(&DnsnameWildcardPartialLabel, &leaf(&["a*.example.com"]), Status::Error);
    assert_status(&DnsnameWildcardPartialLabel, &leaf(&["*b.example.com"]), Status::Error);
    assert_status(&DnsnameWildcardPartialLabel, &at(leaf(&["a*.b.com"]), 2012, 6, 30), Status::NotEffective);
    assert_status(&DnsnameBareWildcard, &leaf(&["*"]), Status::Error);
    assert_status(&DnsnameBareWildcard, &leaf(&["*."]), Status::Error);

    assert_status(&DnsnameReservedLabel, &leaf(&["ab--c.example.com"]), Status::Error);
    assert_status(&DnsnameReservedLabel, &at(leaf(&["ab--c.example.com"]), 2021, 9, 30), Status::NotEffective);
    assert_status(&DnsnameReservedLabel, &at(leaf(&["ab--c.example.com"]), 2021, 10, 1), Status::Error);

    assert_status(&DnsnamePlabelInvalid, &leaf(&["xn--ab-$.example.com"]), Status::Error);
    assert_status(&DnsnamePlabelInvalid, &leaf(&["xn--.example.com"]), Status::Error);
    says(
        &DnsnamePlabelInvalid,
        &leaf(&["xn--ab-.example"]),
        "name \"xn--ab-.example\" has an xn-- label that decodes to an ASCII-only string",
    );
    assert_status(&DnsnamePlabelInvalid, &at(leaf(&["xn--.example"]), 2023, 9, 14), Status::NotEffective);
    assert_status(&DnsnamePlabelInvalid, &at(leaf(&["xn--.example"]), 2023, 9, 15), Status::Error);
}

#[test]
fn underscores() {
    let u = || leaf(&["a_b.example.com"]);
    assert_status(&DnsnameUnderscore, &u(), Status::Error);
    says(&DnsnameUnderscore, &u(), "name \"a_b.example.com\" contains an underscore (in a subdomain label)");
    says(
        &DnsnameUnderscore,
        &leaf(&["ex_ample.com"]),
        "name \"ex_ample.com\" contains an underscore (in its registrable domain)",
    );
    assert_status(&DnsnameUnderscore, &at(u(), 2018, 12, 9), Status::Error);
    assert_status(&DnsnameUnderscore, &at(u(), 2018, 12, 10), Status::NotApplicable);
    assert_status(&DnsnameUnderscore, &at(u(), 2019, 3, 31), Status::NotApplicable);
    assert_status(&DnsnameUnderscore, &at(u(), 2019, 4, 1), Status::Error);

    let win = |names: &[&str], days: i64| {
        let nb = Time::ymd(2019, 1, 15);
        leaf(names).validity(nb, Time::from_unix(nb.unix() + days * DAY - 1))
    };
    let t = &DnsnameUnderscoreTransitionalInvalid;
    assert_status(t, &win(&["a_b.example.com"], 30), Status::Pass);
    assert_status(t, &win(&["_a.example.com"], 30), Status::Pass);
    assert_status(t, &win(&["a.ex_ample.com"], 30), Status::Error);
    says(t, &win(&["a.ex_ample.com"], 30), "name \"a.ex_ample.com\" has an underscore in its registrable domain");
    assert_status(t, &win(&["-_.example.com"], 30), Status::Error);
    assert_status(t, &win(&["www.example.com"], 30), Status::Pass);
    assert_status(t, &at(win(&["a.ex_ample.com"], 30), 2018, 12, 9), Status::NotEffective);
    assert_status(t, &at(win(&["a.ex_ample.com"], 30), 2018, 12, 10), Status::Error);
    assert_status(t, &at(win(&["a.ex_ample.com"], 30), 2019, 4, 1), Status::NotEffective);

    let v = &DnsnameUnderscoreTransitionalValidityTooLong;
    assert_status(v, &win(&["a_b.example.com"], 30), Status::Pass);
    assert_status(v, &win(&["a_b.example.com"], 31), Status::Error);
    assert_status(v, &win(&["ab.example.com"], 31), Status::NotApplicable);
    assert_status(v, &at(win(&["a_b.example.com"], 31), 2018, 12, 9), Status::NotEffective);
    assert_status(v, &at(win(&["a_b.example.com"], 31), 2018, 12, 10), Status::Error);
    assert_status(v, &at(win(&["a_b.example.com"], 31), 2019, 4, 1), Status::NotEffective);
}

#[test]
fn reverse_zones() {
    let z = &DnsnameIpReverseZone;
    assert_status(z, &at(leaf(&["1.0.0.10.in-addr.arpa"]), 2026, 3, 15), Status::Error);
    assert_status(z, &at(leaf(&["1.0.0.10.IN-ADDR.ARPA."]), 2026, 3, 15), Status::Error);
    assert_status(z, &at(leaf(&["b.a.ip6.arpa"]), 2026, 3, 15), Status::Error);
    assert_status(z, &at(leaf(&["1.0.0.10.in-addr.arpa"]), 2026, 3, 14), Status::NotEffective);
    assert_status(z, &at(leaf(&["notin-addr.arpa"]), 2026, 3, 15), Status::Pass);
    assert_status(z, &at(leaf(&[]), 2026, 3, 15), Status::NotApplicable);
    assert_status(z, &CertBuilder::sub_ca().not_before(Time::ymd(2026, 3, 15)), Status::NotApplicable);

    let r = &DnsnameReverseZoneOfReservedIp;
    let old = |n: &str| at(leaf(&[n]), 2020, 1, 1);
    assert_status(r, &old("1.0.0.10.in-addr.arpa"), Status::Error);
    assert_status(r, &old("168.192.in-addr.arpa"), Status::Error);
    assert_status(r, &old("8.8.8.8.in-addr.arpa"), Status::Pass);
    assert_status(r, &old("192.in-addr.arpa"), Status::Pass);
    let v6 = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
    assert_status(r, &old(v6), Status::Error);
    assert_status(r, &old("8.b.d.0.1.0.0.2.ip6.arpa"), Status::Error);
    assert_status(r, &old("8.6.8.4.1.0.0.2.ip6.arpa"), Status::Pass);
    assert_status(r, &old("www.example.com"), Status::Pass);
    assert_status(r, &at(leaf(&["1.0.0.10.in-addr.arpa"]), 2026, 3, 15), Status::NotEffective);
    assert_status(r, &at(leaf(&["1.0.0.10.in-addr.arpa"]), 2012, 6, 30), Status::NotEffective);
    assert_status(r, &at(leaf(&["1.0.0.10.in-addr.arpa"]), 2012, 7, 1), Status::Error);

    let m = &DnsnameReverseZoneMalformed;
    assert_status(m, &old("1.168.192.in-addr.arpa"), Status::Pass);
    assert_status(m, &old("300.1.in-addr.arpa"), Status::Warn);
    says(m, &old("300.1.in-addr.arpa"), "name \"300.1.in-addr.arpa\" has an in-addr.arpa octet over 255");
    assert_status(m, &old("1.2.3.4.5.in-addr.arpa"), Status::Warn);
    assert_status(m, &old("x.1.in-addr.arpa"), Status::Warn);
    assert_status(m, &old("ab.ip6.arpa"), Status::Warn);
    assert_status(m, &old(v6), Status::Pass);
    let too_many = alloc::format!("0.{v6}");
    assert_status(m, &old(&too_many), Status::Warn);
    assert_status(m, &at(leaf(&["300.in-addr.arpa"]), 2026, 3, 15), Status::NotEffective);
    assert_status(m, &at(leaf(&["300.in-addr.arpa"]), 2012, 6, 30), Status::NotEffective);
}

/// `TOR_V3` with its address label's version octet (last 8 bits) changed and the
/// checksum left as it is, or one key character changed.
fn tweaked(i: usize, c: char) -> alloc::string::String {
    let mut s: Vec<char> = TOR_V3.chars().collect();
    s[i] = c;
    s.into_iter().collect()
}

#[test]
fn onion_v3() {
    let raw = decode_v3(TOR_V3.split('.').next().unwrap().as_bytes()).unwrap();
    assert_eq!(raw[34], 3);
    let nb = |b: CertBuilder| at(b, 2021, 1, 1);
    assert_status(&OnionNameNotV3Address, &nb(leaf(&[TOR_V3])), Status::Pass);
    assert_status(&OnionNameNotV3Address, &nb(leaf(&["abc.onion"])), Status::Error);
    assert_status(&OnionNameNotV3Address, &nb(leaf(&["onion"])), Status::Error);
    says(&OnionNameNotV3Address, &nb(leaf(&["onion"])), "name \"onion\" has no onion address label");
    assert_status(&OnionNameNotV3Address, &nb(leaf(&["abcdefghijklmnop.onion"])), Status::Error);
    assert_status(&OnionNameNotV3Address, &at(leaf(&["abcdefghijklmnop.onion"]), 2020, 3, 26), Status::Pass);
    assert_status(&OnionNameNotV3Address, &nb(leaf(&["www.example.com"])), Status::NotApplicable);
    assert_status(&OnionNameNotV3Address, &at(leaf(&["abc.onion"]), 2015, 4, 30), Status::NotEffective);
    assert_status(&OnionNameNotV3Address, &at(leaf(&["abc.onion"]), 2015, 5, 1), Status::Error);

    assert_status(&OnionV3ChecksumInvalid, &nb(leaf(&[TOR_V3])), Status::Pass);
    let typo = tweaked(0, '3');
    assert_status(&OnionV3ChecksumInvalid, &nb(leaf(&[&typo])), Status::Error);
    assert_status(&OnionV3ChecksumInvalid, &nb(leaf(&["abc.onion"])), Status::NotApplicable);
    assert_status(&OnionV3ChecksumInvalid, &at(leaf(&[&typo]), 2020, 3, 26), Status::NotEffective);
    assert_status(&OnionV3ChecksumInvalid, &at(leaf(&[&typo]), 2020, 3, 27), Status::Error);

    // Last character 'd' carries the low bits of the version octet 0x03; 'e' makes it 0x04.
    assert_status(&OnionVersionInvalid, &nb(leaf(&[TOR_V3])), Status::Pass);
    let v4 = tweaked(55, 'e');
    assert_eq!(decode_v3(v4.split('.').next().unwrap().as_bytes()).unwrap()[34], 4);
    assert_status(&OnionVersionInvalid, &nb(leaf(&[&v4])), Status::Error);
    assert_status(&OnionVersionInvalid, &nb(leaf(&["www.example.com"])), Status::NotApplicable);
    assert_status(&OnionVersionInvalid, &at(leaf(&[&v4]), 2020, 3, 26), Status::NotEffective);
}

fn ev(b: CertBuilder) -> CertBuilder {
    b.ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::EV)])]))
}

#[test]
fn onion_in_non_ev() {
    let v2 = || at(leaf(&["abcdefghijklmnop.onion"]), 2019, 1, 1);
    assert_status(&OnionNameInNonEv, &v2(), Status::Error);
    assert_status(&OnionNameInNonEv, &ev(v2()), Status::Pass);
    assert_status(&OnionNameInNonEv, &at(leaf(&["www.example.com"]), 2019, 1, 1), Status::NotApplicable);
    assert_status(&OnionNameInNonEv, &at(v2(), 2015, 4, 30), Status::NotEffective);
    assert_status(&OnionNameInNonEv, &at(v2(), 2015, 5, 1), Status::Error);
    assert_status(&OnionNameInNonEv, &at(v2(), 2020, 3, 26), Status::Error);
    assert_status(&OnionNameInNonEv, &at(v2(), 2020, 3, 27), Status::NotEffective);
}

fn descriptor(uri: &str, alg_oid: &crate::oid::ObjectIdentifier, hash_len: usize) -> Vec<u8> {
    seq(&[&tlv(tag::UTF8_STRING, uri.as_bytes()), &seq(&[&oid(alg_oid)]), &bit_string(0, &alloc::vec![0x5a; hash_len])])
}

#[test]
fn tor_service_descriptor() {
    let name = "abcdefghijklmnop.onion";
    let base = || ev(at(leaf(&[name]), 2018, 1, 1));
    let with = |entries: &[Vec<u8>]| base().ext(&policy::TOR_SERVICE_DESCRIPTOR, false, &seq_vec(entries));
    let r = &TorServiceDescriptorInvalid;
    assert_status(r, &base(), Status::Error);
    says(r, &base(), "v2 onion names are present but the TorServiceDescriptor extension is absent");
    assert_status(r, &with(&[descriptor("https://abcdefghijklmnop.onion", &alg::SHA256, 32)]), Status::Pass);
    assert_status(r, &with(&[descriptor("https://abcdefghijklmnop.onion", &alg::SHA512, 64)]), Status::Pass);
    let short = with(&[descriptor("https://abcdefghijklmnop.onion", &alg::SHA256, 20)]);
    says(
        r,
        &short,
        "TorServiceDescriptor entry for \"https://abcdefghijklmnop.onion\" has a 20-byte hash, expected 32",
    );
    let unknown = with(&[descriptor("https://abcdefghijklmnop.onion", &crate::oid::alg::RSA_ENCRYPTION, 32)]);
    assert_status(r, &unknown, Status::Error);
    let other = with(&[descriptor("https://bbbbbbbbbbbbbbbb.onion", &alg::SHA256, 32)]);
    says(r, &other, "no TorServiceDescriptor entry for onion name \"abcdefghijklmnop.onion\"");
    assert_status(r, &ev(at(leaf(&[TOR_V3]), 2021, 1, 1)), Status::NotApplicable);
    assert_status(r, &at(leaf(&[name]), 2018, 1, 1), Status::NotApplicable);
    assert_status(r, &at(base(), 2017, 7, 27), Status::NotEffective);
    assert_status(r, &at(base(), 2017, 7, 28), Status::Error);
}

#[test]
fn dns_facts_match_each_test() {
    let cases = [
        leaf(&[]),
        leaf(&["www.example.com", "*.example.co.uk"]),
        leaf(&["server.corp", "a_b.example.com", "-x.example.com", "a..example.com"]),
        leaf(&["co.uk", "*.co.uk", "x.*.example.com", "f*o.example.com", "*", "ab--c.example.com"]),
        leaf(&["xn--abc-.example.com", "a\0b.example.com", &"a".repeat(64)]),
        CertBuilder::leaf().subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "host.corp")]),
    ];
    let mut seen = 0;
    for b in &cases {
        let cert = b.build();
        let facts = dns_facts(&cert);
        assert_eq!(facts & dns_fact::ANY != 0, subscriber_names(&cert).next().is_some());
        assert_eq!(facts & dns_fact::SAN_ANY != 0, cert.san_dns_names().next().is_some());
        for (bit, bad) in NAME_TESTS {
            assert_eq!(facts & bit != 0, subscriber_names(&cert).any(|n| bad(n).is_some()), "{bit:#x}");
        }
        assert_eq!(facts & dns_fact::BARE_SUFFIX != 0, cert.san_dns_names().any(|n| bare_suffix_defect(n).is_some()));
        assert_eq!(
            facts & dns_fact::WILDCARD_ON_SUFFIX != 0,
            cert.san_dns_names().any(|n| wildcard_on_suffix_defect(n).is_some())
        );
        // Cached: a second read gives the same summary.
        assert_eq!(cert.facts.dns_names.get_or(|| 0), facts);
        seen |= facts;
    }
    // Every fact is exercised by some case.
    assert_eq!(seen, (1 << 15) - 1);
}

/// A name that `is_plain_host` lets through fails none of the name tests but the TLD's,
/// which `dns_facts` still runs on it.
#[test]
fn plain_hosts_pass_every_syntax_test() {
    assert_eq!(NAME_TESTS[0].0, dns_fact::INTERNAL);
    let mut plain = 0;
    for n in crate::domain::test_names() {
        if is_plain_host(&n) {
            plain += 1;
            for (bit, bad) in &NAME_TESTS[1..] {
                assert_eq!(bad(&n), None, "{bit:x} {}", n.escape_ascii());
            }
        }
    }
    assert!(plain > 400, "{plain}");
}

/// The reverse-zone and onion rules answer from `dns_facts` as their full walk would (forced by
/// pre-filling the memo with every bit set), message included.
#[test]
fn reverse_zone_and_onion_facts_agree_with_the_full_walk() {
    let rules: [&dyn Rule; 7] = [
        &DnsnameIpReverseZone,
        &DnsnameReverseZoneOfReservedIp,
        &DnsnameReverseZoneMalformed,
        &OnionNameNotV3Address,
        &OnionV3ChecksumInvalid,
        &OnionVersionInvalid,
        &OnionNameInNonEv,
    ];
    let cases: [&[&str]; 10] = [
        &[TOR_V3],
        &["example.com", "x.onion"],
        &["ONION."],
        &[],
        &["example.com"],
        &["example.com", "1.2.0.192.in-addr.arpa"],
        &["10.in-addr.arpa."],
        &["x.ip6.arpa", "a.b"],
        &["IN-ADDR.ARPA"],
        &["notin-addr.arpa"],
    ];
    let ctx = Context::default();
    for names in cases {
        for b in [
            leaf(names),
            CertBuilder::leaf().san_dns(&["example.com"]).subject(&[(
                &attr::COMMON_NAME,
                tag::UTF8_STRING,
                names.first().unwrap_or(&"x"),
            )]),
        ] {
            let cert = b.build();
            let full = cert.clone();
            full.facts.dns_names.get_or(|| u32::MAX);
            for r in rules {
                assert_eq!(r.check(&cert, &ctx), r.check(&full, &ctx), "{} {names:?}", r.meta().id());
            }
        }
    }
}
