//! certificatePolicies per certificate type (TLS BR §7.1.2.2.6, §7.1.2.3.2, §7.1.2.7.9,
//! §7.1.2.8.8, §7.1.2.10.5).

use alloc::format;

use crate::asn1::tag;
use crate::cert::CertificatePolicies;
use crate::cert_type::CertType;
use crate::oid::{ext, policy};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::eku_sets::{self, is_only_any_policy, is_tls_reserved, reserved_count, BR_SUB_CA, TC_NON_TLS};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubscriberReservedPolicyMissing,
    &SubscriberMultipleReservedPolicies,
    &SubscriberAnyPolicy,
    &FirstPolicyNotReserved,
    &PolicyQualifierNotCps,
    &CpsUriNotHttp,
    &PolicyQualifierPresent,
    &CaReservedPolicyMissing,
    &CaMultipleReservedPolicies,
    &CaAnyPolicyWithOthers,
    &CaAnyPolicyUnaffiliated,
    &NonTlsCaReservedPolicyPresent,
];

/// SC-062: the day the §7.1.2 certificate profiles took effect.
const PROFILES: Time = Time::ymd(2023, 9, 15);

/// The policies, or the outcome to return when the extension is absent or malformed.
fn present(cert: &Certificate) -> Result<CertificatePolicies<'_>, Outcome> {
    match eku_sets::policies(cert) {
        Some(Ok(p)) => Ok(p),
        _ => Err(Outcome::NotApplicable),
    }
}

macro_rules! policies_or_return {
    ($cert:expr) => {
        match present($cert) {
            Ok(p) => p,
            Err(o) => return o,
        }
    };
}

/// `cabf_br.subscriber_reserved_policy_missing`
///
/// **What it checks**: a TLS subscriber certificate asserts one of the reserved policy
/// identifiers 2.23.140.1.2.1 (DV), .2.2 (OV), .2.3 (IV) or 2.23.140.1.1 (EV).
///
/// **Why it matters**: TLS BR §7.1.2.7.1 to §7.1.2.7.5 and §7.1.2.7.9 tie each subscriber
/// certificate to its validation type through that identifier; relying parties and
/// auditors read it. The requirement came with the SC-062 profiles (2023-09-15): before,
/// §7.1.6.1 called the reserved identifiers "an optional means" of asserting compliance and
/// §7.1.6.4 accepted a policy identifier of the CA's own (whose presence
/// `cabf_br.certificate_policies_missing` checks since 2012).
///
/// **Example**: a serverAuth certificate issued in 2024 without certificatePolicies, or
/// with only a CA policy, fails; the DV identifier passes; one issued in 2014 with only a
/// CA policy is not effective; CA certificates are not applicable.
pub struct SubscriberReservedPolicyMissing;

impl Rule for SubscriberReservedPolicyMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_reserved_policy_missing", Source::CabfBr, Severity::Error)
                .summary("subscriber certificates must assert a CA/Browser Forum reserved policy identifier")
                .citation("TLS BR §7.1.2.7.1-§7.1.2.7.5, §7.1.2.7.9")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(PROFILES)
                .aliases(&["pkilint:cabf.serverauth.subscriber_missing_reserved_policy_oid"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match eku_sets::policies(cert) {
            None => Outcome::fail("the certificatePolicies extension is absent"),
            Some(Err(())) => Outcome::NotApplicable,
            Some(Ok(p)) => Outcome::check(reserved_count(&p) > 0, "no reserved policy identifier is asserted"),
        }
    }
}

/// `cabf_br.subscriber_multiple_reserved_policies`
///
/// **What it checks**: a TLS subscriber certificate asserts at most one reserved policy
/// identifier.
///
/// **Why it matters**: TLS BR §7.1.2.7.9 requires exactly one: the certificate has one
/// validation type.
///
/// **Example**: DV + OV fails; DV alone passes; no certificatePolicies is not applicable.
pub struct SubscriberMultipleReservedPolicies;

