//! The TLS BR §7.1.2 certificate profiles as data: which extensions each certificate type
//! lists, with their presence and criticality, and the scopes the profile rules use.

use crate::cert::{Certificate, KeyUsage};
use crate::cert_type::{self, CertType, Scope};
use crate::context::Context;
use crate::oid::{ext, ObjectIdentifier};
use crate::rule::Outcome;
use crate::time::Time;

/// Subordinate CAs the TLS BRs govern (S/MIME-only CAs are left to the S/MIME BRs).
pub(crate) const SUBCA: Scope = Scope::of(CertType::SubCaCrossCertified)
    .with(CertType::SubCaTcNonTls)
    .with(CertType::SubCaPrecertSigning)
    .with(CertType::SubCaTcTls)
    .with(CertType::SubCaTls);
/// Roots and the subordinate CAs above.
pub(crate) const CA: Scope = SUBCA.with(CertType::Root);
/// OCSP responders.
pub(crate) const OCSP: Scope = Scope::of(CertType::OcspResponder);
/// Every type with a §7.1.2 profile.
pub(crate) const BR_ALL: Scope = Scope::TLS_BR;

/// The day the SC-062 profiles (BR 2.0.0) took effect.
pub(crate) const SC62: Time = Time::ymd(2023, 9, 15);

/// How a profile table lists an extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Must,
    Should,
    May,
    NotRecommended,
    ShouldNot,
    MustNot,
}

/// How a profile table wants an extension marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Crit {
    /// Y
    Critical,
    /// N
    NotCritical,
    /// `*` or `-`: the table leaves it to another section.
    Either,
}

/// One row of a profile's extension table.
pub(crate) type Row = (&'static ObjectIdentifier, Presence, Crit);

use Crit::{Critical as Y, Either as E, NotCritical as N};
use Presence::*;

/// §7.1.2.1.2 Root CA.
pub(crate) const ROOT: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Should, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, MustNot, E),
    (&ext::CERTIFICATE_POLICIES, NotRecommended, N),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.2.3 Cross-certified subordinate CA (extKeyUsage: SHOULD when unrestricted, MUST
/// when restricted).
pub(crate) const CROSS: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::CERTIFICATE_POLICIES, Must, N),
    (&ext::CRL_DISTRIBUTION_POINTS, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Should, N),
    (&ext::AUTHORITY_INFO_ACCESS, Should, N),
    (&ext::NAME_CONSTRAINTS, May, E),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.3.1 Technically constrained non-TLS subordinate CA.
pub(crate) const TC_NON_TLS: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::CRL_DISTRIBUTION_POINTS, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Must, N),
    (&ext::AUTHORITY_INFO_ACCESS, Should, N),
    (&ext::CERTIFICATE_POLICIES, May, N),
    (&ext::NAME_CONSTRAINTS, May, E),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.4.1 Precertificate signing CA.
pub(crate) const PRECERT_CA: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::CERTIFICATE_POLICIES, Must, N),
    (&ext::CRL_DISTRIBUTION_POINTS, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Must, N),
    (&ext::AUTHORITY_INFO_ACCESS, Should, N),
    (&ext::NAME_CONSTRAINTS, May, E),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.5.1 Technically constrained TLS subordinate CA.
pub(crate) const TC_TLS: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::CERTIFICATE_POLICIES, Must, N),
    (&ext::CRL_DISTRIBUTION_POINTS, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Must, N),
    (&ext::NAME_CONSTRAINTS, Must, E),
    (&ext::AUTHORITY_INFO_ACCESS, Should, N),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.6.1 TLS subordinate CA.
pub(crate) const TLS_CA: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::BASIC_CONSTRAINTS, Must, Y),
    (&ext::CERTIFICATE_POLICIES, Must, N),
    (&ext::CRL_DISTRIBUTION_POINTS, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::SUBJECT_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Must, N),
    (&ext::AUTHORITY_INFO_ACCESS, Should, N),
    (&ext::NAME_CONSTRAINTS, May, E),
    (&ext::CT_SCT_LIST, May, N),
];

