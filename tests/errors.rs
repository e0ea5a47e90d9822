//! Input that is not a certificate gives an `Error` that says what is wrong and where;
//! nothing panics.

use certlint::{Certificate, Error};

const SAMPLE: &str = include_str!("data/sample-chain.pem");

fn sample_der() -> Vec<u8> {
    Certificate::parse_pem_bundle(SAMPLE).unwrap()[0].der().to_vec()
}

fn message(r: Result<impl std::fmt::Debug, Error>) -> String {
    r.expect_err("must be refused").to_string()
}

#[test]
fn empty_input() {
    assert_eq!(message(Certificate::from_der(&[])), "empty input");
    assert!(message(Certificate::parse_pem_bundle("")).contains("no PEM CERTIFICATE block"));
}

#[test]
fn truncated_der_names_the_offset() {
    let der = sample_der();
    for cut in [1, 2, 10, der.len() / 2, der.len() - 1] {
        let m = message(Certificate::from_der(&der[..cut]));
        assert!(m.contains("byte") && (m.contains("truncated") || m.contains("exceeds")), "cut at {cut}: {m}");
    }
}

#[test]
fn random_bytes_never_panic() {
    // A fixed xorshift stream: deterministic, no dependency.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for len in 0..2000usize {
        let bytes: Vec<u8> = (0..len % 300)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let _ = Certificate::from_der(&bytes);
        let _ = Certificate::from_tbs_der(&bytes);
        let _ = Certificate::parse_pem_bundle(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn bad_base64_names_the_line() {
    let pem = "prologue\n-----BEGIN CERTIFICATE-----\nMIIC!!!not base64\n-----END CERTIFICATE-----\n";
    let m = message(Certificate::from_pem(pem));
    assert!(m.contains("line 2") && m.contains("base64"), "{m}");
    let unterminated = "-----BEGIN CERTIFICATE-----\nMIIC\n";
    assert!(message(Certificate::from_pem(unterminated)).contains("no END line"));
}

#[test]
fn other_pem_blocks_are_named() {
    let crl = "-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n";
    assert!(message(Certificate::parse_pem_bundle(crl)).contains("X509 CRL"));
    let key = "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n";
    assert!(message(Certificate::from_pem(key)).contains("PRIVATE KEY"));
}

#[test]
fn a_bad_certificate_in_a_bundle_is_located() {
    let broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    let bundle = format!("{SAMPLE}{broken}");
    let m = message(Certificate::parse_pem_bundle(&bundle));
    assert!(m.contains("#3"), "{m}");
}

#[test]
fn der_that_is_not_a_certificate_is_named() {
    let crl = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/vectors/crl_invalid_time.der")).unwrap();
    assert!(message(Certificate::from_der(&crl)).contains("CRL"));
    let tbs = Certificate::parse_pem_bundle(SAMPLE).unwrap()[0].tbs_der().to_vec();
    assert!(matches!(Certificate::from_der(&tbs), Err(Error::TbsCertificate)));
    assert!(message(Certificate::from_der(&[0x02, 0x01, 0x05])).contains("not a SEQUENCE"));
}