impl Rule for SubscriberMultipleReservedPolicies {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_multiple_reserved_policies", Source::CabfBr, Severity::Error)
                .summary("subscriber certificates must assert exactly one reserved policy identifier")
                .citation("TLS BR §7.1.2.7.9")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(PROFILES)
                .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
                .aliases(&["pkilint:cabf.serverauth.subscriber_multiple_reserved_policy_oids"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        match reserved_count(&p) {
            0 | 1 => Outcome::Pass,
            n => Outcome::fail(format!("{n} reserved policy identifiers are asserted")),
        }
    }
}

/// `cabf_br.subscriber_any_policy`
///
/// **What it checks**: a TLS subscriber certificate does not assert anyPolicy.
///
/// **Why it matters**: TLS BR §7.1.2.7.9 forbids anyPolicy in subscriber certificates: it
/// is a CA-side wildcard and says nothing about how the subscriber was validated.
///
/// **Example**: DV + anyPolicy fails; DV alone passes; no certificatePolicies is not
/// applicable.
pub struct SubscriberAnyPolicy;

impl Rule for SubscriberAnyPolicy {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_any_policy", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must not assert anyPolicy")
            .citation("TLS BR §7.1.2.7.9")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["pkilint:cabf.serverauth.subscriber_anypolicy_oid_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        Outcome::check(!p.contains(&policy::ANY_POLICY), "anyPolicy is asserted")
    }
}

/// `cabf_br.first_policy_not_reserved`
///
/// **What it checks**: when a subscriber or subordinate CA certificate asserts a reserved
/// policy identifier, the first PolicyInformation is a reserved one.
///
/// **Why it matters**: TLS BR §7.1.2.7.9, §7.1.2.10.5 and §7.1.2.2.6 say the reserved
/// identifier SHOULD come first, so that software reading only the first policy finds it.
///
/// **Example**: [CA policy, DV] warns; [DV, CA policy] passes; certificates without a
/// reserved identifier (anyPolicy-only CAs) are not applicable.
pub struct FirstPolicyNotReserved;

impl Rule for FirstPolicyNotReserved {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.first_policy_not_reserved", Source::CabfBr, Severity::Warn)
            .summary("the first policy should be the reserved policy identifier")
            .citation("TLS BR §7.1.2.7.9, §7.1.2.10.5, §7.1.2.2.6")
            .scope(Scope::TLS_SUBSCRIBER.union(BR_SUB_CA))
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "pkilint:cabf.serverauth.subscriber_first_policy_oid_not_reserved",
                "pkilint:cabf.serverauth.ca_first_policy_oid_not_reserved",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        if reserved_count(&p) == 0 {
            return Outcome::NotApplicable;
        }
        match p.policies().next() {
            Some(first) if !is_tls_reserved(&first.id) => {
                Outcome::fail(format!("the first policy is {}, not a reserved identifier", first.id))
            }
            _ => Outcome::Pass,
        }
    }
}

/// `cabf_br.policy_qualifier_not_cps`
///
/// **What it checks**: every policy qualifier is id-qt-cps (no userNotice or other
/// qualifiers).
///
/// **Why it matters**: TLS BR §7.1.2.7.9, §7.1.2.10.5 and §7.1.2.8.8 permit only the CPS
/// pointer; user notices are not displayed consistently and have encoding pitfalls.
///
/// **Example**: a userNotice qualifier fails; a CPS URI passes; policies without
/// qualifiers pass; no certificatePolicies is not applicable.
pub struct PolicyQualifierNotCps;

impl Rule for PolicyQualifierNotCps {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.policy_qualifier_not_cps", Source::CabfBr, Severity::Error)
            .summary("only the id-qt-cps policy qualifier is permitted")
            .citation("TLS BR §7.1.2.7.9, §7.1.2.10.5, §7.1.2.8.8")
            .scope(Scope::TLS_BR)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:e_policy_qualifiers_other_than_cps_not_permitted",
                "pkilint:cabf.serverauth.prohibited_certificate_policy_qualifier_type",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        match p.policies().flat_map(|i| i.qualifiers()).find(|q| !q.id.is(&policy::QT_CPS)) {
            Some(q) => Outcome::fail(format!("the policy qualifier {} is not id-qt-cps", q.id)),
            None => Outcome::Pass,
        }
    }
}

/// Whether `s` is `http://` or `https://` followed by a host.
fn is_http_url(s: &[u8]) -> bool {
    let rest = s.strip_prefix(b"http://").or_else(|| s.strip_prefix(b"https://"));
    rest.is_some_and(|r| r.first().is_some_and(|&c| c != b'/' && c != b'?' && c != b'#' && c > b' '))
}

/// `cabf_br.cps_uri_not_http`
///
/// **What it checks**: every id-qt-cps qualifier is an IA5String holding an `http://` or
/// `https://` URL with a host.
///
/// **Why it matters**: TLS BR §7.1.2.7.9 and §7.1.2.10.5 require the CPS pointer to be an
/// HTTP or HTTPS URL, so that relying parties can fetch the CPS.
///
/// **Example**: `ftp://example.com/cps` or a UTF8String fails; `https://example.com/cps`
/// passes; policies without a CPS qualifier are not applicable.
pub struct CpsUriNotHttp;

