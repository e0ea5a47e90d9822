//! Pathological inputs: each must lint with every rule in bounded time, without a panic.
//!
//! The bounds are generous (debug builds, a shared machine); what they catch is work that
//! grows quadratically or worse with the input.

use alloc::vec::Vec;
use std::time::{Duration, Instant};

use super::{der::*, *};
use crate::oid::ext;

extern crate std;

const BOUND: Duration = Duration::from_secs(3);

#[track_caller]
fn lints_in_bounded_time(b: &CertBuilder) -> crate::Report {
    let der = b.der();
    let started = Instant::now();
    let cert = Certificate::from_der(&der).expect("decodes");
    let report = Policy::all().lint(&cert, &Context::default());
    let took = started.elapsed();
    assert!(took < BOUND, "linting took {took:?}");
    for f in report.findings() {
        assert!(!f.message().contains("panicked"), "{f}");
    }
    report
}

#[test]
fn ten_thousand_san_entries() {
    let names: Vec<Vec<u8>> =
        (0..10_000).map(|i| ctx_prim(2, alloc::format!("host{i}.example.com").as_bytes())).collect();
    let b = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq_vec(&names));
    lints_in_bounded_time(&b);
}

#[test]
fn ten_thousand_identical_san_entries() {
    let names: Vec<Vec<u8>> = (0..10_000).map(|_| ctx_prim(2, b"example.com")).collect();
    let b = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq_vec(&names));
    lints_in_bounded_time(&b);
}

#[test]
fn a_thousand_policy_oids() {
    let policies: Vec<Vec<u8>> = (0..1_000u64)
        .map(|i| {
            seq(&[&tlv(tag::OID, &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, (i >> 7) as u8 | 0x80, (i & 0x7f) as u8])])
        })
        .collect();
    let b = CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq_vec(&policies));
    lints_in_bounded_time(&b);
}

#[test]
fn five_thousand_extensions() {
    let mut b = CertBuilder::leaf();
    for i in 0..5_000u64 {
        let id = [0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0x37, 0x80 | (i >> 7) as u8, (i & 0x7f) as u8];
        b = b.push_ext(seq(&[&tlv(tag::OID, &id), &octet_string(&null())]));
    }
    lints_in_bounded_time(&b);
}

#[test]
fn a_one_mebibyte_extension() {
    let big = octet_string(&alloc::vec![0x41; 1 << 20]);
    let b = CertBuilder::leaf()
        .push_ext(seq(&[&tlv(tag::OID, &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x01]), &octet_string(&big)]));
    lints_in_bounded_time(&b);
}

#[test]
fn name_constraints_with_thousands_of_subtrees() {
    let subtrees: Vec<Vec<u8>> =
        (0..5_000).map(|i| seq(&[&ctx_prim(2, alloc::format!("d{i}.example.com").as_bytes())])).collect();
    let nc = seq(&[&ctx_cons(0, &subtrees.concat()), &ctx_cons(1, &subtrees.concat())]);
    let b = CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, true, &nc);
    lints_in_bounded_time(&b);
}

#[test]
fn deeply_nested_extension_value() {
    let mut v = null();
    for _ in 0..5_000 {
        v = seq(&[&v]);
    }
    let b = CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &v);
    let report = lints_in_bounded_time(&b);
    assert_eq!(report.get("rfc5280.extension_malformed").map(|f| f.status()), Some(crate::Status::Fatal));
}

#[test]
fn indefinite_length_is_reported_not_decoded() {
    // A SAN whose value uses BER indefinite length: the extension is malformed, the rest lints.
    let mut value = alloc::vec![0x30, 0x80];
    value.extend(ctx_prim(2, b"example.com"));
    value.extend([0, 0]);
    let b = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &value);
    let report = lints_in_bounded_time(&b);
    assert_eq!(report.get("rfc5280.extension_malformed").map(|f| f.status()), Some(crate::Status::Fatal));
    // And an indefinite length on the outer certificate is an error naming it.
    let mut whole = b.der();
    whole[1] = 0x80;
    let err = Certificate::from_der(&whole).unwrap_err();
    assert!(alloc::format!("{err}").contains("indefinite"), "{err}");
}

