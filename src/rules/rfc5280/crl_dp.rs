//! cRLDistributionPoints and freshestCRL (RFC 5280 §4.2.1.13, §4.2.1.15).
//!
//! freshestCRL uses the same DistributionPoint syntax and conventions as
//! cRLDistributionPoints (§4.2.1.15), so the per-point rules read both.

use alloc::format;

use crate::cert::{DistributionPoint, GeneralName};
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::summary::{flag, settled};
use crate::time::Time;
use crate::{Certificate, Context};

use super::san::verdict;

pub(crate) static RULES: &[&dyn Rule] = &[
    &CrlDpCritical,
    &CrlDpNoNameOrIssuer,
    &CrlDpNoHttpOrLdapUri,
    &CrlDpRelativeName,
    &CrlDpRelativeNameMultipleIssuers,
    &CrlDpCrlIssuerNotDn,
    &CrlDpCrlIssuerIsCertIssuer,
    &CrlDpAllReasonsMissing,
    &FreshestCrlCritical,
];

/// The needs of the rules that read only [`points`].
const CRL_DP_OR_FRESHEST: &[Need] =
    &[Need::Extension(&ext::CRL_DISTRIBUTION_POINTS), Need::Extension(&ext::FRESHEST_CRL)];

/// The distribution points of cRLDistributionPoints and freshestCRL, with the extension's
/// name.
fn points(cert: &Certificate) -> impl Iterator<Item = (&'static str, DistributionPoint<'_>)> + '_ {
    let crldp = cert.crl_distribution_points().and_then(Result::ok).map(|e| ("cRLDistributionPoints", e.value));
    let fresh = cert.freshest_crl().and_then(Result::ok).map(|e| ("freshestCRL", e.value));
    crldp.into_iter().chain(fresh).flat_map(|(l, dps)| dps.iter().map(move |dp| (l, dp)))
}

// Bits of `dp_facts`. Each rule reads a pair: one saying it applies, one saying it fails.
/// A DistributionPoint.
const D_POINT: u32 = 1;
/// One with neither distributionPoint nor cRLIssuer.
const D_UNNAMED: u32 = 1 << 1;
/// One with a fullName.
const D_FULL: u32 = 1 << 2;
/// A fullName without an HTTP or LDAP URI.
const D_FULL_NO_HTTP: u32 = 1 << 3;
/// One named by nameRelativeToCRLIssuer.
const D_RELATIVE: u32 = 1 << 4;
/// One of those with more than one cRLIssuer name.
const D_RELATIVE_MULTI: u32 = 1 << 5;
/// One with a cRLIssuer.
const D_ISSUER: u32 = 1 << 6;
/// A cRLIssuer entry that is not a readable directoryName.
const D_ISSUER_NOT_DN: u32 = 1 << 7;
/// A cRLIssuer, and the certificate's issuer decodes.
const D_ISSUER_CMP: u32 = 1 << 8;
/// A cRLIssuer directoryName equal to the certificate's issuer.
const D_ISSUER_IS_CERT: u32 = 1 << 9;

/// What the DistributionPoint rules would find, for all of them in one walk. Cached in
/// the certificate.
fn dp_facts(cert: &Certificate) -> u32 {
    cert.facts.crl_dps.get_or(|| {
        let issuer = cert.issuer().ok();
        let mut bits = 0;
        for (_, dp) in points(cert) {
            let named = dp.full_name.is_some() || dp.relative_name.is_some() || dp.crl_issuer.is_some();
            bits |= D_POINT | flag(!named, D_UNNAMED);
            if let Some(full) = dp.full_name {
                let ok = full.names().any(|n| match n {
                    GeneralName::Uri(u) => super::san::is_http_or_ldap_uri(cert, u),
                    _ => false,
                });
                bits |= D_FULL | flag(!ok, D_FULL_NO_HTTP);
            }
            if dp.relative_name.is_some() {
                let n = dp.crl_issuer.map_or(0, |g| g.iter().count());
                bits |= D_RELATIVE | flag(n > 1, D_RELATIVE_MULTI);
            }
            if let Some(g) = dp.crl_issuer {
                let not_dn = g.iter().any(|n| !matches!(n, Ok(GeneralName::DirectoryName(_))));
                bits |= D_ISSUER | flag(not_dn, D_ISSUER_NOT_DN);
                if let Some(issuer) = &issuer {
                    let same = g.names().any(|n| matches!(n, GeneralName::DirectoryName(d) if d.raw() == issuer.raw()));
                    bits |= D_ISSUER_CMP | flag(same, D_ISSUER_IS_CERT);
                }
            }
        }
        bits
    })
}