impl Rule for CpsUriNotHttp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.cps_uri_not_http", Source::CabfBr, Severity::Error)
            .summary("CPS qualifiers must be IA5String HTTP or HTTPS URLs")
            .citation("TLS BR §7.1.2.7.9, §7.1.2.10.5")
            .scope(Scope::TLS_BR)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["zlint:e_invalid_cps_uri", "pkilint:cabf.cps_uri_is_not_http"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        let mut any = false;
        for q in p.policies().flat_map(|i| i.qualifiers()).filter(|q| q.id.is(&policy::QT_CPS)) {
            any = true;
            match q.qualifier {
                Some(t) if t.tag == tag::IA5_STRING && is_http_url(t.value) => {}
                Some(t) if t.tag == tag::IA5_STRING => {
                    return Outcome::fail(format!(
                        "the CPS URI {:?} is not an http or https URL",
                        alloc::string::String::from_utf8_lossy(t.value)
                    ))
                }
                Some(t) => {
                    return Outcome::fail(format!("the CPS qualifier is a {}, not an IA5String", tag::name(t.tag)))
                }
                None => return Outcome::fail("the CPS qualifier has no value"),
            }
        }
        if any {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `cabf_br.policy_qualifier_present`
///
/// **What it checks**: no PolicyInformation carries policyQualifiers.
///
/// **Why it matters**: TLS BR §7.1.2.7.9 and §7.1.2.10.5 make policyQualifiers NOT
/// RECOMMENDED: they add bytes to every handshake and nothing for relying parties.
///
/// **Example**: DV with a CPS URI warns; DV alone passes; no certificatePolicies is not
/// applicable.
pub struct PolicyQualifierPresent;

impl Rule for PolicyQualifierPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.policy_qualifier_present", Source::CabfBr, Severity::Warn)
            .summary("policy qualifiers should be omitted")
            .citation("TLS BR §7.1.2.7.9, §7.1.2.10.5")
            .scope(Scope::TLS_BR)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["pkilint:cabf.serverauth.certificate_policy_qualifier_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        match p.policies().find(|i| i.has_qualifiers()) {
            Some(i) => Outcome::fail(format!("the policy {} has qualifiers", i.id)),
            None => Outcome::Pass,
        }
    }
}

/// `cabf_br.ca_reserved_policy_missing`
///
/// **What it checks**: a root or TLS subordinate CA (TLS, technically constrained TLS,
/// precertificate signing, cross) whose certificatePolicies is not exactly `[anyPolicy]`
/// asserts at least one reserved policy identifier.
///
/// **Why it matters**: TLS BR §7.1.2.10.5 and §7.1.2.2.6: a policy-restricted TLS CA must
/// name the validation types it issues under; anyPolicy alone is the only alternative.
/// Roots should not carry certificatePolicies at all (§7.1.2.1.2), but when they do the
/// root profile sends the content to the same §7.1.2.10.5 tables.
///
/// **Example**: a TLS CA or a 2024 root with only a CA-specific policy fails; DV passes;
/// `[anyPolicy]` passes; no certificatePolicies is not applicable; a 2011 root is not
/// effective.
pub struct CaReservedPolicyMissing;

impl Rule for CaReservedPolicyMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_reserved_policy_missing", Source::CabfBr, Severity::Error)
            .summary("policy-restricted TLS CAs must assert a reserved policy identifier")
            .citation("TLS BR §7.1.2.10.5, §7.1.2.2.6")
            .scope(
                Scope::of(CertType::SubCaCrossCertified)
                    .with(CertType::SubCaTls)
                    .with(CertType::SubCaTcTls)
                    .with(CertType::SubCaPrecertSigning)
                    .with(CertType::Root),
            )
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:e_invalid_ca_certificate_policies",
                "pkilint:cabf.serverauth.ca_missing_reserved_policy_oid",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        if is_only_any_policy(&p) || reserved_count(&p) > 0 {
            Outcome::Pass
        } else {
            Outcome::fail("no reserved policy identifier is asserted (and the policies are not `[anyPolicy]`)")
        }
    }
}

