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
/// Decision list: a CA (basicConstraints cA) is a root when self-issued; otherwise its EKU
/// decides: absent or anyExtendedKeyUsage → cross-certified, exactly precertificate
/// signing → precertificate signing CA, serverAuth → TLS (technically constrained when
/// nameConstraints is present), emailProtection → S/MIME, anything else → technically
/// constrained non-TLS. An end entity is an OCSP responder when its EKU has OCSPSigning,
/// a TLS subscriber when it carries serverAuth or a CA/B Forum TLS policy (the policy picks
/// DV/OV/IV/EV; EV wins), a code-signing or S/MIME subscriber by EKU or policy, other
/// otherwise. A certificate without basicConstraints but with keyCertSign and no end-entity
/// EKU (old roots) counts as a CA.
pub fn detect(cert: &Certificate) -> CertType {
    let eku = match cert.ext_key_usage() {
        Some(Ok(e)) => Some(e.value),
        _ => None,
    };
    let has = |p| eku.is_some_and(|e| e.contains(p));
    let ca = match cert.basic_constraints() {
        Some(Ok(bc)) => bc.value.ca,
        Some(Err(_)) => false,
        None => {
            matches!(cert.key_usage(), Some(Ok(ku)) if ku.value.has(crate::cert::KeyUsage::KEY_CERT_SIGN))
                && cert.is_self_issued()
        }
    };
    if ca {
        if cert.is_self_issued() {
            return CertType::Root;
        }
        return match eku {
            None => CertType::SubCaCrossCertified,
            Some(_) if has(&eku::ANY) => CertType::SubCaCrossCertified,
            Some(e) if e.purposes().all(|p| p.is(&eku::PRECERT_SIGNING)) && !e.is_empty() => {
                CertType::SubCaPrecertSigning
            }
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
    if has(&eku::OCSP_SIGNING) {
        return CertType::OcspResponder;
    }
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
    if let Some(t) = tls_policy {
        return t;
    }
    if has(&eku::SERVER_AUTH) {
        return CertType::SubscriberTls;
    }
    let smime_policy = policies.is_some_and(|p| p.policies().any(|i| i.id.is_under(&policy::SMIME)));
    if has(&eku::CODE_SIGNING) || pol(&policy::CODE_SIGNING) || pol(&policy::EV_CODE_SIGNING) {
        return CertType::CodeSigning;
    }
    if has(&eku::EMAIL_PROTECTION) || smime_policy {
        return CertType::SmimeSubscriber;
    }
    CertType::Other
}
