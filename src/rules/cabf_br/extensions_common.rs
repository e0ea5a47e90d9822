//! Extensions common to several TLS BR profiles (§7.1.2.11): the profile's extension list,
//! authorityKeyIdentifier, certificatePolicies presence.

use alloc::{format, string::String};

use crate::cert_type::{CertType, Scope};
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, BR_ALL, OCSP, SC62, SUBCA};

pub(crate) static RULES: &[&dyn Rule] =
    &[&ExtensionNotInProfile, &AkiMissing, &AkiHasIssuerAndSerial, &CertificatePoliciesMissing];

/// `cabf_br.extension_not_in_profile`
///
/// **What it checks**: every extension of the certificate appears in the extension table
/// of its type's profile (root §7.1.2.1.2, cross-certified §7.1.2.2.3, non-TLS
/// constrained §7.1.2.3.1, precertificate signing §7.1.2.4.1, constrained TLS
/// §7.1.2.5.1, TLS CA §7.1.2.6.1, subscriber §7.1.2.7.6 plus the precertificate poison,
/// OCSP responder §7.1.2.8.2). The finding names every extra extension.
///
/// **Why it matters**: each table ends with "Any other extension: NOT RECOMMENDED", and
/// §7.1.2.11.5 says CAs shall not add extensions without a reason: every extra extension
/// is a claim nobody validated and a compatibility risk.
///
/// **Example**: a subscriber with a Netscape comment extension warns; a subscriber with
/// only the listed extensions passes; an S/MIME certificate is not applicable.
pub struct ExtensionNotInProfile;

impl Rule for ExtensionNotInProfile {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.extension_not_in_profile", Source::CabfBr, Severity::Warn)
            .summary("extensions not listed in the certificate's profile should not be present")
            .citation("TLS BR §7.1.2.11.5 and the §7.1.2 profile tables")
            .scope(BR_ALL)
            .effective(SC62)
            .aliases(&[
                "pkilint:cabf.serverauth.root.unknown_extension_present",
                "pkilint:cabf.serverauth.ca.unknown_extension_present",
                "pkilint:cabf.serverauth.cross_ca.unknown_extension_present",
                "pkilint:cabf.serverauth.subscriber.unknown_extension_present",
                "pkilint:cabf.serverauth.ocsp_responder.unknown_extension_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let t = profile::type_of(cert, ctx);
        let Some(table) = profile::table(t) else { return Outcome::NotApplicable };
        let listed = |e: &crate::cert::Extension<'_>| match e.oid {
            Some(id) => table.iter().any(|(o, _, _)| id.is(o)),
            // An unreadable extension is reported by the structure rules.
            None => true,
        };
        if cert.extensions().all(|e| listed(&e)) {
            return Outcome::Pass;
        }
        let mut extra = String::new();
        for e in cert.extensions().filter(|e| !listed(e)) {
            if let Some(id) = e.oid {
                if !extra.is_empty() {
                    extra.push_str(", ");
                }
                let name = crate::cert::extension_name(id.as_bytes());
                if name == "extension" {
                    extra.push_str(&format!("{id}"));
                } else {
                    extra.push_str(&format!("{name} ({id})"));
                }
            }
        }
        Outcome::fail(format!("extensions not in the {t} profile: {extra}"))
    }
}

/// `cabf_br.aki_missing`
///
/// **What it checks**: a certificate that is not self-issued carries an
/// authorityKeyIdentifier.
///
/// **Why it matters**: every non-root profile (§7.1.2.2.3 to §7.1.2.8.2) lists the AKI
/// as MUST, with a keyIdentifier equal to the issuer's SKI (§7.1.2.11.1; Mozilla policy
/// §5.2 too): clients use it to pick the issuer when a CA has several keys. Whether the
/// keyIdentifier field itself is present is left to the RFC 5280 rules.
///
/// **Example**: a subscriber certificate without AKI fails; with AKI passes; a root is
/// not applicable.
pub struct AkiMissing;