#[test]
#[ignore]
fn profile_rules_on_ten_thousand_sans() {
    let names: Vec<Vec<u8>> =
        (0..10_000).map(|i| ctx_prim(2, alloc::format!("host{i}.example.com").as_bytes())).collect();
    let cert = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq_vec(&names)).build();
    let mut times: Vec<(Duration, &str)> = crate::rules::all()
        .map(|r| {
            let t = Instant::now();
            let _ = Policy::new("one").with_static_rule(r).lint(&cert, &Context::default());
            (t.elapsed(), r.meta().id())
        })
        .collect();
    times.sort();
    for (t, id) in times.iter().rev().take(8) {
        std::println!("{t:?} {id}");
    }
}

#[test]
#[ignore]
fn profile_rules_on_real_certificates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data");
    let mut totals: alloc::collections::BTreeMap<&str, Duration> = Default::default();
    for e in std::fs::read_dir(dir).unwrap() {
        let pem = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let cert = Certificate::from_pem(&pem).unwrap();
        let ctx = Context::default();
        for r in crate::rules::all() {
            // The check alone (no engine), best of three batches of 200.
            let best = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    for _ in 0..200 {
                        core::hint::black_box(r.check(core::hint::black_box(&cert), &ctx));
                    }
                    t.elapsed() / 200
                })
                .min()
                .unwrap_or_default();
            *totals.entry(r.meta().id()).or_default() += best;
        }
    }
    let mut v: Vec<_> = totals.into_iter().collect();
    v.sort_by_key(|(_, d)| core::cmp::Reverse(*d));
    let sum: Duration = v.iter().map(|(_, d)| *d).sum();
    std::println!("total per 6 certs: {sum:?}");
    for (id, d) in v.iter().take(60) {
        std::println!("{d:?} {id}");
    }
}

#[test]
fn a_bundle_of_500_certificates_with_cyclic_issuer_names() {
    let name_of = |i: usize| name(&[(&crate::oid::attr::COMMON_NAME, tag::UTF8_STRING, &alloc::format!("CA {i}"))]);
    let mut bundle = Vec::new();
    let mut leaf = CertBuilder::leaf();
    leaf.issuer = name_of(0);
    bundle.push(leaf.build());
    for i in 0..500 {
        let mut ca = CertBuilder::sub_ca().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER);
        ca.subject = name_of(i);
        ca.issuer = name_of((i + 1) % 500);
        bundle.push(ca.build());
    }
    let started = Instant::now();
    let chain = crate::Chain::from_unordered(bundle).expect("non-empty bundle");
    assert!(chain.len() <= crate::chain::MAX_DEPTH);
    let report = Policy::webpki().lint_chain(&chain, &Context::at(crate::Time::ymd(2025, 7, 1)));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let incomplete = report.get("rfc5280.chain_incomplete").map(|f| f.status());
    assert_eq!(incomplete, Some(crate::Status::Error));
}

/// The webpki policy over the bench certificates, 50 times each: run it under
/// `valgrind --tool=callgrind` to see where a whole lint spends its instructions.
#[test]
#[ignore]
fn profile_webpki_on_real_certificates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data");
    let policy = Policy::webpki();
    let t = Instant::now();
    for e in std::fs::read_dir(dir).unwrap() {
        let der = Certificate::from_pem(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap().der().to_vec();
        for _ in 0..50 {
            let cert = Certificate::from_der(&der).unwrap();
            core::hint::black_box(policy.lint(&cert, &Context::default()));
        }
    }
    std::println!("{:?} per certificate", t.elapsed() / 300);
}
