//! Which profile a certificate is meant to follow, detected from the certificate alone.
//!
//! The TLS BRs (§7.1.2) define a profile per certificate type, and most rules apply to
//! some types only. Detection reads basicConstraints, extKeyUsage, nameConstraints, the
//! CA/Browser Forum policy identifiers and self-issuance; [`crate::Context::with_type`]
//! overrides it when the caller knows better (a cross-certificate looks like any other
//! unrestricted subordinate CA).

use core::fmt;

use crate::cert::Certificate;
use crate::oid::{eku, policy};

/// A certificate type (profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[repr(u8)]
pub enum CertType {
    /// Self-issued CA certificate (BR §7.1.2.1).
    Root,
    /// Subordinate CA without an EKU restriction, as cross-certificates are (BR §7.1.2.2).
    SubCaCrossCertified,
    /// Subordinate CA whose EKU excludes serverAuth (BR §7.1.2.3).
    SubCaTcNonTls,
    /// Precertificate signing CA: EKU is exactly the CT precertificate-signing purpose
    /// (BR §7.1.2.4).
    SubCaPrecertSigning,
    /// Name-constrained subordinate CA for TLS (BR §7.1.2.5).
    SubCaTcTls,
    /// Subordinate CA for TLS without name constraints (BR §7.1.2.6).
    SubCaTls,
    /// Subordinate CA for S/MIME (EKU emailProtection, no serverAuth).
    SubCaSmime,
    /// TLS subscriber, domain validated (policy 2.23.140.1.2.1).
    SubscriberDv,
    /// TLS subscriber, organization validated (2.23.140.1.2.2).
    SubscriberOv,
    /// TLS subscriber, individual validated (2.23.140.1.2.3).
    SubscriberIv,
    /// TLS subscriber, extended validation (2.23.140.1.1).
    SubscriberEv,
    /// TLS subscriber (serverAuth) without a CA/Browser Forum validation policy.
    SubscriberTls,
    /// OCSP responder (EKU id-kp-OCSPSigning) (BR §7.1.2.8).
    OcspResponder,
    /// S/MIME subscriber (EKU emailProtection or an S/MIME BR policy).
    SmimeSubscriber,
    /// Code signing subscriber.
    CodeSigning,
    /// None of the above.
    Other,
}

impl CertType {
    /// Every type, in declaration order.
    pub const ALL: [CertType; 16] = [
        Self::Root,
        Self::SubCaCrossCertified,
        Self::SubCaTcNonTls,
        Self::SubCaPrecertSigning,
        Self::SubCaTcTls,
        Self::SubCaTls,
        Self::SubCaSmime,
        Self::SubscriberDv,
        Self::SubscriberOv,
        Self::SubscriberIv,
        Self::SubscriberEv,
        Self::SubscriberTls,
        Self::OcspResponder,
        Self::SmimeSubscriber,
        Self::CodeSigning,
        Self::Other,
    ];

    /// The stable snake_case name (used by `--type` and in JSON).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Root => "root",
            Self::SubCaCrossCertified => "subca_cross_certified",
            Self::SubCaTcNonTls => "subca_tc_non_tls",
            Self::SubCaPrecertSigning => "subca_precert_signing",
            Self::SubCaTcTls => "subca_tc_tls",
            Self::SubCaTls => "subca_tls",
            Self::SubCaSmime => "subca_smime",
            Self::SubscriberDv => "subscriber_dv",
            Self::SubscriberOv => "subscriber_ov",
            Self::SubscriberIv => "subscriber_iv",
            Self::SubscriberEv => "subscriber_ev",
            Self::SubscriberTls => "subscriber_tls",
            Self::OcspResponder => "ocsp_responder",
            Self::SmimeSubscriber => "smime_subscriber",
            Self::CodeSigning => "code_signing",
            Self::Other => "other",
        }
    }

    /// Parses a [`CertType::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Whether it is a CA certificate type.
    pub const fn is_ca(self) -> bool {
        Scope::CA.contains(self)
    }

    /// Whether it is a TLS subscriber type.
    pub const fn is_tls_subscriber(self) -> bool {
        Scope::TLS_SUBSCRIBER.contains(self)
    }
}

