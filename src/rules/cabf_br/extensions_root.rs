//! Root CA certificate extensions (TLS BR §7.1.2.1.2).

use crate::cert::PathLen;
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

use super::profile::{self, SC62};

pub(crate) static RULES: &[&dyn Rule] = &[
    &RootEkuPresent,
    &RootAkiMissing,
    &RootAkiDiffersFromSki,
    &RootPathLengthPresent,
    &RootCertificatePoliciesPresent,
    &RootCrlDistributionPointsPresent,
];

/// `cabf_br.root_eku_present`
///
/// **What it checks**: a root CA certificate has no extKeyUsage extension.
///
/// **Why it matters**: TLS BR §7.1.2.1.2 lists extKeyUsage as MUST NOT be present in a
/// root certificate: purposes are restricted on the subordinates, and an EKU on a root
/// constrains relying parties inconsistently.
///
/// **Example**: a root with `extKeyUsage: serverAuth` fails; without it passes;
/// subordinate CAs are not applicable.
pub struct RootEkuPresent;

impl Rule for RootEkuPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_eku_present", Source::CabfBr, Severity::Error)
            .summary("root CA certificates must not contain extKeyUsage")
            .citation("TLS BR §7.1.2.1.2")
            .scope(Scope::ROOT)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_root_ca_extended_key_usage_present",
                "pkilint:cabf.serverauth.root.extended_key_usage_extension_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(!cert.has_extension(&ext::EXT_KEY_USAGE), "the root certificate contains extKeyUsage")
    }
}

/// `cabf_br.root_aki_missing`
///
/// **What it checks**: a root CA certificate carries an authorityKeyIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.1.2 lists the AKI as RECOMMENDED for roots, with a
/// keyIdentifier equal to the root's own SKI (§7.1.2.1.3), so that clients that match
/// issuers by key identifier treat the root like any other CA.
///
/// **Example**: a root without AKI warns; with AKI passes; subordinate CAs are not
/// applicable.
pub struct RootAkiMissing;

impl Rule for RootAkiMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_aki_missing", Source::CabfBr, Severity::Warn)
            .summary("root CA certificates should contain authorityKeyIdentifier")
            .citation("TLS BR §7.1.2.1.2")
            .scope(Scope::ROOT)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.root.authority_key_identifier_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(
            cert,
            &ext::AUTHORITY_KEY_IDENTIFIER,
            "the root certificate has no authorityKeyIdentifier",
        )
    }
}

/// `cabf_br.root_aki_differs_from_ski`
///
/// **What it checks**: in a root, the authorityKeyIdentifier's keyIdentifier equals the
/// subjectKeyIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.1.3 requires the two to be identical: a root signs
/// itself, and an AKI naming another key sends path builders looking for an issuer that
/// does not exist. (A self-issued certificate signed by an older key is a
/// cross-certificate: give its type to the linter.)
///
/// **Example**: AKI `cd..` with SKI `cd..` passes; AKI `01..` with SKI `cd..` fails;
/// a root without AKI, or without a keyIdentifier or SKI, is not applicable.
pub struct RootAkiDiffersFromSki;