/// `cabf_br.ca_multiple_reserved_policies`
///
/// **What it checks**: a TLS subordinate CA (not a cross certificate) asserts at most one
/// reserved policy identifier.
///
/// **Why it matters**: TLS BR §7.1.2.10.5 requires exactly one reserved identifier for a
/// policy-restricted subordinate CA; a cross certificate may carry several (pass the type
/// `subca_cross` for restricted cross certificates, which look like TLS CAs).
///
/// **Example**: DV + OV on a TLS CA fails; DV alone passes; cross certificates are not
/// applicable.
pub struct CaMultipleReservedPolicies;

impl Rule for CaMultipleReservedPolicies {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_multiple_reserved_policies", Source::CabfBr, Severity::Error)
            .summary("TLS subordinate CAs must assert exactly one reserved policy identifier")
            .citation("TLS BR §7.1.2.10.5")
            .scope(Scope::of(CertType::SubCaTls).with(CertType::SubCaTcTls).with(CertType::SubCaPrecertSigning))
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:e_ca_multiple_reserved_policy_oids",
                "pkilint:cabf.serverauth.ca_multiple_reserved_policy_oids",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        match reserved_count(&p) {
            0 | 1 => Outcome::Pass,
            n => Outcome::fail(format!("{n} reserved policy identifiers are asserted")),
        }
    }
}

/// `cabf_br.ca_any_policy_with_others`
///
/// **What it checks**: anyPolicy in a subordinate CA certificate is the only policy.
///
/// **Why it matters**: TLS BR §7.1.2.10.5, §7.1.2.2.6 and §7.1.2.3.2 allow either "no policy
/// restrictions" (anyPolicy alone) or a list of specific policies, not both.
///
/// **Example**: `[anyPolicy, DV]` fails; `[anyPolicy]` passes; `[DV]` passes; no
/// certificatePolicies is not applicable.
pub struct CaAnyPolicyWithOthers;