/// `rfc5280.crl_dp_critical`
///
/// **What it checks**: cRLDistributionPoints is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says the extension SHOULD be non-critical;
/// marking it critical makes the certificate unusable to software that fetches
/// revocation information some other way.
///
/// **Example**: a critical CRL DP warns; a non-critical one passes; no CRL DP is not
/// applicable.
pub struct CrlDpCritical;

impl Rule for CrlDpCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_critical", Source::Rfc5280, Severity::Warn)
            .summary("cRLDistributionPoints should not be critical")
            .citation("RFC 5280 §4.2.1.13")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&[
                "zlint:w_ext_crl_distribution_marked_critical",
                "pkilint:pkix.certificate_crldp_extension_critical",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::CRL_DISTRIBUTION_POINTS) {
            Some(e) => Outcome::check(!e.is_critical(), "cRLDistributionPoints is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.crl_dp_no_name_or_issuer`
///
/// **What it checks**: every DistributionPoint (of cRLDistributionPoints and freshestCRL)
/// has a distributionPoint name or a cRLIssuer.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says a DistributionPoint MUST NOT consist of only
/// the reasons field; without a name or an issuer it tells the relying party nothing about
/// where to find the CRL.
///
/// **Example**: a point with only `reasons` fails; one with a fullName URI passes; no CRL
/// DP is not applicable.
pub struct CrlDpNoNameOrIssuer;

impl Rule for CrlDpNoNameOrIssuer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_no_name_or_issuer", Source::Rfc5280, Severity::Error)
            .summary("a DistributionPoint must have a distributionPoint or a cRLIssuer")
            .citation("RFC 5280 §4.2.1.13, §4.2.1.15")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::AnyOf(CRL_DP_OR_FRESHEST))
            .aliases(&[
                "zlint:e_distribution_point_incomplete",
                "pkilint:pkix.distribution_point_does_not_contain_name_or_issuer",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_POINT, D_UNNAMED).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpNoNameOrIssuer {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        verdict(points(cert), |(l, dp)| {
            let named = dp.full_name.is_some() || dp.relative_name.is_some() || dp.crl_issuer.is_some();
            (!named).then(|| format!("{l} has a DistributionPoint with neither distributionPoint nor cRLIssuer"))
        })
    }
}

/// `rfc5280.crl_dp_no_http_or_ldap_uri`
///
/// **What it checks**: every fullName of a DistributionPoint (cRLDistributionPoints and
/// freshestCRL) lists at least one `http` or `ldap` URI.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says a DistributionPointName SHOULD include at
/// least one LDAP or HTTP URI, the two retrieval methods relying parties implement.
///
/// **Example**: a fullName with only a directoryName or an `ftp://` URI warns;
/// `http://crl.example.com/ca.crl` passes; points without a fullName are not applicable.
pub struct CrlDpNoHttpOrLdapUri;

impl Rule for CrlDpNoHttpOrLdapUri {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_no_http_or_ldap_uri", Source::Rfc5280, Severity::Warn)
            .summary("a distribution point name should include an HTTP or LDAP URI")
            .citation("RFC 5280 §4.2.1.13")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(CRL_DP_OR_FRESHEST))
            .aliases(&["zlint:w_distribution_point_missing_ldap_or_uri"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_FULL, D_FULL_NO_HTTP).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpNoHttpOrLdapUri {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let items = points(cert).filter_map(|(l, dp)| dp.full_name.map(|f| (l, f)));
        verdict(items, |(l, full)| {
            let ok = full.names().any(|n| match n {
                GeneralName::Uri(u) => super::san::is_http_or_ldap_uri(cert, u),
                _ => false,
            });
            (!ok).then(|| format!("{l} has a distribution point name without an HTTP or LDAP URI"))
        })
    }
}

/// `rfc5280.crl_dp_relative_name`
///
/// **What it checks**: no DistributionPoint (cRLDistributionPoints or freshestCRL) names
/// its CRL with nameRelativeToCRLIssuer.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says conforming CAs SHOULD NOT use
/// nameRelativeToCRLIssuer; the name is a fragment that relying parties must complete from
/// the CRL issuer's name, and few implement it.
///
/// **Example**: a `[1] nameRelativeToCRLIssuer` point warns; a fullName point passes; no
/// CRL DP is not applicable.
pub struct CrlDpRelativeName;

impl Rule for CrlDpRelativeName {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_relative_name", Source::Rfc5280, Severity::Warn)
            .summary("distribution points should not use nameRelativeToCRLIssuer")
            .citation("RFC 5280 §4.2.1.13")
            .needs(Need::AnyOf(CRL_DP_OR_FRESHEST));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_POINT, D_RELATIVE).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpRelativeName {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        verdict(points(cert), |(l, dp)| {
            dp.relative_name.map(|_| format!("{l} has a distribution point named by nameRelativeToCRLIssuer"))
        })
    }
}

