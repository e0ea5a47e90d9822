//! Extended key usage per certificate type (TLS BR §7.1.2.2.4, §7.1.2.2.5, §7.1.2.3.3,
//! §7.1.2.4.2, §7.1.2.7.10, §7.1.2.10.6; MRSP §5.2).

use alloc::format;

use crate::cert::ExtKeyUsage;
use crate::cert_type::CertType;
use crate::oid::{eku, ext, ObjectIdentifier, Oid};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets::{self, cert_type, is_one_of, list_purposes, TC_NON_TLS, TLS_CA};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubscriberEkuMissing,
    &SubscriberEkuServerAuthMissing,
    &SubscriberEkuProhibitedPurpose,
    &SubscriberEkuOtherPurpose,
    &TlsCaEkuServerAuthMissing,
    &TlsCaEkuProhibitedPurpose,
    &TlsCaEkuOtherPurpose,
    &CrossEkuAnyWithOthers,
    &CrossEkuAnyUnaffiliated,
    &NonTlsCaEkuProhibitedPurpose,
    &PrecertCaEkuSigningPurposeMissing,
    &PrecertCaEkuOtherPurpose,
];

/// SC-062: the day the §7.1.2 certificate profiles took effect.
const PROFILES: Time = Time::ymd(2023, 9, 15);

/// Purposes a TLS subscriber or TLS CA must not carry.
const TLS_FORBIDDEN: [ObjectIdentifier; 6] =
    [eku::CODE_SIGNING, eku::EMAIL_PROTECTION, eku::TIME_STAMPING, eku::OCSP_SIGNING, eku::ANY, eku::PRECERT_SIGNING];

/// Purposes a TLS subscriber or TLS CA may carry.
const TLS_ALLOWED: [ObjectIdentifier; 2] = [eku::SERVER_AUTH, eku::CLIENT_AUTH];

/// The EKU, or the outcome to return when it is absent or malformed.
fn present(cert: &Certificate) -> Result<ExtKeyUsage<'_>, Outcome> {
    match eku_sets::eku(cert) {
        Some(Ok(e)) => Ok(e),
        _ => Err(Outcome::NotApplicable),
    }
}

fn fail_listing(e: &ExtKeyUsage<'_>, pick: impl Fn(&Oid<'_>) -> bool, what: &str) -> Outcome {
    match list_purposes(e, pick) {
        Some(list) => Outcome::fail(format!("the EKU contains {what}: {list}")),
        None => Outcome::Pass,
    }
}

/// `cabf_br.subscriber_eku_missing`
///
/// **What it checks**: a TLS subscriber certificate has an extKeyUsage extension.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 makes extKeyUsage MUST for subscriber
/// certificates and MRSP §5.2 for every end entity; without it the key may be used for
/// any purpose.
///
/// **Example**: a DV certificate without extKeyUsage fails; one with serverAuth passes; CA
/// certificates are not applicable.
pub struct SubscriberEkuMissing;

impl Rule for SubscriberEkuMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_eku_missing", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must contain extKeyUsage")
            .citation("TLS BR §7.1.2.7.6; MRSP §5.2")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_sub_cert_eku_missing",
                "pkilint:cabf.serverauth.subscriber.extended_key_usage_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(cert.ext_key_usage().is_some(), "the extKeyUsage extension is absent")
    }
}

/// `cabf_br.subscriber_eku_server_auth_missing`
///
/// **What it checks**: a subscriber EKU contains id-kp-serverAuth (before 2023-09-15:
/// serverAuth or clientAuth).
///
/// **Why it matters**: TLS BR §7.1.2.7.10 requires serverAuth; BR 1.x accepted either of
/// serverAuth and clientAuth. A TLS certificate that cannot authenticate a server is
/// misissued.
///
/// **Example**: an EKU of clientAuth only fails from 2023-09-15 and passes before; an EKU
/// of emailProtection only fails at any date; serverAuth passes; no EKU is not applicable.
pub struct SubscriberEkuServerAuthMissing;

impl Rule for SubscriberEkuServerAuthMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_eku_server_auth_missing", Source::CabfBr, Severity::Error)
                .summary("subscriber EKUs must contain id-kp-serverAuth")
                .citation("TLS BR §7.1.2.7.10")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::EXT_KEY_USAGE))
                .aliases(&[
                    "zlint:e_sub_cert_eku_check",
                    "zlint:e_sub_cert_eku_server_auth_client_auth_missing",
                    "pkilint:cabf.serverauth.subscriber.serverauth_eku_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if e.contains(&eku::SERVER_AUTH) {
            return Outcome::Pass;
        }
        let profiles = !matches!(cert.not_before(), Some(nb) if nb < PROFILES);
        if profiles {
            Outcome::fail("the EKU does not contain id-kp-serverAuth")
        } else if e.contains(&eku::CLIENT_AUTH) {
            Outcome::Pass
        } else {
            Outcome::fail("the EKU contains neither id-kp-serverAuth nor id-kp-clientAuth")
        }
    }
}

/// `cabf_br.subscriber_eku_prohibited_purpose`
///
/// **What it checks**: a subscriber EKU contains none of id-kp-codeSigning,
/// id-kp-emailProtection, id-kp-timeStamping, id-kp-OCSPSigning, anyExtendedKeyUsage and
/// the precertificate signing purpose.
///
/// **Why it matters**: TLS BR §7.1.2.7.10 (and MRSP §5.2 for anyExtendedKeyUsage) forbid
/// them: a TLS key must not also sign code, mail, timestamps, OCSP responses or
/// precertificates.
///
/// **Example**: serverAuth + emailProtection fails naming emailProtection; serverAuth +
/// clientAuth passes; no EKU is not applicable.
pub struct SubscriberEkuProhibitedPurpose;

impl Rule for SubscriberEkuProhibitedPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_eku_prohibited_purpose", Source::CabfBr, Severity::Error)
                .summary("subscriber EKUs must not contain prohibited key purposes")
                .citation("TLS BR §7.1.2.7.10; MRSP §5.2")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(PROFILES)
                .needs(Need::Extension(&ext::EXT_KEY_USAGE))
                .aliases(&[
                    "zlint:e_sub_cert_eku_check",
                    "pkilint:cabf.serverauth.subscriber.anyeku_eku_present",
                    "pkilint:cabf.serverauth.subscriber.codesigning_eku_present",
                    "pkilint:cabf.serverauth.subscriber.emailprotection_eku_present",
                    "pkilint:cabf.serverauth.subscriber.ocspsigning_eku_present",
                    "pkilint:cabf.serverauth.subscriber.precertsigning_eku_present",
                    "pkilint:cabf.serverauth.subscriber.timestamping_eku_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        fail_listing(&e, |p| is_one_of(p, &TLS_FORBIDDEN), "prohibited purposes")
    }
}

/// `cabf_br.subscriber_eku_other_purpose`
///
/// **What it checks**: a subscriber EKU holds nothing beyond serverAuth, clientAuth and the
/// prohibited purposes (reported by `cabf_br.subscriber_eku_prohibited_purpose`).
///
/// **Why it matters**: TLS BR §7.1.2.7.10 says any other value is NOT RECOMMENDED: extra
/// purposes widen what the key is trusted for.
///
/// **Example**: serverAuth + a private OID warns; serverAuth + clientAuth passes; no EKU
/// is not applicable.
pub struct SubscriberEkuOtherPurpose;

impl Rule for SubscriberEkuOtherPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_eku_other_purpose", Source::CabfBr, Severity::Warn)
            .summary("subscriber EKUs should contain only serverAuth and clientAuth")
            .citation("TLS BR §7.1.2.7.10")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&[
                "zlint:w_sub_cert_eku_extra_values",
                "zlint:e_sub_cert_eku_check",
                "pkilint:cabf.serverauth.subscriber.unknown_eku_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        fail_listing(&e, |p| !is_one_of(p, &TLS_ALLOWED) && !is_one_of(p, &TLS_FORBIDDEN), "other purposes")
    }
}

/// `cabf_br.tls_ca_eku_server_auth_missing`
///
/// **What it checks**: a TLS subordinate CA (or restricted TLS cross certificate) whose EKU
/// lacks id-kp-serverAuth does not assert a TLS reserved policy identifier.
///
/// **Why it matters**: TLS BR §7.1.2.10.6 and §7.1.2.2.5 require serverAuth in the EKU of
/// TLS CAs; a CA that asserts a TLS validation policy but not serverAuth is a TLS CA with a
/// broken EKU (without the policy it is a non-TLS CA, which is allowed).
///
/// **Example**: given the type `subca_tls`, an EKU of clientAuth with the DV policy fails;
/// serverAuth passes; an EKU with anyExtendedKeyUsage and certificates without EKU are not
/// applicable.
pub struct TlsCaEkuServerAuthMissing;

impl Rule for TlsCaEkuServerAuthMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.tls_ca_eku_server_auth_missing", Source::CabfBr, Severity::Error)
                .summary("TLS subordinate CA EKUs must contain id-kp-serverAuth")
                .citation("TLS BR §7.1.2.10.6, §7.1.2.2.5")
                .scope(TLS_CA)
                .effective(PROFILES)
                .needs(Need::Extension(&ext::EXT_KEY_USAGE))
                .aliases(&[
                    "pkilint:cabf.serverauth.ca.serverauth_eku_absent",
                    "pkilint:cabf.serverauth.cross_ca.serverauth_eku_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if e.contains(&eku::SERVER_AUTH) {
            return Outcome::Pass;
        }
        if e.contains(&eku::ANY) {
            return Outcome::NotApplicable;
        }
        let tls_policy = matches!(eku_sets::policies(cert), Some(Ok(p)) if eku_sets::reserved_count(&p) > 0);
        Outcome::check(!tls_policy, "the EKU lacks id-kp-serverAuth although a TLS reserved policy is asserted")
    }
}

/// `cabf_br.tls_ca_eku_prohibited_purpose`
///
/// **What it checks**: a CA EKU that contains id-kp-serverAuth contains none of
/// id-kp-codeSigning, id-kp-emailProtection, id-kp-timeStamping, id-kp-OCSPSigning,
/// anyExtendedKeyUsage (cross certificates: see `cabf_br.cross_eku_any_with_others`) and
/// the precertificate signing purpose.
///
/// **Why it matters**: TLS BR §7.1.2.10.6 and §7.1.2.2.5 keep TLS issuing CAs dedicated to
/// TLS: mixing purposes brings other PKIs' practices into the TLS hierarchy.
///
/// **Example**: serverAuth + emailProtection fails naming emailProtection; serverAuth +
/// clientAuth passes; an EKU without serverAuth is not applicable.
pub struct TlsCaEkuProhibitedPurpose;

impl Rule for TlsCaEkuProhibitedPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.tls_ca_eku_prohibited_purpose", Source::CabfBr, Severity::Error)
            .summary("TLS CA EKUs must not mix serverAuth with prohibited purposes")
            .citation("TLS BR §7.1.2.10.6, §7.1.2.2.5")
            .scope(TLS_CA)
            .effective(Time::ymd(2020, 8, 20))
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&[
                "zlint:e_ca_invalid_eku",
                "pkilint:cabf.serverauth.ca.anyeku_eku_present",
                "pkilint:cabf.serverauth.ca.codesigning_eku_present",
                "pkilint:cabf.serverauth.ca.emailprotection_eku_present",
                "pkilint:cabf.serverauth.ca.ocspsigning_eku_present",
                "pkilint:cabf.serverauth.ca.precertsigning_eku_present",
                "pkilint:cabf.serverauth.cross_ca.codesigning_eku_present",
                "pkilint:cabf.serverauth.cross_ca.emailprotection_eku_present",
                "pkilint:cabf.serverauth.cross_ca.ocspsigning_eku_present",
                "pkilint:cabf.serverauth.cross_ca.timestamping_eku_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if !e.contains(&eku::SERVER_AUTH) {
            return Outcome::NotApplicable;
        }
        let cross = cert_type(cert, ctx) == CertType::SubCaCrossCertified;
        fail_listing(&e, |p| is_one_of(p, &TLS_FORBIDDEN) && !(cross && p.is(&eku::ANY)), "prohibited purposes")
    }
}

/// `cabf_br.tls_ca_eku_other_purpose`
///
/// **What it checks**: a TLS CA EKU holds nothing beyond serverAuth, clientAuth and the
/// prohibited purposes (reported by `cabf_br.tls_ca_eku_prohibited_purpose`).
///
/// **Why it matters**: TLS BR §7.1.2.10.6 and §7.1.2.2.5 say any other value is NOT
/// RECOMMENDED.
///
/// **Example**: serverAuth + a private OID warns; serverAuth + clientAuth passes; a CA
/// without EKU is not applicable.
pub struct TlsCaEkuOtherPurpose;

