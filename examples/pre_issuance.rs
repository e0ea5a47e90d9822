//! Pre-issuance linting: a CA lints the TBSCertificate it is about to sign, and refuses
//! to sign when any finding is at error or above (TLS BR §4.3.1.2).
//!
//! The certificate is assembled with x509-cert's builder; `finalize` yields the DER of
//! the TBSCertificate that the signature will cover. That is what certlint lints: no
//! signature, no placeholder key.

use std::str::FromStr;
use std::time::Duration;

use certlint::{Certificate, Context, Policy};
use p256::ecdsa::{DerSignature, SigningKey};
use x509_cert::builder::profile::cabf::tls::{CertificateType, Subscriber};
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::der::asn1::Ia5String;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ca_key = SigningKey::from_slice(&[7u8; 32])?;
    let subscriber_key = SigningKey::from_slice(&[9u8; 32])?;
    let spki = SubjectPublicKeyInfoOwned::from_key(subscriber_key.verifying_key())?;

    let policy = Policy::webpki();
    for days in [90u64, 500] {
        let names = vec![GeneralName::DnsName(Ia5String::new("www.example.com")?)];
        let profile = Subscriber {
            certificate_type: CertificateType::domain_validated(Name::from_str("CN=www.example.com")?, names)
                .map_err(|e| format!("dv: {e:?}"))?,
            issuer: Name::from_str("CN=Example Issuing CA,O=Example CA,C=US")?,
            client_auth: false,
        };
        let validity =
            Validity::from_now(Duration::from_secs(days * 86_400)).map_err(|e| format!("validity: {e:?}"))?;
        let serial = SerialNumber::new(&[0x4f, 0x1a, 0x22, 0x93, 0x5c, 0x0e, 0x71, 0x88, 0x12, 0x34])
            .map_err(|e| format!("serial: {e:?}"))?;
        let mut builder =
            CertificateBuilder::new(profile, serial, validity, spki.clone()).map_err(|e| format!("builder: {e}"))?;

        // The bytes the CA would sign.
        let tbs = builder.finalize(&ca_key).map_err(|e| format!("finalize: {e:?}"))?;
        let report = policy.lint(&Certificate::from_tbs_der(&tbs)?, &Context::default());

        if report.has_errors() {
            println!("{days}-day certificate: refused to sign");
            for f in report.problems() {
                println!("  {f}");
            }
            continue;
        }
        let signature: DerSignature = p256::ecdsa::signature::Signer::sign(&ca_key, &tbs);
        let cert = builder.assemble(x509_cert::der::asn1::BitString::from_bytes(&signature.to_bytes())?, &ca_key)?;
        let warnings = report.problems().count();
        println!(
            "{days}-day certificate: signed (serial {}, {warnings} warnings)",
            cert.tbs_certificate().serial_number()
        );
        for f in report.problems() {
            println!("  {f}");
        }
    }
    Ok(())
}