/// `rfc5280.crl_dp_relative_name_multiple_issuers`
///
/// **What it checks**: a DistributionPoint that uses nameRelativeToCRLIssuer has at most
/// one name in cRLIssuer.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says nameRelativeToCRLIssuer MUST NOT be used
/// when cRLIssuer contains more than one distinguished name: the fragment would have no
/// single name to be relative to.
///
/// **Example**: a relative name with two cRLIssuer names fails; with one it passes; points
/// without a relative name are not applicable.
pub struct CrlDpRelativeNameMultipleIssuers;

impl Rule for CrlDpRelativeNameMultipleIssuers {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.crl_dp_relative_name_multiple_issuers", Source::Rfc5280, Severity::Error)
                .summary("nameRelativeToCRLIssuer must not be used with more than one cRLIssuer name")
                .citation("RFC 5280 §4.2.1.13")
                .needs(Need::AnyOf(CRL_DP_OR_FRESHEST));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_RELATIVE, D_RELATIVE_MULTI).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpRelativeNameMultipleIssuers {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let items = points(cert).filter(|(_, dp)| dp.relative_name.is_some());
        verdict(items, |(l, dp)| {
            let n = dp.crl_issuer.map_or(0, |g| g.iter().count());
            (n > 1).then(|| format!("{l} uses nameRelativeToCRLIssuer with {n} cRLIssuer names"))
        })
    }
}

/// `rfc5280.crl_dp_crl_issuer_not_dn`
///
/// **What it checks**: every cRLIssuer (cRLDistributionPoints and freshestCRL) holds only
/// directoryName entries.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says cRLIssuer MUST only contain the
/// distinguished name from the issuer field of the CRL; relying parties match it against
/// that field byte for byte, which no other name form can satisfy.
///
/// **Example**: a cRLIssuer with a URI fails; with `CN=Example CRL Issuer` it passes; no
/// cRLIssuer is not applicable.
pub struct CrlDpCrlIssuerNotDn;

impl Rule for CrlDpCrlIssuerNotDn {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_crl_issuer_not_dn", Source::Rfc5280, Severity::Error)
            .summary("cRLIssuer must contain only a distinguished name")
            .citation("RFC 5280 §4.2.1.13")
            .needs(Need::AnyOf(CRL_DP_OR_FRESHEST));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_ISSUER, D_ISSUER_NOT_DN).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpCrlIssuerNotDn {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let items = points(cert).filter_map(|(l, dp)| dp.crl_issuer.map(|g| (l, g)));
        verdict(items, |(l, g)| {
            g.iter().find_map(|n| match n {
                Ok(GeneralName::DirectoryName(_)) => None,
                Ok(other) => Some(format!("{l} has a cRLIssuer {} (only a directoryName is allowed)", other.kind())),
                Err(e) => Some(format!("{l} has a cRLIssuer entry that cannot be read: {e}")),
            })
        })
    }
}