/// §7.1.2.7.6 Subscriber, plus the precertificate poison of §7.1.2.9 (a precertificate is
/// typed as the subscriber certificate it stands for).
pub(crate) const SUBSCRIBER: &[Row] = &[
    (&ext::AUTHORITY_INFO_ACCESS, Must, N),
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::CERTIFICATE_POLICIES, Must, N),
    (&ext::EXT_KEY_USAGE, Must, N),
    (&ext::SUBJECT_ALT_NAME, Must, E),
    (&ext::NAME_CONSTRAINTS, MustNot, E),
    (&ext::KEY_USAGE, Should, Y),
    (&ext::BASIC_CONSTRAINTS, May, Y),
    (&ext::CRL_DISTRIBUTION_POINTS, May, N),
    (&ext::CT_SCT_LIST, May, N),
    (&ext::SUBJECT_KEY_IDENTIFIER, NotRecommended, N),
    (&ext::CT_POISON, May, Y),
];

/// §7.1.2.8.2 OCSP responder.
pub(crate) const OCSP_RESPONDER: &[Row] = &[
    (&ext::AUTHORITY_KEY_IDENTIFIER, Must, N),
    (&ext::EXT_KEY_USAGE, Must, E),
    (&ext::OCSP_NO_CHECK, Must, N),
    (&ext::KEY_USAGE, Must, Y),
    (&ext::BASIC_CONSTRAINTS, May, Y),
    (&ext::NAME_CONSTRAINTS, MustNot, E),
    (&ext::SUBJECT_ALT_NAME, MustNot, E),
    (&ext::SUBJECT_KEY_IDENTIFIER, Should, N),
    (&ext::AUTHORITY_INFO_ACCESS, NotRecommended, N),
    (&ext::CERTIFICATE_POLICIES, ShouldNot, N),
    (&ext::CRL_DISTRIBUTION_POINTS, MustNot, N),
    (&ext::CT_SCT_LIST, May, N),
];

/// The extension table of a type's profile, if the TLS BRs define one.
pub(crate) fn table(t: CertType) -> Option<&'static [Row]> {
    Some(match t {
        CertType::Root => ROOT,
        CertType::SubCaCrossCertified => CROSS,
        CertType::SubCaTcNonTls => TC_NON_TLS,
        CertType::SubCaPrecertSigning => PRECERT_CA,
        CertType::SubCaTcTls => TC_TLS,
        CertType::SubCaTls => TLS_CA,
        CertType::OcspResponder => OCSP_RESPONDER,
        t if t.is_tls_subscriber() => SUBSCRIBER,
        _ => return None,
    })
}

/// The type the engine lints the certificate as: the caller's, or the detected one.
pub(crate) fn type_of(cert: &Certificate, ctx: &Context) -> CertType {
    ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert))
}

/// Fails when the extension is present and marked critical.
pub(crate) fn must_not_be_critical(cert: &Certificate, id: &ObjectIdentifier, message: &'static str) -> Outcome {
    match cert.extension(id) {
        Some(e) => Outcome::check(!e.is_critical(), message),
        None => Outcome::NotApplicable,
    }
}

/// Fails when the extension is absent.
pub(crate) fn must_be_present(cert: &Certificate, id: &ObjectIdentifier, message: &'static str) -> Outcome {
    Outcome::check(cert.has_extension(id), message)
}

/// Fails when the extension is present.
pub(crate) fn must_be_absent(cert: &Certificate, id: &ObjectIdentifier, message: &'static str) -> Outcome {
    Outcome::check(!cert.has_extension(id), message)
}