impl Rule for CaAnyPolicyWithOthers {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_any_policy_with_others", Source::CabfBr, Severity::Error)
            .summary("anyPolicy in a CA certificate must be the only policy")
            .citation("TLS BR §7.1.2.10.5, §7.1.2.2.6, §7.1.2.3.2")
            .scope(BR_SUB_CA)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:e_invalid_ca_certificate_policies",
                "pkilint:cabf.serverauth.ca_anypolicy_with_other_policy_oid",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        let others = p.policies().filter(|i| !i.id.is(&policy::ANY_POLICY)).count();
        if p.contains(&policy::ANY_POLICY) && others > 0 {
            Outcome::fail(format!("anyPolicy is asserted together with {others} other policies"))
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.ca_any_policy_unaffiliated`
///
/// **What it checks**: a subordinate CA given `[anyPolicy]` has the same organizationName in
/// issuer and subject (the visible sign of affiliation).
///
/// **Why it matters**: TLS BR §7.1.2.10.5 allows "no policy restrictions" only for a CA
/// affiliated with its issuer. Affiliation needs CA records, so a differing organization
/// is reported as a warning.
///
/// **Example**: `[anyPolicy]` with issuer O=Example CA and subject O=Other Corp warns; the
/// same organization passes; a CA with specific policies is not applicable.
pub struct CaAnyPolicyUnaffiliated;

impl Rule for CaAnyPolicyUnaffiliated {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_any_policy_unaffiliated", Source::CabfBr, Severity::Warn)
            .summary("only CAs affiliated with their issuer may be given anyPolicy")
            .citation("TLS BR §7.1.2.10.5")
            .scope(BR_SUB_CA)
            .effective(PROFILES)
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&["pkilint:cabf.serverauth.ca_external_anypolicy"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        if !is_only_any_policy(&p) {
            return Outcome::NotApplicable;
        }
        Outcome::check(
            !eku_sets::organizations_differ(cert),
            "anyPolicy is asserted for a CA whose organizationName differs from the issuer's",
        )
    }
}

/// `cabf_br.nontls_ca_reserved_policy_present`
///
/// **What it checks**: a technically constrained non-TLS subordinate CA asserts no TLS
/// reserved policy identifier.
///
/// **Why it matters**: TLS BR §7.1.2.3.2: a CA kept out of TLS by its EKU must not claim to
/// issue TLS certificates under a CA/Browser Forum validation policy.
///
/// **Example**: an emailProtection CA asserting DV fails; one asserting only its own
/// policy passes; TLS CAs are not applicable.
pub struct NonTlsCaReservedPolicyPresent;

impl Rule for NonTlsCaReservedPolicyPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.nontls_ca_reserved_policy_present", Source::CabfBr, Severity::Error)
                .summary("non-TLS CAs must not assert TLS reserved policy identifiers")
                .citation("TLS BR §7.1.2.3.2")
                .scope(TC_NON_TLS)
                .effective(PROFILES)
                .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
                .aliases(&["pkilint:cabf.serverauth.ca_non_tls_has_reserved_policy_oid"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let p = policies_or_return!(cert);
        match p.policies().find(|i| is_tls_reserved(&i.id)) {
            Some(i) => Outcome::fail(format!("the TLS reserved policy {} is asserted", i.id)),
            None => Outcome::Pass,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::oid::{attr, eku, ext, ObjectIdentifier};
    use crate::rules::cabf_br::eku::tests::{dated, with_eku, with_type};
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;
    use alloc::vec::Vec;

    pub(crate) const CA_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.2");

    pub(crate) fn cps(uri: &str) -> Vec<u8> {
        seq(&[&oid(&policy::QT_CPS), &tlv(tag::IA5_STRING, uri.as_bytes())])
    }

    /// certificatePolicies from (policy, qualifiers) pairs.
    pub(crate) fn with_policies(b: CertBuilder, items: &[(&ObjectIdentifier, &[Vec<u8>])]) -> CertBuilder {
        let infos: Vec<Vec<u8>> = items
            .iter()
            .map(|(p, q)| if q.is_empty() { seq(&[&oid(p)]) } else { seq(&[&oid(p), &seq_vec(q)]) })
            .collect();
        b.ext(&ext::CERTIFICATE_POLICIES, false, &seq_vec(&infos))
    }

    #[test]
    fn subscriber_policies() {
        let leaf = CertBuilder::leaf();
        let r = &SubscriberReservedPolicyMissing;
        assert_status(r, &leaf, Status::Pass);
        let none = leaf.clone().without_ext(&ext::CERTIFICATE_POLICIES);
        assert_status(r, &none, Status::Error);
        let own = with_policies(leaf.clone(), &[(&CA_POLICY, &[])]);
        let (s, m) = finding(r, &own.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "no reserved policy identifier is asserted"));
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &own, PROFILES, Status::Error);
        // Real: cryptography.io's 2014 RapidSSL certificate asserts only GeoTrust's policy.
        let cert = real_cert(tests_data!("vectors/cryptography.io.pem"));
        assert_eq!(status(r, &cert), Status::NotEffective);

        let r = &SubscriberMultipleReservedPolicies;
        assert_status(r, &leaf, Status::Pass);
        let two = with_policies(leaf.clone(), &[(&policy::DV, &[]), (&policy::OV, &[])]);
        let (s, m) = finding(r, &two.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "2 reserved policy identifiers are asserted"));
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &two, PROFILES, Status::Error);

        let r = &SubscriberAnyPolicy;
        assert_status(r, &leaf, Status::Pass);
        let any = with_policies(leaf.clone(), &[(&policy::DV, &[]), (&policy::ANY_POLICY, &[])]);
        assert_status(r, &any, Status::Error);
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &any, PROFILES, Status::Error);

        let r = &FirstPolicyNotReserved;
        assert_status(r, &leaf, Status::Pass);
        let late = with_policies(leaf.clone(), &[(&CA_POLICY, &[]), (&policy::DV, &[])]);
        let (s, m) = finding(r, &late.build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Warn, "the first policy is 1.3.6.1.4.1.99999.2, not a reserved identifier")
        );
        let ca_late = with_policies(CertBuilder::sub_ca(), &[(&CA_POLICY, &[]), (&policy::OV, &[])]);
        assert_status(r, &ca_late, Status::Warn);
        let any_only = with_policies(CertBuilder::sub_ca(), &[(&policy::ANY_POLICY, &[])]);
        assert_status(r, &any_only, Status::NotApplicable);
        assert_status(r, &CertBuilder::root(), Status::NotApplicable);
        dated(r, &late, PROFILES, Status::Warn);
    }

    #[test]
    fn qualifiers() {
        let leaf = CertBuilder::leaf();
        let good = with_policies(leaf.clone(), &[(&policy::DV, &[cps("https://example.com/cps")])]);
        let notice = seq(&[&oid(&policy::QT_UNOTICE), &seq(&[&tlv(tag::UTF8_STRING, b"hi")])]);
        let bad = with_policies(leaf.clone(), &[(&policy::DV, &[notice])]);
        let none = leaf.clone().without_ext(&ext::CERTIFICATE_POLICIES);

        let r = &PolicyQualifierNotCps;
        assert_status(r, &leaf, Status::Pass);
        assert_status(r, &good, Status::Pass);
        let (s, m) = finding(r, &bad.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the policy qualifier 1.3.6.1.5.5.7.2.2 is not id-qt-cps"));
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &bad, PROFILES, Status::Error);

        let r = &CpsUriNotHttp;
        assert_status(r, &good, Status::Pass);
        assert_status(r, &with_policies(leaf.clone(), &[(&policy::DV, &[cps("http://example.com")])]), Status::Pass);
        let ftp = with_policies(leaf.clone(), &[(&policy::DV, &[cps("ftp://example.com/cps")])]);
        let (s, m) = finding(r, &ftp.build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the CPS URI \"ftp://example.com/cps\" is not an http or https URL")
        );
        assert_status(r, &with_policies(leaf.clone(), &[(&policy::DV, &[cps("https://")])]), Status::Error);
        let utf8 = seq(&[&oid(&policy::QT_CPS), &tlv(tag::UTF8_STRING, b"https://example.com/cps")]);
        let (s, m) = finding(r, &with_policies(leaf.clone(), &[(&policy::DV, &[utf8])]).build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("not an IA5String"), "{m}");
        assert_status(r, &leaf, Status::NotApplicable);
        dated(r, &ftp, PROFILES, Status::Error);

        let r = &PolicyQualifierPresent;
        assert_status(r, &leaf, Status::Pass);
        assert_status(r, &good, Status::Warn);
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &good, PROFILES, Status::Warn);
    }

    #[test]
    fn ca_policies() {
        let ca = CertBuilder::sub_ca();
        let any_only = with_policies(ca.clone(), &[(&policy::ANY_POLICY, &[])]);
        let own = with_policies(ca.clone(), &[(&CA_POLICY, &[])]);
        let no_pol = ca.clone().without_ext(&ext::CERTIFICATE_POLICIES);

        let r = &CaReservedPolicyMissing;
        assert_status(r, &ca, Status::Pass);
        assert_status(r, &any_only, Status::Pass);
        assert_status(r, &own, Status::Error);
        assert_status(r, &no_pol, Status::NotApplicable);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &own, PROFILES, Status::Error);
        let root_own = with_policies(CertBuilder::root(), &[(&CA_POLICY, &[])]);
        assert_status(r, &root_own, Status::Error);
        assert_status(r, &CertBuilder::root(), Status::NotApplicable);
        // Real: Atos TrustedRoot 2011 asserts only its own policy, years before SC-062.
        let cert = real_cert(tests_data!("mozilla-roots/Atos_TrustedRoot_2011.crt"));
        assert_eq!(status(r, &cert), Status::NotEffective);

        let r = &CaMultipleReservedPolicies;
        assert_status(r, &ca, Status::Pass);
        let two = with_policies(ca.clone(), &[(&policy::DV, &[]), (&policy::OV, &[])]);
        assert_status(r, &two, Status::Error);
        assert_eq!(with_type(r, &two, CertType::SubCaCrossCertified).0, Status::NotApplicable);
        assert_status(r, &no_pol, Status::NotApplicable);
        dated(r, &two, PROFILES, Status::Error);

        let r = &CaAnyPolicyWithOthers;
        assert_status(r, &any_only, Status::Pass);
        assert_status(r, &ca, Status::Pass);
        let mixed = with_policies(ca.clone(), &[(&policy::ANY_POLICY, &[]), (&policy::DV, &[])]);
        let (s, m) = finding(r, &mixed.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "anyPolicy is asserted together with 1 other policies"));
        assert_status(r, &no_pol, Status::NotApplicable);
        dated(r, &mixed, PROFILES, Status::Error);

        let r = &CaAnyPolicyUnaffiliated;
        assert_status(r, &any_only, Status::Pass);
        let other = any_only.clone().subject(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Other Corp"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "Other CA"),
        ]);
        assert_status(r, &other, Status::Warn);
        assert_status(r, &ca, Status::NotApplicable);
        dated(r, &other, PROFILES, Status::Warn);

        let r = &NonTlsCaReservedPolicyPresent;
        let nontls = with_eku(ca.clone(), &[&eku::CLIENT_AUTH]);
        let (s, m) = finding(r, &nontls.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the TLS reserved policy 2.23.140.1.2.1 is asserted"));
        assert_status(r, &with_policies(nontls.clone(), &[(&CA_POLICY, &[])]), Status::Pass);
        assert_status(r, &ca, Status::NotApplicable);
        dated(r, &nontls, PROFILES, Status::Error);
    }
}