impl Rule for TlsCaEkuOtherPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.tls_ca_eku_other_purpose", Source::CabfBr, Severity::Warn)
            .summary("TLS CA EKUs should contain only serverAuth and clientAuth")
            .citation("TLS BR §7.1.2.10.6, §7.1.2.2.5")
            .scope(TLS_CA)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&[
                "pkilint:cabf.serverauth.ca.unknown_eku_present",
                "pkilint:cabf.serverauth.cross_ca.unknown_eku_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        fail_listing(&e, |p| !is_one_of(p, &TLS_ALLOWED) && !is_one_of(p, &TLS_FORBIDDEN), "other purposes")
    }
}

/// `cabf_br.cross_eku_any_with_others`
///
/// **What it checks**: when a cross certificate's EKU contains anyExtendedKeyUsage, it is
/// the only purpose.
///
/// **Why it matters**: TLS BR §7.1.2.2.4 defines the unrestricted cross-certificate EKU as
/// exactly anyExtendedKeyUsage; mixing it with specific purposes is meaningless and
/// confuses path validation.
///
/// **Example**: anyExtendedKeyUsage + serverAuth fails; anyExtendedKeyUsage alone passes;
/// an EKU without anyExtendedKeyUsage passes; no EKU is not applicable.
pub struct CrossEkuAnyWithOthers;

impl Rule for CrossEkuAnyWithOthers {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.cross_eku_any_with_others", Source::CabfBr, Severity::Error)
            .summary("anyExtendedKeyUsage in a cross certificate must be the only purpose")
            .citation("TLS BR §7.1.2.2.4")
            .scope(Scope::of(CertType::SubCaCrossCertified))
            .effective(PROFILES)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["pkilint:cabf.serverauth.cross_ca.internal_with_anyeku_and_other_eku"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if !e.contains(&eku::ANY) {
            return Outcome::Pass;
        }
        fail_listing(&e, |p| !p.is(&eku::ANY), "anyExtendedKeyUsage together with")
    }
}

/// `cabf_br.cross_eku_any_unaffiliated`
///
/// **What it checks**: a cross certificate with anyExtendedKeyUsage has the same
/// organizationName in issuer and subject (the visible sign of affiliation).
///
/// **Why it matters**: TLS BR §7.1.2.2.3 to §7.1.2.2.5 allow the unrestricted EKU only for
/// a CA affiliated with its issuer; others must get the restricted TLS EKU. Affiliation
/// needs CA records, so a differing organization is reported as a warning.
///
/// **Example**: anyExtendedKeyUsage with issuer O=Root Corp and subject O=Other Corp warns;
/// the same organization passes; an EKU without anyExtendedKeyUsage is not applicable.
pub struct CrossEkuAnyUnaffiliated;

impl Rule for CrossEkuAnyUnaffiliated {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.cross_eku_any_unaffiliated", Source::CabfBr, Severity::Warn)
            .summary("only cross certificates for affiliated CAs may use anyExtendedKeyUsage")
            .citation("TLS BR §7.1.2.2.3-§7.1.2.2.5")
            .scope(Scope::of(CertType::SubCaCrossCertified))
            .effective(PROFILES)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["pkilint:cabf.serverauth.cross_ca.external_anyeku_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if !e.contains(&eku::ANY) {
            return Outcome::NotApplicable;
        }
        Outcome::check(
            !eku_sets::organizations_differ(cert),
            "anyExtendedKeyUsage is asserted for a CA whose organizationName differs from the issuer's",
        )
    }
}

/// `cabf_br.nontls_ca_eku_prohibited_purpose`
///
/// **What it checks**: a technically constrained non-TLS CA EKU contains none of
/// id-kp-serverAuth, id-kp-OCSPSigning, anyExtendedKeyUsage and the precertificate signing
/// purpose.
///
/// **Why it matters**: TLS BR §7.1.2.3.3 (and §7.1.2.2.5 for restricted non-TLS cross
/// certificates): the EKU is what keeps such a CA out of TLS; serverAuth or anyEKU would
/// make it a TLS CA. serverAuth only shows up when the type is given, since detection
/// otherwise classifies the CA as TLS.
///
/// **Example**: emailProtection + OCSPSigning fails naming OCSPSigning; emailProtection +
/// clientAuth passes; TLS CAs are not applicable.
pub struct NonTlsCaEkuProhibitedPurpose;

