//! RFC 5280 pair and chain rules: name chaining (§4.1.2.4, §7.1), key identifiers
//! (§4.2.1.1, §4.2.1.2), basic path validation (§6.1.3, §6.1.4), name constraints
//! (§4.2.1.10, §6.1.3 (b)-(c)), policies (§6.1.3 (d)) and signatures (§6.1.3 (a)(1)).

use alloc::format;

use crate::cert::{KeyUsage, PathLen, PublicKey, Version};
use crate::chain::{names, Chain, ChainRule, Pair, PairRule, Termination, Verification};
use crate::oid::{alg, policy};
use crate::rule::{Outcome, RuleMeta, Severity, Source};
use crate::Context;

pub(crate) static PAIR_RULES: &[&dyn PairRule] = &[
    &ChainIssuerNameMismatch,
    &ChainAkiSkiMismatch,
    &ChainIssuerNotCa,
    &ChainIssuerKeyCertSignMissing,
    &ChainPathLenExceeded,
    &ChainValidityExceedsIssuer,
    &ChainSignatureAlgorithmMismatch,
    &ChainSignatureInvalid,
    &ChainNameNotPermitted,
    &ChainNameExcluded,
    &ChainPolicyNotAllowedByIssuer,
];

pub(crate) static CHAIN_RULES: &[&dyn ChainRule] =
    &[&ChainIncomplete, &ChainCertificateExpired, &ChainCertificateNotYetValid];

/// `rfc5280.chain_issuer_name_mismatch`
///
/// **What it checks**: the certificate's issuer name equals its issuer's subject name,
/// compared as RFC 5280 §7.1 says (attribute by attribute, string values ignoring case,
/// spacing and string type).
///
/// **Why it matters**: path validation (RFC 5280 §6.1.3 (a)(4)) requires the issuer
/// name of each certificate to match the subject of the one above it; a certificate linked
/// only by its key identifier does not chain for most validators.
///
/// **Example**: a leaf naming `CN=Issuing CA` under a CA whose subject is `CN=Other CA`
/// fails; `cn=issuing  ca` against `CN=Issuing CA` passes; an unreadable name is not
/// applicable.
pub struct ChainIssuerNameMismatch;

impl PairRule for ChainIssuerNameMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_issuer_name_mismatch", Source::Rfc5280, Severity::Error)
            .summary("a certificate's issuer name must match its issuer's subject name")
            .citation("RFC 5280 §6.1.3 (a)(4), §7.1");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(issuer), Ok(subject)) = (pair.cert().issuer(), pair.issuer().subject()) else {
            return Outcome::NotApplicable;
        };
        if names::names_match(issuer, subject) {
            Outcome::Pass
        } else {
            Outcome::fail(format!("issuer \"{issuer}\" does not match the issuer's subject \"{subject}\""))
        }
    }
}

/// `rfc5280.chain_aki_ski_mismatch`
///
/// **What it checks**: the keyIdentifier of the certificate's authorityKeyIdentifier
/// equals the subjectKeyIdentifier of its issuer.
///
/// **Why it matters**: RFC 5280 §4.2.1.2 makes the issuer's SKI the value placed in the
/// AKI of the certificates it issues (§4.2.1.1); path builders pick issuers by it, so a
/// mismatch sends them to the wrong key or to none.
///
/// **Example**: AKI `ab…` under an issuer with SKI `cd…` fails; equal values pass; a
/// certificate without AKI keyIdentifier, or an issuer without SKI, is not applicable.
pub struct ChainAkiSkiMismatch;

impl PairRule for ChainAkiSkiMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_aki_ski_mismatch", Source::Rfc5280, Severity::Error)
            .summary("authorityKeyIdentifier must equal the issuer's subjectKeyIdentifier")
            .citation("RFC 5280 §4.2.1.1, §4.2.1.2");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        match names::key_ids_match(pair.cert(), pair.issuer()) {
            None => Outcome::NotApplicable,
            Some(true) => Outcome::Pass,
            Some(false) => Outcome::fail("authorityKeyIdentifier differs from the issuer's subjectKeyIdentifier"),
        }
    }
}