impl fmt::Display for CertType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of certificate types: the ones a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope(u32);

impl Scope {
    const fn bit(t: CertType) -> u32 {
        1 << (t as u8)
    }

    /// The empty set.
    pub const NONE: Scope = Scope(0);
    /// Every type.
    pub const ALL: Scope = Scope((1 << 16) - 1);
    /// Root CAs.
    pub const ROOT: Scope = Scope::of(CertType::Root);
    /// Subordinate CAs of every kind.
    pub const SUB_CA: Scope = Scope::of(CertType::SubCaCrossCertified)
        .with(CertType::SubCaTcNonTls)
        .with(CertType::SubCaPrecertSigning)
        .with(CertType::SubCaTcTls)
        .with(CertType::SubCaTls)
        .with(CertType::SubCaSmime);
    /// Every CA: roots and subordinates.
    pub const CA: Scope = Scope(Self::ROOT.0 | Self::SUB_CA.0);
    /// TLS subscribers of every validation type.
    pub const TLS_SUBSCRIBER: Scope = Scope::of(CertType::SubscriberDv)
        .with(CertType::SubscriberOv)
        .with(CertType::SubscriberIv)
        .with(CertType::SubscriberEv)
        .with(CertType::SubscriberTls);
    /// End-entity (non-CA) certificates of every kind.
    pub const END_ENTITY: Scope = Scope(Self::ALL.0 & !Self::CA.0);
    /// Every type that the TLS BRs govern: CAs able to issue TLS, TLS subscribers, OCSP
    /// responders.
    pub const TLS_BR: Scope = Scope(
        Self::TLS_SUBSCRIBER.0
            | Self::ROOT.0
            | Self::bit(CertType::SubCaCrossCertified)
            | Self::bit(CertType::SubCaTcNonTls)
            | Self::bit(CertType::SubCaPrecertSigning)
            | Self::bit(CertType::SubCaTcTls)
            | Self::bit(CertType::SubCaTls)
            | Self::bit(CertType::OcspResponder),
    );

    /// A set of one type.
    pub const fn of(t: CertType) -> Self {
        Self(Self::bit(t))
    }

    /// This set plus a type.
    pub const fn with(self, t: CertType) -> Self {
        Self(self.0 | Self::bit(t))
    }

    /// The union of two sets.
    pub const fn union(self, other: Scope) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether the set holds a type.
    pub const fn contains(self, t: CertType) -> bool {
        self.0 & Self::bit(t) != 0
    }