/// `rfc5280.crl_dp_crl_issuer_is_cert_issuer`
///
/// **What it checks**: no cRLIssuer (cRLDistributionPoints or freshestCRL) names the
/// certificate's own issuer (a directoryName byte-identical to the issuer field).
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says that when the certificate issuer is also the
/// CRL issuer, conforming CAs MUST omit cRLIssuer (and include distributionPoint);
/// cRLIssuer signals an indirect CRL, and relying parties that see it look for a CRL
/// signed by someone else.
///
/// **Example**: a cRLIssuer equal to the issuer DN fails; a different DN passes; points
/// without cRLIssuer are not applicable.
pub struct CrlDpCrlIssuerIsCertIssuer;

impl Rule for CrlDpCrlIssuerIsCertIssuer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.crl_dp_crl_issuer_is_cert_issuer", Source::Rfc5280, Severity::Error)
                .summary("cRLIssuer must be omitted when the certificate issuer issues the CRL")
                .citation("RFC 5280 §4.2.1.13")
                .needs(Need::AnyOf(CRL_DP_OR_FRESHEST));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(dp_facts(cert), D_ISSUER_CMP, D_ISSUER_IS_CERT).unwrap_or_else(|| self.direct(cert))
    }
}

impl CrlDpCrlIssuerIsCertIssuer {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let Ok(issuer) = cert.issuer() else { return Outcome::NotApplicable };
        let items = points(cert).filter_map(|(l, dp)| dp.crl_issuer.map(|g| (l, g)));
        verdict(items, |(l, g)| {
            g.names()
                .any(|n| matches!(n, GeneralName::DirectoryName(d) if d.raw() == issuer.raw()))
                .then(|| format!("{l} has a cRLIssuer equal to the certificate's issuer; it must be omitted"))
        })
    }
}

/// `rfc5280.crl_dp_all_reasons_missing`
///
/// **What it checks**: at least one DistributionPoint of cRLDistributionPoints has no
/// reasons field, i.e. covers every revocation reason.
///
/// **Why it matters**: RFC 5280 §4.2.1.13 says a CA that includes the extension MUST
/// include at least one DistributionPoint pointing to a CRL that covers the certificate
/// for all reasons; with only reason-partitioned CRLs, a relying party cannot learn of
/// every revocation.
///
/// **Example**: a single point with `reasons: keyCompromise` fails; a point without
/// reasons passes; no CRL DP is not applicable.
pub struct CrlDpAllReasonsMissing;

