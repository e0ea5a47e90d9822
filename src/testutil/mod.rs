//! Test certificates made in code, including deliberately broken encodings.
//!
//! Every TBS field is held as raw DER, so a test can put anything in any place: a
//! non-DER BOOLEAN, a UTCTime without seconds, a UniversalString name, a duplicate
//! extension, a negative serial. `CertBuilder::der` signs the TBS with a fixed P-256 key
//! (RFC 6979, so the bytes are reproducible).
#![allow(dead_code)] // a toolbox: not every test uses every tool

pub mod der;
#[cfg(test)]
pub(crate) mod needs;
#[cfg(test)]
mod pathological;
#[cfg(test)]
mod samples;

use alloc::{vec, vec::Vec};

use crate::oid::{self, alg, attr, ObjectIdentifier};
use crate::{Certificate, Context, Policy, Rule, Status, Time};
use der::*;

/// The fixed test key's secret scalar.
const KEY: [u8; 32] = [7u8; 32];

fn signing_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_slice(&KEY).expect("valid scalar")
}

/// The fixed test key's SubjectPublicKeyInfo.
pub fn p256_spki() -> Vec<u8> {
    let point = signing_key().verifying_key().to_sec1_point(false);
    spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &oid(&alg::SECP256R1)]), point.as_bytes())
}

/// An EC SPKI on another curve with a dummy point of the right shape.
pub fn ec_spki(curve: &ObjectIdentifier, point_len: usize) -> Vec<u8> {
    let mut point = vec![0x04];
    point.resize(point_len, 0x11);
    spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &oid(curve)]), &point)
}

/// An RSA SPKI with a modulus of exactly `bits` bits (not a real key: rules only look at
/// sizes and exponents) and `NULL` parameters.
pub fn rsa_spki(bits: usize, exponent: u64) -> Vec<u8> {
    let mut modulus = vec![0u8; bits.div_ceil(8)];
    let top = bits % 8;
    modulus[0] = if top == 0 { 0x80 } else { 1 << (top - 1) };
    *modulus.last_mut().unwrap() |= 1;
    let key = seq(&[&uint_bytes(&modulus), &int(exponent)]);
    spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &key)
}

/// SubjectPublicKeyInfo from an AlgorithmIdentifier and key bytes.
pub fn spki(algorithm: &[u8], key: &[u8]) -> Vec<u8> {
    seq(&[algorithm, &bit_string(0, key)])
}

/// ecdsa-with-SHA256, parameters absent.
pub fn ecdsa_sha256() -> Vec<u8> {
    seq(&[&oid(&alg::ECDSA_WITH_SHA256)])
}