    /// The types in the set.
    pub fn types(self) -> impl Iterator<Item = CertType> {
        CertType::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

/// Detects the certificate type from the certificate alone.
///
/// The decision list of the plan (`cert-types.md`), first match wins:
///
/// 1. an end entity with `id-kp-OCSPSigning` (keyUsage without keyCertSign), or with
///    id-pkix-ocsp-nocheck, is an OCSP responder, even if cA is TRUE (the OCSP rules
///    report that);
/// 2. a CA is a certificate with cA TRUE, or keyUsage keyCertSign whatever
///    basicConstraints says, or a self-issued v1 certificate; exception: a certificate
///    with a CA/B Forum TLS policy whose keyUsage asserts neither keyCertSign nor cRLSign
///    (cA TRUE), or keyCertSign without cRLSign and an explicit cA FALSE, is a (broken)
///    TLS subscriber, so that the subscriber rules report the flag or the bit;
/// 3. a CA is a root when self-issued. The plan would type a self-issued certificate
///    that is not self-signed (key rollover) as cross-certified, but signatures are not
///    verified here, and using "AKI differs from SKI" as the stand-in would silence
///    `cabf_br.root_aki_differs_from_ski`: pass the type for such certificates;
/// 4. otherwise its EKU decides: precertificate signing → precertificate signing CA;
///    absent or anyExtendedKeyUsage → cross-certified; serverAuth → TLS (technically
///    constrained when nameConstraints is present); emailProtection → S/MIME; anything
///    else → technically constrained non-TLS;
/// 5. an end entity is a TLS subscriber when it carries a CA/B Forum TLS policy (the
///    policy picks DV/OV/IV/EV; EV wins), serverAuth, the precertificate poison, or no
///    EKU and a SAN with a dNSName or iPAddress but no rfc822Name; then code signing
///    (EKU codeSigning or timeStamping, code-signing policies), S/MIME (emailProtection,
///    S/MIME policies), and other.
///
/// The answer is computed once per certificate and cached in it (the engine and several
/// rules ask).
pub fn detect(cert: &Certificate) -> CertType {
    let cached = cert.facts.cert_type.get_or(|| detect_uncached(cert) as u32);
    CertType::ALL.into_iter().find(|t| *t as u32 == cached).unwrap_or_else(|| detect_uncached(cert))
}

fn detect_uncached(cert: &Certificate) -> CertType {
    use crate::cert::{GeneralName, KeyUsage, Version};
    let eku = match cert.ext_key_usage() {
        Some(Ok(e)) => Some(e.value),
        _ => None,
    };
    let has = |p| eku.is_some_and(|e| e.contains(p));
    let policies = match cert.certificate_policies() {
        Some(Ok(p)) => Some(p.value),
        _ => None,
    };
    let pol = |id| policies.is_some_and(|p| p.contains(id));
    let tls_policy = if pol(&policy::EV) {
        Some(CertType::SubscriberEv)
    } else if pol(&policy::OV) {
        Some(CertType::SubscriberOv)
    } else if pol(&policy::IV) {
        Some(CertType::SubscriberIv)
    } else if pol(&policy::DV) {
        Some(CertType::SubscriberDv)
    } else {
        None
    };
    let (ca_flag, ca_false) = match cert.basic_constraints() {
        Some(Ok(bc)) => (bc.value.ca, !bc.value.ca),
        _ => (false, false),
    };
    let ku = match cert.key_usage() {
        Some(Ok(ku)) => Some(ku.value),
        _ => None,
    };
    let cert_sign = ku.is_some_and(|k| k.has(KeyUsage::KEY_CERT_SIGN));
    let crl_sign = ku.is_some_and(|k| k.has(KeyUsage::CRL_SIGN));
    let ocsp = has(&eku::OCSP_SIGNING) || cert.has_extension(&crate::oid::ext::OCSP_NO_CHECK);
    if ocsp && !cert_sign {
        return CertType::OcspResponder;
    }
    let v1_self_issued = matches!(cert.version(), Ok(Version::V1)) && cert.is_self_issued();
    // A certificate with a TLS subscriber policy is a CA only when its key usage says so
    // too (or is absent); otherwise it is a subscriber with a wrong flag or bit, which
    // the subscriber rules report.
    let ca = if tls_policy.is_some() {
        (ca_flag && (ku.is_none() || cert_sign || crl_sign)) || (cert_sign && (!ca_false || crl_sign))
    } else {
        ca_flag || cert_sign || v1_self_issued
    };
    if ca {
        if cert.is_self_issued() {
            return CertType::Root;
        }
        return match eku {
            Some(_) if has(&eku::PRECERT_SIGNING) => CertType::SubCaPrecertSigning,
            None => CertType::SubCaCrossCertified,
            Some(_) if has(&eku::ANY) => CertType::SubCaCrossCertified,
            Some(_) if has(&eku::SERVER_AUTH) => {
                if cert.name_constraints().is_some() {
                    CertType::SubCaTcTls
                } else {
                    CertType::SubCaTls
                }
            }
            Some(_) if has(&eku::EMAIL_PROTECTION) => CertType::SubCaSmime,
            Some(_) => CertType::SubCaTcNonTls,
        };
    }
    if let Some(t) = tls_policy {
        return t;
    }
    let san_says_tls = || match cert.subject_alt_name() {
        Some(Ok(san)) => {
            let mut web = false;
            for n in san.value.names() {
                match n {
                    GeneralName::DnsName(_) | GeneralName::IpAddress(_) => web = true,
                    GeneralName::Rfc822Name(_) => return false,
                    _ => {}
                }
            }
            web
        }
        _ => false,
    };
    if has(&eku::SERVER_AUTH) || cert.is_precertificate() || (eku.is_none() && san_says_tls()) {
        return CertType::SubscriberTls;
    }
    let smime_policy = policies.is_some_and(|p| p.policies().any(|i| i.id.is_under(&policy::SMIME)));
    if has(&eku::CODE_SIGNING)
        || has(&eku::TIME_STAMPING)
        || pol(&policy::CODE_SIGNING)
        || pol(&policy::EV_CODE_SIGNING)
    {
        return CertType::CodeSigning;
    }
    if has(&eku::EMAIL_PROTECTION) || smime_policy {
        return CertType::SmimeSubscriber;
    }
    CertType::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::{self, ext};
    use crate::testutil::{der::*, *};

    fn eku_ext(b: CertBuilder, purposes: &[&crate::oid::ObjectIdentifier]) -> CertBuilder {
        let items: alloc::vec::Vec<_> = purposes.iter().map(|p| oid(p)).collect();
        b.ext(&ext::EXT_KEY_USAGE, false, &seq_vec(&items))
    }

    fn policies(b: CertBuilder, ids: &[&crate::oid::ObjectIdentifier]) -> CertBuilder {
        let items: alloc::vec::Vec<_> = ids.iter().map(|p| seq(&[&oid(p)])).collect();
        b.ext(&ext::CERTIFICATE_POLICIES, false, &seq_vec(&items))
    }

    /// The detected type, checked against the uncached detection and a second (cached) call.
    fn t(b: &CertBuilder) -> CertType {
        let cert = b.build();
        let first = detect(&cert);
        assert_eq!(first, detect_uncached(&cert));
        assert_eq!(detect(&cert), first);
        assert_eq!(detect(&cert.clone()), first);
        first
    }

    #[test]
    fn every_type_survives_the_cache() {
        // The cache stores the discriminant in 31 bits and maps it back through ALL.
        for ty in CertType::ALL {
            assert!((ty as u32) < 1 << 31);
            assert_eq!(CertType::ALL.into_iter().find(|t| *t as u32 == ty as u32), Some(ty));
        }
    }

    #[test]
    fn roots() {
        assert_eq!(t(&CertBuilder::root()), CertType::Root);
        // AKI equal to SKI: still a root.
        let b = CertBuilder::root().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0xcd; 20])]));
        assert_eq!(t(&b), CertType::Root);
        // Self-issued with an AKI naming another key: still typed root (no signature check).
        let b = CertBuilder::root().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0x01; 20])]));
        assert_eq!(t(&b), CertType::Root);
        // Old root: no basicConstraints, keyCertSign.
        assert_eq!(t(&CertBuilder::root().without_ext(&ext::BASIC_CONSTRAINTS)), CertType::Root);
        // v1 self-signed certificate without extensions.
        let mut b = CertBuilder::root();
        b.version = None;
        b.extensions = None;
        assert_eq!(t(&b), CertType::Root);
    }

    #[test]
    fn subordinate_cas() {
        assert_eq!(t(&CertBuilder::sub_ca()), CertType::SubCaTls);
        let nc = seq(&[&ctx_cons(0, &seq(&[&ctx_prim(2, b"example.com")]))]);
        assert_eq!(t(&CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, true, &nc)), CertType::SubCaTcTls);
        assert_eq!(t(&CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE)), CertType::SubCaCrossCertified);
        assert_eq!(t(&eku_ext(CertBuilder::sub_ca(), &[&oid::eku::ANY])), CertType::SubCaCrossCertified);
        assert_eq!(t(&eku_ext(CertBuilder::sub_ca(), &[&oid::eku::PRECERT_SIGNING])), CertType::SubCaPrecertSigning);
        assert_eq!(
            t(&eku_ext(CertBuilder::sub_ca(), &[&oid::eku::PRECERT_SIGNING, &oid::eku::SERVER_AUTH])),
            CertType::SubCaPrecertSigning
        );
        assert_eq!(t(&eku_ext(CertBuilder::sub_ca(), &[&oid::eku::CLIENT_AUTH])), CertType::SubCaTcNonTls);
        assert_eq!(t(&eku_ext(CertBuilder::sub_ca(), &[&oid::eku::EMAIL_PROTECTION])), CertType::SubCaSmime);
        // keyCertSign with cA=FALSE is still a CA (the CA rules report the flag).
        let b = CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[]));
        assert_eq!(t(&b), CertType::SubCaTls);
        let b = b.without_ext(&ext::CERTIFICATE_POLICIES).ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x04]));
        assert_eq!(t(&b), CertType::SubCaTls);
        // cA=TRUE with cRLSign but no keyCertSign: a broken CA, even with a TLS policy.
        let b = CertBuilder::sub_ca().ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02]));
        assert_eq!(t(&b), CertType::SubCaTls);
        // cA=TRUE without keyUsage and without a TLS policy: a CA.
        let b = CertBuilder::sub_ca().without_ext(&ext::KEY_USAGE).without_ext(&ext::CERTIFICATE_POLICIES);
        assert_eq!(t(&b), CertType::SubCaTls);
    }

    #[test]
    fn subscribers() {
        assert_eq!(t(&CertBuilder::leaf()), CertType::SubscriberDv);
        assert_eq!(t(&policies(CertBuilder::leaf(), &[&oid::policy::OV])), CertType::SubscriberOv);
        assert_eq!(t(&policies(CertBuilder::leaf(), &[&oid::policy::IV])), CertType::SubscriberIv);
        assert_eq!(t(&policies(CertBuilder::leaf(), &[&oid::policy::DV, &oid::policy::EV])), CertType::SubscriberEv);
        let none = CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_eq!(t(&none), CertType::SubscriberTls);
        // No EKU, no policy, a DNS SAN: TLS.
        assert_eq!(t(&none.clone().without_ext(&ext::EXT_KEY_USAGE)), CertType::SubscriberTls);
        // Precertificate without other TLS signals.
        let pre = eku_ext(none.clone(), &[&oid::eku::CLIENT_AUTH]).ext(&ext::CT_POISON, true, &null());
        assert_eq!(t(&pre), CertType::SubscriberTls);
        // cA=TRUE, no keyCertSign, a TLS policy: a broken subscriber, not a CA.
        let b = CertBuilder::leaf().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true)]));
        assert_eq!(t(&b), CertType::SubscriberDv);
        // keyCertSign (no cRLSign) on a cA=FALSE certificate with a TLS policy: a subscriber.
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x84]));
        assert_eq!(t(&b), CertType::SubscriberDv);
    }

    #[test]
    fn ocsp_responders() {
        let ocsp = eku_ext(CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES), &[&oid::eku::OCSP_SIGNING]);
        assert_eq!(t(&ocsp), CertType::OcspResponder);
        // Even with cA=TRUE (ocsp_ca_true reports it) or serverAuth next to it.
        let b = ocsp.clone().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true)]));
        assert_eq!(t(&b), CertType::OcspResponder);
        let b = eku_ext(CertBuilder::leaf(), &[&oid::eku::OCSP_SIGNING, &oid::eku::SERVER_AUTH]);
        assert_eq!(t(&b), CertType::OcspResponder);
        // id-pkix-ocsp-nocheck without the EKU.
        let b = eku_ext(CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES), &[&oid::eku::CLIENT_AUTH]).ext(
            &ext::OCSP_NO_CHECK,
            false,
            &null(),
        );
        assert_eq!(t(&b), CertType::OcspResponder);
        // A CA key (keyCertSign) with OCSPSigning stays a CA.
        let b = eku_ext(CertBuilder::sub_ca(), &[&oid::eku::OCSP_SIGNING]);
        assert_eq!(t(&b), CertType::SubCaTcNonTls);
    }

    #[test]
    fn other_end_entities() {
        let base = || CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_eq!(t(&eku_ext(base(), &[&oid::eku::CODE_SIGNING])), CertType::CodeSigning);
        assert_eq!(t(&eku_ext(base(), &[&oid::eku::TIME_STAMPING])), CertType::CodeSigning);
        assert_eq!(t(&eku_ext(base(), &[&oid::eku::EMAIL_PROTECTION])), CertType::SmimeSubscriber);
        assert_eq!(t(&eku_ext(base(), &[&oid::eku::CLIENT_AUTH])), CertType::Other);
        // No EKU and an rfc822Name in the SAN: not TLS.
        let b = base().without_ext(&ext::EXT_KEY_USAGE).ext(
            &ext::SUBJECT_ALT_NAME,
            false,
            &seq(&[&ctx_prim(1, b"a@example.com")]),
        );
        assert_eq!(t(&b), CertType::Other);
    }
}
