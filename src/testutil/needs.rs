//! Every built-in rule keeps its declared [`Need`]: on each certificate in force for it
//! that lacks the need, its own check answers not applicable, as the engine does without
//! calling it.
//!
//! The certificates: the committed corpus (Mozilla roots, the test vectors, the bench
//! certificates), the builder's leaf, intermediate and root, and, for each of those,
//! every copy with one extension or one subject RDN taken out (re-encoded as a TBS), so
//! that each need is also seen absent from a certificate that otherwise has everything.

use alloc::{string::String, vec::Vec};
use std::path::Path;

use super::der::{seq_vec, tlv};
use super::CertBuilder;
use crate::asn1::Tlv;
use crate::{Certificate, Context, Need};

/// The corpus certificates, by file name.
pub(crate) fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/data/mozilla-roots", "tests/data/vectors", "tests/data/roots", "benches/data"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for p in files {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let pems = core::str::from_utf8(&bytes).ok().and_then(|s| Certificate::parse_pem_bundle(s).ok());
            match pems {
                Some(certs) => out.extend(certs.iter().map(|c| (name.clone(), c.der().to_vec()))),
                None if Certificate::from_der(&bytes).is_ok() => out.push((name, bytes)),
                None => {}
            }
        }
    }
    for (name, b) in [
        ("leaf", CertBuilder::leaf()),
        ("sub_ca", CertBuilder::sub_ca()),
        ("root", CertBuilder::root()),
        ("ed25519 leaf", {
            let mut b = CertBuilder::leaf();
            b.spki = super::spki(&seq_vec(&[super::der::oid(&crate::oid::alg::ED25519)]), &[1; 32]);
            b
        }),
        ("ev leaf", {
            let ev = super::der::seq(&[&super::der::seq(&[&super::der::oid(&crate::oid::policy::EV)])]);
            CertBuilder::leaf().ext(&crate::oid::ext::CERTIFICATE_POLICIES, false, &ev)
        }),
        ("ocsp responder", {
            let ocsp = super::der::seq(&[&super::der::oid(&crate::oid::eku::OCSP_SIGNING)]);
            CertBuilder::leaf()
                .without_ext(&crate::oid::ext::CERTIFICATE_POLICIES)
                .without_ext(&crate::oid::ext::SUBJECT_ALT_NAME)
                .without_ext(&crate::oid::ext::AUTHORITY_INFO_ACCESS)
                .without_ext(&crate::oid::ext::BASIC_CONSTRAINTS)
                .ext(&crate::oid::ext::EXT_KEY_USAGE, false, &ocsp)
                .ext(&crate::oid::ext::OCSP_NO_CHECK, false, &super::der::null())
        }),
        ("non-TLS sub CA", {
            let client = super::der::seq(&[&super::der::oid(&crate::oid::eku::CLIENT_AUTH)]);
            CertBuilder::sub_ca().ext(&crate::oid::ext::EXT_KEY_USAGE, false, &client)
        }),
    ] {
        out.push((name.into(), b.der()));
    }
    out
}

/// The TBS encodings of `der` with one extension, or one subject RDN, left out.
fn variants(der: &[u8]) -> Vec<(String, Vec<u8>)> {
    let elements = |raw: &[u8]| -> Option<Vec<Vec<u8>>> {
        Tlv::parse(raw).ok()?.reader().map(|t| t.ok().map(|t| t.raw.to_vec())).collect()
    };
    let Some(tbs) = Tlv::parse(der).ok().and_then(|c| c.reader().next()).and_then(Result::ok) else {
        return Vec::new();
    };
    let Some(fields) = elements(tbs.raw) else { return Vec::new() };
    let mut out = Vec::new();
    let mut without = |at: usize, inner: &[Vec<u8>], wrap: &dyn Fn(&[Vec<u8>]) -> Vec<u8>, how: String| {
        for i in 0..inner.len() {
            let mut fewer = inner.to_vec();
            fewer.remove(i);
            let mut t = fields.clone();
            t[at] = wrap(&fewer);
            out.push((alloc::format!("without {how} {i}"), seq_vec(&t)));
        }
    };
    if let Some(at) = fields.iter().position(|f| f.first() == Some(&0xa3)) {
        let list = Tlv::parse(&fields[at]).ok().and_then(|t| t.reader().next()).and_then(Result::ok);
        if let Some(exts) = list.and_then(|l| elements(l.raw)) {
            without(at, &exts, &|e| tlv(0xa3, &seq_vec(e)), "extension".into());
        }
    }
    let subject = if fields.first().and_then(|f| f.first()) == Some(&0xa0) { 5 } else { 4 };
    if let Some(rdns) = fields.get(subject).and_then(|s| elements(s)) {
        without(subject, &rdns, &|r| seq_vec(r), "subject RDN".into());
    }
    out
}

/// A certificate and its [`variants`], decoded.
pub(crate) fn with_variants(der: &[u8]) -> Vec<Certificate> {
    let whole = Certificate::from_der(der).ok();
    whole
        .into_iter()
        .chain(variants(der).into_iter().filter_map(|(_, tbs)| Certificate::from_tbs_der(&tbs).ok()))
        .collect()
}

#[test]
fn every_rule_keeps_its_declared_need() {
    let rules: Vec<_> = crate::rules::all().filter(|r| r.meta().need() != Need::Nothing).collect();
    let ctx = Context::default();
    let mut seen = alloc::collections::BTreeMap::<&str, usize>::new();
    for (name, der) in corpus() {
        let whole = Certificate::from_der(&der).map(|c| (String::new(), c));
        let parts =
            variants(&der).into_iter().filter_map(|(how, tbs)| Some((how, Certificate::from_tbs_der(&tbs).ok()?)));
        for (how, cert) in whole.into_iter().chain(parts) {
            for rule in &rules {
                let meta = rule.meta();
                if cert.lacks(meta.need()) && crate::policy::in_force(meta, &cert, &ctx) {
                    *seen.entry(meta.id()).or_default() += 1;
                    let got = rule.check(&cert, &ctx);
                    assert!(
                        got == crate::Outcome::NotApplicable,
                        "{}: declares {:?}; {name} {how} lacks it, yet the rule says {got:?}",
                        meta.id(),
                        meta.need()
                    );
                }
            }
        }
    }
    for rule in &rules {
        assert!(seen.contains_key(rule.meta().id()), "{}: no certificate here lacks its need", rule.meta().id());
    }
}