/// A Name with one attribute per RDN, in the order given.
pub fn name(attrs: &[(&ObjectIdentifier, u8, &str)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = attrs.iter().map(|(o, t, v)| set(&[&seq(&[&oid(o), &tlv(*t, v.as_bytes())])])).collect();
    seq_vec(&rdns)
}

/// `C=US, O=Example CA, CN=Example Issuing CA`.
pub fn issuer_name() -> Vec<u8> {
    name(&[
        (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
        (&attr::ORGANIZATION, tag::UTF8_STRING, "Example CA"),
        (&attr::COMMON_NAME, tag::UTF8_STRING, "Example Issuing CA"),
    ])
}

/// A raw Extension element.
pub fn extension(id: &ObjectIdentifier, critical: bool, value: &[u8]) -> Vec<u8> {
    if critical {
        seq(&[&oid(id), &boolean(true), &octet_string(value)])
    } else {
        seq(&[&oid(id), &octet_string(value)])
    }
}

/// A certificate under construction; each field is raw DER.
#[derive(Clone, Debug)]
pub struct CertBuilder {
    /// `[0] EXPLICIT Version`, whole, or `None` to omit it.
    pub version: Option<Vec<u8>>,
    /// serialNumber element.
    pub serial: Vec<u8>,
    /// signature (TBS) AlgorithmIdentifier.
    pub tbs_sig_alg: Vec<u8>,
    /// issuer Name.
    pub issuer: Vec<u8>,
    /// notBefore element.
    pub not_before: Vec<u8>,
    /// notAfter element.
    pub not_after: Vec<u8>,
    /// subject Name.
    pub subject: Vec<u8>,
    /// subjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// Optional unique ids, whole elements.
    pub unique_ids: Vec<Vec<u8>>,
    /// Extension elements, in order; `None` omits the `[3]` field.
    pub extensions: Option<Vec<Vec<u8>>>,
    /// Outer signatureAlgorithm; `None` copies `tbs_sig_alg`.
    pub sig_alg: Option<Vec<u8>>,
}

impl CertBuilder {
    /// A DV TLS subscriber certificate as the BRs want it, valid 90 days from 2025-06-01.
    pub fn leaf() -> Self {
        let nb = Time::ymd(2025, 6, 1);
        let san = seq(&[&ctx_prim(2, b"example.com"), &ctx_prim(2, b"www.example.com")]);
        let aia = seq(&[
            &seq(&[&oid(&oid::access::OCSP), &ctx_prim(6, b"http://ocsp.example.com")]),
            &seq(&[&oid(&oid::access::CA_ISSUERS), &ctx_prim(6, b"http://ca.example.com/ca.crt")]),
        ]);
        Self {
            version: Some(ctx_cons(0, &int(2))),
            serial: uint_bytes(&[
                0x3a, 0x5f, 0x11, 0x02, 0x9e, 0x44, 0x7b, 0x01, 0xc3, 0x2d, 0x6e, 0x90, 0x15, 0x88, 0x21, 0x4f,
            ]),
            tbs_sig_alg: ecdsa_sha256(),
            issuer: issuer_name(),
            not_before: utc_time(nb),
            not_after: utc_time(Time::from_unix(nb.unix() + 90 * 86_400 - 1)),
            subject: name(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "example.com")]),
            spki: p256_spki(),
            unique_ids: Vec::new(),
            extensions: Some(vec![
                extension(&oid::ext::KEY_USAGE, true, &bit_string(7, &[0x80])),
                extension(
                    &oid::ext::EXT_KEY_USAGE,
                    false,
                    &seq(&[&oid(&oid::eku::SERVER_AUTH), &oid(&oid::eku::CLIENT_AUTH)]),
                ),
                extension(&oid::ext::BASIC_CONSTRAINTS, true, &seq(&[])),
                extension(&oid::ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0xab; 20])])),
                extension(&oid::ext::AUTHORITY_INFO_ACCESS, false, &aia),
                extension(&oid::ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&oid::policy::DV)])])),
                extension(&oid::ext::SUBJECT_ALT_NAME, false, &san),
            ]),
            sig_alg: None,
        }
    }

    /// A self-signed root CA as the BRs want it, valid 15 years from 2025-01-01.
    pub fn root() -> Self {
        let n = name(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Example CA"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "Example Root CA"),
        ]);
        let nb = Time::ymd(2025, 1, 1);
        Self {
            version: Some(ctx_cons(0, &int(2))),
            serial: uint_bytes(&[
                0x51, 0x22, 0x9a, 0x0e, 0x61, 0x7d, 0x33, 0x08, 0x4c, 0x15, 0x62, 0x77, 0x0a, 0x1f, 0x2b, 0x3c,
            ]),
            tbs_sig_alg: ecdsa_sha256(),
            issuer: n.clone(),
            not_before: utc_time(nb),
            not_after: utc_time(Time::ymd(2040, 1, 1)),
            subject: n,
            spki: p256_spki(),
            unique_ids: Vec::new(),
            extensions: Some(vec![
                extension(&oid::ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true)])),
                extension(&oid::ext::KEY_USAGE, true, &bit_string(1, &[0x06])),
                extension(&oid::ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[0xcd; 20])),
            ]),
            sig_alg: None,
        }
    }

    /// A TLS subordinate CA (BR §7.1.2.6), valid 5 years from 2025-01-01.
    pub fn sub_ca() -> Self {
        let aia = seq(&[&seq(&[&oid(&oid::access::CA_ISSUERS), &ctx_prim(6, b"http://ca.example.com/root.crt")])]);
        let crldp = seq(&[&seq(&[&ctx_cons(0, &ctx_cons(0, &ctx_prim(6, b"http://crl.example.com/root.crl")))])]);
        Self {
            version: Some(ctx_cons(0, &int(2))),
            serial: uint_bytes(&[
                0x62, 0x01, 0x9a, 0x0e, 0x61, 0x7d, 0x33, 0x08, 0x4c, 0x15, 0x62, 0x77, 0x0a, 0x1f, 0x2b, 0x3c,
            ]),
            tbs_sig_alg: ecdsa_sha256(),
            issuer: CertBuilder::root().subject,
            not_before: utc_time(Time::ymd(2025, 1, 1)),
            not_after: utc_time(Time::ymd(2030, 1, 1)),
            subject: issuer_name(),
            spki: p256_spki(),
            unique_ids: Vec::new(),
            extensions: Some(vec![
                extension(&oid::ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &int(0)])),
                extension(&oid::ext::KEY_USAGE, true, &bit_string(1, &[0x86])),
                extension(
                    &oid::ext::EXT_KEY_USAGE,
                    false,
                    &seq(&[&oid(&oid::eku::SERVER_AUTH), &oid(&oid::eku::CLIENT_AUTH)]),
                ),
                extension(&oid::ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0xcd; 20])])),
                extension(&oid::ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[0xab; 20])),
                extension(&oid::ext::AUTHORITY_INFO_ACCESS, false, &aia),
                extension(&oid::ext::CRL_DISTRIBUTION_POINTS, false, &crldp),
                extension(&oid::ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&oid::policy::DV)])])),
            ]),
            sig_alg: None,
        }
    }

    /// Sets notBefore and notAfter as UTCTime (or GeneralizedTime from 2050, as RFC 5280 asks).
    pub fn validity(mut self, not_before: Time, not_after: Time) -> Self {
        self.not_before = rfc5280_time(not_before);
        self.not_after = rfc5280_time(not_after);
        self
    }

    /// Sets notBefore, keeping the same validity length.
    pub fn not_before(self, nb: Time) -> Self {
        let cert = self.build();
        let v = cert.validity().expect("valid");
        let len = v.not_before.time.seconds_until(v.not_after.time);
        self.validity(nb, Time::from_unix(nb.unix() + len))
    }

    /// Replaces the extension with this id (keeping its position), or appends it.
    pub fn ext(mut self, id: &ObjectIdentifier, critical: bool, value: &[u8]) -> Self {
        self.set_raw_ext(id, extension(id, critical, value));
        self
    }

    /// Replaces the extension with this id by a raw element (or appends it).
    pub fn raw_ext(mut self, id: &ObjectIdentifier, raw: Vec<u8>) -> Self {
        self.set_raw_ext(id, raw);
        self
    }

    fn set_raw_ext(&mut self, id: &ObjectIdentifier, raw: Vec<u8>) {
        let exts = self.extensions.get_or_insert_with(Vec::new);
        let needle = oid(id);
        match exts.iter_mut().find(|e| e.windows(needle.len()).take(8).any(|w| w == needle.as_slice())) {
            Some(e) => *e = raw,
            None => exts.push(raw),
        }
    }

    /// Appends an extension even if one with the same id exists (duplicates).
    pub fn push_ext(mut self, raw: Vec<u8>) -> Self {
        self.extensions.get_or_insert_with(Vec::new).push(raw);
        self
    }

    /// Removes every extension with this id.
    pub fn without_ext(mut self, id: &ObjectIdentifier) -> Self {
        let needle = oid(id);
        if let Some(exts) = &mut self.extensions {
            exts.retain(|e| !e.windows(needle.len()).take(8).any(|w| w == needle.as_slice()));
        }
        self
    }

    /// Sets the subject to a Name made of these attributes.
    pub fn subject(mut self, attrs: &[(&ObjectIdentifier, u8, &str)]) -> Self {
        self.subject = name(attrs);
        self
    }

    /// The DNS names of the SAN.
    pub fn san_dns(self, names: &[&str]) -> Self {
        let items: Vec<Vec<u8>> = names.iter().map(|n| ctx_prim(2, n.as_bytes())).collect();
        self.ext(&oid::ext::SUBJECT_ALT_NAME, false, &seq_vec(&items))
    }

    /// The TBSCertificate DER.
    pub fn tbs(&self) -> Vec<u8> {
        let mut parts: Vec<&[u8]> = Vec::new();
        if let Some(v) = &self.version {
            parts.push(v);
        }
        let validity = seq(&[&self.not_before, &self.not_after]);
        parts.extend([self.serial.as_slice(), &self.tbs_sig_alg, &self.issuer, &validity, &self.subject, &self.spki]);
        for u in &self.unique_ids {
            parts.push(u);
        }
        let exts;
        if let Some(e) = &self.extensions {
            exts = ctx_cons(3, &seq_vec(e));
            parts.push(&exts);
        }
        seq(&parts)
    }

    /// The signed certificate DER.
    pub fn der(&self) -> Vec<u8> {
        use p256::ecdsa::signature::Signer;
        let tbs = self.tbs();
        let sig: p256::ecdsa::DerSignature = signing_key().sign(&tbs);
        let alg = self.sig_alg.clone().unwrap_or_else(|| self.tbs_sig_alg.clone());
        seq(&[&tbs, &alg, &bit_string(0, sig.as_bytes())])
    }

    /// The decoded certificate.
    pub fn build(&self) -> Certificate {
        Certificate::from_der(&self.der()).expect("test certificate decodes")
    }
}

