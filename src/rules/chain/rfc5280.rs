//! RFC 5280 pair and chain rules: name chaining (§4.1.2.4, §7.1), key identifiers
//! (§4.2.1.1, §4.2.1.2), basic path validation (§6.1.3, §6.1.4), name constraints
//! (§4.2.1.10, §6.1.3 (b)-(c)), policies (§6.1.3 (d)) and signatures (§6.1.3 (a)(1)).

use alloc::format;

use crate::cert::{KeyUsage, PathLen, PublicKey, Version};
use crate::chain::{names, Chain, ChainRule, Pair, PairRule, Termination, Verification};
use crate::oid::{alg, policy, sig};
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
        let rsa_pkcs1 = sig::RSA_PKCS1.iter().any(|a| o.is(a));
        let ecdsa = sig::ECDSA.iter().any(|a| o.is(a));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::testkit::*;
    use crate::oid::{attr, ext};
    use crate::testutil::der::*;
    use crate::testutil::{name, rsa_spki};
    use crate::{Status, Time};
    use alloc::vec;

    fn nc(permitted: &[Vec<u8>], excluded: &[Vec<u8>]) -> Vec<u8> {
        let subtrees = |bases: &[Vec<u8>]| -> Vec<u8> { bases.iter().flat_map(|b| seq(&[b])).collect() };
        let mut parts = Vec::new();
        if !permitted.is_empty() {
            parts.push(ctx_cons(0, &subtrees(permitted)));
        }
        if !excluded.is_empty() {
            parts.push(ctx_cons(1, &subtrees(excluded)));
        }
        seq_vec(&parts)
    }

    fn constrained(i: Node, value: Vec<u8>) -> Node {
        i.with(|b| b.ext(&ext::NAME_CONSTRAINTS, true, &value))
    }

    use alloc::vec::Vec;

    #[test]
    fn issuer_name_mismatch() {
        let (_, i, l) = abc();
        assert_pair(&ChainIssuerNameMismatch, abc_certs(), 0, Status::Pass);
        let other = l.clone().with(|b| b.issuer(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "Other CA")]));
        let msg = assert_pair(&ChainIssuerNameMismatch, vec![other.by(&i), i.self_signed()], 0, Status::Error);
        assert!(msg.contains("Other CA"), "{msg}");
        // Same name after case, spacing and string-type normalization.
        let folded = l.clone().with(|b| {
            b.issuer(&[
                (&attr::COUNTRY, tag::PRINTABLE_STRING, "us"),
                (&attr::ORGANIZATION, tag::PRINTABLE_STRING, "example  CA"),
                (&attr::COMMON_NAME, tag::UTF8_STRING, " Issuing CA"),
            ])
        });
        assert_pair(&ChainIssuerNameMismatch, vec![folded.by(&i), i.self_signed()], 0, Status::Pass);
        let broken = l.with(|mut b| {
            b.issuer = seq(&[&null()]);
            b
        });
        assert_pair(&ChainIssuerNameMismatch, vec![broken.by(&i), i.self_signed()], 0, Status::NotApplicable);
    }

    #[test]
    fn aki_ski_mismatch() {
        let (_, i, l) = abc();
        assert_pair(&ChainAkiSkiMismatch, abc_certs(), 0, Status::Pass);
        let wrong =
            l.clone().with(|b| b.ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &[0x99; 20])])));
        assert_pair(&ChainAkiSkiMismatch, vec![wrong.by(&i), i.self_signed()], 0, Status::Error);
        let none = l.with(|b| b.without_ext(&ext::AUTHORITY_KEY_IDENTIFIER));
        assert_pair(&ChainAkiSkiMismatch, vec![none.by(&i), i.self_signed()], 0, Status::NotApplicable);
    }

    #[test]
    fn issuer_not_ca() {
        let (_, i, l) = abc();
        assert_pair(&ChainIssuerNotCa, abc_certs(), 0, Status::Pass);
        let under_leaf = Node::leaf(&["a.example.com"], 4, &l);
        let msg = assert_pair(&ChainIssuerNotCa, vec![under_leaf.by(&l), l.by(&i)], 0, Status::Error);
        assert!(msg.contains("cA"), "{msg}");
        let no_bc = i.clone().with(|b| b.without_ext(&ext::BASIC_CONSTRAINTS));
        let msg = assert_pair(&ChainIssuerNotCa, vec![l.by(&no_bc), no_bc.self_signed()], 0, Status::Error);
        assert!(msg.contains("no basicConstraints"), "{msg}");
        // A version 1 trust anchor carries no extensions.
        let v1 = Node::root("Issuing CA", 2).with(|mut b| {
            b.version = None;
            b.extensions = None;
            b
        });
        let chain = Chain::builder(vec![l.by(&v1)]).roots(vec![v1.self_signed()]).keep_order().build().unwrap();
        assert_eq!(pair(&ChainIssuerNotCa, &chain, 0, &ctx()).0, Status::NotApplicable);
    }

    #[test]
    fn issuer_key_cert_sign_missing() {
        let (_, i, l) = abc();
        assert_pair(&ChainIssuerKeyCertSignMissing, abc_certs(), 0, Status::Pass);
        let crl_only = i.clone().with(|b| b.ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02])));
        assert_pair(&ChainIssuerKeyCertSignMissing, vec![l.by(&crl_only), crl_only.self_signed()], 0, Status::Error);
        let no_ku = i.with(|b| b.without_ext(&ext::KEY_USAGE));
        assert_pair(&ChainIssuerKeyCertSignMissing, vec![l.by(&no_ku), no_ku.self_signed()], 0, Status::NotApplicable);
    }

    #[test]
    fn path_len_exceeded() {
        let root0 =
            Node::root("Root A", 1).with(|b| b.ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &int(0)])));
        let i = Node::sub("Issuing CA", 2, &root0);
        let l = Node::leaf(&["example.com"], 3, &i);
        let certs = vec![l.by(&i), i.by(&root0), root0.self_signed()];
        let msg = assert_pair(&ChainPathLenExceeded, certs.clone(), 1, Status::Error);
        assert!(msg.contains("allows 0"), "{msg}");
        // The intermediate's own pathLen 0 is respected by a leaf directly below.
        assert_pair(&ChainPathLenExceeded, certs, 0, Status::Pass);
        let root1 = root0.clone().with(|b| b.ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &int(1)])));
        assert_pair(&ChainPathLenExceeded, vec![l.by(&i), i.by(&root1), root1.self_signed()], 1, Status::Pass);
        // Two levels: an intermediate with pathLen 0 above another intermediate.
        let (r, i1, _) = abc();
        let i2 = Node::sub("Second CA", 5, &i1);
        let l2 = Node::leaf(&["example.com"], 3, &i2);
        let certs = vec![l2.by(&i2), i2.by(&i1), i1.by(&r), r.self_signed()];
        assert_pair(&ChainPathLenExceeded, certs.clone(), 1, Status::Error);
        // The root has no pathLenConstraint.
        assert_pair(&ChainPathLenExceeded, certs, 2, Status::NotApplicable);
    }

    #[test]
    fn validity_exceeds_issuer() {
        let (_, i, l) = abc();
        assert_pair(&ChainValidityExceedsIssuer, abc_certs(), 0, Status::Pass);
        let long = l.clone().with(|b| b.validity(Time::ymd(2025, 6, 1), Time::ymd(2031, 1, 1)));
        let msg = assert_pair(&ChainValidityExceedsIssuer, vec![long.by(&i), i.self_signed()], 0, Status::Warn);
        assert!(msg.contains("2031"), "{msg}");
        let broken = l.with(|mut b| {
            b.not_after = null();
            b
        });
        assert_pair(&ChainValidityExceedsIssuer, vec![broken.by(&i), i.self_signed()], 0, Status::NotApplicable);
    }

    #[test]
    fn signature_algorithm_mismatch() {
        let (_, i, l) = abc();
        assert_pair(&ChainSignatureAlgorithmMismatch, abc_certs(), 0, Status::Pass);
        let rsa_ca = i.clone().with(|mut b| {
            b.spki = rsa_spki(2048, 65537);
            b
        });
        assert_pair(&ChainSignatureAlgorithmMismatch, vec![l.by(&i), rsa_ca.by(&i)], 0, Status::Error);
        let rsa_signed = l.clone().with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::SHA256_WITH_RSA), &null()]);
            b
        });
        assert_pair(&ChainSignatureAlgorithmMismatch, vec![rsa_signed.by(&i), rsa_ca.by(&i)], 0, Status::Pass);
        let ed_signed = l.clone().with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::ED25519)]);
            b
        });
        assert_pair(&ChainSignatureAlgorithmMismatch, vec![ed_signed.by(&i), i.self_signed()], 0, Status::Error);
        let x25519 = i.with(|mut b| {
            b.spki = crate::testutil::spki(&seq(&[&oid(&alg::X25519)]), &[9; 32]);
            b
        });
        assert_pair(
            &ChainSignatureAlgorithmMismatch,
            vec![l.by(&x25519), x25519.by(&x25519)],
            0,
            Status::NotApplicable,
        );
    }

    #[test]
    fn signature_invalid() {
        let (r, i, l) = abc();
        let with = ctx().with_verifier(P256Test);
        let good = Chain::new(abc_certs()).unwrap();
        assert_eq!(pair(&ChainSignatureInvalid, &good, 0, &with).0, Status::Pass);
        assert_eq!(pair(&ChainSignatureInvalid, &good, 1, &with).0, Status::Pass);
        let forged = Chain::new(vec![l.by(&r), i.by(&r)]).unwrap();
        let (status, msg) = pair(&ChainSignatureInvalid, &forged, 0, &with);
        assert_eq!(status, Status::Error, "{msg}");
        assert!(msg.contains("Issuing CA"), "{msg}");
        let without = ctx().without_signature_checks();
        assert_eq!(pair(&ChainSignatureInvalid, &forged, 0, &without).0, Status::NotApplicable);
        // An algorithm the verifier does not know.
        let rsa = l.with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::SHA256_WITH_RSA), &null()]);
            b
        });
        let c = Chain::new(vec![rsa.by(&i), i.by(&r)]).unwrap();
        assert_eq!(pair(&ChainSignatureInvalid, &c, 0, &with).0, Status::NotApplicable);
    }

    fn dns(n: &str) -> Vec<u8> {
        ctx_prim(2, n.as_bytes())
    }

    #[test]
    fn dns_constraints_two_levels() {
        let r = Node::root("Root A", 1);
        let i1 = constrained(Node::sub("Constrained CA", 2, &r), nc(&[dns("example.com")], &[]));
        let i2 = Node::sub("Issuing CA", 4, &i1);
        let chain_for = |names: &[&str]| {
            let l = Node::leaf(names, 3, &i2);
            vec![l.by(&i2), i2.by(&i1), i1.by(&r), r.self_signed()]
        };
        assert_pair(&ChainNameNotPermitted, chain_for(&["www.example.com", "example.com"]), 0, Status::Pass);
        let msg = assert_pair(&ChainNameNotPermitted, chain_for(&["www.example.com", "evil.com"]), 0, Status::Error);
        assert!(msg.contains("evil.com") && msg.contains("Constrained CA"), "{msg}");
        assert_pair(&ChainNameNotPermitted, chain_for(&["badexample.com"]), 0, Status::Error);
        // The constrained CA's own link (no CA with nameConstraints above it).
        assert_pair(&ChainNameNotPermitted, chain_for(&["example.com"]), 2, Status::NotApplicable);
        assert_pair(&ChainNameNotPermitted, abc_certs(), 0, Status::NotApplicable);
    }

    #[test]
    fn excluded_constraints() {
        let r = Node::root("Root A", 1);
        let i = constrained(Node::sub("Issuing CA", 2, &r), nc(&[], &[dns("secret.example.com")]));
        let chain_for = |names: &[&str]| {
            let l = Node::leaf(names, 3, &i);
            vec![l.by(&i), i.by(&r), r.self_signed()]
        };
        assert_pair(&ChainNameExcluded, chain_for(&["www.example.com"]), 0, Status::Pass);
        let msg = assert_pair(&ChainNameExcluded, chain_for(&["a.secret.example.com"]), 0, Status::Error);
        assert!(msg.contains("excluded"), "{msg}");
        assert_pair(&ChainNameExcluded, chain_for(&["*.example.com"]), 0, Status::Error);
        assert_pair(&ChainNameNotPermitted, chain_for(&["www.example.com"]), 0, Status::Pass);
        assert_pair(&ChainNameExcluded, abc_certs(), 0, Status::NotApplicable);
    }

    #[test]
    fn ip_email_uri_directory_constraints() {
        let r = Node::root("Root A", 1);
        let base = Node::sub("Issuing CA", 2, &r);
        let run = |constraint: Vec<u8>, san: Vec<u8>, subject: Option<Vec<u8>>, want: Status| {
            let i = constrained(base.clone(), constraint);
            let l = Node::leaf(&["example.com"], 3, &i).with(|mut b| {
                b = b.ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&san]));
                if let Some(s) = subject.clone() {
                    b.subject = s;
                }
                b
            });
            assert_pair(&ChainNameNotPermitted, vec![l.by(&i), i.by(&r)], 0, want)
        };
        let ten = ctx_prim(7, &[10, 0, 0, 0, 255, 0, 0, 0]);
        run(nc(core::slice::from_ref(&ten), &[]), ctx_prim(7, &[10, 1, 2, 3]), None, Status::Pass);
        let msg = run(nc(&[ten], &[]), ctx_prim(7, &[192, 0, 2, 1]), None, Status::Error);
        assert!(msg.contains("192.0.2.1") && msg.contains("10.0.0.0/8"), "{msg}");
        let mail = ctx_prim(1, b"example.com");
        run(nc(core::slice::from_ref(&mail), &[]), ctx_prim(1, b"a@example.com"), None, Status::Pass);
        run(nc(&[mail], &[]), ctx_prim(1, b"a@evil.com"), None, Status::Error);
        let uri = ctx_prim(6, b".example.com");
        run(nc(core::slice::from_ref(&uri), &[]), ctx_prim(6, b"https://www.example.com/x"), None, Status::Pass);
        run(nc(&[uri], &[]), ctx_prim(6, b"https://www.evil.com/"), None, Status::Error);
        let dir_base = name(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Example Corp"),
        ]);
        let dir = ctx_cons(4, &dir_base);
        let inside = name(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Example Corp"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "example.com"),
        ]);
        let outside = name(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Other Corp"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "example.com"),
        ]);
        run(nc(core::slice::from_ref(&dir), &[]), dns("example.com"), Some(inside), Status::Pass);
        run(nc(&[dir], &[]), dns("example.com"), Some(outside), Status::Error);
    }

    #[test]
    fn self_issued_intermediate_is_exempt() {
        let r = constrained(Node::root("Root A", 1), nc(&[dns("example.com")], &[]));
        // A self-issued intermediate (key rollover): same name as the root, other key.
        let rollover = Node::sub("Root A", 7, &r);
        let l = Node::leaf(&["example.com"], 3, &rollover);
        let certs = vec![l.by(&rollover), rollover.by(&r), r.self_signed()];
        assert_pair(&ChainNameNotPermitted, certs.clone(), 1, Status::NotApplicable);
        assert_pair(&ChainNameNotPermitted, certs, 0, Status::Pass);
    }

    #[test]
    fn policy_not_allowed_by_issuer() {
        let (r, i, l) = abc();
        assert_pair(&ChainPolicyNotAllowedByIssuer, abc_certs(), 0, Status::Pass);
        let ov = l.clone().with(|b| b.ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::OV)])])));
        let msg = assert_pair(&ChainPolicyNotAllowedByIssuer, vec![ov.by(&i), i.by(&r)], 0, Status::Warn);
        assert!(msg.contains("2.23.140.1.2.2"), "{msg}");
        let any =
            i.clone().with(|b| b.ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(&policy::ANY_POLICY)])])));
        assert_pair(&ChainPolicyNotAllowedByIssuer, vec![ov.by(&any), any.by(&r)], 0, Status::Pass);
        let none = l.with(|b| b.without_ext(&ext::CERTIFICATE_POLICIES));
        assert_pair(&ChainPolicyNotAllowedByIssuer, vec![none.by(&i), i.by(&r)], 0, Status::NotApplicable);
        // The root is a trust anchor: its (absent) policies are not processed.
        assert_pair(&ChainPolicyNotAllowedByIssuer, abc_certs(), 1, Status::NotApplicable);
    }

    #[test]
    fn incomplete() {
        let (r, i, l) = abc();
        let other = Node::root("Other Root", 9);
        let unordered = |certs| Chain::from_unordered(certs).unwrap();
        let rooted = |certs, roots| Chain::builder(certs).roots(roots).build().unwrap();
        assert_chain(&ChainIncomplete, &unordered(abc_certs()), &ctx(), Status::Pass);
        assert_chain(&ChainIncomplete, &rooted(vec![l.by(&i), i.by(&r)], vec![r.self_signed()]), &ctx(), Status::Pass);
        let msg = assert_chain(&ChainIncomplete, &unordered(vec![l.by(&i), r.self_signed()]), &ctx(), Status::Error);
        assert!(msg.contains("missing link") && msg.contains("example.com"), "{msg}");
        let msg = assert_chain(
            &ChainIncomplete,
            &rooted(vec![l.by(&i), i.by(&r)], vec![other.self_signed()]),
            &ctx(),
            Status::Error,
        );
        assert!(msg.contains("Root A"), "{msg}");
        let msg =
            assert_chain(&ChainIncomplete, &rooted(abc_certs(), vec![other.self_signed()]), &ctx(), Status::Error);
        assert!(msg.contains("not among the trust anchors"), "{msg}");
        assert_chain(&ChainIncomplete, &unordered(vec![l.by(&i)]), &ctx(), Status::NotApplicable);
    }

    #[test]
    fn expired_and_not_yet_valid() {
        let c = Chain::from_unordered(abc_certs()).unwrap();
        assert_chain(&ChainCertificateExpired, &c, &ctx(), Status::Pass);
        let msg = assert_chain(&ChainCertificateExpired, &c, &crate::Context::at(Time::ymd(2029, 6, 1)), Status::Error);
        assert!(msg.contains("#0") && msg.contains("example.com"), "{msg}");
        let msg = assert_chain(&ChainCertificateExpired, &c, &crate::Context::at(Time::ymd(2031, 1, 1)), Status::Error);
        assert!(msg.contains("expired"), "{msg}");
        assert_chain(&ChainCertificateExpired, &c, &crate::Context::default(), Status::NotApplicable);
        assert_chain(&ChainCertificateNotYetValid, &c, &ctx(), Status::Pass);
        let msg =
            assert_chain(&ChainCertificateNotYetValid, &c, &crate::Context::at(Time::ymd(2025, 5, 1)), Status::Error);
        assert!(msg.contains("not valid before"), "{msg}");
        assert_chain(&ChainCertificateNotYetValid, &c, &crate::Context::default(), Status::NotApplicable);
        // A trust anchor from the roots is not held to its dates.
        let (r, i, l) = abc();
        let old_root = r.clone().with(|b| b.validity(Time::ymd(2000, 1, 1), Time::ymd(2020, 1, 1)));
        let anchored = Chain::builder(vec![l.by(&i), i.by(&r)]).roots(vec![old_root.self_signed()]).build().unwrap();
        assert_chain(&ChainCertificateExpired, &anchored, &ctx(), Status::Pass);
    }
}