impl Rule for NonTlsCaEkuProhibitedPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.nontls_ca_eku_prohibited_purpose", Source::CabfBr, Severity::Error)
                .summary("non-TLS CA EKUs must not contain serverAuth, OCSPSigning, anyEKU or precert signing")
                .citation("TLS BR §7.1.2.3.3, §7.1.2.2.5")
                .scope(TC_NON_TLS)
                .effective(PROFILES)
                .aliases(&[
                    "pkilint:cabf.serverauth.non_tls_ca.serverauth_eku_present",
                    "pkilint:cabf.serverauth.non_tls_ca.ocspsigning_eku_present",
                    "pkilint:cabf.serverauth.non_tls_ca.anyeku_eku_present",
                    "pkilint:cabf.serverauth.non_tls_ca.precertsigning_eku_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        const FORBIDDEN: [ObjectIdentifier; 4] = [eku::SERVER_AUTH, eku::OCSP_SIGNING, eku::ANY, eku::PRECERT_SIGNING];
        fail_listing(&e, |p| is_one_of(p, &FORBIDDEN), "prohibited purposes")
    }
}

/// `cabf_br.precert_ca_eku_signing_purpose_missing`
///
/// **What it checks**: a precertificate signing CA's EKU contains the CT precertificate
/// signing purpose 1.3.6.1.4.1.11129.2.4.4.
///
/// **Why it matters**: TLS BR §7.1.2.4.2 (RFC 6962 §3.1): without that purpose, CT logs do
/// not accept the precertificates it signs as such. Detection uses that purpose, so the
/// rule fires only when the type `subca_precert` is given.
///
/// **Example**: given the type, an EKU of serverAuth fails; the precert purpose passes; a
/// CA without EKU is not applicable.
pub struct PrecertCaEkuSigningPurposeMissing;

impl Rule for PrecertCaEkuSigningPurposeMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.precert_ca_eku_signing_purpose_missing", Source::CabfBr, Severity::Error)
                .summary("precertificate signing CA EKUs must contain the precertificate signing purpose")
                .citation("TLS BR §7.1.2.4.2")
                .scope(Scope::of(CertType::SubCaPrecertSigning))
                .effective(PROFILES)
                .aliases(&["pkilint:cabf.serverauth.ca_precert_signing.precertsigning_eku_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        Outcome::check(e.contains(&eku::PRECERT_SIGNING), "the EKU lacks the precertificate signing purpose")
    }
}

/// `cabf_br.precert_ca_eku_other_purpose`
///
/// **What it checks**: a precertificate signing CA's EKU contains nothing but the
/// precertificate signing purpose.
///
/// **Why it matters**: TLS BR §7.1.2.4.2 allows exactly one KeyPurposeId there; the CA
/// signs precertificates, nothing else.
///
/// **Example**: precert signing + serverAuth fails naming serverAuth; precert signing alone
/// passes; a CA without EKU is not applicable.
pub struct PrecertCaEkuOtherPurpose;

impl Rule for PrecertCaEkuOtherPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.precert_ca_eku_other_purpose", Source::CabfBr, Severity::Error)
            .summary("precertificate signing CA EKUs must contain only the precertificate signing purpose")
            .citation("TLS BR §7.1.2.4.2")
            .scope(Scope::of(CertType::SubCaPrecertSigning))
            .effective(PROFILES)
            .aliases(&["pkilint:cabf.serverauth.ca_precert_signing.unknown_eku_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let e = match present(cert) {
            Ok(e) => e,
            Err(o) => return o,
        };
        if !e.contains(&eku::PRECERT_SIGNING) {
            return Outcome::NotApplicable;
        }
        fail_listing(&e, |p| !p.is(&eku::PRECERT_SIGNING), "purposes besides precertificate signing")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::oid::{attr, ext};
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;
    use alloc::vec::Vec;

    pub(crate) const PRIVATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.1");

    pub(crate) fn with_eku(b: CertBuilder, purposes: &[&ObjectIdentifier]) -> CertBuilder {
        let items: Vec<Vec<u8>> = purposes.iter().map(|p| oid(p)).collect();
        b.ext(&ext::EXT_KEY_USAGE, false, &seq_vec(&items))
    }

    pub(crate) fn with_type(rule: &'static dyn Rule, b: &CertBuilder, t: CertType) -> (Status, alloc::string::String) {
        finding(rule, &b.build(), &Context::default().with_type(t))
    }

    /// Day before → NotEffective, day of → `status`.
    #[track_caller]
    pub(crate) fn dated(rule: &'static dyn Rule, b: &CertBuilder, day: Time, status: Status) {
        let len = 30 * 86_400;
        let before = b.clone().validity(Time::from_unix(day.unix() - 86_400), Time::from_unix(day.unix() + len));
        assert_status(rule, &before, Status::NotEffective);
        assert_status(rule, &b.clone().validity(day, Time::from_unix(day.unix() + len)), status);
    }

    fn cross() -> CertBuilder {
        with_eku(CertBuilder::sub_ca(), &[&eku::ANY])
    }

    #[test]
    fn subscriber() {
        let leaf = CertBuilder::leaf();
        assert_status(&SubscriberEkuMissing, &leaf, Status::Pass);
        let none = leaf.clone().without_ext(&ext::EXT_KEY_USAGE);
        assert_status(&SubscriberEkuMissing, &none, Status::Error);
        assert_status(&SubscriberEkuMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&SubscriberEkuMissing, &CertBuilder::root(), Status::NotApplicable);
        dated(&SubscriberEkuMissing, &none, Time::ymd(2012, 7, 1), Status::Error);

        let r = &SubscriberEkuServerAuthMissing;
        assert_status(r, &leaf, Status::Pass);
        let client = with_eku(leaf.clone(), &[&eku::CLIENT_AUTH]);
        assert_status(r, &client, Status::Error);
        let at = |b: &CertBuilder, nb| b.clone().validity(nb, Time::ymd(2024, 1, 1));
        assert_status(r, &at(&client, Time::ymd(2023, 9, 14)), Status::Pass);
        assert_status(r, &at(&client, Time::ymd(2023, 9, 15)), Status::Error);
        let email = with_eku(leaf.clone(), &[&eku::EMAIL_PROTECTION]);
        let (s, m) = finding(r, &at(&email, Time::ymd(2020, 1, 1)).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the EKU contains neither id-kp-serverAuth nor id-kp-clientAuth"));
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &email, Time::ymd(2012, 7, 1), Status::Error);

        let r = &SubscriberEkuProhibitedPurpose;
        assert_status(r, &leaf, Status::Pass);
        let mixed = with_eku(leaf.clone(), &[&eku::SERVER_AUTH, &eku::EMAIL_PROTECTION, &eku::CODE_SIGNING]);
        let (s, m) = finding(r, &mixed.build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU contains prohibited purposes: id-kp-emailProtection, id-kp-codeSigning")
        );
        for p in [eku::OCSP_SIGNING, eku::TIME_STAMPING, eku::ANY, eku::PRECERT_SIGNING] {
            let b = with_eku(leaf.clone(), &[&eku::SERVER_AUTH, &p]);
            assert_eq!(with_type(r, &b, CertType::SubscriberDv).0, Status::Error);
        }
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &mixed, PROFILES, Status::Error);

        let r = &SubscriberEkuOtherPurpose;
        assert_status(r, &leaf, Status::Pass);
        assert_status(r, &mixed, Status::Pass);
        let other = with_eku(leaf.clone(), &[&eku::SERVER_AUTH, &PRIVATE]);
        let (s, m) = finding(r, &other.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Warn, "the EKU contains other purposes: 1.3.6.1.4.1.99999.1"));
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &other, Time::ymd(2012, 7, 1), Status::Warn);
    }

    #[test]
    fn tls_ca() {
        let ca = CertBuilder::sub_ca();
        let r = &TlsCaEkuServerAuthMissing;
        assert_status(r, &ca, Status::Pass);
        let client = with_eku(ca.clone(), &[&eku::CLIENT_AUTH]);
        assert_eq!(with_type(r, &client, CertType::SubCaTls).0, Status::Error);
        let no_policy = client.clone().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_eq!(with_type(r, &no_policy, CertType::SubCaTls).0, Status::Pass);
        assert_status(r, &client, Status::NotApplicable); // detected as non-TLS CA
        assert_status(r, &cross(), Status::NotApplicable);
        let b4 = client.clone().validity(Time::ymd(2023, 9, 14), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &b4, CertType::SubCaTls).0, Status::NotEffective);
        let day = client.validity(Time::ymd(2023, 9, 15), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &day, CertType::SubCaTls).0, Status::Error);

        let r = &TlsCaEkuProhibitedPurpose;
        assert_status(r, &ca, Status::Pass);
        let mixed = with_eku(ca.clone(), &[&eku::SERVER_AUTH, &eku::CODE_SIGNING]);
        let (s, m) = finding(r, &mixed.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the EKU contains prohibited purposes: id-kp-codeSigning"));
        // anyEKU with serverAuth is a cross certificate: left to the cross rules.
        assert_status(r, &with_eku(ca.clone(), &[&eku::SERVER_AUTH, &eku::ANY]), Status::Pass);
        let (s, _) = with_type(r, &with_eku(ca.clone(), &[&eku::SERVER_AUTH, &eku::ANY]), CertType::SubCaTls);
        assert_eq!(s, Status::Error);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        dated(r, &mixed, Time::ymd(2020, 8, 20), Status::Error);

        let r = &TlsCaEkuOtherPurpose;
        assert_status(r, &ca, Status::Pass);
        let other = with_eku(ca.clone(), &[&eku::SERVER_AUTH, &PRIVATE]);
        assert_status(r, &other, Status::Warn);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        dated(r, &other, PROFILES, Status::Warn);
    }

    #[test]
    fn cross_certificates() {
        let r = &CrossEkuAnyWithOthers;
        assert_status(r, &cross(), Status::Pass);
        let mixed = with_eku(CertBuilder::sub_ca(), &[&eku::ANY, &eku::SERVER_AUTH]);
        let (s, m) = finding(r, &mixed.build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU contains anyExtendedKeyUsage together with: id-kp-serverAuth")
        );
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        dated(r, &mixed, PROFILES, Status::Error);

        let r = &CrossEkuAnyUnaffiliated;
        assert_status(r, &cross(), Status::Pass);
        let other = cross().subject(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Other Corp"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "Other CA"),
        ]);
        assert_status(r, &other, Status::Warn);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        dated(r, &other, PROFILES, Status::Warn);
    }

    #[test]
    fn non_tls_and_precert_cas() {
        let r = &NonTlsCaEkuProhibitedPurpose;
        let nontls = with_eku(CertBuilder::sub_ca(), &[&eku::CLIENT_AUTH]);
        assert_status(r, &nontls, Status::Pass);
        let ocsp = with_eku(CertBuilder::sub_ca(), &[&eku::CLIENT_AUTH, &eku::OCSP_SIGNING]);
        let (s, m) = finding(r, &ocsp.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the EKU contains prohibited purposes: id-kp-OCSPSigning"));
        let sa = with_eku(CertBuilder::sub_ca(), &[&eku::SERVER_AUTH]);
        assert_eq!(with_type(r, &sa, CertType::SubCaTcNonTls).0, Status::Error);
        assert_status(r, &sa, Status::NotApplicable);
        dated(r, &ocsp, PROFILES, Status::Error);

        let precert = with_eku(CertBuilder::sub_ca(), &[&eku::PRECERT_SIGNING]);
        let r = &PrecertCaEkuSigningPurposeMissing;
        assert_status(r, &precert, Status::Pass);
        let sa_only = with_eku(CertBuilder::sub_ca(), &[&eku::SERVER_AUTH]);
        assert_eq!(with_type(r, &sa_only, CertType::SubCaPrecertSigning).0, Status::Error);
        assert_status(r, &sa_only, Status::NotApplicable);
        let none = CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE);
        assert_eq!(with_type(r, &none, CertType::SubCaPrecertSigning).0, Status::NotApplicable);
        let b4 = sa_only.clone().validity(Time::ymd(2023, 9, 14), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &b4, CertType::SubCaPrecertSigning).0, Status::NotEffective);
        let day = sa_only.validity(Time::ymd(2023, 9, 15), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &day, CertType::SubCaPrecertSigning).0, Status::Error);

        let r = &PrecertCaEkuOtherPurpose;
        assert_status(r, &precert, Status::Pass);
        let mixed = with_eku(CertBuilder::sub_ca(), &[&eku::PRECERT_SIGNING, &eku::SERVER_AUTH]);
        let (s, m) = with_type(r, &mixed, CertType::SubCaPrecertSigning);
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the EKU contains purposes besides precertificate signing: id-kp-serverAuth")
        );
        assert_eq!(with_type(r, &none, CertType::SubCaPrecertSigning).0, Status::NotApplicable);
        let b4 = mixed.clone().validity(Time::ymd(2023, 9, 14), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &b4, CertType::SubCaPrecertSigning).0, Status::NotEffective);
        let day = mixed.validity(Time::ymd(2023, 9, 15), Time::ymd(2025, 1, 1));
        assert_eq!(with_type(r, &day, CertType::SubCaPrecertSigning).0, Status::Error);
    }
}