/// `rfc5280.chain_issuer_not_ca`
///
/// **What it checks**: the issuer asserts basicConstraints cA = TRUE.
///
/// **Why it matters**: RFC 5280 §6.1.4 (k) rejects a path in which an intermediate
/// certificate is not a CA certificate; an end-entity key must not be able to issue
/// certificates.
///
/// **Example**: a leaf issued by another leaf fails; issued by a CA passes; a version 1
/// trust anchor (which cannot carry extensions) is not applicable.
pub struct ChainIssuerNotCa;

impl PairRule for ChainIssuerNotCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_issuer_not_ca", Source::Rfc5280, Severity::Error)
            .summary("the issuer must be a CA (basicConstraints cA = TRUE)")
            .citation("RFC 5280 §6.1.4 (k), §4.2.1.9");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let issuer = pair.issuer();
        if pair.issuer_is_anchor() && issuer.version() == Ok(Version::V1) {
            return Outcome::NotApplicable;
        }
        match issuer.basic_constraints() {
            Some(Ok(bc)) if bc.value.ca => Outcome::Pass,
            Some(Err(_)) => Outcome::NotApplicable,
            Some(Ok(_)) => Outcome::fail("the issuer's basicConstraints does not assert cA"),
            None => Outcome::fail("the issuer has no basicConstraints extension, so it is not a CA"),
        }
    }
}

/// `rfc5280.chain_issuer_key_cert_sign_missing`
///
/// **What it checks**: when the issuer has a keyUsage extension, it asserts keyCertSign.
///
/// **Why it matters**: RFC 5280 §6.1.4 (n) and §4.2.1.3: a key whose usage excludes
/// certificate signing must not be used to sign certificates; validators reject the path.
///
/// **Example**: an issuer with keyUsage `cRLSign` only fails; `keyCertSign, cRLSign`
/// passes; an issuer without keyUsage is not applicable.
pub struct ChainIssuerKeyCertSignMissing;

impl PairRule for ChainIssuerKeyCertSignMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.chain_issuer_key_cert_sign_missing", Source::Rfc5280, Severity::Error)
                .summary("the issuer's keyUsage must allow keyCertSign")
                .citation("RFC 5280 §6.1.4 (n), §4.2.1.3");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        match pair.issuer().key_usage() {
            Some(Ok(ku)) => Outcome::check(
                ku.value.has(KeyUsage::KEY_CERT_SIGN),
                "the issuer's keyUsage does not assert keyCertSign",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.chain_path_len_exceeded`
///
/// **What it checks**: the issuer's pathLenConstraint is not smaller than the number of
/// non-self-issued intermediate CA certificates that follow it down to the leaf.
///
/// **Why it matters**: RFC 5280 §4.2.1.9 and §6.1.4 (l)-(m): pathLenConstraint caps how
/// many intermediate CAs may sit below a CA; a deeper hierarchy does not validate.
///
/// **Example**: a root with pathLen 0 above an intermediate above a leaf fails; pathLen
/// 1 passes (a self-issued intermediate does not count); an issuer without
/// pathLenConstraint is not applicable.
pub struct ChainPathLenExceeded;

impl PairRule for ChainPathLenExceeded {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_path_len_exceeded", Source::Rfc5280, Severity::Error)
            .summary("no more intermediate CAs below a CA than its pathLenConstraint allows")
            .citation("RFC 5280 §4.2.1.9, §6.1.4 (l)-(m)");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let limit = match pair.issuer().basic_constraints() {
            Some(Ok(bc)) if bc.value.ca => match bc.value.path_len {
                Some(PathLen::Value(v)) => v,
                _ => return Outcome::NotApplicable,
            },
            _ => return Outcome::NotApplicable,
        };
        // Intermediates below the issuer: path positions 1..=index (0 is the leaf).
        let below =
            pair.chain().certificates().iter().take(pair.index() + 1).skip(1).filter(|c| !c.is_self_issued()).count()
                as u64;
        if below > limit {
            Outcome::fail(format!(
                "\"{}\" allows {limit} intermediate CA(s) below it (pathLenConstraint) but the path has {below}",
                crate::chain::label_of(pair.issuer())
            ))
        } else {
            Outcome::Pass
        }
    }
}

/// `rfc5280.chain_validity_exceeds_issuer`
///
/// **What it checks**: the certificate's notAfter is not later than its issuer's.
///
/// **Why it matters**: RFC 5280 §6.1.3 (a)(2) requires every certificate of the path to
/// be valid at the time of validation, so a certificate outliving its issuer stops
/// validating when the issuer expires: the extra validity is unusable and surprises
/// whoever plans renewals by the leaf's date.
///
/// **Example**: a leaf expiring in 2031 under a CA expiring in 2030 warns; a leaf inside
/// the CA's period passes; unreadable validity is not applicable.
pub struct ChainValidityExceedsIssuer;

impl PairRule for ChainValidityExceedsIssuer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_validity_exceeds_issuer", Source::Rfc5280, Severity::Warn)
            .summary("a certificate should not outlive its issuer")
            .citation("RFC 5280 §6.1.3 (a)(2)");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(c), Ok(i)) = (pair.cert().validity(), pair.issuer().validity()) else {
            return Outcome::NotApplicable;
        };
        if c.not_after.time > i.not_after.time {
            Outcome::fail(format!(
                "notAfter {} is later than the issuer's notAfter {}",
                c.not_after.time, i.not_after.time
            ))
        } else {
            Outcome::Pass
        }
    }
}

/// `rfc5280.chain_signature_algorithm_mismatch`
///
/// **What it checks**: the certificate's signature algorithm fits the issuer's key: RSA
/// PKCS#1 v1.5 or RSASSA-PSS for an rsaEncryption key, RSASSA-PSS only for an
/// id-RSASSA-PSS key (with the hash its parameters fix), ECDSA for an EC key, Ed25519 or
/// Ed448 for the matching EdDSA key.
///
/// **Why it matters**: the signature must be made with the issuer's key (RFC 5280
/// §4.1.1.2, §6.1.3 (a)(1)); RFC 3279 §2.2, RFC 4055 §3.3 and RFC 8410 §6 tie each
/// signature algorithm to a key type. A mismatch never verifies.
///
/// **Example**: ecdsa-with-SHA256 under an RSA issuer fails; sha256WithRSAEncryption under
/// an RSA issuer passes; an unknown key type is not applicable.
pub struct ChainSignatureAlgorithmMismatch;

impl PairRule for ChainSignatureAlgorithmMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.chain_signature_algorithm_mismatch", Source::Rfc5280, Severity::Error)
                .summary("the signature algorithm must fit the issuer's key type and parameters")
                .citation("RFC 5280 §4.1.1.2; RFC 3279 §2.2; RFC 4055 §3.3; RFC 8410 §6");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(sig), Ok(spki)) = (pair.cert().tbs_signature_algorithm(), pair.issuer().spki()) else {
            return Outcome::NotApplicable;
        };
        let Ok(key) = spki.public_key() else { return Outcome::NotApplicable };
        let o = sig.oid;
        let rsa_pkcs1 = [
            &alg::MD2_WITH_RSA,
            &alg::MD5_WITH_RSA,
            &alg::SHA1_WITH_RSA,
            &alg::SHA224_WITH_RSA,
            &alg::SHA256_WITH_RSA,
            &alg::SHA384_WITH_RSA,
            &alg::SHA512_WITH_RSA,
        ]
        .iter()
        .any(|a| o.is(a));
        let ecdsa = [
            &alg::ECDSA_WITH_SHA1,
            &alg::ECDSA_WITH_SHA224,
            &alg::ECDSA_WITH_SHA256,
            &alg::ECDSA_WITH_SHA384,
            &alg::ECDSA_WITH_SHA512,
        ]
        .iter()
        .any(|a| o.is(a));
        let pss = o.is(&alg::RSASSA_PSS);
        let pss_key = spki.algorithm.oid.is(&alg::RSASSA_PSS);
        let fits = match key {
            PublicKey::Rsa { .. } if pss_key => pss && pss_hash_fits(&spki.algorithm, &sig),
            PublicKey::Rsa { .. } => rsa_pkcs1 || pss,
            PublicKey::Ec { .. } | PublicKey::EcNonNamed { .. } => ecdsa,
            PublicKey::Ed25519(_) => o.is(&alg::ED25519),
            PublicKey::Ed448(_) => o.is(&alg::ED448),
            PublicKey::Dsa => o.is(&alg::DSA_WITH_SHA1) || o.is(&alg::DSA_WITH_SHA256),
            PublicKey::Other(_) => return Outcome::NotApplicable,
        };
        if fits {
            Outcome::Pass
        } else {
            Outcome::fail(format!("signature algorithm {o} does not fit the issuer's {} key", spki.algorithm.oid))
        }
    }
}

/// With an id-RSASSA-PSS key that has parameters, the signature's hashAlgorithm must be
/// the key's (RFC 4055 §3.3).
fn pss_hash_fits(key_alg: &crate::cert::AlgorithmIdentifier<'_>, sig: &crate::cert::AlgorithmIdentifier<'_>) -> bool {
    fn hash_of<'a>(p: Option<crate::asn1::Tlv<'a>>) -> Option<&'a [u8]> {
        let mut r = p?.expect(crate::asn1::tag::SEQUENCE).ok()?.reader();
        r.read_optional(0xa0).ok()?.map(|t| t.value)
    }
    match key_alg.parameters {
        None => true,
        Some(_) => hash_of(key_alg.parameters) == hash_of(sig.parameters),
    }
}

/// `rfc5280.chain_signature_invalid`
///
/// **What it checks**: the certificate's signature verifies under its issuer's public key.
///
/// **Why it matters**: RFC 5280 §6.1.3 (a)(1): the signature is what binds the
/// certificate to its issuer; one that does not verify means the wrong issuer was sent,
/// the certificate was altered, or it was signed with another key.
///
/// **Example**: a leaf signed by another CA's key fails; a leaf signed by its issuer
/// passes; without a signature verifier (no `verify` feature and none given in the
/// [`Context`]) or for an algorithm the verifier does not support, not applicable.
pub struct ChainSignatureInvalid;

impl PairRule for ChainSignatureInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_signature_invalid", Source::Rfc5280, Severity::Error)
            .summary("the signature must verify under the issuer's public key")
            .citation("RFC 5280 §6.1.3 (a)(1)");
        &META
    }

    fn check(&self, pair: &Pair<'_>, ctx: &Context) -> Outcome {
        match pair.verify_signature(ctx) {
            Some(Verification::Valid) => Outcome::Pass,
            Some(Verification::Invalid) => Outcome::fail(format!(
                "the signature does not verify under the public key of \"{}\"",
                crate::chain::label_of(pair.issuer())
            )),
            Some(Verification::Unsupported) | None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.chain_name_not_permitted`
///
/// **What it checks**: every name of the certificate (subject DN, subject emailAddress,
/// and the dNSName, iPAddress, rfc822Name, URI and directoryName entries of the SAN) lies
/// within the permitted subtrees of every CA above it that constrains that name form.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 and §6.1.3 (b): a name-constrained CA may only
/// certify names inside its permitted subtrees, at any depth below it; this is what makes
/// a technically constrained CA safe to delegate.
///
/// **Example**: `evil.com` under a CA permitted `example.com` fails, also when the
/// constraint sits two levels up; `www.example.com` passes; a self-issued intermediate, or
/// no CA with nameConstraints above, is not applicable. Constraints of trust anchors are
/// applied too, as current browsers do.
pub struct ChainNameNotPermitted;

impl PairRule for ChainNameNotPermitted {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_name_not_permitted", Source::Rfc5280, Severity::Error)
            .summary("names must lie within the permitted subtrees of every CA above")
            .citation("RFC 5280 §4.2.1.10, §6.1.3 (b)");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        name_constraints(pair, names::first_not_permitted)
    }
}

/// `rfc5280.chain_name_excluded`
///
/// **What it checks**: no name of the certificate (as for
/// `rfc5280.chain_name_not_permitted`) lies within an excluded subtree of a CA above it;
/// a wildcard `*.example.com` counts as inside an excluded `secret.example.com`.
///
/// **Why it matters**: RFC 5280 §4.2.1.10 and §6.1.3 (c): excluded subtrees are
/// forbidden to the CA and everything below it, whatever is permitted.
///
/// **Example**: `secret.example.com` under a CA excluding `secret.example.com` fails;
/// `www.example.com` passes; no CA with excluded subtrees above is not applicable.
pub struct ChainNameExcluded;

impl PairRule for ChainNameExcluded {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_name_excluded", Source::Rfc5280, Severity::Error)
            .summary("names must not lie within the excluded subtrees of any CA above")
            .citation("RFC 5280 §4.2.1.10, §6.1.3 (c)");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        name_constraints(pair, names::first_excluded)
    }
}