impl Rule for AkiMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aki_missing", Source::CabfBr, Severity::Error)
            .summary("certificates other than roots must contain authorityKeyIdentifier")
            .citation("TLS BR §7.1.2.2.3-§7.1.2.8.2, §7.1.2.11.1; MRSP §5.2")
            .scope(SUBCA.union(Scope::TLS_SUBSCRIBER).union(OCSP))
            .effective(Time::ymd(2013, 7, 26))
            .aliases(&[
                "zlint:e_mp_authority_key_identifier_correct",
                "pkilint:cabf.serverauth.ca.authority_key_identifier_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.authority_key_identifier_extension_absent",
                "pkilint:cabf.serverauth.ocsp_responder.authority_key_identifier_extension_absent",
                "pkilint:cabf.serverauth.subscriber.authority_key_identifier_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.is_self_issued() {
            return Outcome::NotApplicable;
        }
        profile::must_be_present(cert, &ext::AUTHORITY_KEY_IDENTIFIER, "the certificate has no authorityKeyIdentifier")
    }
}

/// `cabf_br.aki_has_issuer_and_serial`
///
/// **What it checks**: authorityKeyIdentifier has neither authorityCertIssuer nor
/// authorityCertSerialNumber.
///
/// **Why it matters**: TLS BR §7.1.2.11.1 and §7.1.2.1.3 say both MUST NOT be present:
/// they pin the issuer's own issuer and serial, which breaks the chain as soon as the
/// issuing CA is re-certified (cross-signed or renewed).
///
/// **Example**: an AKI `[0] keyId, [1] issuer, [2] serial` fails and names both fields;
/// `[0] keyId` alone passes; a certificate without AKI is not applicable.
pub struct AkiHasIssuerAndSerial;

impl Rule for AkiHasIssuerAndSerial {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aki_has_issuer_and_serial", Source::CabfBr, Severity::Error)
            .summary("authorityKeyIdentifier must not contain authorityCertIssuer or authorityCertSerialNumber")
            .citation("TLS BR §7.1.2.11.1, §7.1.2.1.3")
            .scope(BR_ALL)
            .effective(SC62)
            .needs(Need::Extension(&ext::AUTHORITY_KEY_IDENTIFIER))
            .aliases(&["pkilint:cabf.authority_key_identifier_has_issuer_cert"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(aki)) = cert.authority_key_identifier() else { return Outcome::NotApplicable };
        match (aki.value.issuer.is_some(), aki.value.serial.is_some()) {
            (false, false) => Outcome::Pass,
            (true, true) => {
                Outcome::fail("authorityKeyIdentifier contains authorityCertIssuer and authorityCertSerialNumber")
            }
            (true, false) => Outcome::fail("authorityKeyIdentifier contains authorityCertIssuer"),
            (false, true) => Outcome::fail("authorityKeyIdentifier contains authorityCertSerialNumber"),
        }
    }
}

/// `cabf_br.certificate_policies_missing`
///
/// **What it checks**: subscriber certificates and subordinate CA certificates other than
/// technically constrained non-TLS CAs carry certificatePolicies.
///
/// **Why it matters**: the cross-certified (§7.1.2.2.3), precertificate signing
/// (§7.1.2.4.1), constrained TLS (§7.1.2.5.1), TLS CA (§7.1.2.6.1) and subscriber
/// (§7.1.2.7.6) profiles list certificatePolicies as MUST: the reserved policy
/// identifiers are how a certificate states which requirements it was issued under.
///
/// **Example**: a TLS subordinate CA without certificatePolicies fails; with it passes;
/// a non-TLS constrained CA, a root and an OCSP responder are not applicable.
pub struct CertificatePoliciesMissing;

impl Rule for CertificatePoliciesMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.certificate_policies_missing", Source::CabfBr, Severity::Error)
            .summary("subscriber and most subordinate CA certificates must contain certificatePolicies")
            .citation("TLS BR §7.1.2.2.3, §7.1.2.4.1, §7.1.2.5.1, §7.1.2.6.1, §7.1.2.7.6")
            .scope(
                Scope::TLS_SUBSCRIBER
                    .with(CertType::SubCaCrossCertified)
                    .with(CertType::SubCaPrecertSigning)
                    .with(CertType::SubCaTcTls)
                    .with(CertType::SubCaTls),
            )
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_sub_ca_certificate_policies_missing",
                "zlint:e_sub_cert_certificate_policies_missing",
                "zlint:e_sub_cert_cert_policy_empty",
                "pkilint:cabf.serverauth.ca.certificate_policies_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.certificate_policies_extension_absent",
                "pkilint:cabf.serverauth.subscriber.certificate_policies_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::CERTIFICATE_POLICIES, "the certificate has no certificatePolicies")
    }
}

