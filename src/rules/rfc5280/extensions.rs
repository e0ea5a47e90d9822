//! Extensions in general (RFC 5280 §4.2): duplicates, decodability, DER of the
//! criticality flag.

use alloc::format;

use crate::cert::{extension_name, Critical};

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[&ExtensionDuplicate, &ExtensionMalformed, &ExtensionCriticalDefaultEncoded];

/// `rfc5280.extension_duplicate`
///
/// **What it checks**: no extension identifier appears twice.
///
/// **Why it matters**: RFC 5280 §4.2 says a certificate MUST NOT include more than one
/// instance of a particular extension; with two, parsers pick different ones.
///
/// **Example**: two subjectAltName extensions fail; one passes; a certificate without
/// extensions is not applicable.
pub struct ExtensionDuplicate;

impl Rule for ExtensionDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extension_duplicate", Source::Rfc5280, Severity::Error)
            .summary("an extension must not appear more than once")
            .citation("RFC 5280 §4.2")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_ext_duplicate_extension", "pkilint:pkix.duplicate_extension"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let n = cert.extensions().len();
        if n == 0 {
            return Outcome::NotApplicable;
        }
        let duplicate = if n <= 32 {
            // The common case: a handful of extensions, compared pairwise without allocating.
            cert.extensions()
                .enumerate()
                .find(|(i, e)| cert.extensions().take(*i).any(|p| p.oid_raw == e.oid_raw))
                .map(|(_, e)| e)
        } else {
            // Thousands of extensions: sort instead of comparing every pair.
            let mut all: alloc::vec::Vec<_> = cert.extensions().collect();
            all.sort_by(|a, b| a.oid_raw.cmp(b.oid_raw));
            all.windows(2).find(|w| matches!(w, [a, b] if a.oid_raw == b.oid_raw)).and_then(|w| w.first().copied())
        };
        match duplicate {
            Some(e) => {
                let name = e.oid.map_or_else(|| "?".into(), |o| format!("{o}"));
                Outcome::fail(format!("extension {name} ({}) appears more than once", extension_name(e.oid_raw)))
            }
            None => Outcome::Pass,
        }
    }
}

/// `rfc5280.extension_malformed`
///
/// **What it checks**: every extension is a well-formed `Extension` SEQUENCE, and every
/// extension this crate knows decodes according to its ASN.1 syntax.
///
/// **Why it matters**: RFC 5280 §4.2 defines each extension's syntax; a value that does
/// not decode cannot be processed, and a critical one makes the certificate unusable.
/// Rules about the broken extension's content are not applicable; this rule names it.
///
/// **Example**: a basicConstraints whose value is an OCTET STRING instead of a SEQUENCE
/// fails; well-formed extensions pass; no extensions is not applicable.
pub struct ExtensionMalformed;

impl Rule for ExtensionMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extension_malformed", Source::Rfc5280, Severity::Fatal)
            .summary("extensions must decode according to their syntax")
            .citation("RFC 5280 §4.2")
            .aliases(&["pkilint:pkix.sct_list_extension_invalid_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.extensions().len() == 0 {
            return Outcome::NotApplicable;
        }
        let errors = [
            cert.basic_constraints().and_then(Result::err),
            cert.key_usage().and_then(Result::err),
            cert.ext_key_usage().and_then(Result::err),
            cert.subject_alt_name().and_then(Result::err),
            cert.issuer_alt_name().and_then(Result::err),
            cert.certificate_policies().and_then(Result::err),
            cert.authority_key_identifier().and_then(Result::err),
            cert.subject_key_identifier().and_then(Result::err),
            cert.authority_info_access().and_then(Result::err),
            cert.subject_info_access().and_then(Result::err),
            cert.crl_distribution_points().and_then(Result::err),
            cert.freshest_crl().and_then(Result::err),
            cert.name_constraints().and_then(Result::err),
            cert.policy_constraints().and_then(Result::err),
            cert.policy_mappings().and_then(Result::err),
            cert.inhibit_any_policy().and_then(Result::err),
            cert.sct_list().and_then(Result::err),
        ];
        if let Some(m) = errors.into_iter().flatten().next() {
            return Outcome::fail(format!("{m}"));
        }
        if let Some(e) = cert.extensions().find(|e| e.error.is_some()) {
            let why = e.error.map(|r| format!("{r}")).unwrap_or_default();
            return Outcome::fail(format!("an Extension element cannot be read: {why}"));
        }
        Outcome::Pass
    }
}

/// `rfc5280.der_explicit_default_critical`
///
/// **What it checks**: no extension encodes `critical` as an explicit FALSE.
///
/// **Why it matters**: `critical` is `BOOLEAN DEFAULT FALSE` (RFC 5280 §4.1); DER
/// (X.690 §11.5) requires a value equal to its DEFAULT to be omitted, so an explicit
/// FALSE makes the certificate non-DER and re-encoding changes its bytes.
///
/// **Example**: `30 0c 06 03 55 1d 13 01 01 00 04 02 30 00` fails; the same extension
/// without the `01 01 00` passes.
pub struct ExtensionCriticalDefaultEncoded;

impl Rule for ExtensionCriticalDefaultEncoded {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.der_explicit_default_critical", Source::Rfc5280, Severity::Error)
                .summary("an extension's critical flag must be omitted when FALSE")
                .citation("RFC 5280 §4.1; X.690 §11.5")
                .aliases(&["zlint:e_cert_ext_invalid_der"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.extensions().len() == 0 {
            return Outcome::NotApplicable;
        }
        match cert.extensions().find(|e| e.critical == Critical::ExplicitFalse) {
            Some(e) => Outcome::fail(format!("{} encodes critical FALSE explicitly", extension_name(e.oid_raw))),
            None => Outcome::Pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn duplicates() {
        assert_status(&ExtensionDuplicate, &CertBuilder::leaf(), Status::Pass);
        let b =
            CertBuilder::leaf().push_ext(extension(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(2, b"a.example")])));
        assert_status(&ExtensionDuplicate, &b, Status::Error);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(&ExtensionDuplicate, &none, Status::NotApplicable);
    }

    #[test]
    fn malformed() {
        assert_status(&ExtensionMalformed, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::BASIC_CONSTRAINTS, true, &octet_string(&[1]));
        let cert = b.build();
        let (s, msg) = finding(&ExtensionMalformed, &cert, &Context::default());
        assert_eq!(s, Status::Fatal);
        assert!(msg.contains("basicConstraints"), "{msg}");
        // Everything else still lints.
        assert!(cert.subject_alt_name().is_some_and(|s| s.is_ok()));
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(&ExtensionMalformed, &none, Status::NotApplicable);
    }

    #[test]
    fn explicit_default() {
        assert_status(&ExtensionCriticalDefaultEncoded, &CertBuilder::leaf(), Status::Pass);
        let raw = seq(&[
            &oid(&ext::EXT_KEY_USAGE),
            &boolean(false),
            &octet_string(&seq(&[&oid(&crate::oid::eku::SERVER_AUTH)])),
        ]);
        let b = CertBuilder::leaf().raw_ext(&ext::EXT_KEY_USAGE, raw);
        assert_status(&ExtensionCriticalDefaultEncoded, &b, Status::Error);
    }
}