impl Rule for CrlDpAllReasonsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_dp_all_reasons_missing", Source::Rfc5280, Severity::Error)
            .summary("one distribution point must cover all revocation reasons")
            .citation("RFC 5280 §4.2.1.13")
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.crl_distribution_points() {
            Some(Ok(e)) if !e.value.is_empty() => Outcome::check(
                e.value.iter().any(|dp| dp.reasons.is_none()),
                "every distribution point is limited to some reasons; none covers all revocation reasons",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.freshest_crl_critical`
///
/// **What it checks**: freshestCRL is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.15 says conforming CAs MUST mark the extension
/// non-critical: delta CRLs are optional for relying parties.
///
/// **Example**: a critical freshestCRL fails; a non-critical one passes; no freshestCRL is
/// not applicable.
pub struct FreshestCrlCritical;

impl Rule for FreshestCrlCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.freshest_crl_critical", Source::Rfc5280, Severity::Error)
            .summary("freshestCRL must not be critical")
            .citation("RFC 5280 §4.2.1.15")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::FRESHEST_CRL))
            .aliases(&["zlint:e_ext_freshest_crl_marked_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::FRESHEST_CRL) {
            Some(e) => Outcome::check(!e.is_critical(), "freshestCRL is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::san::testkit::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::{vec, vec::Vec};

    /// `[0] distributionPoint` holding a fullName.
    fn dp_name(names: &[Vec<u8>]) -> Vec<u8> {
        ctx_cons(0, &ctx_cons(0, &names.concat()))
    }

    /// DistributionPoint with a fullName.
    fn full(names: &[Vec<u8>]) -> Vec<u8> {
        seq(&[&dp_name(names)])
    }

    fn crldp(points: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::sub_ca().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &seq_vec(points))
    }

    fn fresh(points: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::sub_ca().ext(&ext::FRESHEST_CRL, false, &seq_vec(points))
    }

    fn relative() -> Vec<u8> {
        ctx_cons(1, &seq(&[&oid(&crate::oid::attr::COMMON_NAME), &tlv(tag::UTF8_STRING, b"CRL1")]))
    }

    #[test]
    fn critical() {
        assert_status(&CrlDpCritical, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().ext(
            &ext::CRL_DISTRIBUTION_POINTS,
            true,
            &seq(&[&full(&[uri("http://c.example/a.crl")])]),
        );
        assert_status(&CrlDpCritical, &b, Status::Warn);
        assert_status(&CrlDpCritical, &CertBuilder::leaf(), Status::NotApplicable);
        dated(&CrlDpCritical, &b, (1999, 1, 1), Status::Warn);

        let r = &FreshestCrlCritical;
        assert_status(r, &fresh(&[full(&[uri("http://c.example/d.crl")])]), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::FRESHEST_CRL, true, &seq(&[&full(&[uri("http://c.example/d.crl")])]));
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(r, &b, (2002, 4, 1), Status::Error);
    }

    #[test]
    fn no_name_or_issuer() {
        let r = &CrlDpNoNameOrIssuer;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        let reasons_only = seq(&[&ctx_prim(1, &[0x06, 0x40])]);
        let b = crldp(&[full(&[uri("http://c.example/a.crl")]), reasons_only.clone()]);
        assert_status(r, &b, Status::Error);
        assert!(message(r, &fresh(&[reasons_only])).contains("freshestCRL"));
        let issuer_only = seq(&[&ctx_cons(2, &dir(&issuer_name()))]);
        assert_status(r, &crldp(&[issuer_only]), Status::Pass);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &b, (2002, 4, 1), Status::Error);
    }

    #[test]
    fn http_or_ldap() {
        let r = &CrlDpNoHttpOrLdapUri;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        assert_status(r, &crldp(&[full(&[uri("ldap://dir.example/cn=CA?certificateRevocationList")])]), Status::Pass);
        let b = crldp(&[full(&[uri("ftp://c.example/a.crl")])]);
        assert_status(r, &b, Status::Warn);
        assert_status(r, &crldp(&[full(&[dir(&issuer_name())])]), Status::Warn);
        assert_status(r, &crldp(&[seq(&[&ctx_cons(0, &relative())])]), Status::NotApplicable);
        dated(r, &b, (2008, 5, 1), Status::Warn);
    }

    #[test]
    fn relative_names() {
        let r = &CrlDpRelativeName;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        assert_status(r, &crldp(&[seq(&[&ctx_cons(0, &relative())])]), Status::Warn);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);

        let r = &CrlDpRelativeNameMultipleIssuers;
        let one = seq(&[&ctx_cons(0, &relative()), &ctx_cons(2, &dir(&issuer_name()))]);
        assert_status(r, &crldp(&[one]), Status::Pass);
        let two = seq(&[&ctx_cons(0, &relative()), &ctx_cons(2, &[dir(&issuer_name()), dir(&issuer_name())].concat())]);
        assert!(message(r, &crldp(&[two])).contains("2 cRLIssuer"));
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn crl_issuer() {
        let other_dn = name(&[(&crate::oid::attr::COMMON_NAME, tag::UTF8_STRING, "CRL Issuer")]);
        let ok = seq(&[&dp_name(&[uri("http://c.example/a.crl")]), &ctx_cons(2, &dir(&other_dn))]);
        let r = &CrlDpCrlIssuerNotDn;
        assert_status(r, &crldp(core::slice::from_ref(&ok)), Status::Pass);
        let bad = seq(&[&ctx_cons(2, &uri("http://c.example/"))]);
        assert!(message(r, &crldp(&[bad])).contains("uniformResourceIdentifier"));
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);

        let r = &CrlDpCrlIssuerIsCertIssuer;
        assert_status(r, &crldp(&[ok]), Status::Pass);
        let own = CertBuilder::sub_ca().issuer;
        let bad = seq(&[&dp_name(&[uri("http://c.example/a.crl")]), &ctx_cons(2, &dir(&own))]);
        assert_status(r, &crldp(&[bad]), Status::Error);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn all_reasons() {
        let r = &CrlDpAllReasonsMissing;
        assert_status(r, &CertBuilder::sub_ca(), Status::Pass);
        let partial = seq(&[&ctx_cons(0, &ctx_cons(0, &uri("http://c.example/kc.crl"))), &ctx_prim(1, &[0x06, 0x40])]);
        assert_status(r, &crldp(core::slice::from_ref(&partial)), Status::Error);
        assert_status(r, &crldp(&[partial, full(&[uri("http://c.example/all.crl")])]), Status::Pass);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn cached_dp_facts_give_the_direct_verdicts() {
        let other_dir = name(&[(&crate::oid::attr::COMMON_NAME, tag::UTF8_STRING, "Other CRL issuer")]);
        let points: Vec<Vec<u8>> = vec![
            full(&[uri("http://c.example/a.crl")]),
            full(&[uri("ftp://c.example/a.crl")]),
            full(&[dir(&issuer_name())]),
            seq(&[&ctx_prim(1, &[0x06, 0x40])]),
            seq(&[&ctx_cons(0, &relative())]),
            seq(&[&ctx_cons(0, &relative()), &ctx_cons(2, &dir(&other_dir))]),
            seq(&[&ctx_cons(0, &relative()), &ctx_cons(2, &[dir(&other_dir), dir(&other_dir)].concat())]),
            seq(&[&ctx_cons(2, &dir(&CertBuilder::sub_ca().issuer))]),
            seq(&[&ctx_cons(2, &uri("http://c.example/"))]),
            seq(&[&dp_name(&[uri("http://c.example/b.crl")]), &ctx_cons(2, &dir(&other_dir))]),
        ];
        let mut certs = vec![CertBuilder::leaf(), CertBuilder::sub_ca()];
        for p in &points {
            certs.push(crldp(core::slice::from_ref(p)));
            certs.push(fresh(&[points[0].clone(), p.clone()]));
        }
        type Direct = (&'static dyn Rule, fn(&Certificate) -> Outcome);
        let rules: [Direct; 6] = [
            (&CrlDpNoNameOrIssuer, |c| CrlDpNoNameOrIssuer.direct(c)),
            (&CrlDpNoHttpOrLdapUri, |c| CrlDpNoHttpOrLdapUri.direct(c)),
            (&CrlDpRelativeName, |c| CrlDpRelativeName.direct(c)),
            (&CrlDpRelativeNameMultipleIssuers, |c| CrlDpRelativeNameMultipleIssuers.direct(c)),
            (&CrlDpCrlIssuerNotDn, |c| CrlDpCrlIssuerNotDn.direct(c)),
            (&CrlDpCrlIssuerIsCertIssuer, |c| CrlDpCrlIssuerIsCertIssuer.direct(c)),
        ];
        let mut failures = [0; 6];
        for b in &certs {
            let cert = b.build();
            for (i, (rule, direct)) in rules.iter().enumerate() {
                let want = direct(&cert);
                failures[i] += usize::from(matches!(want, Outcome::Fail(_)));
                assert_eq!(rule.check(&cert, &Context::default()), want, "{}", rule.meta().id());
            }
        }
        assert!(failures.iter().all(|&n| n > 0), "{failures:?}");
    }
}