fn name_constraints(
    pair: &Pair<'_>,
    test: fn(&[names::Subject<'_>], &crate::cert::NameConstraints<'_>) -> Option<alloc::string::String>,
) -> Outcome {
    let cert = pair.cert();
    // §6.1.3 (b)-(c): self-issued intermediates are exempt.
    if pair.index() > 0 && cert.is_self_issued() {
        return Outcome::NotApplicable;
    }
    let mut applicable = false;
    let mut subjects = None;
    for ca in pair.above() {
        let Some(Ok(nc)) = ca.name_constraints() else { continue };
        applicable = true;
        let subjects = subjects.get_or_insert_with(|| names::constrained_names(cert));
        if let Some(msg) = test(subjects, &nc.value) {
            return Outcome::fail(format!("{msg} of \"{}\"", crate::chain::label_of(ca)));
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// `rfc5280.chain_policy_not_allowed_by_issuer`
///
/// **What it checks**: every policy the certificate asserts is asserted by its issuer,
/// covered by the issuer's anyPolicy, or mapped to by the issuer's policyMappings.
///
/// **Why it matters**: in RFC 5280 §6.1.3 (d) a policy survives a link only if the issuer
/// carries it; a policy the issuer lacks is pruned from the valid policy tree, so an EV or
/// OV policy in the leaf means nothing to validators that require it.
///
/// **Example**: a leaf asserting the OV policy under a CA asserting only DV warns; under a
/// CA with anyPolicy or OV it passes; a leaf without certificatePolicies, or an issuer
/// that is a trust anchor (whose policies path validation does not process), is not
/// applicable.
pub struct ChainPolicyNotAllowedByIssuer;

impl PairRule for ChainPolicyNotAllowedByIssuer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.chain_policy_not_allowed_by_issuer", Source::Rfc5280, Severity::Warn)
                .summary("certificate policies should be allowed by the issuer's policies")
                .citation("RFC 5280 §6.1.3 (d), §4.2.1.4, §4.2.1.5");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        if pair.issuer_is_anchor() {
            return Outcome::NotApplicable;
        }
        let Some(Ok(child)) = pair.cert().certificate_policies() else { return Outcome::NotApplicable };
        let issuer = match pair.issuer().certificate_policies() {
            Some(Ok(p)) => p.value,
            Some(Err(_)) => return Outcome::NotApplicable,
            None => {
                return Outcome::fail("the issuer has no certificatePolicies, so no policy of the certificate is valid")
            }
        };
        if issuer.contains(&policy::ANY_POLICY) {
            return Outcome::Pass;
        }
        let mappings = match pair.issuer().policy_mappings() {
            Some(Ok(m)) => Some(m.value),
            _ => None,
        };
        for p in child.value.policies() {
            if p.id.is(&policy::ANY_POLICY) {
                continue;
            }
            let direct = issuer.policies().any(|q| q.id == p.id);
            let mapped = mappings.is_some_and(|m| m.iter().any(|(_, subject)| subject == p.id));
            if !direct && !mapped {
                return Outcome::fail(format!("policy {} is not among the issuer's policies", p.id));
            }
        }
        Outcome::Pass
    }
}

/// `rfc5280.chain_incomplete`
///
/// **What it checks**: the path reaches a trust anchor. With trust anchors given
/// (`--roots`), the path must end at one of them; without, the bundle must not break
/// between its own certificates (a leaf, then a CA that did not issue it).
///
/// **Why it matters**: RFC 5280 §6.1 validates a path from a trust anchor down to the
/// leaf; with a link missing, clients that do not fetch intermediates (most TLS stacks
/// outside browsers) reject the server.
///
/// **Example**: leaf and root without the intermediate fails; leaf and intermediate
/// whose root is among the given roots passes; a leaf alone without roots is not
/// applicable (the root may legitimately be left out).
pub struct ChainIncomplete;

impl ChainRule for ChainIncomplete {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_incomplete", Source::Rfc5280, Severity::Error)
            .summary("the chain must lead to a trust anchor without missing links")
            .citation("RFC 5280 §6.1");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        let Some(top) = chain.certificates().last() else { return Outcome::NotApplicable };
        let top_label = crate::chain::label_of(top);
        let issuer = top.issuer().map(|n| format!("{n}")).unwrap_or_default();
        let budget = if chain.budget_exhausted() { " (path building stopped at its work limit)" } else { "" };
        match chain.termination() {
            Termination::TrustAnchor => Outcome::Pass,
            Termination::SelfIssued if chain.roots_given() => Outcome::fail(format!(
                "the chain ends at the self-signed \"{top_label}\", which is not among the trust anchors{budget}"
            )),
            Termination::SelfIssued => Outcome::Pass,
            Termination::Incomplete if chain.roots_given() => Outcome::fail(format!(
                "no issuer \"{issuer}\" of \"{top_label}\" in the bundle or the trust anchors{budget}"
            )),
            Termination::Incomplete => {
                let gap = chain.unrelated().iter().any(|(_, c)| c.is_ca());
                if gap || chain.budget_exhausted() {
                    Outcome::fail(format!(
                        "missing link: no certificate of the bundle issued \"{top_label}\" (issuer \"{issuer}\"){budget}"
                    ))
                } else {
                    Outcome::NotApplicable
                }
            }
        }
    }
}

fn each_unexpired<'a>(chain: &'a Chain) -> impl Iterator<Item = (usize, &'a crate::Certificate)> + 'a {
    chain
        .certificates()
        .iter()
        .enumerate()
        .filter(|(i, _)| !matches!(chain.origin(*i), Some(crate::chain::Origin::Root(_))))
}

/// `rfc5280.chain_certificate_expired`
///
/// **What it checks**: at the context's time, no certificate of the path has expired
/// (trust anchors taken from the given roots excepted).
///
/// **Why it matters**: RFC 5280 §6.1.3 (a)(2): each certificate must be valid at the
/// time of validation; an expired intermediate breaks every leaf under it even when the
/// leaf itself is fresh.
///
/// **Example**: an intermediate that expired yesterday fails; all valid passes; no time in
/// the context is not applicable.
pub struct ChainCertificateExpired;

impl ChainRule for ChainCertificateExpired {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.chain_certificate_expired", Source::Rfc5280, Severity::Error)
            .summary("no certificate of the chain may be expired at the evaluation time")
            .citation("RFC 5280 §6.1.3 (a)(2), §4.1.2.5");
        &META
    }

    fn check(&self, chain: &Chain, ctx: &Context) -> Outcome {
        let Some(now) = ctx.time() else { return Outcome::NotApplicable };
        for (i, c) in each_unexpired(chain) {
            if let Ok(v) = c.validity() {
                if v.not_after.time < now {
                    return Outcome::fail(format!(
                        "#{i} \"{}\" expired at {} (evaluated at {now})",
                        crate::chain::label_of(c),
                        v.not_after.time
                    ));
                }
            }
        }
        Outcome::Pass
    }
}