/// The status a single rule gives a certificate, through the engine (scope and dates
/// applied), with the certificate type detected.
pub fn status(rule: &'static dyn Rule, cert: &Certificate) -> Status {
    finding(rule, cert, &Context::default()).0
}

/// The status and message a single rule gives.
///
/// It also holds the rule to its declared [`crate::Need`]: on a certificate in its scope
/// that lacks the need, the rule itself must answer not applicable, as the engine does
/// without calling it.
pub fn finding(rule: &'static dyn Rule, cert: &Certificate, ctx: &Context) -> (Status, alloc::string::String) {
    assert_need_kept(rule, cert, ctx);
    let report = Policy::new("test").with_static_rule(rule).lint(cert, ctx);
    let f = &report.findings()[0];
    (f.status(), f.message().into())
}

/// Panics if `rule` declares a need `cert` lacks, yet says something other than not
/// applicable about it.
#[track_caller]
pub fn assert_need_kept(rule: &dyn Rule, cert: &Certificate, ctx: &Context) {
    let meta = rule.meta();
    if cert.lacks(meta.need()) && crate::policy::in_force(meta, cert, ctx) {
        let got = rule.check(cert, ctx);
        assert!(
            got == crate::Outcome::NotApplicable,
            "rule {} declares {:?}, which the certificate lacks, yet it says {got:?}",
            meta.id(),
            meta.need()
        );
    }
}