#[cfg(test)]
mod tests {
    use super::super::profile::test_support::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    #[test]
    fn not_in_profile() {
        for b in [CertBuilder::leaf(), CertBuilder::root(), CertBuilder::sub_ca(), ocsp()] {
            assert_status(&ExtensionNotInProfile, &b, Status::Pass);
        }
        let b = CertBuilder::leaf().ext(&ext::NETSCAPE_COMMENT, false, &tlv(0x16, b"hi"));
        assert_status(&ExtensionNotInProfile, &b, Status::Warn);
        assert!(message(&ExtensionNotInProfile, &b).contains("2.16.840.1.113730.1.13"));
        // A root must not have CRL DP per the table (SHOULD NOT lives in §7.1.2.11.2): it
        // is not listed in §7.1.2.1.2, so it is extra.
        let crldp = CertBuilder::sub_ca().build().extension(&ext::CRL_DISTRIBUTION_POINTS).unwrap().value.to_vec();
        let root = CertBuilder::root().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &crldp);
        assert_status(&ExtensionNotInProfile, &root, Status::Warn);
        assert!(message(&ExtensionNotInProfile, &root).contains("cRLDistributionPoints (2.5.29.31)"));
        // SAN is not in the CA tables.
        let ca = CertBuilder::sub_ca().san_dns(&["ca.example.com"]);
        assert_status(&ExtensionNotInProfile, &ca, Status::Warn);
        // The poison is allowed on (pre)certificates.
        assert_status(&ExtensionNotInProfile, &CertBuilder::leaf().ext(&ext::CT_POISON, true, &null()), Status::Pass);
        // Out of the BRs.
        let smime =
            eku(CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES), &[&crate::oid::eku::EMAIL_PROTECTION])
                .ext(&ext::NETSCAPE_COMMENT, false, &tlv(0x16, b"hi"));
        assert_status(&ExtensionNotInProfile, &smime, Status::NotApplicable);
        assert_status(&ExtensionNotInProfile, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&ExtensionNotInProfile, &b.not_before(SC62), Status::Warn);
    }

    #[test]
    fn aki_missing() {
        assert_status(&AkiMissing, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER);
        assert_status(&AkiMissing, &b, Status::Error);
        assert_status(&AkiMissing, &CertBuilder::sub_ca().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER), Status::Error);
        assert_status(&AkiMissing, &ocsp().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER), Status::Error);
        assert_status(&AkiMissing, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AkiMissing, &day_before(&b, Time::ymd(2013, 7, 26)), Status::NotEffective);
        assert_status(&AkiMissing, &b.not_before(Time::ymd(2013, 7, 26)), Status::Error);
    }

    #[test]
    fn aki_issuer_serial() {
        assert_status(&AkiHasIssuerAndSerial, &CertBuilder::leaf(), Status::Pass);
        let gn = ctx_cons(1, &ctx_cons(4, &issuer_name()));
        let both = seq(&[&ctx_prim(0, &[1; 20]), &gn, &ctx_prim(2, &[5])]);
        let b = CertBuilder::leaf().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &both);
        assert_status(&AkiHasIssuerAndSerial, &b, Status::Error);
        assert!(message(&AkiHasIssuerAndSerial, &b).contains("authorityCertIssuer and authorityCertSerialNumber"));
        let issuer_only = seq(&[&ctx_prim(0, &[1; 20]), &gn]);
        let i = CertBuilder::leaf().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &issuer_only);
        assert!(message(&AkiHasIssuerAndSerial, &i).ends_with("contains authorityCertIssuer"));
        let serial_only = seq(&[&ctx_prim(0, &[1; 20]), &ctx_prim(2, &[5])]);
        let s = CertBuilder::leaf().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &serial_only);
        assert!(message(&AkiHasIssuerAndSerial, &s).ends_with("contains authorityCertSerialNumber"));
        assert_status(&AkiHasIssuerAndSerial, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AkiHasIssuerAndSerial, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&AkiHasIssuerAndSerial, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn policies_missing() {
        assert_status(&CertificatePoliciesMissing, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::sub_ca().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_status(&CertificatePoliciesMissing, &b, Status::Error);
        let leaf = CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_status(&CertificatePoliciesMissing, &leaf, Status::Error);
        let nontls = sub_ca_eku(Some(&[&crate::oid::eku::CLIENT_AUTH])).without_ext(&ext::CERTIFICATE_POLICIES);
        assert_status(&CertificatePoliciesMissing, &nontls, Status::NotApplicable);
        assert_status(&CertificatePoliciesMissing, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CertificatePoliciesMissing, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&CertificatePoliciesMissing, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
    }
}
