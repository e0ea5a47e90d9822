//! Real and deliberately broken inputs from the `cryptography_vectors` package: every
//! file either decodes and lints with every rule without a panic, or is refused with an
//! error naming what it is (a CRL where a certificate was expected).

use std::path::{Path, PathBuf};

use certlint::{Certificate, Context, Error, Policy, Status};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors")
}

fn load(path: &Path) -> Result<Vec<Certificate>, Error> {
    let bytes = std::fs::read(path).unwrap();
    match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN") => Certificate::parse_pem_bundle(text),
        _ => match Certificate::from_der(&bytes) {
            Err(Error::TbsCertificate) => Certificate::from_tbs_der(&bytes).map(|c| vec![c]),
            other => other.map(|c| vec![c]),
        },
    }
}

fn lint(name: &str) -> certlint::Report {
    let certs = load(&dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    Policy::all().lint(&certs[0], &Context::default())
}

#[test]
fn every_vector_lints_or_is_refused_clearly() {
    let policy = Policy::all();
    let mut linted = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        match load(&path) {
            Ok(certs) => {
                for cert in certs {
                    let report = policy.lint(&cert, &Context::default());
                    for f in report.findings() {
                        assert!(!f.message().contains("panicked"), "{name}: {f}");
                    }
                    linted += 1;
                }
            }
            Err(e) => {
                assert!(name.contains("crl"), "{name}: refused but it is a certificate: {e}");
                let msg = e.to_string();
                assert!(msg.contains("CRL"), "{name}: the error does not say what the input is: {msg}");
            }
        }
    }
    assert!(linted > 120, "only {linted} certificates linted");
}

#[test]
fn known_defects_are_reported() {
    let cases = [
        ("negative_serial.pem", "rfc5280.serial_number_not_positive", Status::Error),
        ("two_basic_constraints.pem", "rfc5280.extension_duplicate", Status::Error),
        ("invalid-sct-length.der", "rfc5280.extension_malformed", Status::Fatal),
        ("badasn1time.pem", "rfc5280.structure_malformed", Status::Fatal),
        ("wosign-bc-invalid.pem", "rfc5280.path_len_without_ca", Status::Error),
        ("invalid_version.pem", "rfc5280.structure_malformed", Status::Fatal),
        ("cryptography.io.pem", "rfc5280.structure_malformed", Status::Pass),
    ];
    for (file, rule, want) in cases {
        let report = lint(file);
        let got = report.get(rule).unwrap_or_else(|| panic!("{rule} not in policy")).status();
        assert_eq!(got, want, "{file}: {rule}");
    }
}

#[test]
fn a_broken_field_does_not_stop_the_other_rules() {
    // badasn1time.pem has an unreadable notAfter: structure_malformed reports it, and the
    // rules about other fields still pass or fail on their own.
    let report = lint("badasn1time.pem");
    let ran = report.findings().iter().filter(|f| matches!(f.status(), Status::Pass | Status::Error)).count();
    assert!(ran > 10, "only {ran} rules produced a verdict");
}

#[test]
fn a_tbs_certificate_is_recognised() {
    let bytes = std::fs::read(dir().join("cryptography-scts-tbs-precert.der")).unwrap();
    assert!(matches!(Certificate::from_der(&bytes), Err(Error::TbsCertificate)));
    let tbs = Certificate::from_tbs_der(&bytes).unwrap();
    assert_eq!(tbs.form(), certlint::cert::Form::Tbs);
    assert!(tbs.signature_algorithm().is_none());
}

#[test]
fn other_der_structures_are_named() {
    // A SubjectPublicKeyInfo and a PKCS #8 key, framed as DER but not certificates.
    let spki = [0x30, 0x09, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x03, 0x02, 0x00, 0x01];
    let err = Certificate::from_der(&spki).unwrap_err().to_string();
    assert!(err.contains("public key"), "{err}");
    let pkcs8 = [0x30, 0x0b, 0x02, 0x01, 0x00, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x04, 0x01, 0x00];
    let err = Certificate::from_der(&pkcs8).unwrap_err().to_string();
    assert!(err.contains("private key"), "{err}");
}
