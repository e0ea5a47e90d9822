//! Community practice for chains: what TLS clients need from the bundle a server sends
//! (RFC 5246 §7.4.2, RFC 8446 §4.4.2), host-name coverage (RFC 6125, RFC 9525), key
//! purposes and EKU chaining, algorithm strength across the chain and path depth.

use alloc::{format, string::String, vec::Vec};

use crate::cert::PublicKey;
use crate::chain::names::{host_match, HostMatch};
use crate::chain::{label_of, Chain, ChainRule, Origin, Pair, PairRule, MAX_DEPTH};
use crate::oid::{alg, eku, Oid};
use crate::rule::{Outcome, RuleMeta, Severity, Source};
use crate::{Certificate, Context};

pub(crate) static PAIR_RULES: &[&dyn PairRule] = &[&ChainEkuNotAllowedByIssuer];

pub(crate) static CHAIN_RULES: &[&dyn ChainRule] = &[
    &ChainWrongOrder,
    &ChainDuplicateCertificate,
    &ChainUnrelatedCertificate,
    &ChainRootIncluded,
    &ChainHostNotCovered,
    &ChainPurposeNotAllowed,
    &ChainWeakAlgorithm,
    &ChainTooLong,
];

/// `community.chain_wrong_order`
///
/// **What it checks**: the bundle lists the leaf first and then each certificate's
/// issuer right after it.
///
/// **Why it matters**: RFC 5246 §7.4.2 (TLS 1.2) requires the sender's certificate first
/// and each following certificate to certify the one before it; RFC 8446 §4.4.2 keeps the
/// leaf-first rule and only asks clients to be lenient about the rest. Clients that are
/// not lenient (many embedded and older stacks) reject a scrambled chain.
///
/// **Example**: intermediate, leaf, root fails; leaf, intermediate, root passes; a chain
/// built with [`Chain::new`] (order asserted by the caller) is not applicable.
pub struct ChainWrongOrder;

impl ChainRule for ChainWrongOrder {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.chain_wrong_order", Source::Community, Severity::Error)
            .summary("the bundle must list the leaf first, each certificate followed by its issuer")
            .citation("RFC 5246 §7.4.2; RFC 8446 §4.4.2");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        if chain.kept_order() {
            return Outcome::NotApplicable;
        }
        let positions: Vec<usize> = chain.presented_positions().collect();
        let increasing = positions.windows(2).all(|w| matches!(w, [a, b] if a < b));
        if positions.first() == Some(&0) && increasing {
            return Outcome::Pass;
        }
        let listed: Vec<String> = positions.iter().map(|p| format!("{p}")).collect();
        Outcome::fail(format!(
            "the certificates are sent in the order {} of the path (leaf first is 0, 1, 2, ...)",
            listed.join(", ")
        ))
    }
}

/// `community.chain_duplicate_certificate`
///
/// **What it checks**: no certificate appears twice in the bundle.
///
/// **Why it matters**: with a duplicate, some certificate is not followed by its issuer
/// (RFC 5246 §7.4.2); strict clients reject the chain, and the copy costs bytes in every
/// handshake.
///
/// **Example**: leaf, intermediate, intermediate fails; leaf, intermediate passes; a
/// chain of one certificate passes.
pub struct ChainDuplicateCertificate;

impl ChainRule for ChainDuplicateCertificate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.chain_duplicate_certificate", Source::Community, Severity::Error)
                .summary("the bundle must not contain the same certificate twice")
                .citation("RFC 5246 §7.4.2; RFC 8446 §4.4.2");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        match chain.duplicates().first() {
            None => Outcome::Pass,
            Some((copy, first)) => Outcome::fail(format!(
                "certificate at bundle position {copy} repeats the one at position {first}{}",
                if chain.duplicates().len() > 1 {
                    format!(" ({} duplicates in all)", chain.duplicates().len())
                } else {
                    String::new()
                }
            )),
        }
    }
}

/// `community.chain_unrelated_certificate`
///
/// **What it checks**: every certificate of the bundle belongs to the path (or could
/// issue one of its certificates, as a cross-certificate does).
///
/// **Why it matters**: RFC 5246 §7.4.2 wants each certificate to certify the previous
/// one; an unrelated certificate (a leftover from another site, an old intermediate) is
/// often the sign that the right one is missing.
///
/// **Example**: leaf, intermediate, and a certificate of another hierarchy fails; leaf,
/// intermediate passes.
pub struct ChainUnrelatedCertificate;