/// The first asserted bit that is not in `allowed`, by name.
pub(crate) fn first_bit_outside(ku: &KeyUsage, allowed: &[u8]) -> Option<&'static str> {
    (0u8..9).find(|b| ku.has(*b) && !allowed.contains(b)).and_then(|b| KeyUsage::NAMES.get(usize::from(b)).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_br_type_has_a_table() {
        for t in BR_ALL.types() {
            assert!(table(t).is_some(), "{t} has no profile table");
        }
        assert!(table(CertType::SmimeSubscriber).is_none());
        // Each table lists an extension once.
        for t in BR_ALL.types() {
            let rows = table(t).unwrap();
            for (i, r) in rows.iter().enumerate() {
                assert!(rows.iter().skip(i + 1).all(|o| o.0 != r.0), "{t} lists {} twice", r.0);
            }
        }
    }

    #[test]
    fn bits_outside() {
        let ku = KeyUsage::parse(&[0x03, 0x02, 0x05, 0xa0]).unwrap();
        assert_eq!(first_bit_outside(&ku, &[0]), Some("keyEncipherment"));
        assert_eq!(first_bit_outside(&ku, &[0, 2]), None);
    }
}

/// Test helpers shared by the profile rules' tests.
#[cfg(test)]
pub(crate) mod test_support {
    use alloc::vec::Vec;

    use crate::oid::{ext, ObjectIdentifier};
    use crate::testutil::{der::*, *};
    use crate::{Context, Rule, Status};

    /// The builder with the extension `id` re-encoded with this criticality.
    pub(crate) fn with_critical(b: CertBuilder, id: &ObjectIdentifier, critical: bool) -> CertBuilder {
        let cert = b.build();
        let value: Vec<u8> = cert.extension(id).expect("extension present").value.to_vec();
        b.ext(id, critical, &value)
    }

    /// An extKeyUsage with these purposes.
    pub(crate) fn eku(b: CertBuilder, purposes: &[&ObjectIdentifier]) -> CertBuilder {
        let items: Vec<Vec<u8>> = purposes.iter().map(|p| oid(p)).collect();
        b.ext(&ext::EXT_KEY_USAGE, false, &seq_vec(&items))
    }

    /// A keyUsage extension with these named bits (critical).
    pub(crate) fn ku(b: CertBuilder, bits: &[u8]) -> CertBuilder {
        let mut v: u16 = 0;
        for bit in bits {
            v |= 0x8000 >> bit;
        }
        let bytes = v.to_be_bytes();
        let (content, len): (Vec<u8>, usize) =
            if v & 0x00ff != 0 { (bytes.to_vec(), 2) } else { (bytes[..1].to_vec(), 1) };
        let last = content[len - 1];
        let unused = if last == 0 { 0 } else { last.trailing_zeros() as u8 };
        b.ext(&ext::KEY_USAGE, true, &bit_string(unused, &content))
    }

    /// An OCSP responder certificate as §7.1.2.8 wants it.
    pub(crate) fn ocsp() -> CertBuilder {
        let b = CertBuilder::leaf()
            .without_ext(&ext::CERTIFICATE_POLICIES)
            .without_ext(&ext::SUBJECT_ALT_NAME)
            .without_ext(&ext::AUTHORITY_INFO_ACCESS)
            .without_ext(&ext::BASIC_CONSTRAINTS)
            .ext(&ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[0x12; 20]))
            .ext(&ext::OCSP_NO_CHECK, false, &null());
        eku(b, &[&crate::oid::eku::OCSP_SIGNING])
    }

    /// A subordinate CA with this EKU (or none).
    pub(crate) fn sub_ca_eku(purposes: Option<&[&ObjectIdentifier]>) -> CertBuilder {
        match purposes {
            Some(p) => eku(CertBuilder::sub_ca(), p),
            None => CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE),
        }
    }

    /// The status with a type override.
    #[track_caller]
    pub(crate) fn assert_typed(rule: &'static dyn Rule, b: &CertBuilder, t: crate::CertType, expected: Status) {
        let (got, msg) = finding(rule, &b.build(), &Context::default().with_type(t));
        assert_eq!(got, expected, "rule {} said {got} ({msg})", rule.meta().id());
    }

    /// The message of a failure.
    pub(crate) fn message(rule: &'static dyn Rule, b: &CertBuilder) -> alloc::string::String {
        finding(rule, &b.build(), &Context::default()).1
    }
}