impl Rule for RootAkiDiffersFromSki {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_aki_differs_from_ski", Source::CabfBr, Severity::Error)
            .summary("a root's authorityKeyIdentifier must equal its subjectKeyIdentifier")
            .citation("TLS BR §7.1.2.1.3")
            .scope(Scope::ROOT)
            .effective(SC62)
            .needs(Need::Extension(&ext::AUTHORITY_KEY_IDENTIFIER))
            .aliases(&["pkilint:cabf.serverauth.root_aki_ski_not_equal"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (Some(Ok(aki)), Some(Ok(ski))) = (cert.authority_key_identifier(), cert.subject_key_identifier()) else {
            return Outcome::NotApplicable;
        };
        let Some(key_id) = aki.value.key_id else { return Outcome::NotApplicable };
        Outcome::check(key_id == ski.value, "the root's authorityKeyIdentifier differs from its subjectKeyIdentifier")
    }
}

/// `cabf_br.root_path_length_present`
///
/// **What it checks**: a root's basicConstraints has no pathLenConstraint.
///
/// **Why it matters**: TLS BR §7.1.2.1.4 marks pathLenConstraint NOT RECOMMENDED in
/// roots: limiting the depth at the top of the hierarchy constrains every future
/// subordinate and cross-certificate, and clients disagree on how it applies across
/// cross-signs.
///
/// **Example**: a root with `cA=TRUE, pathLen=1` warns; `cA=TRUE` passes; a root without
/// basicConstraints is not applicable.
pub struct RootPathLengthPresent;

impl Rule for RootPathLengthPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_path_length_present", Source::CabfBr, Severity::Warn)
            .summary("root CA certificates should not set pathLenConstraint")
            .citation("TLS BR §7.1.2.1.4")
            .scope(Scope::ROOT)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
            .aliases(&[
                "zlint:w_root_ca_basic_constraints_path_len_constraint_field_present",
                "pkilint:cabf.serverauth.root_basic_constraints_pathlenconstraint_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) => match bc.value.path_len {
                None => Outcome::Pass,
                Some(PathLen::Value(n)) => {
                    Outcome::fail(alloc::format!("the root's basicConstraints sets pathLenConstraint {n}"))
                }
                Some(_) => Outcome::fail("the root's basicConstraints sets pathLenConstraint"),
            },
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.root_certificate_policies_present`
///
/// **What it checks**: a root CA certificate has no certificatePolicies.
///
/// **Why it matters**: TLS BR §7.1.2.1.2 marks certificatePolicies NOT RECOMMENDED for
/// roots: a policy on the trust anchor restricts every path below it, and trust stores
/// ignore it anyway.
///
/// **Example**: a root with certificatePolicies warns; without passes; subordinate CAs
/// are not applicable.
pub struct RootCertificatePoliciesPresent;

impl Rule for RootCertificatePoliciesPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.root_certificate_policies_present", Source::CabfBr, Severity::Warn)
                .summary("root CA certificates should not contain certificatePolicies")
                .citation("TLS BR §7.1.2.1.2")
                .scope(Scope::ROOT)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:w_root_ca_contains_cert_policy",
                    "pkilint:cabf.serverauth.root.certificate_policies_extension_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(cert, &ext::CERTIFICATE_POLICIES, "the root certificate contains certificatePolicies")
    }
}

/// `cabf_br.root_crl_distribution_points_present`
///
/// **What it checks**: a root CA certificate has no cRLDistributionPoints.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 says the extension SHOULD NOT be present in
/// roots: nobody can revoke a trust anchor through a CRL it signs itself.
///
/// **Example**: a root with a CRL DP warns; without passes; subordinate CAs are not
/// applicable.
pub struct RootCrlDistributionPointsPresent;

impl Rule for RootCrlDistributionPointsPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.root_crl_distribution_points_present", Source::CabfBr, Severity::Warn)
                .summary("root CA certificates should not contain cRLDistributionPoints")
                .citation("TLS BR §7.1.2.11.2")
                .scope(Scope::ROOT)
                .effective(SC62);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(
            cert,
            &ext::CRL_DISTRIBUTION_POINTS,
            "the root certificate contains cRLDistributionPoints",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::{Context, Status};

    #[test]
    fn root_eku() {
        assert_status(&RootEkuPresent, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&crate::oid::eku::SERVER_AUTH)]));
        assert_status(&RootEkuPresent, &b, Status::Error);
        assert_status(&RootEkuPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        let old = b.validity(Time::ymd(2012, 6, 30), Time::ymd(2030, 1, 1));
        assert_status(&RootEkuPresent, &old, Status::NotEffective);
    }

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    #[test]
    fn root_aki() {
        let with_aki =
            CertBuilder::root().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0xcd; 20])]));
        assert_status(&RootAkiMissing, &with_aki, Status::Pass);
        assert_status(&RootAkiMissing, &CertBuilder::root(), Status::Warn);
        assert_status(&RootAkiMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootAkiMissing, &day_before(&CertBuilder::root(), SC62), Status::NotEffective);
        assert_status(&RootAkiMissing, &CertBuilder::root().not_before(SC62), Status::Warn);

        assert_status(&RootAkiDiffersFromSki, &with_aki, Status::Pass);
        let other = CertBuilder::root().ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0x01; 20])]));
        assert_status(&RootAkiDiffersFromSki, &other, Status::Error);
        assert_status(&RootAkiDiffersFromSki, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&RootAkiDiffersFromSki, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootAkiDiffersFromSki, &day_before(&other, SC62), Status::NotEffective);
        assert_status(&RootAkiDiffersFromSki, &other.not_before(SC62), Status::Error);
    }

    #[test]
    fn root_path_len() {
        assert_status(&RootPathLengthPresent, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &int(1)]));
        assert_status(&RootPathLengthPresent, &b, Status::Warn);
        let (_, msg) = finding(&RootPathLengthPresent, &b.build(), &Context::default());
        assert!(msg.ends_with("pathLenConstraint 1"), "{msg}");
        assert_status(&RootPathLengthPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootPathLengthPresent, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&RootPathLengthPresent, &b.not_before(Time::ymd(2012, 7, 1)), Status::Warn);
    }

    #[test]
    fn root_policies_and_crldp() {
        assert_status(&RootCertificatePoliciesPresent, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().ext(
            &ext::CERTIFICATE_POLICIES,
            false,
            &seq(&[&seq(&[&oid(&crate::oid::policy::ANY_POLICY)])]),
        );
        assert_status(&RootCertificatePoliciesPresent, &b, Status::Warn);
        assert_status(&RootCertificatePoliciesPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootCertificatePoliciesPresent, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&RootCertificatePoliciesPresent, &b.not_before(Time::ymd(2012, 7, 1)), Status::Warn);

        assert_status(&RootCrlDistributionPointsPresent, &CertBuilder::root(), Status::Pass);
        let crldp = CertBuilder::sub_ca().build().extension(&ext::CRL_DISTRIBUTION_POINTS).unwrap().value.to_vec();
        let b = CertBuilder::root().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &crldp);
        assert_status(&RootCrlDistributionPointsPresent, &b, Status::Warn);
        assert_status(&RootCrlDistributionPointsPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&RootCrlDistributionPointsPresent, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&RootCrlDistributionPointsPresent, &b.not_before(SC62), Status::Warn);
    }
}