impl ChainRule for ChainUnrelatedCertificate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.chain_unrelated_certificate", Source::Community, Severity::Error)
                .summary("every certificate of the bundle must belong to the chain")
                .citation("RFC 5246 §7.4.2; RFC 8446 §4.4.2");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        match chain.unrelated().first() {
            None => Outcome::Pass,
            Some((pos, c)) => Outcome::fail(format!(
                "\"{}\" at bundle position {pos} is not part of the chain{}",
                label_of(c),
                if chain.unrelated().len() > 1 {
                    format!(" ({} unrelated certificates)", chain.unrelated().len())
                } else {
                    String::new()
                }
            )),
        }
    }
}

/// `community.chain_root_included`
///
/// **What it checks**: the bundle does not send the self-signed root at the top of the
/// path.
///
/// **Why it matters**: RFC 8446 §4.4.2 and RFC 5246 §7.4.2 let the trust anchor be left
/// out, since the client must already have it; sending it wastes bytes in every handshake
/// and can make some clients build a path to the sent copy instead of their own.
///
/// **Example**: leaf, intermediate, root warns; leaf, intermediate passes.
pub struct ChainRootIncluded;

impl ChainRule for ChainRootIncluded {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.chain_root_included", Source::Community, Severity::Warn)
            .summary("the bundle should not include the self-signed root")
            .citation("RFC 8446 §4.4.2; RFC 5246 §7.4.2");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        let n = chain.len();
        let (Some(top), Some(Origin::Bundle(pos))) = (chain.certificates().last(), chain.origin(n.saturating_sub(1)))
        else {
            return Outcome::Pass;
        };
        if n > 1 && top.is_self_issued() {
            Outcome::fail(format!("the self-signed root \"{}\" is sent at bundle position {pos}", label_of(top)))
        } else {
            Outcome::Pass
        }
    }
}

/// `community.chain_host_not_covered`
///
/// **What it checks**: the host name the chain is meant to serve ([`Context::with_host`],
/// `--host`) is covered by the leaf's subjectAltName: an exact dNSName (case-insensitive),
/// a wildcard `*.example.com` for exactly one label, or an iPAddress entry for an IP
/// literal.
///
/// **Why it matters**: RFC 6125 §6.4 and RFC 9525 §6.3 define how clients match a
/// reference identity; the subject common name is not consulted (RFC 9525 removed it),
/// so a certificate with the host only in its CN fails in browsers.
///
/// **Example**: host `api.example.com` against SAN `example.com, www.example.com` fails;
/// against `*.example.com` passes; no host in the context is not applicable.
pub struct ChainHostNotCovered;

impl ChainRule for ChainHostNotCovered {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.chain_host_not_covered", Source::Community, Severity::Error)
            .summary("the leaf's subjectAltName must cover the expected host name")
            .citation("RFC 6125 §6.4; RFC 9525 §6.3");
        &META
    }

    fn check(&self, chain: &Chain, ctx: &Context) -> Outcome {
        let (Some(host), Some(leaf)) = (ctx.host(), chain.leaf()) else { return Outcome::NotApplicable };
        match host_match(leaf, host) {
            HostMatch::Covered => Outcome::Pass,
            HostMatch::NotCovered => {
                let names: Vec<String> = match leaf.subject_alt_name() {
                    Some(Ok(san)) => san.value.dns_names().map(crate::cert::lossy).collect(),
                    _ => Vec::new(),
                };
                Outcome::fail(format!("host \"{host}\" is not covered by the leaf's names [{}]", names.join(", ")))
            }
            HostMatch::NoNames => {
                Outcome::fail(format!("the leaf has no subjectAltName entry of the right kind for host \"{host}\""))
            }
        }
    }
}

fn eku_allows(cert: &Certificate, purpose: &crate::oid::ObjectIdentifier) -> Option<bool> {
    match cert.ext_key_usage() {
        Some(Ok(e)) => Some(e.value.contains(purpose) || e.value.contains(&eku::ANY)),
        _ => None,
    }
}

