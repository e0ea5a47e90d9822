//! The 142 Mozilla roots of Debian's 2023 bundle (copied from the project's corpus) must
//! decode and lint without a Fatal finding: none of them is malformed.

use std::path::Path;

use certlint::{Certificate, Context, Policy, Status};

fn roots() -> Vec<(String, Certificate)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mozilla-roots");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let pem = std::fs::read_to_string(&path).unwrap();
        let cert = Certificate::from_pem(&pem).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((path.file_name().unwrap().to_string_lossy().into_owned(), cert));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_root_decodes_and_matches_x509_cert() {
    let roots = roots();
    assert_eq!(roots.len(), 142);
    for (name, cert) in &roots {
        let strict = cert.to_x509().unwrap_or_else(|e| panic!("{name}: x509-cert refuses it: {e}"));
        assert_eq!(cert.serial().unwrap(), strict.tbs_certificate().serial_number().as_bytes(), "{name}");
        assert!(cert.structure_errors().is_empty(), "{name}");
    }
}

#[test]
fn no_root_gets_a_fatal_finding() {
    let policy = Policy::all();
    for (name, cert) in roots() {
        let report = policy.lint(&cert, &Context::default());
        for f in report.findings() {
            assert!(f.status() < Status::Fatal, "{name}: {f}");
        }
    }
}

#[test]
fn roots_are_detected_as_roots() {
    for (name, cert) in roots() {
        let report = Policy::rfc5280().lint(&cert, &Context::default());
        assert_eq!(report.cert_type(), certlint::CertType::Root, "{name}");
    }
}

#[test]
fn known_defects_are_found() {
    // Go Daddy Class 2 CA has serial number 0 (RFC 5280 §4.1.2.2 requires a positive one).
    let (_, cert) = roots().into_iter().find(|(n, _)| n == "Go_Daddy_Class_2_CA.crt").unwrap();
    let report = Policy::rfc5280().lint(&cert, &Context::default());
    assert_eq!(report.get("rfc5280.serial_number_not_positive").unwrap().status(), Status::Error);
}