/// `rfc5280.chain_certificate_not_yet_valid`
///
/// **What it checks**: at the context's time, every certificate of the path has begun its
/// validity (trust anchors taken from the given roots excepted).
///
/// **Why it matters**: RFC 5280 §6.1.3 (a)(2): a certificate before its notBefore is not
/// valid; deploying one (or a chain with one) fails until that moment.
///
/// **Example**: a leaf with notBefore tomorrow fails; all begun passes; no time in the
/// context is not applicable.
pub struct ChainCertificateNotYetValid;

impl ChainRule for ChainCertificateNotYetValid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.chain_certificate_not_yet_valid", Source::Rfc5280, Severity::Error)
                .summary("no certificate of the chain may be before its notBefore at the evaluation time")
                .citation("RFC 5280 §6.1.3 (a)(2), §4.1.2.5");
        &META
    }

    fn check(&self, chain: &Chain, ctx: &Context) -> Outcome {
        let Some(now) = ctx.time() else { return Outcome::NotApplicable };
        for (i, c) in each_unexpired(chain) {
            if let Ok(v) = c.validity() {
                if v.not_before.time > now {
                    return Outcome::fail(format!(
                        "#{i} \"{}\" is not valid before {} (evaluated at {now})",
                        crate::chain::label_of(c),
                        v.not_before.time
                    ));
                }
            }
        }
        Outcome::Pass
    }
}