/// `community.chain_purpose_not_allowed`
///
/// **What it checks**: each key purpose the caller requires ([`Context::with_purpose`],
/// `--eku`) is allowed by the leaf's extKeyUsage and by the extKeyUsage of every CA above
/// it that has one (anyExtendedKeyUsage allows everything; no extension allows everything).
///
/// **Why it matters**: RFC 5280 §4.2.1.12 restricts a key to the purposes listed; the
/// TLS BRs (§7.1.2.10.6) and the browsers carry the restriction down from CAs, so a TLS
/// server certificate under a CA limited to clientAuth does not validate for serverAuth.
///
/// **Example**: serverAuth required from a leaf with only clientAuth fails; from a leaf
/// with serverAuth under CAs allowing it passes; no purpose required is not applicable.
pub struct ChainPurposeNotAllowed;

impl ChainRule for ChainPurposeNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.chain_purpose_not_allowed", Source::Community, Severity::Error)
                .summary("the required key purposes must be allowed by every certificate of the chain")
                .citation("RFC 5280 §4.2.1.12; TLS BR §7.1.2.10.6");
        &META
    }

    fn check(&self, chain: &Chain, ctx: &Context) -> Outcome {
        if ctx.purposes().is_empty() {
            return Outcome::NotApplicable;
        }
        for p in ctx.purposes() {
            for (i, c) in chain.certificates().iter().enumerate() {
                if eku_allows(c, p) == Some(false) {
                    return Outcome::fail(format!(
                        "#{i} \"{}\" does not allow the key purpose {}",
                        label_of(c),
                        purpose_name(p)
                    ));
                }
            }
        }
        Outcome::Pass
    }
}

fn purpose_name(p: &crate::oid::ObjectIdentifier) -> String {
    [
        (eku::SERVER_AUTH, "serverAuth"),
        (eku::CLIENT_AUTH, "clientAuth"),
        (eku::CODE_SIGNING, "codeSigning"),
        (eku::EMAIL_PROTECTION, "emailProtection"),
        (eku::TIME_STAMPING, "timeStamping"),
        (eku::OCSP_SIGNING, "OCSPSigning"),
    ]
    .iter()
    .find(|(o, _)| o == p)
    .map_or_else(|| format!("{p}"), |(_, n)| String::from(*n))
}

/// `community.chain_eku_not_allowed_by_issuer`
///
/// **What it checks**: when the issuer has an extKeyUsage without
/// anyExtendedKeyUsage, every purpose in the certificate's extKeyUsage is also in the
/// issuer's.
///
/// **Why it matters**: RFC 5280 §4.2.1.12 leaves EKU in CA certificates undefined, but the
/// TLS BRs (§7.1.2.10.6) use it to restrict CAs, and Microsoft CryptoAPI, Mozilla NSS,
/// Chrome and Go enforce it down the chain: a purpose the issuer lacks does not validate.
///
/// **Example**: a leaf with serverAuth under a CA with only clientAuth fails; under a CA
/// with serverAuth passes; a certificate or issuer without extKeyUsage is not applicable.
pub struct ChainEkuNotAllowedByIssuer;

impl PairRule for ChainEkuNotAllowedByIssuer {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.chain_eku_not_allowed_by_issuer", Source::Community, Severity::Error)
                .summary("extended key usages must be allowed by the issuer's extKeyUsage")
                .citation("RFC 5280 §4.2.1.12; TLS BR §7.1.2.10.6");
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Some(Ok(child)), Some(Ok(issuer))) = (pair.cert().ext_key_usage(), pair.issuer().ext_key_usage()) else {
            return Outcome::NotApplicable;
        };
        if issuer.value.contains(&eku::ANY) {
            return Outcome::Pass;
        }
        let missing: Option<Oid<'_>> = child.value.purposes().find(|p| !issuer.value.purposes().any(|q| q == *p));
        match missing {
            None => Outcome::Pass,
            Some(p) => Outcome::fail(format!(
                "extended key usage {} is not allowed by the issuer \"{}\"",
                p.to_owned().map_or_else(|| format!("{p}"), |o| purpose_name(&o)),
                label_of(pair.issuer())
            )),
        }
    }
}

