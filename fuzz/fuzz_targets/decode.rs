//! PEM and DER decoding, and every typed view, on arbitrary bytes: never a panic.
#![no_main]

use certlint::Certificate;
use libfuzzer_sys::fuzz_target;

fn touch(cert: &Certificate) {
    let _ = cert.version();
    let _ = cert.serial();
    let _ = cert.tbs_signature_algorithm();
    let _ = cert.signature_algorithm();
    if let Ok(n) = cert.subject() {
        let _ = n.to_string();
    }
    if let Ok(n) = cert.issuer() {
        let _ = n.to_string();
    }
    let _ = cert.validity();
    if let Ok(spki) = cert.spki() {
        let _ = spki.public_key();
    }
    for e in cert.extensions() {
        let _ = e.oid.map(|o| o.to_string());
    }
    if let Some(Ok(san)) = cert.subject_alt_name() {
        for n in san.value.iter() {
            let _ = n;
        }
    }
    if let Some(Ok(cp)) = cert.certificate_policies() {
        for p in cp.value.policies() {
            for q in p.qualifiers() {
                let _ = q;
            }
        }
    }
    if let Some(Ok(scts)) = cert.sct_list() {
        for s in scts.value.iter() {
            let _ = s;
        }
    }
    if let Some(Ok(nc)) = cert.name_constraints() {
        for t in nc.value.permitted.iter().chain(nc.value.excluded.iter()) {
            for s in t.iter() {
                let _ = s;
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(cert) = Certificate::from_der(data) {
        touch(&cert);
    }
    if let Ok(cert) = Certificate::from_tbs_der(data) {
        touch(&cert);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(certs) = Certificate::parse_pem_bundle(text) {
            for c in &certs {
                touch(c);
            }
        }
        let _ = Certificate::from_pem(text);
    }
});
