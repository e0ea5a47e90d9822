//! Key purposes of intermediates and end entities (MRSP §5.2, §5.3).

use crate::cert_type::CertType;
use crate::oid::{eku, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets::{self, cert_type};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] =
    &[&SubcaEkuServerAndEmail, &SubcaEkuAny, &EndEntityEkuMissing, &EndEntityEkuAny];

/// MRSP 2.7: the day the intermediate EKU requirements of §5.3 took effect.
const MRSP_2_7: Time = Time::ymd(2019, 1, 1);

/// `mozilla.subca_eku_server_and_email`
///
/// **What it checks**: an intermediate certificate's EKU does not contain both
/// id-kp-serverAuth and id-kp-emailProtection.
///
/// **Why it matters**: MRSP §5.3 keeps TLS and S/MIME issuance apart for intermediates
/// created after 2019-01-01, so that each hierarchy is audited against its own
/// requirements.
///
/// **Example**: serverAuth + emailProtection fails; serverAuth + clientAuth passes; a CA
/// without EKU is not applicable.
pub struct SubcaEkuServerAndEmail;

impl Rule for SubcaEkuServerAndEmail {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.subca_eku_server_and_email", Source::Mozilla, Severity::Error)
            .summary("intermediate EKUs must not contain both serverAuth and emailProtection")
            .citation("MRSP §5.3")
            .scope(Scope::SUB_CA)
            .effective(MRSP_2_7)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["zlint:n_mp_allowed_eku"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(e)) = eku_sets::eku(cert) else { return Outcome::NotApplicable };
        Outcome::check(
            !(e.contains(&eku::SERVER_AUTH) && e.contains(&eku::EMAIL_PROTECTION)),
            "the EKU contains both id-kp-serverAuth and id-kp-emailProtection",
        )
    }
}

/// `mozilla.subca_eku_any`
///
/// **What it checks**: an intermediate certificate's EKU does not contain
/// anyExtendedKeyUsage.
///
/// **Why it matters**: MRSP §5.3 and §5.3.1 (and Apple RPP §1.7 from 2026-08-01) forbid it:
/// an intermediate must say which end-entity purposes it issues for. Mozilla's exception
/// for cross certificates sharing a root's key cannot be verified from one certificate, so
/// a cross certificate issued before 2026-08-01 (when Apple's rule leaves no exception) is
/// reported as a warning.
///
/// **Example**: an intermediate with anyExtendedKeyUsage issued on 2026-08-01 fails, one
/// issued in 2025 warns; serverAuth passes; a CA without EKU is not applicable.
pub struct SubcaEkuAny;

impl Rule for SubcaEkuAny {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.subca_eku_any", Source::Mozilla, Severity::Error)
            .summary("intermediate EKUs must not contain anyExtendedKeyUsage")
            .citation("MRSP §5.3, §5.3.1; Apple RPP §1.7")
            .scope(Scope::SUB_CA)
            .effective(MRSP_2_7)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["zlint:n_mp_allowed_eku"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some(Ok(e)) = eku_sets::eku(cert) else { return Outcome::NotApplicable };
        if !e.contains(&eku::ANY) {
            return Outcome::Pass;
        }
        let message = "the intermediate's EKU contains anyExtendedKeyUsage";
        let cross = cert_type(cert, ctx) == CertType::SubCaCrossCertified;
        if cross && cert.not_before().is_some_and(|nb| nb < Time::ymd(2026, 8, 1)) {
            Outcome::fail_as(Severity::Warn, message)
        } else {
            Outcome::fail(message)
        }
    }
}

/// `mozilla.end_entity_eku_missing`
///
/// **What it checks**: an end-entity certificate (cA not TRUE) has an extKeyUsage
/// extension.
///
/// **Why it matters**: MRSP §5.2 requires every end-entity certificate to state its
/// intended purposes, TLS or not; this reaches S/MIME, code signing and other end entities
/// the BR rule does not.
///
/// **Example**: an end entity without EKU fails; with an EKU it passes; CA certificates are
/// not applicable.
pub struct EndEntityEkuMissing;

impl Rule for EndEntityEkuMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.end_entity_eku_missing", Source::Mozilla, Severity::Error)
            .summary("end-entity certificates must contain extKeyUsage")
            .citation("MRSP §5.2")
            .scope(Scope::END_ENTITY)
            .effective(MRSP_2_7);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_ca() {
            return Outcome::NotApplicable;
        }
        Outcome::check(cert.ext_key_usage().is_some(), "the end-entity certificate has no extKeyUsage extension")
    }
}

/// `mozilla.end_entity_eku_any`
///
/// **What it checks**: an end-entity certificate's EKU does not contain
/// anyExtendedKeyUsage.
///
/// **Why it matters**: MRSP §5.2 forbids it: anyExtendedKeyUsage makes the key good for
/// every purpose, including ones it was never validated for.
///
/// **Example**: serverAuth + anyExtendedKeyUsage fails; serverAuth passes; no EKU and CA
/// certificates are not applicable.
pub struct EndEntityEkuAny;

impl Rule for EndEntityEkuAny {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("mozilla.end_entity_eku_any", Source::Mozilla, Severity::Error)
            .summary("end-entity EKUs must not contain anyExtendedKeyUsage")
            .citation("MRSP §5.2")
            .scope(Scope::END_ENTITY)
            .effective(MRSP_2_7)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_ca() {
            return Outcome::NotApplicable;
        }
        let Some(Ok(e)) = eku_sets::eku(cert) else { return Outcome::NotApplicable };
        Outcome::check(!e.contains(&eku::ANY), "the end-entity EKU contains anyExtendedKeyUsage")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::rules::cabf_br::eku::tests::{dated, with_eku};
    use crate::testutil::*;
    use crate::Status;

    #[test]
    fn intermediates() {
        let r = &SubcaEkuServerAndEmail;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        let both = with_eku(CertBuilder::sub_ca(), &[&eku::SERVER_AUTH, &eku::EMAIL_PROTECTION]);
        assert_status(r, &both, Status::Error);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &both, MRSP_2_7, Status::Error);

        let r = &SubcaEkuAny;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        let any = with_eku(CertBuilder::sub_ca(), &[&eku::ANY]);
        let at = |nb| any.clone().validity(nb, Time::ymd(2030, 1, 1));
        assert_status(r, &at(Time::ymd(2026, 7, 31)), Status::Warn);
        let (s, m) = finding(r, &at(Time::ymd(2026, 8, 1)).build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the intermediate's EKU contains anyExtendedKeyUsage"));
        let b = at(Time::ymd(2025, 1, 1)).build();
        assert_eq!(finding(r, &b, &Context::default().with_type(CertType::SubCaTls)).0, Status::Error);
        assert_status(r, &CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
        dated(r, &any, MRSP_2_7, Status::Warn);
    }

    #[test]
    fn end_entities() {
        let r = &EndEntityEkuMissing;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let none = CertBuilder::leaf().without_ext(&ext::EXT_KEY_USAGE);
        assert_status(r, &none, Status::Error);
        let smime_none = none.clone().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_status(r, &smime_none, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &none, MRSP_2_7, Status::Error);

        let r = &EndEntityEkuAny;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let any = with_eku(CertBuilder::leaf(), &[&eku::SERVER_AUTH, &eku::ANY]);
        assert_status(r, &any, Status::Error);
        assert_status(r, &none, Status::NotApplicable);
        assert_status(r, &with_eku(CertBuilder::sub_ca(), &[&eku::ANY]), Status::NotApplicable);
        dated(r, &any, MRSP_2_7, Status::Error);
    }
}