/// Asserts a rule's status on a builder's certificate.
#[track_caller]
pub fn assert_status(rule: &'static dyn Rule, b: &CertBuilder, expected: Status) {
    let cert = b.build();
    let (got, msg) = finding(rule, &cert, &Context::default());
    assert_eq!(got, expected, "rule {} said {got} ({msg})", rule.meta().id());
}

/// The sample chain committed as `tests/data/sample-chain.pem` (leaf, intermediate,
/// root), used by the `lint` example and the doc tests.
pub fn sample_chain_pem() -> alloc::string::String {
    let mut out = alloc::string::String::new();
    for (label, der) in [
        ("leaf: example.com", CertBuilder::leaf().der()),
        ("intermediate: Example Issuing CA", CertBuilder::sub_ca().der()),
        ("root: Example Root CA", CertBuilder::root().der()),
    ] {
        out.push_str(&pem(label, &der));
    }
    out
}

fn pem(label: &str, der: &[u8]) -> alloc::string::String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = alloc::string::String::new();
    for chunk in der.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                b64.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                b64.push('=');
            }
        }
    }
    let mut out = alloc::format!("# {label}\n-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(core::str::from_utf8(line).unwrap());
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// A P-256 SubjectPublicKeyInfo for the secret scalar `secret` (for chains, where each CA
/// needs its own key).
pub fn p256_spki_for(secret: [u8; 32]) -> Vec<u8> {
    let key = p256::ecdsa::SigningKey::from_slice(&secret).expect("valid scalar");
    let point = key.verifying_key().to_sec1_point(false);
    spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &oid(&alg::SECP256R1)]), point.as_bytes())
}

