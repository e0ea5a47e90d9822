//! Subject key types (MRSP §5.1).

use crate::oid::{alg, eku};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&EddsaKeyWithoutEmailEku];

/// `mozilla.eddsa_key_without_email_eku`
///
/// **What it checks**: an Ed25519 or Ed448 subject key appears only in a certificate whose
/// EKU contains id-kp-emailProtection.
///
/// **Why it matters**: MRSP §5.1 (from version 3.0) admits EdDSA keys for S/MIME only;
/// Mozilla's TLS stack does not accept them elsewhere.
///
/// **Example**: an Ed25519 key with EKU serverAuth, or without EKU, fails; with
/// emailProtection it passes; RSA and ECDSA keys are not applicable.
pub struct EddsaKeyWithoutEmailEku;

impl Rule for EddsaKeyWithoutEmailEku {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.eddsa_key_without_email_eku", Source::Mozilla, Severity::Error)
            .summary("EdDSA keys are allowed only with id-kp-emailProtection in the EKU")
            .citation("MRSP §5.1")
            .scope(Scope::ALL)
            .effective(Time::ymd(2025, 3, 15))
            .needs(Need::KeyAlgorithm(&[alg::ED25519, alg::ED448]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else { return Outcome::NotApplicable };
        let oid = spki.algorithm.oid;
        if !oid.is(&alg::ED25519) && !oid.is(&alg::ED448) {
            return Outcome::NotApplicable;
        }
        match eku_sets::eku(cert) {
            Some(Ok(e)) if e.contains(&eku::EMAIL_PROTECTION) => Outcome::Pass,
            Some(Err(())) => Outcome::NotApplicable,
            Some(Ok(_)) => Outcome::fail("an EdDSA key is certified without id-kp-emailProtection in the EKU"),
            None => Outcome::fail("an EdDSA key is certified without an EKU extension"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::cabf_br::eku::tests::{dated, with_eku};
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn eddsa() {
        let r = &EddsaKeyWithoutEmailEku;
        let mut ed = CertBuilder::leaf();
        ed.spki = spki(&seq(&[&oid(&alg::ED25519)]), &[1; 32]);
        assert_status(r, &ed, Status::Error);
        let mut ed448 = with_eku(CertBuilder::leaf(), &[&eku::EMAIL_PROTECTION]);
        ed448.spki = spki(&seq(&[&oid(&alg::ED448)]), &[1; 57]);
        assert_status(r, &ed448, Status::Pass);
        let none = ed.clone().without_ext(&crate::oid::ext::EXT_KEY_USAGE);
        let (s, m) = finding(r, &none.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "an EdDSA key is certified without an EKU extension"));
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &ed, Time::ymd(2025, 3, 15), Status::Error);
    }
}