/// `community.chain_weak_algorithm`
///
/// **What it checks**: no certificate of the chain is signed with MD2, MD5 or SHA-1
/// (trust anchors excepted: their self-signatures are not checked), and no key in the
/// chain is RSA under 2048 bits, DSA, or EC on a curve other than P-256, P-384 or P-521.
/// The message names every weak link.
///
/// **Why it matters**: a chain is as strong as its weakest link (TLS BR §6.1.5 and
/// §7.1.3.2; RFC 9155 deprecates SHA-1 and MD5 signatures in TLS; Mozilla Root Store
/// Policy §5.1). Per-certificate rules see one certificate; this names the link that
/// lets the whole chain down, the anchor's key included.
///
/// **Example**: an intermediate signed with sha1WithRSAEncryption fails; a chain of P-256
/// keys and SHA-256 signatures passes.
pub struct ChainWeakAlgorithm;

impl ChainRule for ChainWeakAlgorithm {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.chain_weak_algorithm", Source::Community, Severity::Error)
            .summary("no weak signature algorithm or key anywhere in the chain")
            .citation("TLS BR §6.1.5, §7.1.3.2; RFC 9155; Mozilla Root Store Policy §5.1");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        let mut weak = Vec::new();
        for (i, c) in chain.certificates().iter().enumerate() {
            if !chain.is_anchor(i) {
                if let Ok(s) = c.tbs_signature_algorithm() {
                    let o = s.oid;
                    let bad = [
                        (&alg::MD2_WITH_RSA, "md2WithRSAEncryption"),
                        (&alg::MD5_WITH_RSA, "md5WithRSAEncryption"),
                        (&alg::SHA1_WITH_RSA, "sha1WithRSAEncryption"),
                        (&alg::ECDSA_WITH_SHA1, "ecdsa-with-SHA1"),
                        (&alg::DSA_WITH_SHA1, "dsa-with-sha1"),
                    ];
                    if let Some((_, n)) = bad.iter().find(|(a, _)| o.is(a)) {
                        weak.push(format!("#{i} \"{}\" is signed with {n}", label_of(c)));
                    }
                }
            }
            if let Ok(k) = c.spki().and_then(|s| s.public_key().map_err(|e| crate::cert::Malformed::new("key", e))) {
                let why = match k {
                    PublicKey::Rsa { .. } => k.rsa_bits().filter(|&b| b < 2048).map(|b| format!("a {b}-bit RSA key")),
                    PublicKey::Dsa => Some(String::from("a DSA key")),
                    PublicKey::Ec { curve, .. }
                        if !(curve.is(&alg::SECP256R1) || curve.is(&alg::SECP384R1) || curve.is(&alg::SECP521R1)) =>
                    {
                        Some(format!("an EC key on curve {curve}"))
                    }
                    _ => None,
                };
                if let Some(w) = why {
                    weak.push(format!("#{i} \"{}\" has {w}", label_of(c)));
                }
            }
        }
        if weak.is_empty() {
            Outcome::Pass
        } else {
            Outcome::fail(weak.join("; "))
        }
    }
}

/// `community.chain_too_long`
///
/// **What it checks**: the path fits in [`MAX_DEPTH`] (8) certificates, leaf and anchor
/// included.
///
/// **Why it matters**: RFC 5280 §6.1 sets no limit, but clients do (mbedTLS allows 8
/// intermediates by default, many embedded stacks fewer) and so does this crate's path
/// building, to bound its work; a longer chain fails in those clients and is almost always
/// a mistake (a loop of cross-certificates, leftover intermediates).
///
/// **Example**: a chain of ten CAs fails; leaf, intermediate, root passes.
pub struct ChainTooLong;

