//! basicConstraints (RFC 5280 §4.2.1.9).

use crate::cert::{KeyUsage, PathLen};
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] =
    &[&CaBasicConstraintsNotCritical, &PathLenWithoutCa, &PathLenWithoutKeyCertSign, &PathLenNegative];

/// `rfc5280.ca_basic_constraints_not_critical`
///
/// **What it checks**: in a CA certificate whose key signs certificates (keyUsage absent
/// or asserting keyCertSign), basicConstraints is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.9 requires conforming CAs to mark the extension
/// critical in every CA certificate whose key verifies certificate signatures; a relying
/// party that does not understand it must then reject the certificate rather than treat
/// the CA as an end entity or vice versa.
///
/// **Example**: a subordinate CA with `basicConstraints: cA=TRUE` not critical fails;
/// the same extension marked critical passes. End entities, and CA certificates whose
/// keyUsage lacks keyCertSign (CRL-signing only), are not applicable.
pub struct CaBasicConstraintsNotCritical;

impl Rule for CaBasicConstraintsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.ca_basic_constraints_not_critical", Source::Rfc5280, Severity::Error)
                .summary("basicConstraints must be critical in CA certificates")
                .citation("RFC 5280 §4.2.1.9")
                .scope(Scope::CA)
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
                .aliases(&[
                    "zlint:e_basic_constraints_not_critical",
                    "pkilint:pkix.basic_constraints_extension_not_critical",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // The MUST covers CA keys that verify certificate signatures: a keyUsage without
        // keyCertSign says this one does not.
        if matches!(cert.key_usage(), Some(Ok(ku)) if !ku.value.has(KeyUsage::KEY_CERT_SIGN)) {
            return Outcome::NotApplicable;
        }
        match cert.basic_constraints() {
            Some(Ok(bc)) if bc.value.ca => {
                Outcome::check(bc.critical, "basicConstraints is not marked critical in a CA certificate")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.path_len_without_ca`
///
/// **What it checks**: pathLenConstraint appears only when cA is TRUE.
///
/// **Why it matters**: RFC 5280 §4.2.1.9 says CAs MUST NOT include pathLenConstraint
/// unless cA is asserted; on an end entity the value is meaningless and signals a
/// profile error.
///
/// **Example**: `basicConstraints: cA=FALSE, pathLen=0` fails; `cA=TRUE, pathLen=0`
/// passes; a certificate without pathLenConstraint is not applicable.
pub struct PathLenWithoutCa;

impl Rule for PathLenWithoutCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.path_len_without_ca", Source::Rfc5280, Severity::Error)
            .summary("pathLenConstraint must not appear unless cA is TRUE")
            .citation("RFC 5280 §4.2.1.9")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
            .aliases(&[
                "zlint:e_path_len_constraint_improperly_included",
                "pkilint:pkix.basic_constraints_has_pathlen_for_non_ca",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) if bc.value.path_len.is_some() => {
                Outcome::check(bc.value.ca, "pathLenConstraint is present but cA is not TRUE")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.path_len_without_key_cert_sign`
///
/// **What it checks**: a CA certificate with pathLenConstraint also asserts keyCertSign.
///
/// **Why it matters**: RFC 5280 §4.2.1.9 allows pathLenConstraint only when cA is TRUE
/// *and* the key usage asserts keyCertSign: the constraint governs certification paths
/// that this key signs.
///
/// **Example**: `cA=TRUE, pathLen=0` with keyUsage `cRLSign` only fails; with
/// `keyCertSign, cRLSign` it passes; no pathLenConstraint is not applicable.
pub struct PathLenWithoutKeyCertSign;

impl Rule for PathLenWithoutKeyCertSign {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.path_len_without_key_cert_sign", Source::Rfc5280, Severity::Error)
                .summary("pathLenConstraint requires keyUsage keyCertSign")
                .citation("RFC 5280 §4.2.1.9")
                .scope(Scope::CA)
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
                .aliases(&["zlint:e_path_len_constraint_improperly_included"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) if bc.value.ca && bc.value.path_len.is_some() => {
                let cert_sign = matches!(cert.key_usage(), Some(Ok(ku)) if ku.value.has(KeyUsage::KEY_CERT_SIGN));
                Outcome::check(cert_sign, "pathLenConstraint is present but keyUsage does not assert keyCertSign")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.path_len_negative`
///
/// **What it checks**: pathLenConstraint is not negative.
///
/// **Why it matters**: RFC 5280 §4.2.1.9 defines pathLenConstraint as `INTEGER (0..MAX)`;
/// a negative value has no meaning and path validators disagree on how to treat it.
///
/// **Example**: `pathLen=-1` fails; `pathLen=0` passes; no pathLenConstraint is not
/// applicable.
pub struct PathLenNegative;

impl Rule for PathLenNegative {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.path_len_negative", Source::Rfc5280, Severity::Error)
            .summary("pathLenConstraint must be zero or greater")
            .citation("RFC 5280 §4.2.1.9")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
            .aliases(&["zlint:e_path_len_constraint_zero_or_less"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) => match bc.value.path_len {
                Some(PathLen::Negative) => Outcome::fail("pathLenConstraint is negative"),
                Some(PathLen::Value(_) | PathLen::Huge) => Outcome::Pass,
                None => Outcome::NotApplicable,
            },
            _ => Outcome::NotApplicable,
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
    fn ca_basic_constraints_critical() {
        assert_status(&CaBasicConstraintsNotCritical, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, false, &seq(&[&boolean(true)]));
        assert_status(&CaBasicConstraintsNotCritical, &b, Status::Error);
        assert_status(&CaBasicConstraintsNotCritical, &CertBuilder::leaf(), Status::NotApplicable);
        let crl_only = b.ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02]));
        assert_status(&CaBasicConstraintsNotCritical, &crl_only, Status::NotApplicable);
    }

    #[test]
    fn path_len_without_ca() {
        assert_status(&PathLenWithoutCa, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&int(0)]));
        assert_status(&PathLenWithoutCa, &b, Status::Error);
        assert_status(&PathLenWithoutCa, &CertBuilder::leaf(), Status::NotApplicable);
        // The requirement dates from RFC 3280.
        let old = b.clone().validity(Time::ymd(2002, 3, 31), Time::ymd(2003, 1, 1));
        assert_status(&PathLenWithoutCa, &old, Status::NotEffective);
        let day_of = b.validity(Time::ymd(2002, 4, 1), Time::ymd(2003, 1, 1));
        assert_status(&PathLenWithoutCa, &day_of, Status::Error);
    }

    #[test]
    fn path_len_without_key_cert_sign() {
        assert_status(&PathLenWithoutKeyCertSign, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02]));
        assert_status(&PathLenWithoutKeyCertSign, &b, Status::Error);
        assert_status(&PathLenWithoutKeyCertSign, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn path_len_negative() {
        assert_status(&PathLenNegative, &CertBuilder::sub_ca(), Status::Pass);
        let negative = tlv(tag::INTEGER, &[0xff]);
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &negative]));
        assert_status(&PathLenNegative, &b, Status::Error);
        let huge = tlv(tag::INTEGER, &[0x01, 0, 0, 0, 0, 0, 0, 0, 0]);
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &huge]));
        assert_status(&PathLenNegative, &b, Status::Pass);
        assert_status(&PathLenNegative, &CertBuilder::root(), Status::NotApplicable);
    }
}