impl CertBuilder {
    /// Uses the P-256 key with this secret scalar as the subject public key.
    pub fn key(mut self, secret: [u8; 32]) -> Self {
        self.spki = p256_spki_for(secret);
        self
    }

    /// The signed certificate DER, signed with the P-256 key `issuer_secret` (an issuer's
    /// key) instead of the fixed test key.
    pub fn der_signed_with(&self, issuer_secret: [u8; 32]) -> Vec<u8> {
        use p256::ecdsa::signature::Signer;
        let key = p256::ecdsa::SigningKey::from_slice(&issuer_secret).expect("valid scalar");
        let tbs = self.tbs();
        let sig: p256::ecdsa::DerSignature = key.sign(&tbs);
        let alg = self.sig_alg.clone().unwrap_or_else(|| self.tbs_sig_alg.clone());
        seq(&[&tbs, &alg, &bit_string(0, sig.as_bytes())])
    }

    /// The decoded certificate signed with `issuer_secret`.
    pub fn build_signed_with(&self, issuer_secret: [u8; 32]) -> Certificate {
        Certificate::from_der(&self.der_signed_with(issuer_secret)).expect("test certificate decodes")
    }

    /// Sets the issuer name.
    pub fn issuer(mut self, attrs: &[(&ObjectIdentifier, u8, &str)]) -> Self {
        self.issuer = name(attrs);
        self
    }
}

/// Decodes a real certificate (PEM or DER) committed under `tests/data/`, for regression
/// tests that pin a rule's verdict on a certificate seen in the wild.
pub fn real_cert(bytes: &[u8]) -> Certificate {
    match core::str::from_utf8(bytes) {
        Ok(pem) if pem.contains("-----BEGIN") => Certificate::from_pem(pem).expect("test PEM decodes"),
        _ => Certificate::from_der(bytes).expect("test DER decodes"),
    }
}

/// Reads a file under `tests/data/` at compile time: `tests_data!("vectors/bigoid.pem")`.
macro_rules! tests_data {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/", $path))
    };
}
pub(crate) use tests_data;

#[cfg(test)]
mod sample {
    extern crate std;

    /// Keeps `tests/data/sample-chain.pem` in step with the builders; run with
    /// `CERTLINT_REGEN=1` to rewrite it.
    #[test]
    fn sample_chain_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample-chain.pem");
        let want = super::sample_chain_pem();
        if std::env::var_os("CERTLINT_REGEN").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap();
        assert_eq!(have, want, "tests/data/sample-chain.pem is stale; rerun with CERTLINT_REGEN=1");
        let certs = crate::Certificate::parse_pem_bundle(&have).unwrap();
        assert_eq!(certs.len(), 3);
    }
}