impl ChainRule for ChainTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.chain_too_long", Source::Community, Severity::Warn)
            .summary("the chain should not be longer than 8 certificates")
            .citation("RFC 5280 §6.1; client path-length limits");
        &META
    }

    fn check(&self, chain: &Chain, _: &Context) -> Outcome {
        if chain.depth_limited() {
            Outcome::fail(format!("the path is longer than {MAX_DEPTH} certificates and was cut there"))
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::testkit::*;
    use crate::oid::ext;
    use crate::testutil::der::*;
    use crate::Status;
    use alloc::vec;

    fn unordered(certs: Vec<Certificate>) -> Chain {
        Chain::from_unordered(certs).unwrap()
    }

    #[test]
    fn wrong_order() {
        let (r, i, l) = abc();
        assert_chain(&ChainWrongOrder, &unordered(abc_certs()), &ctx(), Status::Pass);
        let msg = assert_chain(
            &ChainWrongOrder,
            &unordered(vec![i.by(&r), l.by(&i), r.self_signed()]),
            &ctx(),
            Status::Error,
        );
        assert!(msg.contains("1, 0, 2"), "{msg}");
        assert_chain(&ChainWrongOrder, &unordered(vec![l.by(&i), r.self_signed(), i.by(&r)]), &ctx(), Status::Error);
        assert_chain(&ChainWrongOrder, &Chain::new(abc_certs()).unwrap(), &ctx(), Status::NotApplicable);
    }

    #[test]
    fn duplicate_certificate() {
        let (r, i, l) = abc();
        assert_chain(&ChainDuplicateCertificate, &unordered(abc_certs()), &ctx(), Status::Pass);
        let msg = assert_chain(
            &ChainDuplicateCertificate,
            &unordered(vec![l.by(&i), i.by(&r), i.by(&r)]),
            &ctx(),
            Status::Error,
        );
        assert!(msg.contains("position 2 repeats the one at position 1"), "{msg}");
        assert_chain(&ChainDuplicateCertificate, &unordered(vec![l.by(&i)]), &ctx(), Status::Pass);
    }

    #[test]
    fn unrelated_certificate() {
        let (r, i, l) = abc();
        let stray = Node::root("Other Root", 9).self_signed();
        assert_chain(&ChainUnrelatedCertificate, &unordered(abc_certs()), &ctx(), Status::Pass);
        let msg = assert_chain(
            &ChainUnrelatedCertificate,
            &unordered(vec![l.by(&i), stray, i.by(&r)]),
            &ctx(),
            Status::Error,
        );
        assert!(msg.contains("Other Root") && msg.contains("position 1"), "{msg}");
    }

    #[test]
    fn root_included() {
        let (r, i, l) = abc();
        let msg = assert_chain(&ChainRootIncluded, &unordered(abc_certs()), &ctx(), Status::Warn);
        assert!(msg.contains("Root A"), "{msg}");
        assert_chain(&ChainRootIncluded, &unordered(vec![l.by(&i), i.by(&r)]), &ctx(), Status::Pass);
        let anchored = Chain::builder(vec![l.by(&i), i.by(&r)]).roots(vec![r.self_signed()]).build().unwrap();
        assert_chain(&ChainRootIncluded, &anchored, &ctx(), Status::Pass);
    }

    #[test]
    fn host_not_covered() {
        let c = unordered(abc_certs());
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("www.example.com"), Status::Pass);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("WWW.Example.com."), Status::Pass);
        let msg = assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("api.example.com"), Status::Error);
        assert!(msg.contains("api.example.com") && msg.contains("www.example.com"), "{msg}");
        let msg = assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("192.0.2.1"), Status::Error);
        assert!(msg.contains("no subjectAltName entry"), "{msg}");
        assert_chain(&ChainHostNotCovered, &c, &ctx(), Status::NotApplicable);
        let (r, i, _) = abc();
        let wild = Node::leaf(&["*.example.com"], 3, &i);
        let c = unordered(vec![wild.by(&i), i.by(&r)]);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("api.example.com"), Status::Pass);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("a.b.example.com"), Status::Error);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("example.com"), Status::Error);
        let ip = Node::leaf(&["example.com"], 3, &i)
            .with(|b| b.ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(7, &[192, 0, 2, 1])])));
        let c = unordered(vec![ip.by(&i), i.by(&r)]);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("192.0.2.1"), Status::Pass);
        assert_chain(&ChainHostNotCovered, &c, &ctx().with_host("192.0.2.2"), Status::Error);
    }

    #[test]
    fn purpose_not_allowed() {
        let c = unordered(abc_certs());
        assert_chain(&ChainPurposeNotAllowed, &c, &ctx().with_purpose(eku::SERVER_AUTH), Status::Pass);
        let msg = assert_chain(&ChainPurposeNotAllowed, &c, &ctx().with_purpose(eku::EMAIL_PROTECTION), Status::Error);
        assert!(msg.contains("#0") && msg.contains("emailProtection"), "{msg}");
        assert_chain(&ChainPurposeNotAllowed, &c, &ctx(), Status::NotApplicable);
        let (r, i, l) = abc();
        let client_ca = i.with(|b| b.ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&eku::CLIENT_AUTH)])));
        let c = unordered(vec![l.by(&client_ca), client_ca.by(&r)]);
        let msg = assert_chain(&ChainPurposeNotAllowed, &c, &ctx().with_purpose(eku::SERVER_AUTH), Status::Error);
        assert!(msg.contains("#1") && msg.contains("serverAuth"), "{msg}");
    }

    #[test]
    fn eku_not_allowed_by_issuer() {
        let (r, i, l) = abc();
        assert_pair(&ChainEkuNotAllowedByIssuer, abc_certs(), 0, Status::Pass);
        let client_ca = i.clone().with(|b| b.ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&eku::CLIENT_AUTH)])));
        let msg = assert_pair(&ChainEkuNotAllowedByIssuer, vec![l.by(&client_ca), client_ca.by(&r)], 0, Status::Error);
        assert!(msg.contains("serverAuth"), "{msg}");
        let any_ca = i.clone().with(|b| b.ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&eku::ANY)])));
        assert_pair(&ChainEkuNotAllowedByIssuer, vec![l.by(&any_ca), any_ca.by(&r)], 0, Status::Pass);
        let no_eku = l.with(|b| b.without_ext(&ext::EXT_KEY_USAGE));
        assert_pair(&ChainEkuNotAllowedByIssuer, vec![no_eku.by(&i), i.by(&r)], 0, Status::NotApplicable);
    }

    #[test]
    fn weak_algorithm() {
        let (r, i, l) = abc();
        assert_chain(&ChainWeakAlgorithm, &unordered(abc_certs()), &ctx(), Status::Pass);
        let sha1 = i.clone().with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::SHA1_WITH_RSA), &null()]);
            b
        });
        let msg =
            assert_chain(&ChainWeakAlgorithm, &Chain::new(vec![l.by(&i), sha1.by(&r)]).unwrap(), &ctx(), Status::Error);
        assert!(msg.contains("#1") && msg.contains("sha1WithRSAEncryption"), "{msg}");
        let small = l.with(|mut b| {
            b.spki = crate::testutil::rsa_spki(1024, 65537);
            b
        });
        let msg = assert_chain(
            &ChainWeakAlgorithm,
            &Chain::new(vec![small.by(&i), i.by(&r)]).unwrap(),
            &ctx(),
            Status::Error,
        );
        assert!(msg.contains("1024-bit RSA"), "{msg}");
        // The self-signature of the anchor does not count.
        let sha1_root = r.with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::ECDSA_WITH_SHA1)]);
            b
        });
        let c = Chain::new(vec![i.by(&sha1_root), sha1_root.self_signed()]).unwrap();
        assert_chain(&ChainWeakAlgorithm, &c, &ctx(), Status::Pass);
    }

    #[test]
    fn too_long() {
        assert_chain(&ChainTooLong, &unordered(abc_certs()), &ctx(), Status::Pass);
        let mut nodes = vec![Node::root("CA 0", 1)];
        for k in 1..10u8 {
            let parent = nodes.last().unwrap().clone();
            nodes.push(Node::sub(&alloc::format!("CA {k}"), k + 1, &parent));
        }
        let leaf = Node::leaf(&["example.com"], 50, nodes.last().unwrap());
        let mut certs = vec![leaf.by(nodes.last().unwrap())];
        for w in nodes.windows(2).rev() {
            certs.push(w[1].by(&w[0]));
        }
        certs.push(nodes[0].self_signed());
        let msg = assert_chain(&ChainTooLong, &unordered(certs.clone()), &ctx(), Status::Warn);
        assert!(msg.contains("longer than 8"), "{msg}");
        assert_chain(&ChainTooLong, &Chain::new(certs).unwrap(), &ctx(), Status::Warn);
    }
}
